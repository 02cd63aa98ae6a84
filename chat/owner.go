package chat

import (
	"regexp"
	"strings"
)

// A share is a share of someone's thing: "What percentage of ASEAN's total
// trade is with China?" is not answered by "China's trade in goods with
// partner countries has consistently accounted for over 30% of total
// trade", which gives a share of China's trade. When a share question
// names whose thing it is, a sentence that names another owner of that
// thing (and not this one) does not answer it.

// shareOfRe finds "<share word> of <owner>'s …" in a question.
var shareOfRe = regexp.MustCompile(`(?i)\b(?:share|percentage|proportion|part|fraction|portion) of ([\p{L}-]+)['’]s ((?:[\p{L}-]+ ?){1,4})`)

// possessiveRe finds "<owner>'s" in a sentence.
var possessiveRe = regexp.MustCompile(`([\p{L}-]+)['’]s\b`)

// ownedOf returns the stemmed owner and thing of a share question ("asean",
// "trad"), or "", "".
func ownedOf(text string) (owner, thing string) {
	m := shareOfRe.FindStringSubmatch(text)
	if m == nil {
		return "", ""
	}
	for _, w := range strings.Fields(m[2]) {
		low := strings.ToLower(w)
		if _, past := irregular[low]; stopword[low] || past || len(low) > 4 && strings.HasSuffix(low, "ed") {
			break // the phrase ends at a function word or a verb: "… assistance went to"
		}
		thing = stem(low)
	}
	if thing == "" {
		return "", ""
	}
	return stem(strings.ToLower(m[1])), thing
}

// otherOwner reports whether the sentence gives the thing q asks a share of
// as someone else's, and never as the owner's q names.
func otherOwner(q *question, s string) bool {
	if q.owner == "" {
		return false
	}
	other := false
	for _, loc := range possessiveRe.FindAllStringSubmatchIndex(s, -1) {
		owner := stem(strings.ToLower(s[loc[2]:loc[3]]))
		next := contentTerms(firstWords(s[loc[1]:], 4))
		holds := false
		for _, t := range next {
			if t == q.owned {
				holds = true
			}
		}
		if !holds {
			continue
		}
		if owner == q.owner {
			return false
		}
		other = true
	}
	return other
}

// firstWords returns the first n words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}
