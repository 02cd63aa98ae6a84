package chat

import "regexp"

// A sentence often needs its neighbour: the answer may sit in the sentence
// after the one that best matches the question ("… the Lancang-Mekong area
// has long been confronted with droughts and floods. To tackle this problem,
// China and ASEAN have established ministerial meetings …"), and a sentence
// that leans on the one before it ("By 2012, it reached USD 400.1 billion")
// says what "it" is only with that one.

// continuesRe matches the openings of a sentence that carries on from the
// one before it: its answer often sits there.
var continuesRe = regexp.MustCompile(`^(This|These|That|Those|It|They|Such|Thus|Therefore|Accordingly|As a result|In response|To (tackle|address|solve|meet|this end)|For this purpose)\b`)

// leansBackRe matches a sentence whose first few words refer back to the
// sentence before it: "By 2012, it reached …", "These demonstrate …".
var leansBackRe = regexp.MustCompile(`^(?:[^ ]+ ){0,3}?(?i:it|its|they|their|this|these|such)\b`)

// withNext returns c, and the sentence after it when that one continues it
// ("To tackle this problem, …") and holds question terms c lacks: the
// answer is often there. Overlapping chunks repeat sentences, and a chunk
// may end right after c, so every copy of c is looked at; the pair is
// returned from the passage that holds both.
func (ev *evidence) withNext(q *question, c *candidate) []*candidate {
	w, sum := ev.weights(q, q.terms)
	for k := range ev.cands {
		x := &ev.cands[k]
		if x.text != c.text || k+1 >= len(ev.cands) {
			continue
		}
		next := &ev.cands[k+1]
		if next.src == x.src && next.prose && continuesRe.MatchString(next.text) &&
			uncovered(next.terms, x.terms, w, sum) >= minNextGain {
			return []*candidate{x, next}
		}
	}
	return []*candidate{c}
}

// withNeighbours returns c with the neighbours the answer needs, in reading
// order: the sentence before it when c leans on it and it holds question
// terms c lacks, and the sentence after it by the rule of withNext or when
// it holds a good share (minGain) of those terms however it opens ("In
// April 2025, the US announced a plan for reciprocal tariffs … Tariffs on
// goods imported from Cambodia, Laos … all exceeded 40%."). Of the copies
// of c in overlapping chunks, the one with the most needed neighbours wins.
func (ev *evidence) withNeighbours(q *question, c *candidate) []*candidate {
	w, sum := ev.weights(q, q.terms)
	out := []*candidate{c}
	for k := range ev.cands {
		x := &ev.cands[k]
		if x.text != c.text {
			continue
		}
		got := []*candidate{x}
		if prev := ev.neighbour(k, -1); prev != nil && x.leans &&
			uncovered(prev.terms, x.terms, w, sum) >= minNextGain {
			got = []*candidate{prev, x}
		}
		if next := ev.neighbour(k, 1); next != nil {
			gain := uncovered(next.terms, x.terms, w, sum)
			if gain >= minGain || continuesRe.MatchString(next.text) && gain >= minNextGain {
				got = append(got, next)
			}
		}
		if len(got) > len(out) {
			out = got
		}
	}
	return out
}

// neighbour returns the prose sentence at offset d from candidate k in the
// same passage, or nil.
func (ev *evidence) neighbour(k, d int) *candidate {
	i := k + d
	if i < 0 || i >= len(ev.cands) || ev.cands[i].src != ev.cands[k].src || !ev.cands[i].prose {
		return nil
	}
	return &ev.cands[i]
}

// leanCredit is how much of what the sentence before adds to a sentence
// that leans on it counts in that sentence's score: "By 2012, it reached
// USD 400.1 billion" answers "What did bilateral trade volume reach by
// 2012?" because the sentence before says what "it" is.
const leanCredit = 0.75

// leaning returns, for a candidate that leans on the sentence before it,
// the share of q's weight (w, sum) held by the two together beyond what it
// holds alone (own); 0 otherwise.
func (ev *evidence) leaning(q *question, k int, w map[string]float64, sum, own float64) float64 {
	c := &ev.cands[k]
	if !c.leans {
		return 0
	}
	prev := ev.neighbour(k, -1)
	if prev == nil {
		return 0
	}
	both := make(map[string]bool, len(c.terms)+len(prev.terms))
	for t := range c.terms {
		both[t] = true
	}
	for t := range prev.terms {
		both[t] = true
	}
	return ev.held(q, both, w, sum) - own
}
