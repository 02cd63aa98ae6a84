package retrieval

import (
	"context"
	"fmt"

	"github.com/tmc/langchaingo/embeddings"
)

// langchainEmbedder adapts a langchaingo embeddings.Embedder (the
// OpenAI-compatible and Ollama clients, built in cmd) to Embedder.
type langchainEmbedder struct {
	e    embeddings.Embedder
	info EmbedderInfo
}

// NewLangchainEmbedder wraps e, which makes vectors of info.Dimensions for
// the model info names. Dimensions must be set: the store records it before
// the first vector exists. Texts go to the model in batches of 64; every vector
// is checked (count, dimensions, finite, non-zero) and normalised, since
// providers differ on whether theirs are unit length.
func NewLangchainEmbedder(e embeddings.Embedder, info EmbedderInfo) Embedder {
	return &langchainEmbedder{e: e, info: info}
}

func (l *langchainEmbedder) Info() EmbedderInfo { return l.info }

func (l *langchainEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, 0, len(texts))
	for start := 0; start < len(texts); start += embedBatchSize {
		batch := texts[start:min(start+embedBatchSize, len(texts))]
		vecs, err := l.e.EmbedDocuments(ctx, batch)
		if err != nil {
			return nil, fmt.Errorf("%s/%s: %w: %w", l.info.Name, l.info.Model, ErrEmbedderUnavailable, err)
		}
		if len(vecs) != len(batch) {
			return nil, fmt.Errorf("%s/%s: %d vectors for %d texts", l.info.Name, l.info.Model, len(vecs), len(batch))
		}
		for i, v := range vecs {
			if l.info.Dimensions <= 0 {
				return nil, fmt.Errorf("%s/%s: embedding dimensions not configured (the model returns %d)", l.info.Name, l.info.Model, len(v))
			}
			if err := checkVector(v, l.info.Dimensions); err != nil {
				return nil, fmt.Errorf("%s/%s: text %d: %w", l.info.Name, l.info.Model, start+i, err)
			}
			out = append(out, normalize(v))
		}
	}
	return out, nil
}
