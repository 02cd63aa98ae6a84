package retrieval

// Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): a
// chunk scores Σ w/(rrfK + rank) over the rankings that found it. Ranks,
// unlike raw scores, need no calibration between a cosine in [-1, 1] and an
// unbounded BM25 score, and a chunk both rankings agree on rises above one
// that only one of them likes.
const (
	rrfK        = 60.0
	weightDense = 1.0
	weightBM25  = 1.0
)

// fuse returns a candidate's score under method: the fused RRF score for
// hybrid search, the one ranking's own score otherwise.
func fuse(method string, c *candidate) float64 {
	switch method {
	case MethodDense:
		return c.dense
	case MethodBM25:
		return c.lexical
	}
	var s float64
	if c.denseRank > 0 {
		s += weightDense / (rrfK + float64(c.denseRank))
	}
	if c.lexRank > 0 {
		s += weightBM25 / (rrfK + float64(c.lexRank))
	}
	return s
}

// Diversification by maximal marginal relevance (Carbonell and Goldstein,
// SIGIR 1998): each next passage maximises
//
//	λ·relevance − (1−λ)·max similarity to the passages already chosen
//
// with relevance the fused score scaled to [0, 1] and similarity the cosine
// of the chunk vectors, raised by sameArticle when the two chunks share an
// article. A long article's near-duplicate passages thus give way to
// another article that answers the question too.
const (
	mmrLambda   = 0.7
	sameArticle = 0.3
	// mmrWindow bounds the candidates MMR considers, as a multiple of k:
	// beyond it the fused ranking has nothing left worth promoting.
	mmrWindow = 3
)

// diversify picks k of the candidates (sorted best first) by MMR.
func diversify(cands []*candidate, k int) []*candidate {
	cands = cands[:min(len(cands), mmrWindow*k)]
	if len(cands) <= 1 || k <= 1 {
		return cands[:min(k, len(cands))]
	}
	top, bottom := cands[0].score, cands[len(cands)-1].score
	span := top - bottom
	if span <= 0 {
		span = 1
	}
	maxSim := make([]float64, len(cands))
	taken := make([]bool, len(cands))
	out := make([]*candidate, 0, k)
	for len(out) < k && len(out) < len(cands) {
		best, bestVal := -1, 0.0
		for i, c := range cands {
			if taken[i] {
				continue
			}
			val := mmrLambda*(c.score-bottom)/span - (1-mmrLambda)*maxSim[i]
			if best < 0 || val > bestVal {
				best, bestVal = i, val
			}
		}
		taken[best] = true
		chosen := cands[best]
		out = append(out, chosen)
		for i, c := range cands {
			if !taken[i] {
				maxSim[i] = max(maxSim[i], similarity(chosen, c))
			}
		}
	}
	return out
}

// similarity is how redundant two candidates are for MMR.
func similarity(a, b *candidate) float64 {
	s := dot(a.e.vec, b.e.vec)
	if a.e.c.ArticleID == b.e.c.ArticleID {
		s += sameArticle
	}
	return s
}
