package retrieval

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Search limits. A question is a sentence or two; a longer query is cut at
// MaxQueryBytes rather than refused, since its opening says what is asked.
const (
	DefaultK      = 8
	MaxQueryBytes = 4096
)

// Ranking methods for Query.Method.
const (
	MethodHybrid = "hybrid" // also ""
	MethodBM25   = "bm25"
	MethodDense  = "dense"
)

// Search returns the passages that best answer q.Text, in order: at most
// q.K (DefaultK when K ≤ 0; never more than the chunks that pass the
// filters). By default it fuses a dense ranking (cosine similarity of the
// embeddings) with a BM25 ranking (fuse.go), then picks the passages one by
// one so that they cover the question's parts and do not repeat each other
// (diversify.go). q.Method "bm25" or "dense" feeds one ranking alone to the
// same selection, which isolates what fusion adds.
//
// Passage.Score is the fused score (up to 1.5; the best candidate of a
// query scores about 1), or the one ranking's score for "bm25" and "dense".
// Dense and Lexical are the raw cosine and BM25 scores. The selection may
// place a passage above one with a higher Score.
//
// Outcomes: passages (possibly none, when nothing passes the filters or, for
// "bm25", no word matches); ErrEmptyQuery for a blank query;
// ErrUnknownArticle or ErrUnknownAuthor for a filter naming nothing in the
// store; an error from the embedder for the query; ctx's error.
func (s *Store) Search(ctx context.Context, q Query) ([]Passage, error) {
	text := truncateQuery(strings.TrimSpace(q.Text))
	if text == "" {
		return nil, ErrEmptyQuery
	}
	method := q.Method
	if method == "" {
		method = MethodHybrid
	}
	if method != MethodHybrid && method != MethodBM25 && method != MethodDense {
		return nil, fmt.Errorf("search: unknown method %q", q.Method)
	}
	if err := s.checkFilters(q); err != nil { // before paying for an embedding
		return nil, fmt.Errorf("search: %w", err)
	}
	// Embed before taking the lock: a slow model must not hold up writers,
	// and a waiting writer would in turn hold up every other search.
	var qvec []float32
	if method != MethodBM25 {
		var err error
		if qvec, err = s.embedQuery(ctx, text); err != nil {
			return nil, fmt.Errorf("search: embed query: %w", err)
		}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	scope, err := s.scope(q)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	k := q.K
	if k <= 0 {
		k = DefaultK
	}
	k = min(k, scope.size)
	if k == 0 {
		return nil, nil
	}
	terms := queryTerms(text)
	cands, err := s.candidates(ctx, method, terms, qvec, scope, k)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return s.passages(diversify(cands, k, s.termIDF(terms))), nil
}

// checkFilters reports a filter that names nothing in the store.
func (s *Store) checkFilters(q Query) error {
	if len(q.Articles) == 0 && len(q.Authors) == 0 {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	_, err := s.scope(q)
	return err
}

// truncateQuery cuts a query to MaxQueryBytes on a character boundary.
func truncateQuery(q string) string {
	if len(q) <= MaxQueryBytes {
		return q
	}
	cut := MaxQueryBytes
	for cut > 0 && !utf8.RuneStart(q[cut]) {
		cut--
	}
	return strings.TrimSpace(q[:cut])
}

// passages turns ranked candidates into passages carrying a copy of every
// chunk field.
func (s *Store) passages(cands []*candidate) []Passage {
	out := make([]Passage, len(cands))
	for i, c := range cands {
		out[i] = Passage{Chunk: cloneChunk(c.e.c), Score: c.score, Dense: c.dense, Lexical: c.lexical}
	}
	return out
}
