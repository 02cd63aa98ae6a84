package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// hyphens decides what a hyphen at the end of a line or page means, using
// the document itself as the dictionary: typesetters hyphenate words at line
// ends ("Dia-" + "logue"), but a line can also end inside a real compound
// ("people-to-" + "people", "China-" + "ASEAN"). No word list could cover a
// publisher's vocabulary; the rest of the same document usually does.
type hyphens struct {
	doc    string
	dashes *[]int // offsets of the document's hyphens, found on first use
}

func newHyphens(doc string) hyphens { return hyphens{doc: doc, dashes: new([]int)} }

// keepPrefixes are prefixes written with a hyphen so often that a line-end
// hyphen after them is kept unless the document writes the word joined.
var keepPrefixes = map[string]bool{"self": true, "non": true, "cross": true, "well": true}

// join joins two pieces of one paragraph (two lines, or a paragraph and its
// continuation after a page break) with a space, or without one when left
// ends in a hyphen: the hyphen is dropped when it only split a word.
func (h hyphens) join(left, right string) string {
	if left == "" {
		return right
	}
	if right == "" {
		return left
	}
	if digitRange(left, right) {
		return left + right // "2023-" + "2027"
	}
	if !endsWithWordHyphen(left) {
		return left + " " + right
	}
	if h.keepHyphen(left[:len(left)-1], right) {
		return left + right
	}
	return left[:len(left)-1] + right
}

func digitRange(left, right string) bool {
	n := len(left)
	return n >= 2 && left[n-1] == '-' && left[n-2] >= '0' && left[n-2] <= '9' && right[0] >= '0' && right[0] <= '9'
}

func endsWithWordHyphen(s string) bool {
	if len(s) < 2 || s[len(s)-1] != '-' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-1])
	return unicode.IsLetter(r)
}

// keepHyphen decides for left (without its final hyphen) and right.
func (h hyphens) keepHyphen(left, right string) bool {
	r, _ := utf8.DecodeRuneInString(right)
	if !unicode.IsLower(r) {
		return true // "China-" + "ASEAN", "2023-" + "2027"
	}
	compound := trailingWord(left, true)
	word := trailingWord(left, false)
	next := leadingWord(right)
	switch {
	case strings.Contains(compound, "-"), strings.EqualFold(word, next):
		return true // "people-to-" + "people", "win-" + "win"
	case h.seenHyphenated(word, next), keepPrefixes[strings.ToLower(word)]:
		// Written with a hyphen elsewhere, or a prefix that usually is:
		// keep it, unless the document also writes it as one word.
		return !h.seenJoined(word, next)
	}
	return false // the typesetter's hyphen: "Dia-" + "logue"
}

// trailingWord returns the letters at the end of s (and hyphens between
// them when compound is set).
func trailingWord(s string, compound bool) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && !(compound && r == '-') {
			break
		}
		i -= n
	}
	return strings.TrimLeft(s[i:], "-")
}

func leadingWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}

// seenJoined reports whether word+next occurs in the document as (the start
// of) a word, ignoring the case of its first letter.
func (h hyphens) seenJoined(word, next string) bool {
	if word == "" || next == "" {
		return false
	}
	first, n := utf8.DecodeRuneInString(word)
	first = unicode.ToLower(first)
	rest := word[n:] + next
	for doc := h.doc; ; {
		i := strings.Index(doc, rest)
		if i < 0 {
			return false
		}
		r, m := utf8.DecodeLastRuneInString(doc[:i])
		if m > 0 && unicode.ToLower(r) == first && !prevIsLetter(doc[:i-m]) {
			return true
		}
		doc = doc[i+len(rest):]
	}
}

func prevIsLetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}

// seenHyphenated reports whether word-next occurs in the document (the
// case of word's first letter aside). Only the document's hyphens are
// looked at, so this costs little however often it is asked.
func (h hyphens) seenHyphenated(word, next string) bool {
	for _, at := range h.hyphenOffsets() {
		if at < len(word) || at+1 >= len(h.doc) || h.doc[at+1] != next[0] || !strings.HasPrefix(h.doc[at+1:], next) {
			continue
		}
		start := at - len(word)
		if strings.EqualFold(h.doc[start:at], word) && !prevIsLetter(h.doc[:start]) {
			return true
		}
	}
	return false
}

func (h hyphens) hyphenOffsets() []int {
	if h.dashes == nil { // a zero hyphens: no cache
		return offsetsOf(h.doc, '-')
	}
	if *h.dashes == nil {
		*h.dashes = offsetsOf(h.doc, '-')
	}
	return *h.dashes
}

func offsetsOf(s string, c byte) []int {
	out := make([]int, 0, 64)
	for i := 0; ; {
		j := strings.IndexByte(s[i:], c)
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + 1
	}
}
