package chat

import "slices"

// A date or a figure answers a question only if it is the date or figure of
// what was asked: in "The FTA was fully established as scheduled in 2010"
// the year sits among the question's words ("fully established", and the
// free trade area the acronym stands for), while in "In May 2025, China and
// ASEAN will have fully completed negotiations on … Free Trade Area" it
// belongs to another event. A sentence whose answering number has more of
// the question's weight close by scores higher.

// nearWindow is how many tokens either side of a number count as close.
const nearWindow = 6

// answerAt returns the token positions of the numbers of kind k, leaving
// out numbers the question gives.
func (ns numbers) answerAt(k numKind, qterms []string) []int {
	var at []int
	if k == numTime {
		at = append(at, ns.monthAt...)
	}
	for _, a := range ns.figures {
		if !slices.Contains(qterms, a.text) && (k == numAmount || isYear(a.text)) {
			at = append(at, a.at)
		}
	}
	return at
}

// nearness is the share of the question's weight (w, summing to sum) held
// within nearWindow tokens of one of the sentence's answering numbers.
func nearness(q *question, s *sentence, w map[string]float64, sum float64) float64 {
	at := s.nums.answerAt(q.number, q.terms)
	if len(at) == 0 || sum == 0 {
		return 0
	}
	var got float64
	for t, x := range w {
		if closeTo(s.pos[t], at) {
			got += x
		}
	}
	return got / sum
}

// closeTo reports whether a position of ps is within nearWindow of one of at.
func closeTo(ps, at []int) bool {
	for _, p := range ps {
		for _, a := range at {
			if p-a <= nearWindow && a-p <= nearWindow {
				return true
			}
		}
	}
	return false
}
