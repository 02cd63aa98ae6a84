package chat

import "sort"

// Selection limits: an answer is one to maxSentences sentences; a further
// sentence must reach followShare of the best score and add coverage of
// question terms the earlier ones missed (minGain of the total weight).
const (
	maxSentences = 4
	followShare  = 0.55
	minGain      = 0.12
)

// pick chooses the sentences that answer the question: the best-scoring one,
// then greedily those that cover question terms still uncovered, so a
// two-part question draws on two passages. The result is in answer order:
// by passage rank, then by position in the passage.
func (ev *evidence) pick(q *question) []*candidate {
	order := make([]*candidate, 0, len(ev.cands))
	for i := range ev.cands {
		if ev.cands[i].prose {
			order = append(order, &ev.cands[i])
		}
	}
	if len(order) == 0 {
		return nil
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].score > order[j].score })
	best := order[0]
	chosen := []*candidate{best}
	w, sum := ev.weights(q, q.terms)
	covered := copySet(best.terms)
	for len(chosen) < maxSentences {
		next, gain := nextCover(order, chosen, covered, w, sum, best.score*followShare)
		if next == nil || gain < minGain {
			break
		}
		chosen = append(chosen, next)
		for t := range next.terms {
			covered[t] = true
		}
	}
	sort.SliceStable(chosen, func(i, j int) bool {
		if chosen[i].src != chosen[j].src {
			return chosen[i].src < chosen[j].src
		}
		return chosen[i].sp.start < chosen[j].sp.start
	})
	return chosen
}

// nextCover returns the candidate scoring at least floor that adds the most
// uncovered question weight, with its gain as a share of the total.
func nextCover(order, chosen []*candidate, covered map[string]bool, w map[string]float64, sum, floor float64) (*candidate, float64) {
	var best *candidate
	var bestGain float64
	for _, c := range order {
		if c.score < floor {
			break
		}
		if isChosen(chosen, c) || duplicate(chosen, c) {
			continue
		}
		var g float64
		for t, x := range w {
			if c.terms[t] && !covered[t] {
				g += x
			}
		}
		if sum > 0 && g/sum > bestGain {
			best, bestGain = c, g/sum
		}
	}
	return best, bestGain
}

func isChosen(chosen []*candidate, c *candidate) bool {
	for _, x := range chosen {
		if x == c {
			return true
		}
	}
	return false
}

// duplicate reports whether c says what a chosen sentence already says
// (overlapping chunks repeat sentences).
func duplicate(chosen []*candidate, c *candidate) bool {
	for _, x := range chosen {
		if x.text == c.text {
			return true
		}
	}
	return false
}

func copySet(m map[string]bool) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// support is the weighted share of the question's terms that the chosen
// sentences hold together: the evidence the abstention decision rests on.
// For a follow-up, the terms carried from earlier turns count for a quarter,
// so "When did it begin?" is judged mostly on "begin" but not on it alone.
func (ev *evidence) support(q *question, chosen []*candidate) float64 {
	set := map[string]bool{}
	for _, c := range chosen {
		for t := range c.terms {
			set[t] = true
		}
	}
	w, sum := ev.weights(q, q.terms)
	own := coverage(set, w, sum)
	if len(q.context) == 0 {
		return own
	}
	cw, csum := ev.weights(q, q.context)
	return (1-contextShare)*own + contextShare*coverage(set, cw, csum)
}

// contextShare is how much carried terms count in a follow-up's support.
const contextShare = 0.25
