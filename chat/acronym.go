package chat

import (
	"regexp"
	"strings"
	"unicode"
)

// Reports define an acronym once ("the China-ASEAN Free Trade Area (FTA)")
// and then use it alone ("The FTA was fully established as scheduled in
// 2010."). A question names the thing in full, so a sentence that uses the
// acronym also holds, for matching, the terms of the name it stands for —
// when the passage itself gives the definition. The sentence text (and so
// every quote) is unchanged.

// acronymDefRe matches an acronym in brackets: "(FTA)", "(RCEP)", "(ADMM-Plus)".
var acronymDefRe = regexp.MustCompile(`\((\p{Lu}[\p{Lu}\p{N}&+-]{1,9})\)`)

// maxSkipped bounds the words of a name, other than function words, that
// its acronym leaves out ("Declaration on the Conduct of Parties in the
// South China Sea (DOC)" leaves out Parties, South and Sea).
const maxSkipped = 4

// acronyms returns the acronyms the text defines, each with the stemmed
// content terms of the name it stands for.
func acronyms(text string) map[string][]string {
	var out map[string][]string
	for _, m := range acronymDefRe.FindAllStringSubmatchIndex(text, -1) {
		acr := text[m[2]:m[3]]
		if name := expansion(text[:m[0]], acr); name != "" {
			if out == nil {
				out = map[string][]string{}
			}
			out[acr] = contentTerms(name)
		}
	}
	return out
}

// expansion returns the words at the end of before whose initials spell
// acr (its letters, matched from the last), or "" when they do not.
func expansion(before, acr string) string {
	ws := strings.Fields(before)
	letters := []rune(strings.ToUpper(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, acr)))
	k, skipped := len(letters)-1, 0
	for i := len(ws) - 1; i >= 0 && k >= 0; i-- {
		r := []rune(strings.TrimLeft(ws[i], `"'“‘(`))
		if len(r) > 0 && unicode.ToUpper(r[0]) == letters[k] {
			k--
			if k < 0 {
				if !unicode.IsUpper(r[0]) {
					return "" // a name starts with a capital
				}
				if i > 0 && strings.Contains(ws[i-1], "-") && unicode.IsUpper([]rune(ws[i-1])[0]) {
					i-- // a hyphenated name before it belongs to it: "China-ASEAN Free Trade Area (FTA)"
				}
				return strings.Join(ws[i:], " ")
			}
			continue
		}
		if stopword[strings.ToLower(ws[i])] {
			continue // "of", "the", "in" are passed over freely
		}
		if skipped++; skipped > maxSkipped {
			return ""
		}
	}
	return ""
}

// expandAcronyms adds to the terms of each sentence that uses an acronym
// the terms of the name it stands for.
func expandAcronyms(sents []*sentence, defs map[string][]string) {
	if len(defs) == 0 {
		return
	}
	for _, s := range sents {
		for i, w := range tokens(s.text) {
			for _, t := range defs[w] {
				s.terms[t] = true
				s.pos[t] = append(s.pos[t], i)
			}
		}
	}
}
