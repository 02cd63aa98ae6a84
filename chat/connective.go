package chat

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A sentence lifted out of its paragraph may open with a word that links it
// to the sentences around it: "For instance, …", "However, …", "Second, …".
// Once it stands alone in an answer — after "According to X," or after a
// sentence that was not its neighbour — the link points at nothing, and
// "According to Xu Liping and Fan Jiaqi, for instance, in 2023, …" reads
// badly; so does "To tackle this problem, …" without the problem. Such an
// opener is dropped from the answer text; the citation's quote keeps the
// sentence verbatim. Openers that carry meaning of their own
// ("In 2023,", "Currently,", "Bilaterally,") are kept.

// connectiveRe matches a linking opener and the comma after it.
var connectiveRe = regexp.MustCompile(`^(?i:for (?:instance|example)|however|first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|finally|lastly|moreover|furthermore|additionally|in addition|besides|also|meanwhile|therefore|thus|hence|subsequently|likewise|similarly|in summary|in short|in sum|in other words|on the one hand|on the other hand|as a result|consequently|accordingly|that said|indeed|of course|in fact|to this end|for this purpose|at the same time|by contrast|in contrast|conversely|nevertheless|nonetheless|still|then),\s+`)

// backLinkRe matches an opener that points back with "this", "these",
// "that" or "such": "To tackle this problem,", "Against this backdrop,",
// "Building on this foundation,". ("Of these, …" is left alone: what
// follows counts among them.)
var backLinkRe = regexp.MustCompile(`^(?i:(?:[a-z]+ ){1,3}(?:this|these|that|those|such) ([a-z-]+)(?: [a-z-]+)?),\s+`)

// timeNoun holds the nouns that make such an opener a time ("In this
// year,"), which is kept.
var timeNoun = map[string]bool{"year": true, "years": true, "month": true, "months": true, "week": true,
	"day": true, "period": true, "decade": true, "century": true, "era": true, "time": true, "phase": true, "stage": true}

// dropConnective returns s without a linking opener, its first letter made
// a capital again, and whether one was dropped. A sentence that is nothing
// but the opener is returned whole.
func dropConnective(s string) (string, bool) {
	loc := connectiveRe.FindStringIndex(s)
	if loc == nil && !strings.HasPrefix(strings.ToLower(s), "of ") {
		if m := backLinkRe.FindStringSubmatchIndex(s); m != nil && !timeNoun[strings.ToLower(s[m[2]:m[3]])] {
			loc = m[:2]
		}
	}
	if loc == nil || loc[1] >= len(s) {
		return s, false
	}
	rest := s[loc[1]:]
	r, n := utf8.DecodeRuneInString(rest)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(`"'“‘(`, r) {
		return s, false // not a sentence after it
	}
	return string(unicode.ToUpper(r)) + rest[n:], true
}
