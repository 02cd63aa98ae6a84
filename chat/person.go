package chat

import (
	"regexp"
	"strings"
	"unicode"
)

// A question asking who holds a position ("Who is the Secretary-General of
// the Gulf Cooperation Council?") is answered only by a sentence that names
// a person in that position: it holds the role's words, every name the
// question gives (the body the role belongs to), and a personal name — a run
// of at least two capitalised words that the question does not give ("ASEAN
// Secretary-General Kao Kim Hourn"). A sentence about the body alone, or
// about the same role in another body, does not answer it.

// roleRe matches "who is/was the <role> [of|at|for|in …]".
var roleRe = regexp.MustCompile(`(?i)^\s*who (?:is|was|are|were) (?:the |an? )((?:[\p{L}-]+ ){0,3}?[\p{L}-]+)(?: (?:of|at|for|in|on)\b|\s*\?|\s*$)`)

// roleOf returns the stemmed words of the position a question asks the
// holder of, or nil.
func roleOf(text string) []string {
	m := roleRe.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	return contentTerms(m[1])
}

// namesHolder reports whether one of the sentences names a person in the
// role q asks about.
func (ev *evidence) namesHolder(q *question, core []*candidate) bool {
	for _, c := range core {
		if !holdsAll(c.terms, q.role) {
			continue
		}
		ok := true
		for t := range q.entity {
			if !c.terms[t] && !isNumber(t) {
				ok = false
			}
		}
		if ok && hasPersonalName(c.text, q) {
			return true
		}
	}
	return false
}

// hasPersonalName reports whether s holds, after its first word, a run of
// two or more capitalised words none of which the question gives.
func hasPersonalName(s string, q *question) bool {
	run := 0
	for i, f := range strings.Fields(s) {
		w := strings.Trim(f, `"'“”‘’(),.?!:;`)
		r := []rune(w)
		name := i > 0 && len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLower(r[len(r)-1]) &&
			!q.entity[stem(strings.ToLower(w))] && !stopword[strings.ToLower(w)]
		if name {
			run++
			if run >= 2 {
				return true
			}
		} else {
			run = 0
		}
		if w != f && strings.ContainsAny(f, ",.;:()") {
			run = 0 // punctuation ends a name
		}
	}
	return false
}
