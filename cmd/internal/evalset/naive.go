package evalset

import (
	"context"
	"fmt"
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// naiveWindow is the size of the naive pipeline's windows, in bytes.
const naiveWindow = 1000

// NaiveStore builds the baseline every ranking is compared with: the raw
// file cut into fixed 1000-character windows with no structure, searched by
// BM25. Each window is labelled with the parsed article it shares the most
// words with, only so the metrics can match it to an article by title; the
// labels play no part in the ranking.
func NaiveStore(ctx context.Context, raw string, articles []retrieval.Article) (*retrieval.Store, error) {
	st, err := retrieval.NewStore(retrieval.NewLocalEmbedder())
	if err != nil {
		return nil, err
	}
	vocab := make([]map[string]bool, len(articles))
	for i, a := range articles {
		vocab[i] = wordSet(normTitle(a.Text))
	}
	for i, n := 0, 0; i < len(raw); n++ {
		end := min(i+naiveWindow, len(raw))
		for end < len(raw) && !startOfRune(raw[end]) {
			end++
		}
		text := raw[i:end]
		title := ""
		if best := bestArticle(text, vocab); best >= 0 {
			title = articles[best].Title
		}
		id := fmt.Sprintf("w%04d", n)
		a := retrieval.Article{ID: id, Title: title, Text: text, Source: "naive", Seq: n, Hash: id}
		c := retrieval.Chunk{ID: id, ArticleID: id, Title: title, Start: 0, End: len(text), Text: text}
		if _, err := st.Put(ctx, a, []retrieval.Chunk{c}); err != nil {
			return nil, fmt.Errorf("naive store: %w", err)
		}
		i = end
	}
	return st, nil
}

func startOfRune(b byte) bool { return b&0xC0 != 0x80 }

// bestArticle returns the index of the vocabulary sharing most words with
// text, or -1.
func bestArticle(text string, vocab []map[string]bool) int {
	best, bestN := -1, 0
	words := strings.Fields(normTitle(text))
	for i, v := range vocab {
		n := 0
		for _, w := range words {
			if v[w] {
				n++
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	return best
}
