package chat

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a sentence of a passage as byte offsets into the passage text, so
// a quote is always text[start:end] — verbatim by construction.
type span struct{ start, end int }

// abbreviations that end in a period without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"no": true, "vs": true, "etc": true, "e.g": true, "i.e": true, "jr": true,
	"sr": true, "inc": true, "ltd": true, "co": true, "jan": true, "feb": true,
	"aug": true, "sept": true, "oct": true, "nov": true, "dec": true, "u.s": true,
	"u.k": true, "fig": true, "approx": true, "gen": true,
}

// splitSentences cuts text into sentences. A sentence ends at '.', '!' or
// '?' (with any closing quotes or brackets) followed by space and a capital,
// digit or opening quote, or at a line break; abbreviations and initials
// do not end one. Spans are trimmed of surrounding space and never empty.
func splitSentences(text string) []span {
	var out []span
	start := 0
	add := func(end int) {
		s, e := trimSpan(text, start, end)
		if e > s {
			out = append(out, span{s, e})
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			add(i)
			start = i + 1
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		end := closeQuotes(text, i+1)
		if !startsSentence(text, end) || (c == '.' && abbreviated(text[start:i])) {
			continue
		}
		add(end)
		start = end
		i = end - 1
	}
	add(len(text))
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

// startsSentence reports whether position i (just after a full stop) is
// followed by space and then something that can open a sentence.
func startsSentence(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	if text[i] != ' ' && text[i] != '\t' && text[i] != '\n' {
		return false
	}
	rest := strings.TrimLeft(text[i:], " \t")
	if rest == "" || rest[0] == '\n' {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'(‘“[`, r)
}

// abbreviated reports whether the text before a period ends in a known
// abbreviation or a single capital initial ("Xi J. Ping").
func abbreviated(before string) bool {
	i := strings.LastIndexAny(before, " \t\n(")
	last := before[i+1:]
	if len(last) == 1 && last[0] >= 'A' && last[0] <= 'Z' {
		return true
	}
	return abbreviations[strings.ToLower(last)]
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e && isSpace(text[s]) {
		s++
	}
	for e > s && isSpace(text[e-1]) {
		e--
	}
	return s, e
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

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
