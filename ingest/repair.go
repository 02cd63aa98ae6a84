package ingest

import (
	"unicode"
	"unicode/utf8"
)

// para is a paragraph or a section heading of an article, after repair.
type para struct {
	text    string
	heading bool
}

// paragraphs repairs page-break damage across blocks and tells headings
// from paragraphs. A block continues the previous paragraph when that one
// was cut mid-sentence: it ends in a word hyphen ("Dia-" + "logue"), or it
// ends without sentence punctuation and the block starts in lower case, or
// neither of them has the shape of a heading (a long paragraph cut before a
// proper noun: "… for Advanced" + "Studies and the …").
func paragraphs(blocks []block, hy hyphens) []para {
	out := make([]para, 0, len(blocks))
	bold := make([]bool, 0, len(blocks))
	var buf []byte // the last paragraph, while it is being joined from pieces
	joined := false
	finish := func() {
		if joined {
			out[len(out)-1].text = string(buf)
			joined = false
		}
	}
	for _, b := range blocks {
		if n := len(out); n > 0 && !bold[n-1] {
			prev := out[n-1].text
			if joined {
				prev = string(buf[max(0, len(buf)-256):])
			}
			if continues(prev, joined && len(buf) > 256, b) {
				if !joined {
					buf = append(buf[:0], prev...)
					joined = true
				}
				buf = hy.appendJoin(buf, b.text)
				continue
			}
		}
		finish()
		out = append(out, para{text: b.text})
		bold = append(bold, b.bold)
	}
	finish()
	for i := range out {
		next := ""
		if i+1 < len(out) {
			next = out[i+1].text
		}
		out[i].heading = isHeading(out[i].text, bold[i], next)
	}
	return out
}

// continues decides whether block b continues the paragraph ending with
// prev (its last bytes only, when long is set).
func continues(prev string, long bool, b block) bool {
	switch {
	case b.bold:
		return false
	case endsWithWordHyphen(prev):
		r, _ := utf8.DecodeRuneInString(b.text)
		return unicode.IsLetter(r)
	case terminated(prev):
		return false
	case startsLower(b.text):
		return true
	}
	return (long || !headingLike(prev)) && !headingLike(b.text)
}

// isHeading decides for a repaired paragraph: a short bold block is a
// display heading; otherwise it needs a heading's shape and must not run on
// into a lower-case continuation.
func isHeading(text string, bold bool, next string) bool {
	if bold && len(text) <= 250 && !terminated(text) {
		return true
	}
	return headingLike(text) && !startsLower(next)
}
