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
