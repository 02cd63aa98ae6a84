package chat

import (
	"regexp"
	"strings"
)

// A quantity is a quantity of something: "how many students", "how much
// funding", "what is the population of …", "how much did China invest".
// The answer must give that thing (abstain.go), and for "how many" a
// number of it (wordnum.go).

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
