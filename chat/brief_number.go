package chat

import "strconv"

// A brief is composed with markers that name the gathered passages by their
// place in the gathered list. Readers expect [1], [2], [3] in the order they
// meet them, and a sources list without gaps, so number renumbers the
// markers in reading order and puts the cited passages first among the
// sources: citation n is source n, as in an answer.

// number renumbers the brief's markers in reading order and returns the
// citations, in that order, and the sources with the cited ones first.
// quote gives the verbatim quote of gathered passage raw for the first
// point citing it.
func number(br *Brief, srcs []Source, quote func(raw int, pt *BriefPoint) string) ([]Citation, []Source) {
	to := map[int]int{}
	var order []int // raw numbers, in their new order
	cites := []Citation{}
	for _, pt := range br.points() {
		for _, raw := range pt.Cites {
			if _, ok := to[raw]; ok {
				continue
			}
			order = append(order, raw)
			to[raw] = len(order)
			c := citation(srcs[raw-1], quote(raw, pt))
			c.N = len(order)
			cites = append(cites, c)
		}
		renumber(pt, to)
	}
	out := make([]Source, 0, len(srcs))
	for _, raw := range order {
		out = append(out, srcs[raw-1])
	}
	for i, s := range srcs {
		if _, cited := to[i+1]; !cited {
			out = append(out, s)
		}
	}
	for i := range out {
		out[i].Rank = i + 1
	}
	return cites, out
}

// renumber rewrites a point's markers and cites by the mapping to.
func renumber(pt *BriefPoint, to map[int]int) {
	pt.Text = markerRe.ReplaceAllStringFunc(pt.Text, func(m string) string {
		n, _ := strconv.Atoi(m[1 : len(m)-1])
		if k, ok := to[n]; ok {
			return "[" + strconv.Itoa(k) + "]"
		}
		return m
	})
	cites := make([]int, len(pt.Cites))
	for i, n := range pt.Cites {
		cites[i] = to[n]
	}
	pt.Cites = cites
}

// firstQuote is the quote of the extractive brief: the first sentence of
// the point that first cites the passage.
func firstQuote(_ int, pt *BriefPoint) string { return pt.Quotes[0] }
