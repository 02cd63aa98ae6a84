package retrieval

import (
	"context"
	"sort"
)

// candidate is a chunk found by either ranking, with both scores.
type candidate struct {
	e       *chunkEntry
	dense   float64 // cosine similarity to the query
	lexical float64 // BM25 score, 0 without a query word
	inDense bool    // found by the dense ranking (else dense is computed)
	score   float64 // fused
	terms   uint64  // which query terms the chunk holds
}

// candidatePool is how many chunks each ranking contributes: several times
// k, so that fusion can promote a chunk one ranking placed low and
// diversification has alternatives to choose from.
func candidatePool(k, size int) int {
	return min(max(5*k, 50), size)
}

// candidates runs the rankings method asks for over the scope and returns
// the fused candidates, best first. The caller holds s.mu.
func (s *Store) candidates(ctx context.Context, method string, terms []term, qvec []float32, sc scope, k int) ([]*candidate, error) {
	pool := candidatePool(k, sc.size)
	byID := make(map[string]*candidate, 2*pool)
	get := func(id string) *candidate {
		c := byID[id]
		if c == nil {
			c = &candidate{e: s.entries[id]}
			byID[id] = c
		}
		return c
	}
	var denseIDs []string
	if method != MethodBM25 {
		hits, err := s.denseHits(ctx, qvec, sc, pool)
		if err != nil {
			return nil, err
		}
		for _, h := range hits {
			c := get(h.id)
			c.dense, c.inDense = h.score, true
			denseIDs = append(denseIDs, h.id)
		}
	}
	lexPool := pool
	if method == MethodDense {
		lexPool = 0
	}
	hits, extra := s.lex.search(terms, s.allowFunc(sc), lexPool, denseIDs)
	for _, h := range hits {
		c := get(h.id)
		c.lexical, c.terms = h.score, h.terms
	}
	for id, h := range extra {
		byID[id].lexical, byID[id].terms = h.score, h.terms
	}
	out := make([]*candidate, 0, len(byID))
	for _, c := range byID {
		if !c.inDense && qvec != nil {
			c.dense = dot(qvec, c.e.vec)
		}
		out = append(out, c)
	}
	fuse(method, out)
	sortCandidates(out)
	return out, nil
}

// allowFunc is the BM25 filter for a scope; nil lets everything through.
func (s *Store) allowFunc(sc scope) func(id string) bool {
	if sc.all {
		return nil
	}
	return func(id string) bool { return sc.contains(s.entries[id].c.ArticleID) }
}

func sortCandidates(cs []*candidate) {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].score != cs[j].score {
			return cs[i].score > cs[j].score
		}
		return cs[i].e.c.ID < cs[j].e.c.ID
	})
}
