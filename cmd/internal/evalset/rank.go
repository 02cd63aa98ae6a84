package evalset

import (
	"context"
	"fmt"

	"github.com/citechat/citechat/retrieval"
)

// Searcher ranks passages; *retrieval.Store is one.
type Searcher interface {
	Search(ctx context.Context, q retrieval.Query) ([]retrieval.Passage, error)
}

// Rank searches for every question of a set (its SearchText) with the given
// ranking method ("" for hybrid) and returns the k best sources of each,
// keyed by question id, ready for Score.
func Rank(ctx context.Context, s Searcher, qs []Question, method string, k int) (map[string][]Source, error) {
	out := make(map[string][]Source, len(qs))
	for _, q := range qs {
		ps, err := s.Search(ctx, retrieval.Query{Text: q.SearchText(), K: k, Method: method})
		if err != nil {
			return nil, fmt.Errorf("rank %s: %w", q.ID, err)
		}
		out[q.ID] = Sources(ps)
	}
	return out, nil
}

// Sources turns passages into what the metrics read.
func Sources(ps []retrieval.Passage) []Source {
	out := make([]Source, len(ps))
	for i, p := range ps {
		out[i] = Source{Title: p.Title, Text: p.Text}
	}
	return out
}
