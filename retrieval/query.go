package retrieval

import (
	"context"
	"math"
)

// queryEmbedder is implemented by embedders whose features are the words of
// the text (the local one), so that the store can weight the words of a
// query by their inverse document frequency. Other embedders embed the query
// like any text.
type queryEmbedder interface {
	EmbedQuery(ctx context.Context, text string, weight func(stem string) float64) ([]float32, error)
}

// idfPower tempers IDF for the dense query: a common word of the question
// still carries meaning, just less than a rare one. (The square root
// measured better than full IDF and than none; docs/benchmarks.md.)
const idfPower = 0.5

// embedQuery returns the unit query vector for text.
func (s *Store) embedQuery(ctx context.Context, text string) ([]float32, error) {
	qe, ok := s.emb.(queryEmbedder)
	if !ok {
		vecs, err := embedBatches(ctx, s.emb, []string{text})
		if err != nil {
			return nil, err
		}
		return vecs[0], nil
	}
	v, err := qe.EmbedQuery(ctx, text, s.queryWeights(text))
	if err != nil {
		return nil, err
	}
	if err := checkVector(v, s.info.Dimensions); err != nil {
		return nil, err
	}
	return normalize(v), nil
}

// termIDF returns the IDF of each query term, 0 for a term no chunk holds
// (it cannot be covered). The caller holds s.mu.
func (s *Store) termIDF(terms []term) []float64 {
	idf := make([]float64, len(terms))
	for i, t := range terms {
		if df := s.lex.df(t); df > 0 {
			idf[i] = s.lex.idf(df)
		}
	}
	return idf
}

// queryWeights returns the weight of each query word for the dense query:
// its IDF in the BM25 index, tempered by idfPower. A word no chunk holds
// gets the highest IDF there is.
func (s *Store) queryWeights(text string) func(stem string) float64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	w := make(map[string]float64)
	for _, t := range tokenize(text) {
		if _, ok := w[t.stem]; !ok {
			w[t.stem] = math.Pow(s.lex.idf(s.lex.df(stemTerm(t.stem))), idfPower)
		}
	}
	return func(stem string) float64 { return w[stem] }
}
