package retrieval

import "strings"

// queryTerms returns the distinct stems of a query, in order of appearance.
// A repeated word counts once: readers repeat words for grammar, not weight.
func queryTerms(q string) []string {
	seen := make(map[string]bool)
	var terms []string
	for _, t := range tokenize(q) {
		if !seen[t.stem] {
			seen[t.stem] = true
			terms = append(terms, t.stem)
		}
	}
	return terms
}

// search scores every live chunk that holds a query term and is allowed
// (nil: all). It returns the n best, best first, and the scores of the
// chunks named in also (0 for those without a query term), so that a chunk
// the dense ranking found still gets its BM25 score.
func (x *lexIndex) search(terms []string, allowed func(id string) bool, n int, also []string) ([]lexHit, map[string]float64) {
	extra := make(map[string]float64, len(also))
	if x.live == 0 || len(terms) == 0 {
		return nil, extra
	}
	acc := x.accumulator()
	defer x.scratch.Put(acc)
	scores := *acc
	touched := x.accumulate(terms, scores)
	for _, id := range also {
		if d, ok := x.byID[id]; ok {
			extra[id] = float64(scores[d])
		}
	}
	top := newTopHits(n)
	for _, d := range touched {
		id := x.docs[d].id
		if allowed == nil || allowed(id) {
			top.offer(lexHit{id: id, score: float64(scores[d])})
		}
		scores[d] = 0
	}
	return top.sorted(), extra
}

// accumulate adds each query term's BM25 contribution to scores and returns
// the documents it touched.
func (x *lexIndex) accumulate(terms []string, scores []float32) []int32 {
	var touched []int32
	avg := float32(x.totalLen / float64(x.live))
	for _, term := range terms {
		pl := x.terms[term]
		if pl == nil || pl.df == 0 {
			continue
		}
		idf := float32(x.idf(pl.df))
		for _, p := range pl.postings {
			d := &x.docs[p.doc]
			if !d.live {
				continue
			}
			norm := bm25K1 * (1 - bm25B + bm25B*d.length/avg)
			if scores[p.doc] == 0 {
				touched = append(touched, p.doc)
			}
			scores[p.doc] += idf * p.tf * (bm25K1 + 1) / (p.tf + norm)
		}
	}
	return touched
}

// accumulator returns a zeroed score slice as long as the document table.
// Slices are pooled because a search at 100k chunks would otherwise
// allocate 400 KB; search leaves the slice zeroed again.
func (x *lexIndex) accumulator() *[]float32 {
	if p, ok := x.scratch.Get().(*[]float32); ok && len(*p) >= len(x.docs) {
		return p
	}
	s := make([]float32, len(x.docs))
	return &s
}

func joinNames(names []string) string { return strings.Join(names, ", ") }
