package retrieval

import (
	"context"
	"errors"
	"math"
	"slices"
	"testing"
)

func embedOne(t *testing.T, e Embedder, text string) []float32 {
	t.Helper()
	v, err := e.Embed(context.Background(), []string{text})
	if err != nil {
		t.Fatal(err)
	}
	return v[0]
}

func TestLocalEmbedderVectors(t *testing.T) {
	e := NewLocalEmbedder()
	if info := e.Info(); info.Name != "local" || info.Model == "" || info.Dimensions != LocalDimensions {
		t.Fatalf("Info() = %+v", info)
	}
	for _, text := range []string{"Floods hit the delta.", "", "the of and", "🙂 ¿?"} {
		v := embedOne(t, e, text)
		if len(v) != LocalDimensions {
			t.Fatalf("%q: %d dimensions", text, len(v))
		}
		if n := math.Sqrt(dot(v, v)); math.Abs(n-1) > 1e-5 {
			t.Errorf("%q: norm %v, want 1", text, n)
		}
	}
}

// A text's vector depends on the text alone: not on the batch it came in,
// not on earlier calls. Stores ingested incrementally rely on it.
func TestLocalEmbedderIsDeterministicAndContextFree(t *testing.T) {
	e := NewLocalEmbedder()
	text := "Solar refrigerators keep vaccines cold."
	alone := embedOne(t, e, text)
	batch, err := NewLocalEmbedder().Embed(context.Background(), []string{"Something else entirely.", text, "More."})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(alone, batch[1]) {
		t.Error("vector differs between a single call and a batch")
	}
}

// Different wordings of one idea are closer than unrelated text.
func TestLocalEmbedderSimilarity(t *testing.T) {
	e := NewLocalEmbedder()
	cases := []struct{ a, near, far string }{
		{"China and ASEAN cooperate on disaster relief", "cooperation in disaster management", "coral reefs bleached by heat"},
		{"droughts and floods", "a drought followed by a flood", "container ships queue at the port"},
		{"the villages established a cooperative", "establishing cooperatives in villages", "vaccines need a cold chain"},
	}
	for _, c := range cases {
		va, vn, vf := embedOne(t, e, c.a), embedOne(t, e, c.near), embedOne(t, e, c.far)
		if near, far := dot(va, vn), dot(va, vf); near <= far+0.1 {
			t.Errorf("%q: similarity to %q = %.3f, to %q = %.3f: want the first clearly higher", c.a, c.near, near, c.far, far)
		}
	}
}

func TestLocalEmbedderHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := NewLocalEmbedder().Embed(ctx, []string{"a text"}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
