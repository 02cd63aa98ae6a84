package retrieval

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"
)

// embedBatchSize is how many texts go to the embedder at once: large enough
// to amortise a network round trip, small enough for any provider's limit.
const embedBatchSize = 64

// embedBatches embeds texts in batches, a few at a time, and checks every
// vector (count, dimensions, finite, non-zero) before normalising it. The
// first failure cancels the batches still running or waiting, in the manner
// of chromem-go's AddDocuments, and is the error returned.
func embedBatches(ctx context.Context, e Embedder, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var (
		wg   sync.WaitGroup
		once sync.Once
		sem  = make(chan struct{}, runtime.NumCPU())
	)
	fail := func(err error) { once.Do(func() { cancel(err) }) }
	for start := 0; start < len(texts); start += embedBatchSize {
		end := min(start+embedBatchSize, len(texts))
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
				defer func() { <-sem }()
			case <-ctx.Done():
				return
			}
			if ctx.Err() != nil {
				return
			}
			if err := embedBatch(ctx, e, texts[start:end], out[start:end]); err != nil {
				fail(fmt.Errorf("texts %d-%d: %w", start, end-1, err))
			}
		}()
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return out, nil
}

// embedBatch embeds one batch into dst.
func embedBatch(ctx context.Context, e Embedder, texts []string, dst [][]float32) error {
	vecs, err := e.Embed(ctx, texts)
	if err != nil {
		return err
	}
	if len(vecs) != len(texts) {
		return fmt.Errorf("embedder returned %d vectors for %d texts", len(vecs), len(texts))
	}
	dims := e.Info().Dimensions
	for i, v := range vecs {
		if err := checkVector(v, dims); err != nil {
			return fmt.Errorf("text %d: %w", i, err)
		}
		dst[i] = normalize(v)
	}
	return nil
}

var errZeroVector = errors.New("embedder returned a zero vector")

// checkVector refuses vectors that cannot be compared with the store's.
func checkVector(v []float32, dims int) error {
	if len(v) != dims {
		return fmt.Errorf("embedder returned %d dimensions, want %d", len(v), dims)
	}
	var sum float64
	for _, x := range v {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return errors.New("embedder returned a non-finite value")
		}
		sum += float64(x) * float64(x)
	}
	if sum == 0 {
		return errZeroVector
	}
	return nil
}
