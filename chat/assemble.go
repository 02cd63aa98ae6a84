package chat

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citechat/citechat/retrieval"
)

// An LLM's answer arrives in arbitrary pieces ("Xu and", " Fan write [", "1].").
// The assembler collects them into sentences and releases each sentence,
// checked, as one delta the moment it is complete. Releasing whole checked
// sentences (rather than raw tokens) is what keeps the stream honest: the
// deltas concatenate exactly to the checked answer in the done event, a
// marker is never shown half-written or pointing nowhere, and a sentence
// the sources do not support never reaches the reader. The cost is that
// text appears a sentence at a time.

const (
	maxPending        = 4000 // bytes held without a sentence end before forcing a cut
	maxModelSentences = 12   // sentences of a model's answer shown; the rest is ignored
)

type assembler struct {
	chk       *checker
	w         *writer
	buf       string
	lineBreak bool // the last released text ended a line
	released  int
}

// feed adds a piece of the model's output and releases complete sentences.
func (a *assembler) feed(piece string) error {
	a.buf += piece
	for {
		end := sentenceEnd(a.buf, false)
		if end < 0 && len(a.buf) > maxPending {
			end = forcedCut(a.buf)
		}
		if end < 0 {
			return nil
		}
		raw := a.buf[:end]
		a.buf = a.buf[end:]
		if err := a.release(raw); err != nil {
			return err
		}
	}
}

// finish releases whatever is left once the model has finished.
func (a *assembler) finish() error {
	for strings.TrimSpace(a.buf) != "" {
		end := sentenceEnd(a.buf, true)
		raw := a.buf[:end]
		a.buf = a.buf[end:]
		if err := a.release(raw); err != nil {
			return err
		}
	}
	return nil
}

// release checks one sentence and streams it if it survives.
func (a *assembler) release(raw string) error {
	brk := strings.HasSuffix(strings.TrimRight(raw, " \t"), "\n")
	defer func() { a.lineBreak = a.lineBreak || brk }()
	text := strings.TrimSpace(raw)
	if text == "" || a.released >= maxModelSentences {
		return nil
	}
	if text = a.chk.check(text); text == "" {
		return nil
	}
	if a.w.sent > 0 {
		sep := " "
		if a.lineBreak {
			sep = "\n"
		}
		text = sep + text
	}
	a.lineBreak = false
	a.released++
	return a.w.say(text)
}

// sentenceEnd returns the end of the first complete sentence of s — after
// its full stop, closing quotes and any citation markers that follow — or
// -1 when more text is needed to tell. With final set, the end of s ends
// the last sentence.
func sentenceEnd(s string, final bool) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' {
			return i + 1
		}
		if (c != '.' && c != '!' && c != '?') || (c == '.' && retrieval.Abbreviated(s[:i], nextRune(s, i+1))) {
			continue
		}
		k, ok := skipMarkers(s, closeQuotes(s, i+1))
		switch {
		case !ok || (k == len(s) && !final):
			return -1 // a marker or the next word is still to come
		case k == len(s):
			return k
		case k == i+1 && s[k] != ' ' && s[k] != '\n':
			continue // "982.3", "e.g.x": not an end
		}
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[k:], " \t")); r == '\n' ||
			unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘(*-`, r) {
			return k
		}
	}
	if final {
		return len(s)
	}
	return -1
}

// skipMarkers moves past spaces and "[n]" markers from i. It reports false
// when s ends inside a marker.
func skipMarkers(s string, i int) (int, bool) {
	for {
		j := i
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		if j == len(s) || s[j] != '[' {
			return i, true
		}
		close := strings.IndexByte(s[j:], ']')
		if close < 0 {
			return i, len(s)-j > 16 // a long "[" run is not a marker
		}
		if !citeRe.MatchString(s[j : j+close+1]) {
			return i, true
		}
		i = j + close + 1
	}
}

// forcedCut ends an over-long run of text at its last space.
func forcedCut(s string) int {
	if i := strings.LastIndexByte(s[:maxPending], ' '); i > 0 {
		return i + 1
	}
	return maxPending
}

// nextRune is the first rune after spaces from i, or 0 at the end.
func nextRune(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[i:], " \t"))
	if r == utf8.RuneError {
		return 0
	}
	return r
}
