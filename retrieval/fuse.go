package retrieval

// Hybrid fusion is a weighted sum of the two scores, each divided by its
// best value among the candidates so that a cosine in [-1, 1] and an
// unbounded BM25 score become comparable:
//
//	score = weightBM25·bm25/max(bm25) + weightDense·max(0, cos)/max(cos)
//
// Measured on the development questions, this beat reciprocal rank fusion,
// which lets the weaker ranking pull the stronger one's clear winner down
// whenever it ranks that chunk low (docs/benchmarks.md). The local embedder
// is the weaker ranking on factual questions, hence its lower weight; it
// still lifts chunks that say the same thing in other words.
const (
	weightBM25  = 1.0
	weightDense = 0.5
)

// fuse sets each candidate's score under method: the fused score for
// hybrid search, the one ranking's own score otherwise.
func fuse(method string, cs []*candidate) {
	var maxDense, maxLex float64
	for _, c := range cs {
		maxDense = max(maxDense, c.dense)
		maxLex = max(maxLex, c.lexical)
	}
	for _, c := range cs {
		switch method {
		case MethodDense:
			c.score = c.dense
		case MethodBM25:
			c.score = c.lexical
		default:
			c.score = 0
			if maxLex > 0 {
				c.score += weightBM25 * c.lexical / maxLex
			}
			if maxDense > 0 {
				c.score += weightDense * max(0, c.dense) / maxDense
			}
		}
	}
}
