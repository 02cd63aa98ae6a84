package retrieval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence boundaries are shared text analysis: ingest cuts chunks on them
// and chat quotes whole sentences from chunks, so both must agree on where a
// sentence ends. They live here because retrieval is the one package both
// depend on.

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// abbreviations end with a period that does not end a sentence
// ("Dr. Wang", "No. 3", "pp. 4-7", "et al. (2020)").
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "no": true, "nos": true, "vol": true, "vols": true, "pp": true, "p": true,
	"fig": true, "figs": true, "eq": true, "ed": true, "eds": true, "vs": true, "cf": true,
	"al": true, "approx": true, "est": true, "dept": true, "univ": true, "inc": true,
	"ltd": true, "co": true, "corp": true, "gen": true, "col": true, "lt": true, "capt": true,
	"gov": true, "sen": true, "rep": true, "rev": true, "hon": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "art": true, "sec": true, "ch": true, "para": true,
	"op": true, "ibid": true, "viz": true, "ca": true, "mt": true, "ft": true, "gov't": true,
}

// Sentences splits text[from:to] into sentences. A sentence ends at . ! ?
// (and any closing quotes or brackets) followed by white space and a
// capital, a digit or an opening quote — unless the period belongs to an
// abbreviation ("e.g.", "U.S.", "Dr.", "No. 3") or an initial ("J. Smith").
// A line break always ends a sentence (clean text keeps line breaks only
// between paragraphs, list items and the like). Decimals ("982.3") never split,
// as no space follows their point. Spans exclude surrounding white space.
func Sentences(text string, from, to int) []Span {
	out := make([]Span, 0, (to-from)/100+1)
	start := skipSpace(text, from, to)
	st := newStops(text, to)
	for i := start; i < to; {
		i = st.from(i)
		if i >= to {
			break
		}
		c := text[i]
		if c == '\n' {
			out = appendSpan(out, text, start, i)
			start = skipSpace(text, i, to)
			i = start
			continue
		}
		end := closers(text, i+1, to)
		if end < to && sentenceBreak(text, start, i, end, to) {
			out = appendSpan(out, text, start, end)
			start = skipSpace(text, end, to)
			i = start
			continue
		}
		i = end
	}
	return appendSpan(out, text, start, to)
}

// stops finds the next . ! ? or newline of a text. Scanning for each byte
// with the vectorised IndexByte beats testing every byte against the set,
// and remembering where each byte occurs next keeps the scan linear even in
// text with no periods at all.
type stops struct {
	text string
	to   int
	next [4]int // next offset of each of stopBytes, or -1 when unknown
}

var stopBytes = [4]byte{'.', '\n', '?', '!'}

func newStops(text string, to int) *stops {
	return &stops{text: text, to: to, next: [4]int{-1, -1, -1, -1}}
}

// from returns the offset of the first stop byte at or after i, or to.
func (s *stops) from(i int) int {
	best := s.to
	for k, c := range stopBytes {
		if s.next[k] < i {
			s.next[k] = s.to
			if j := strings.IndexByte(s.text[i:s.to], c); j >= 0 {
				s.next[k] = i + j
			}
		}
		best = min(best, s.next[k])
	}
	return best
}

// closers skips the closing quotes, brackets and further terminal marks
// after a sentence's final mark: `."`, `.”`, `?)`, `...`.
func closers(text string, end, to int) int {
	for end < to {
		switch {
		case strings.IndexByte(".!?\"')]", text[end]) >= 0:
			end++
		case strings.HasPrefix(text[end:to], "”") || strings.HasPrefix(text[end:to], "’"):
			end += len("”")
		default:
			return end
		}
	}
	return end
}

// sentenceBreak decides at a candidate ending text[dot:end] followed by
// the rest up to `to`.
func sentenceBreak(text string, start, dot, end, to int) bool {
	if !isSpace(text[end]) {
		return false
	}
	next := skipSpace(text, end, to)
	if next >= to {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[next:])
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"'“‘(", r) {
		return false
	}
	if text[dot] != '.' {
		return true
	}
	return !Abbreviated(text[start:dot], r)
}

// Abbreviated reports whether the text before a period ends in an
// abbreviation or an initial ("e.g", "Dr", "J"), so that the period does not
// end a sentence; next is the first letter after the period, which decides
// "No. 3" (an abbreviation) from "No. Then" (a word).
func Abbreviated(before string, next rune) bool {
	if k := strings.LastIndexAny(before, " \n(\"“‘'"); k >= 0 {
		before = before[k+1:]
	}
	return abbreviation(before, next)
}

// abbreviation reports whether word (before a period) is an abbreviation,
// given the first rune after it.
func abbreviation(word string, next rune) bool {
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") {
		return true // "e.g", "i.e", "U.S", "a.m"
	}
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsUpper(r) {
		return true // an initial: "J. Smith"
	}
	lower := strings.ToLower(word)
	if lower == "no" || lower == "nos" || lower == "p" || lower == "pp" || lower == "vol" || lower == "art" {
		return unicode.IsDigit(next)
	}
	return abbreviations[lower]
}

func appendSpan(out []Span, text string, start, end int) []Span {
	for end > start && isSpace(text[end-1]) {
		end--
	}
	if end > start {
		out = append(out, Span{start, end})
	}
	return out
}

func skipSpace(text string, i, to int) int {
	for i < to && isSpace(text[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
