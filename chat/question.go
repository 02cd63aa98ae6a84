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
	text       string
	terms      []string          // stemmed content terms of the question itself
	context    []string          // stemmed terms carried from earlier turns
	meta       []string          // terms that name an article's authors or title, not its content
	kin        map[string]string // for a term no passage holds, a related term they do hold (kin.go)
	bigrams    map[string]bool   // adjacent content-term pairs, "a b"
	phrases    []string          // quoted phrases, lower case
	entity     map[string]bool   // terms written with a capital inside the question
	number     numKind           // the kind of number the answer must give, if any
	measure    string            // the stemmed thing a number is asked of ("population", "students"), if named
	owner      string            // for "what share of X's N", the stemmed owner X (owner.go)
	owned      string            // … and the stemmed thing N
	counted    []string          // for "how many", the stems of what is counted; a number must precede one of them
	who        bool              // asks who wrote or argues something
	authorship bool              // asks who wrote an article (authorship.go)
	role       []string          // asks who holds this position ("secretary general"), see person.go
	count      int               // asks for so many things ("what three insights"), else 0
	parts      []question        // the sub-questions of a two-part question, else nil
}

var (
	// Quoted phrases: double quotes anywhere, single quotes only at word
	// edges so that apostrophes ("China's") do not open a quote.
	quotedRe = regexp.MustCompile(`["“]([^"”]{3,80})["”]|(?:^|\s)['‘]([^'’]{3,80})['’](?:\s|[.,;:?!]|$)`)
	// Questions about who wrote or holds a view, not about a person in the text.
	whoRe = regexp.MustCompile(`(?i)\b(which|what) (authors?|contributors?|writers?|scholars?|experts?|researchers?|article)\b|\bwho (wrote|writes|authored|argues?|argued|contends?|describes?|described|claims?|says?|suggests?|proposes?|maintains?|is the author)\b|\bwhose (article|chapter|essay)\b`)
)

// analyse reads a question (and the terms carried from history).
func analyse(text string, context []string) question {
	q := question{
		text:       text,
		terms:      contentTerms(text),
		bigrams:    map[string]bool{},
		entity:     map[string]bool{},
		number:     numberKind(text),
		measure:    measureOf(text),
		counted:    countedOf(text),
		who:        whoRe.MatchString(text),
		authorship: authorshipRe.MatchString(text),
		role:       roleOf(text),
		count:      countOf(text),
	}
	q.terms = dropAsked(q.terms, text)
	q.owner, q.owned = ownedOf(text)
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

// answeredBy reports whether a sentence gives the kind of number q asks
// for, and for a "how many" question, a number of the thing asked about.
func (q *question) answeredBy(s *sentence) bool {
	if !s.nums.answers(q.number, q.terms) {
		return false
	}
	return len(q.counted) == 0 || s.nums.counts(q.counted)
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
