package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The shape of a line of text — whether it ends a sentence, looks like a
// heading, starts in lower case — is all the structure a PDF extraction
// keeps. These predicates read it.

// terminated reports whether s ends as a sentence or clause does, looking
// through closing quotes and emphasis: `… 2013.`, `… “home.”`, `(DOC).`
func terminated(s string) bool {
	s = strings.TrimRight(s, " *\"'”’»")
	if s == "" {
		return false
	}
	if strings.HasSuffix(s, ")") || strings.HasSuffix(s, "]") {
		s = strings.TrimRight(s[:len(s)-1], " \"'”’")
		r, _ := utf8.DecodeLastRuneInString(s)
		return strings.ContainsRune(".!?", r)
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?;:…。！？", r)
}

// startsLower reports whether s starts with a lower-case letter (after any
// opening quotes or brackets), the mark of a continuation.
func startsLower(s string) bool {
	r := firstLetterOrDigit(s)
	return unicode.IsLower(r)
}

func firstLetterOrDigit(s string) rune {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		if !strings.ContainsRune("\"'“‘(«[", r) {
			return r
		}
	}
	return 0
}

// headingStopwords are the small words title case leaves in lower case.
var headingStopwords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "nor": true, "but": true,
	"of": true, "in": true, "on": true, "for": true, "to": true, "with": true, "by": true,
	"at": true, "from": true, "as": true, "into": true, "onto": true, "between": true,
	"among": true, "amid": true, "via": true, "vs": true, "per": true, "over": true,
	"under": true, "toward": true, "towards": true, "through": true, "about": true,
	"against": true, "within": true, "without": true, "its": true, "their": true,
	"is": true, "are": true, "be": true, "than": true, "up": true, "beyond": true,
}

// danglingWords end a line cut mid-sentence, never a heading.
var danglingWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "and": true, "or": true, "to": true,
	"for": true, "with": true, "by": true, "such": true, "as": true, "that": true,
	"which": true, "from": true, "in": true, "on": true, "at": true, "its": true, "their": true,
}

// headingLike reports whether s has the shape of a section heading: short,
// not ending a sentence, starting with a capital, and either in title case
// or only a few words long.
//
// A question can be a heading ("Who Governs the Seabed?") only in title
// case; in sentence case it is a one-sentence paragraph.
func headingLike(s string) bool {
	question := strings.HasSuffix(s, "?")
	if len(s) == 0 || len(s) > 200 || terminated(s) && !question || strings.HasSuffix(s, ",") {
		return false
	}
	if r := firstLetterOrDigit(s); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 25 || danglingWords[words[len(words)-1]] {
		return false
	}
	if len(words) <= 8 && !question {
		return true
	}
	content, upper := 0, 0
	for _, w := range words {
		w = strings.Trim(w, "\"'“”‘’()[]:,;.!?—–-*")
		if w == "" || headingStopwords[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		content++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return content > 0 && upper*4 >= content*3
}

// titleCase turns an ALL-CAPS heading ("FOREWORD", "EDITOR'S NOTE") into
// title case ("Foreword", "Editor's Note"); other text is returned as is.
func titleCase(s string) string {
	if strings.ToUpper(s) != s || strings.ToLower(s) == s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i > 0 && headingStopwords[w] {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// allCaps reports whether s has letters and none of them is lower case.
func allCaps(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// matchKey reduces a title to its lower-case letters and digits, so that a
// contents entry matches its body heading despite quotes (“ vs "), dashes,
// emphasis and line breaks.
func matchKey(s string) string {
	buf := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				buf = append(buf, c)
			case 'A' <= c && c <= 'Z':
				buf = append(buf, c+'a'-'A')
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return string(buf)
}
