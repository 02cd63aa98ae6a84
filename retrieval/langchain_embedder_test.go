package retrieval

import (
	"context"
	"encoding/json"
	"hash/fnv"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/tmc/langchaingo/embeddings"
	"github.com/tmc/langchaingo/llms/ollama"
	"github.com/tmc/langchaingo/llms/openai"
)

// These tests drive langchaingo's real OpenAI and Ollama clients against
// servers speaking the providers' wire protocols.

const fakeDims = 8

// fakeVector is a deterministic, deliberately unnormalised vector for text.
func fakeVector(text string) []float32 {
	h := fnv.New64a()
	h.Write([]byte(text))
	seed := h.Sum64()
	v := make([]float32, fakeDims)
	for i := range v {
		seed = seed*6364136223846793005 + 1442695040888963407
		v[i] = float32(int64(seed>>40)%1000) / 100
	}
	return v
}

// openAIServer answers POST /v1/embeddings and records each batch's size.
type openAIServer struct {
	mu      sync.Mutex
	batches []int
	dims    int // dimensions to return
	status  int // non-zero: fail with this status
}

func (o *openAIServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/embeddings" {
		http.NotFound(w, r)
		return
	}
	var req struct {
		Model string   `json:"model"`
		Input []string `json:"input"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	o.mu.Lock()
	o.batches = append(o.batches, len(req.Input))
	o.mu.Unlock()
	if o.status != 0 {
		w.WriteHeader(o.status)
		json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"message": "quota exceeded"}})
		return
	}
	type item struct {
		Object    string    `json:"object"`
		Embedding []float32 `json:"embedding"`
		Index     int       `json:"index"`
	}
	resp := struct {
		Object string `json:"object"`
		Data   []item `json:"data"`
		Model  string `json:"model"`
	}{Object: "list", Model: req.Model}
	for i, text := range req.Input {
		resp.Data = append(resp.Data, item{"embedding", fakeVector(text)[:o.dims], i})
	}
	json.NewEncoder(w).Encode(resp)
}

func openAIEmbedder(t *testing.T, srv *openAIServer, dims int) Embedder {
	t.Helper()
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	llm, err := openai.New(openai.WithBaseURL(ts.URL+"/v1"), openai.WithToken("test"), openai.WithEmbeddingModel("embed-small"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := embeddings.NewEmbedder(llm, embeddings.WithBatchSize(64))
	if err != nil {
		t.Fatal(err)
	}
	return NewLangchainEmbedder(e, EmbedderInfo{Name: "openai", Model: "embed-small", Dimensions: dims})
}

func TestOpenAIEmbedderBatchesAndNormalises(t *testing.T) {
	srv := &openAIServer{dims: fakeDims}
	e := openAIEmbedder(t, srv, fakeDims)
	texts := make([]string, 130)
	for i := range texts {
		texts[i] = strings.Repeat("word ", i) + "end"
	}
	vecs, err := e.Embed(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	if len(vecs) != len(texts) {
		t.Fatalf("%d vectors for %d texts", len(vecs), len(texts))
	}
	for i, v := range vecs {
		want := normalize(fakeVector(texts[i]))
		if math.Abs(dot(v, v)-1) > 1e-5 || math.Abs(dot(v, want)-1) > 1e-5 {
			t.Fatalf("text %d: vector not the server's, normalised", i)
		}
	}
	if got := srv.batches; len(got) != 3 || got[0] != 64 || got[2] != 2 {
		t.Errorf("batches = %v, want 64, 64, 2", got)
	}
}

func TestOpenAIEmbedderErrors(t *testing.T) {
	e := openAIEmbedder(t, &openAIServer{dims: fakeDims, status: http.StatusTooManyRequests}, fakeDims)
	_, err := e.Embed(context.Background(), []string{"a"})
	if err == nil || !strings.Contains(err.Error(), "openai/embed-small") || !strings.Contains(err.Error(), "429") {
		t.Errorf("server error: err = %v", err)
	}
	e = openAIEmbedder(t, &openAIServer{dims: 4}, fakeDims)
	if _, err := e.Embed(context.Background(), []string{"a"}); err == nil || !strings.Contains(err.Error(), "4 dimensions, want 8") {
		t.Errorf("wrong dimensions: err = %v", err)
	}
}

// ollamaServer answers POST /api/embed, one text a request as
// langchaingo's client sends them.
func ollamaServer(t *testing.T, requests *int) string {
	var mu sync.Mutex
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/api/embed" {
			http.NotFound(w, r)
			return
		}
		var req struct {
			Model string `json:"model"`
			Input string `json:"input"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Model != "nomic-embed-text" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		mu.Lock()
		*requests++
		mu.Unlock()
		json.NewEncoder(w).Encode(map[string]any{"model": req.Model, "embeddings": [][]float32{fakeVector(req.Input)}})
	}))
	t.Cleanup(ts.Close)
	return ts.URL
}

// A store built on a networked embedder works end to end: Put embeds
// through Ollama, Search embeds the query the same way.
func TestOllamaEmbedderInStore(t *testing.T) {
	var requests int
	llm, err := ollama.New(ollama.WithServerURL(ollamaServer(t, &requests)), ollama.WithModel("nomic-embed-text"))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := embeddings.NewEmbedder(llm)
	emb := NewLangchainEmbedder(e, EmbedderInfo{Name: "ollama", Model: "nomic-embed-text", Dimensions: fakeDims})
	s, err := NewStore(emb)
	if err != nil {
		t.Fatal(err)
	}
	d := loadFixture(t)[2]
	if _, err := s.Put(context.Background(), d.a, d.chunks); err != nil {
		t.Fatal(err)
	}
	if requests != len(d.chunks) {
		t.Errorf("%d requests for %d chunks", requests, len(d.chunks))
	}
	// The fake model's vectors mean nothing, so only check the plumbing.
	ps := search(t, s, Query{Text: "coral", K: 2, Method: MethodDense})
	if len(ps) != 2 || requests != len(d.chunks)+1 {
		t.Errorf("dense search: %d passages, %d requests", len(ps), requests)
	}
}
