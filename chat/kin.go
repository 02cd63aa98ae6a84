package chat

import "strings"

// A question's word that no passage holds may still have a relative there:
// "businesspeople" and "business travelers", "prefer" and "preferable".
// Such a word (and only such: a word the passages hold is matched as it
// is) is given its closest relative among the passages' terms — one begins
// with the other, they share at least kinMinPrefix letters, and the shorter
// is most of the longer — and a sentence holding the relative is credited
// with kinCredit of the word's weight.

const (
	kinMinPrefix = 5
	kinMinShare  = 0.6
	kinCredit    = 0.5
)

// setKin finds a relative for each of q's terms (and its parts' terms) that
// no passage holds.
func (ev *evidence) setKin(q *question) {
	for _, t := range q.terms {
		if ev.df[t] > 0 || len(t) < kinMinPrefix || isNumber(t) {
			continue
		}
		best := ""
		for s := range ev.df {
			if related(t, s) && (best == "" || len(s) < len(best) || len(s) == len(best) && s < best) {
				best = s
			}
		}
		if best != "" {
			if q.kin == nil {
				q.kin = map[string]string{}
			}
			q.kin[t] = best
		}
	}
	for i := range q.parts {
		ev.setKin(&q.parts[i])
	}
}

// related reports whether one of two terms begins with the other, which is
// long enough, and most of it.
func related(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= kinMinPrefix && a != b && strings.HasPrefix(b, a) &&
		float64(len(a)) >= kinMinShare*float64(len(b))
}

// held is coverage with credit for the relatives of q's terms.
func (ev *evidence) held(q *question, set map[string]bool, w map[string]float64, sum float64) float64 {
	if sum == 0 {
		return 0
	}
	got := coverage(set, w, sum)
	for t, s := range q.kin {
		if x, ok := w[t]; ok && !set[t] && set[s] {
			got += kinCredit * x / sum
		}
	}
	return got
}
