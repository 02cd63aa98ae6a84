package chat

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// ErrEmptyQuestion is returned (wrapped) when a request has no question, or
// only white space. It is the caller's input error to report, not a failure.
var ErrEmptyQuestion = errors.New("empty question")

// Input limits applied when Config leaves them zero. A longer question is
// cut for retrieval rather than refused (the reader pasted a paragraph; the
// start of it is what they ask about). Only the last few turns of a
// conversation matter to a follow-up, each cut to a useful length, so a
// history of a thousand turns costs no more than one of six.
const (
	defaultMaxQuestion = 2000 // bytes
	defaultMaxTurns    = 6
	defaultMaxTurnText = 1000 // bytes, per question and per answer of a turn
)

// cleanQuestion trims the question and cuts it to max bytes at a word
// boundary. It returns ErrEmptyQuestion when nothing is left.
func cleanQuestion(q string, max int) (string, error) {
	q = strings.TrimSpace(strings.ToValidUTF8(q, ""))
	if q == "" {
		return "", ErrEmptyQuestion
	}
	return clip(q, max), nil
}

// clip cuts s to at most max bytes, at the last space before the limit when
// there is one, and never inside a UTF-8 sequence.
func clip(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexAny(s[:cut], " \n\t"); sp > max/2 {
		cut = sp
	}
	return strings.TrimSpace(s[:cut])
}

// recentTurns returns the last maxTurns turns that say something, oldest
// first, each clipped to maxText bytes per side. It walks back from the end
// and stops as soon as it has enough, so its cost does not grow with the
// length of the history.
func recentTurns(h []Turn, maxTurns, maxText int) []Turn {
	var out []Turn
	for i := len(h) - 1; i >= 0 && len(out) < maxTurns; i-- {
		q := tidy(h[i].Q, maxText)
		a := tidy(h[i].A, maxText)
		if q == "" && a == "" {
			continue
		}
		out = append(out, Turn{Q: q, A: a})
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// tidy clips s first (so a huge turn costs no more than a short one), then
// drops invalid UTF-8 and surrounding space.
func tidy(s string, max int) string {
	return strings.TrimSpace(strings.ToValidUTF8(clip(s, max), ""))
}
