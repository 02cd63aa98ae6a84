package chat

import (
	"strings"
	"unicode/utf8"

	"github.com/citechat/citechat/retrieval"
)

// span is a sentence of a passage as byte offsets into the passage text, so
// a quote is always text[start:end] — verbatim by construction.
type span struct{ start, end int }

// splitSentences cuts text into sentences with the same rules ingest used
// to cut the chunks (retrieval.Sentences), so a quoted sentence never
// straddles a chunk edge differently from how the chunk was made. Spans are
// trimmed of surrounding space and never empty.
func splitSentences(text string) []span {
	sents := retrieval.Sentences(text, 0, len(text))
	out := make([]span, len(sents))
	for i, s := range sents {
		out[i] = span{s.Start, s.End}
	}
	return out
}

// closeQuotes moves past closing quotes and brackets after a full stop.
func closeQuotes(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune(`"')]’”`, r) {
			break
		}
		i += n
	}
	return i
}

// isProse reports whether a sentence reads as a sentence rather than a
// heading, a byline or a fragment cut by a chunk boundary: it ends in
// terminal punctuation and has a few words.
func isProse(s string) bool {
	s = strings.TrimRight(s, `"')]’” `)
	if s == "" || !strings.ContainsAny(s[len(s)-1:], ".!?") {
		return false
	}
	return len(strings.Fields(s)) >= 5
}
