package chat

import (
	"regexp"
	"strings"
	"unicode"
)

// question is what the answerer needs to know about what was asked: its
// content terms (what a supporting sentence must mention), the terms carried
// over from earlier turns (which help but are not what is asked), and the
// shape of the answer wanted.
type question struct {
	text    string
	terms   []string        // stemmed content terms of the question itself
	context []string        // stemmed terms carried from earlier turns
	meta    []string        // terms that name an article's authors or title, not its content
	bigrams map[string]bool // adjacent content-term pairs, "a b"
	phrases []string        // quoted phrases, lower case
	entity  map[string]bool // terms written with a capital inside the question
	number  numKind         // the kind of number the answer must give, if any
	measure string          // the stemmed thing a number is asked of ("population", "students"), if named
	who     bool            // asks who wrote or argues something
	count   int             // asks for so many things ("what three insights"), else 0
	parts   []question      // the sub-questions of a two-part question, else nil
}

// numKind is the kind of number a question asks for.
type numKind int

const (
	numNone   numKind = iota
	numAmount         // how many, how much, what share: any number that is not part of a name
	numTime           // when, what deadline: a year or a month
	numYear           // in what year: a year
)

var (
	// Quoted phrases: double quotes anywhere, single quotes only at word
	// edges so that apostrophes ("China's") do not open a quote.
	quotedRe = regexp.MustCompile(`["“]([^"”]{3,80})["”]|(?:^|\s)['‘]([^'’]{3,80})['’](?:\s|[.,;:?!]|$)`)
	// Questions whose answer is an amount or a time.
	amountRe = regexp.MustCompile(`(?i)\b(how (many|much|long|large|big)|(what|which) (share|percentage|proportion|value|amount|number|size|sum|total|rate))\b` +
		// "What is the population of …", "What was ASEAN's combined GDP …": a quantity.
		`|\b(what|which) (is|was|are|were) (the |its |their |[\p{L}-]+'s )?((combined|total|annual|current|average) )?(population|gdp|budget|cost|price|revenue|income|value|size|share|number|amount|volume|rate|percentage|turnover|output)\b`)
	timeRe = regexp.MustCompile(`(?i)\b(when|(what|which) (date|month|deadline|time ?frame|timeline)|deadline|by when|since when)\b`)
	yearRe = regexp.MustCompile(`(?i)\b(what|which) year\b`)
	// A count of things asked for: "What three insights …".
	countRe = regexp.MustCompile(`(?i)\b(two|three|four|five|six|[2-6]) [a-z]`)
	// Where a two-part question divides: ", and when …", " and what …".
	partRe = regexp.MustCompile(`(?i),? and (when|what|which|who|whom|how|where|why|in what|in which|did|does|do|is|are|was|were|has|have)\b`)
	// Questions about who wrote or holds a view, not about a person in the text.
	whoRe = regexp.MustCompile(`(?i)\b(which|what) (authors?|contributors?|writers?|scholars?|experts?|researchers?|article)\b|\bwho (wrote|writes|authored|argues?|argued|contends?|describes?|described|claims?|says?|suggests?|proposes?|maintains?|is the author)\b|\bwhose (article|chapter|essay)\b`)
)

// analyse reads a question (and the terms carried from history).
func analyse(text string, context []string) question {
	q := question{
		text:    text,
		terms:   contentTerms(text),
		bigrams: map[string]bool{},
		entity:  map[string]bool{},
		number:  numberKind(text),
		measure: measureOf(text),
		who:     whoRe.MatchString(text),
		count:   countOf(text),
	}
	in := map[string]bool{}
	for _, t := range q.terms {
		in[t] = true
	}
	for _, t := range context {
		if !in[t] {
			q.context = append(q.context, t)
		}
	}
	q.bigrams = bigramsOf(text)
	for _, m := range quotedRe.FindAllStringSubmatch(text, -1) {
		q.phrases = append(q.phrases, strings.ToLower(m[1]+m[2]))
	}
	for t := range capitalised(text) {
		q.entity[t] = true
	}
	q.parts = splitParts(text, context)
	return q
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
	if stopword[w] {
		return ""
	}
	return stem(w)
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

// bigramsOf returns the pairs of adjacent content words of s, stemmed.
func bigramsOf(s string) map[string]bool {
	out := map[string]bool{}
	prev := ""
	for _, w := range words(s) {
		if stopword[w] {
			prev = ""
			continue
		}
		t := stem(w)
		if prev != "" {
			out[prev+" "+t] = true
		}
		prev = t
	}
	return out
}

// capitalised returns the stemmed terms written with a capital letter
// anywhere but the first word: names of people, places, bodies and programmes.
func capitalised(s string) map[string]bool {
	out := map[string]bool{}
	for i, f := range strings.Fields(s) {
		if i == 0 {
			continue
		}
		f = strings.Trim(f, `"'“”‘’(),.?!:;`)
		if f == "" || !unicode.IsUpper([]rune(f)[0]) {
			continue
		}
		for _, w := range words(f) {
			if !stopword[w] {
				out[stem(w)] = true
			}
		}
	}
	return out
}
