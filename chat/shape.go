package chat

import (
	"regexp"
	"strings"
)

// The shape of a question decides the shape of its answer: a number of some
// kind, so many items, or two parts each answered on its own.

// numKind is the kind of number a question asks for.
type numKind int

const (
	numNone   numKind = iota
	numAmount         // how many, how much, what share: any number that is not part of a name
	numTime           // when, what deadline: a year or a month
	numYear           // in what year: a year
)

var (
	// Questions whose answer is an amount or a time.
	amountRe = regexp.MustCompile(`(?i)\b(how (many|much|long|large|big)|(what|which) (share|percentage|proportion|value|amount|number|size|sum|total|rate))\b` +
		// "What is the population of …", "What was ASEAN's combined GDP …": a quantity.
		`|\b(what|which) (is|was|are|were) (the |its |their |[\p{L}-]+'s )?((combined|total|annual|current|average) )?(population|gdp|budget|cost|price|revenue|income|value|size|share|number|amount|volume|rate|percentage|turnover|output)\b`)
	timeRe = regexp.MustCompile(`(?i)\b(when|(what|which) (date|month|deadline|time ?frame|timeline)|deadline|by when|since when)\b`)
	yearRe = regexp.MustCompile(`(?i)\b(what|which) year\b`)
	// A count of things asked for: "What three insights …".
	// Only a count that is asked for: "the two Indonesian cities" and "the
	// six Central Asian leaders" name things, they ask for no list.
	countRe = regexp.MustCompile(`(?i)\b(?:what|which|name|list|give) (?:are |were )?(?:the |its |their )?(two|three|four|five|six|[2-6]) [a-z]`)
	// Where a two-part question divides: ", and when …", " and what …".
	partRe = regexp.MustCompile(`(?i),? and ((?:(?:in|at|on|by|for|with|to|from|under|through|during) )?(?:when|what|which|who|whom|how|where|why)|did|does|do|is|are|was|were|has|have)\b`)
)

// askedRe finds the word that names the kind of answer a time question
// wants ("in what year", "on which date"): the answer is a year or a date,
// not a sentence with the word "year" in it.
var askedRe = regexp.MustCompile(`(?i)\b(?:what|which) (year|date|month|day)\b`)

// dropAsked removes from terms the word naming the kind of answer asked for.
func dropAsked(terms []string, text string) []string {
	m := askedRe.FindStringSubmatch(text)
	if m == nil {
		return terms
	}
	asked := stem(strings.ToLower(m[1]))
	out := terms[:0:0]
	for _, t := range terms {
		if t != asked {
			out = append(out, t)
		}
	}
	return out
}

func numberKind(text string) numKind {
	switch {
	case yearRe.MatchString(text):
		return numYear
	case timeRe.MatchString(text):
		return numTime
	case amountRe.MatchString(text):
		return numAmount
	}
	return numNone
}

// measureRe finds the thing a quantity is asked of: "how many students",
// "how much funding", "what is the population of".
var measureRe = regexp.MustCompile(`(?i)\bhow (?:many|much) (?-i:(?:[A-Z][\p{L}-]* )*([a-z][\p{L}-]*))|\b(?:what|which) (?:is|was|are|were) (?:the |its |their |[\p{L}-]+'s )?(?:(?:combined|total|annual|current|average) )?(population|gdp|budget|cost|price|revenue|income|turnover|output)\b`)

// measureOf returns the stemmed noun a quantity question measures, or "".
// Words that a figure expresses by itself ("share", "value", "percentage")
// are not measures: "30% of total trade" answers "what share".
func measureOf(text string) string {
	m := measureRe.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	w := strings.ToLower(m[1] + m[2])
	if auxiliary[w] {
		return afterSubject(text[strings.Index(strings.ToLower(text), "how m"):])
	}
	if stopword[w] {
		return ""
	}
	return stem(w)
}

// auxiliary holds the verbs that open "how much did China invest …".
var auxiliary = map[string]bool{"did": true, "does": true, "do": true, "has": true, "have": true, "had": true,
	"is": true, "are": true, "was": true, "were": true, "will": true, "would": true, "can": true, "could": true}

// afterSubject returns, for "how much did China invest in …", the stem of
// the first ordinary word after the auxiliary, past names, possessives and
// articles ("invest"): what the amount is an amount of. "" if none.
func afterSubject(text string) string {
	f := strings.Fields(text)
	for _, w := range f[min(3, len(f)):] { // past "how much did"
		w = strings.Trim(w, `"'“”‘’(),.?!:;`)
		low := strings.ToLower(w)
		if w == "" || low != w || strings.HasSuffix(low, "'s") || strings.HasSuffix(low, "’s") || stopword[low] {
			continue
		}
		return stem(low)
	}
	return ""
}

// countedRe finds the words after "how many": the thing to be counted.
var countedRe = regexp.MustCompile(`(?i)\bhow many ((?:[\p{L}-]+\s*){1,6})`)

// countedOf returns the stems of the noun phrase a "how many" question
// counts ("how many agricultural experiment stations has …" gives
// agricultural, experiment, station), or nil. The phrase ends at a function
// word or a past form ("how many people died"). Only its lower-case words
// are kept when it has any: "how many ASEAN students" counts students, and a
// number counts them only when they follow it ("12 students"), not "ASEAN".
func countedOf(text string) []string {
	m := countedRe.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	var all, lower []string
	for _, w := range strings.Fields(m[1]) {
		low := strings.ToLower(w)
		if stopword[low] || len(all) > 0 && strings.HasSuffix(low, "ed") {
			break
		}
		all = append(all, stem(low))
		if low == w {
			lower = append(lower, stem(low))
		}
	}
	if len(lower) > 0 {
		return lower
	}
	return all
}

var countWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

// countOf returns how many things the question asks for, or 0.
func countOf(text string) int {
	m := countRe.FindStringSubmatch(text)
	if m == nil {
		return 0
	}
	if n, ok := countWords[strings.ToLower(m[1])]; ok {
		return n
	}
	return int(m[1][0] - '0')
}

// splitParts divides "When was X established, and when did Y happen?" into
// its two questions, each answered by its own sentence. A question that
// does not divide into two parts with content of their own returns nil.
func splitParts(text string, context []string) []question {
	loc := partRe.FindStringSubmatchIndex(text)
	if loc == nil {
		return nil
	}
	first, second := text[:loc[0]], text[loc[2]:]
	if len(contentTerms(first)) < 2 || len(contentTerms(second)) < 2 {
		return nil
	}
	return []question{analyse(first, context), analyse(second, context)}
}
