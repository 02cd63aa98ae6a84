package retrieval

import "math/bits"

// Diversification picks the k passages one at a time. Each next pick
// maximises
//
//	relevance + coverWeight·novelty − simWeight·redundancy
//
// where relevance is the candidate's score over the best score, novelty is
// the share of the query's IDF mass (words and word pairs) that the
// candidate holds and no passage picked so far does, and redundancy is its
// highest cosine similarity to a passage picked so far (maximal marginal
// relevance, Carbonell and Goldstein 1998).
//
// Redundancy keeps one long article's near-identical passages from taking
// every place; novelty makes a question with two parts ("when was X
// established, and when was Y signed?") get a passage for each part. A
// plain same-article penalty was measured too and dropped: it also pushes
// down the second passage of the one article that answers, which is often
// the passage holding the answer.
const (
	coverWeight = 0.8
	simWeight   = 0.5
	// divWindow bounds the candidates considered, as a multiple of k:
	// beyond it the fused ranking holds nothing worth promoting.
	divWindow = 3
)

// diversify picks k of the candidates (sorted best first). idf holds the
// IDF of each query term, indexed like the candidates' term bits.
func diversify(cands []*candidate, k int, idf []float64) []*candidate {
	cands = cands[:min(len(cands), divWindow*k)]
	if len(cands) == 0 {
		return nil
	}
	top, total := cands[0].score, 0.0
	if top <= 0 {
		top = 1
	}
	for _, w := range idf {
		total += w
	}
	var covered uint64
	redundancy := make([]float64, len(cands))
	taken := make([]bool, len(cands))
	out := make([]*candidate, 0, k)
	for len(out) < k && len(out) < len(cands) {
		best, bestVal := -1, 0.0
		for i, c := range cands {
			if taken[i] {
				continue
			}
			val := c.score/top - simWeight*redundancy[i]
			if total > 0 {
				val += coverWeight * idfSum(c.terms&^covered, idf) / total
			}
			if best < 0 || val > bestVal {
				best, bestVal = i, val
			}
		}
		chosen := cands[best]
		taken[best] = true
		covered |= chosen.terms
		out = append(out, chosen)
		for i, c := range cands {
			if !taken[i] {
				redundancy[i] = max(redundancy[i], dot(chosen.e.vec, c.e.vec))
			}
		}
	}
	return out
}

// idfSum adds up the IDF of the query terms whose bits are set.
func idfSum(set uint64, idf []float64) float64 {
	var s float64
	for set != 0 {
		i := bits.TrailingZeros64(set)
		if i < len(idf) {
			s += idf[i]
		}
		set &= set - 1
	}
	return s
}
