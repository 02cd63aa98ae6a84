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
	doc  string
	memo *hyphenMemo // shared by the copies of one document's hyphens
}

// hyphenMemo caches what the document says: the word after each hyphen,
// and decisions already made. Full-text searches are rationed so that no
// input, however hostile, makes the repair quadratic.
type hyphenMemo struct {
	after    map[string][]int // word after a hyphen → offsets of such hyphens
	decided  map[string]bool
	searches int
}

// maxSearches bounds the full-text searches for joined words per document;
// past it, the defaults decide.
const maxSearches = 256

// maxEvidence bounds the hyphens examined for one word.
const maxEvidence = 64

// keepPrefixes are prefixes written with a hyphen so often that a line-end
// hyphen after them is kept unless the document writes the word joined.
var keepPrefixes = map[string]bool{"self": true, "non": true, "cross": true, "well": true}

func newHyphens(doc string) hyphens { return hyphens{doc: doc, memo: &hyphenMemo{}} }

// join joins two pieces of one paragraph (two lines, or a paragraph and its
// continuation after a page break) with a space, or without one when left
// ends in a hyphen: the hyphen is dropped when it only split a word.
func (h hyphens) join(left, right string) string {
	return string(h.appendJoin([]byte(left), right))
}

// appendJoin is join appending to buf, so that a paragraph put together
// from many pieces is built in linear time.
func (h hyphens) appendJoin(buf []byte, right string) []byte {
	switch {
	case len(buf) == 0:
		return append(buf, right...)
	case right == "":
		return buf
	}
	tail := string(buf[max(0, len(buf)-64):])
	switch {
	case digitRange(tail, right):
		return append(buf, right...) // "2023-" + "2027"
	case !endsWithWordHyphen(tail):
		return append(append(buf, ' '), right...)
	case h.keepHyphen(tail[:len(tail)-1], right):
		return append(buf, right...)
	}
	return append(buf[:len(buf)-1], right...)
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
	case next == "":
		return true
	case strings.Contains(compound, "-"), strings.EqualFold(word, next):
		return true // "people-to-" + "people", "win-" + "win"
	}
	memo := h.memoized()
	key := strings.ToLower(word) + "-" + next
	if keep, ok := memo.decided[key]; ok {
		return keep
	}
	// Written with a hyphen elsewhere, or a prefix that usually is: keep
	// it, unless the document also writes it as one word.
	keep := (h.seenHyphenated(word, next) || keepPrefixes[strings.ToLower(word)]) && !h.seenJoined(word, next)
	memo.decided[key] = keep
	return keep
}

func (h hyphens) memoized() *hyphenMemo {
	memo := h.memo
	if memo == nil {
		memo = &hyphenMemo{}
	}
	if memo.decided == nil {
		memo.decided = map[string]bool{}
		memo.after = map[string][]int{}
		for _, at := range offsetsOf(h.doc, '-') {
			if w := leadingWord(h.doc[at+1:]); w != "" {
				memo.after[w] = append(memo.after[w], at)
			}
		}
	}
	return memo
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
	memo := h.memoized()
	if memo.searches >= maxSearches {
		return false
	}
	memo.searches++
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
// case of word's first letter aside), looking only at the hyphens that
// are followed by next.
func (h hyphens) seenHyphenated(word, next string) bool {
	offsets := h.memoized().after[next]
	for _, at := range offsets[:min(len(offsets), maxEvidence)] {
		start := at - len(word)
		if start >= 0 && strings.EqualFold(h.doc[start:at], word) && !prevIsLetter(h.doc[:start]) {
			return true
		}
	}
	return false
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
