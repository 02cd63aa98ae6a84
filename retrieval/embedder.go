package retrieval

import (
	"context"
	"fmt"
	"math"
)

// EmbedderInfo names the model that made a store's vectors. A store records
// it and refuses to be opened with a different embedder, because vectors of
// two models (or two dimensions) cannot be compared.
type EmbedderInfo struct {
	Name       string `json:"name"`  // provider: "local", "openai", "ollama"
	Model      string `json:"model"` // e.g. "hash-v1", "text-embedding-3-small"
	Dimensions int    `json:"dimensions"`
}

func (i EmbedderInfo) String() string {
	return fmt.Sprintf("%s/%s (%d dimensions)", i.Name, i.Model, i.Dimensions)
}

// Embedder turns texts into unit-length vectors of Info().Dimensions, one per
// text, in order. The local embedder is the default; NewLangchainEmbedder
// adapts networked models. Implementations must be safe for concurrent use.
type Embedder interface {
	Info() EmbedderInfo
	Embed(ctx context.Context, texts []string) ([][]float32, error)
}

// normalize scales v to unit length in place and returns it. A zero vector
// (a text with no content words) stays zero: it is similar to nothing,
// which is the truth about such a text.
func normalize(v []float32) []float32 {
	var sum float64
	for _, x := range v {
		sum += float64(x) * float64(x)
	}
	if sum == 0 {
		return v
	}
	inv := 1 / math.Sqrt(sum)
	for i, x := range v {
		v[i] = float32(float64(x) * inv)
	}
	return v
}

// dot is the cosine similarity of two unit vectors: unrolled four ways,
// which lets the compiler drop bounds checks and keep four sums in
// registers — twice as fast as the plain loop.
func dot(a, b []float32) float64 {
	if len(a) != len(b) {
		return 0
	}
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		a4, b4 := a[i:i+4:i+4], b[i:i+4:i+4]
		s0 += a4[0] * b4[0]
		s1 += a4[1] * b4[1]
		s2 += a4[2] * b4[2]
		s3 += a4[3] * b4[3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return float64((s0 + s1) + (s2 + s3))
}
