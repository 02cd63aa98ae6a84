package main

import (
	"encoding/json"
	"hash/fnv"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// embedDims is the fake embedding model's vector size.
const embedDims = 16

// fakeEmbedder serves OpenAI's /v1/embeddings with deterministic vectors
// (words hashed into embedDims buckets), so a store can be built through
// the real langchaingo client.
func fakeEmbedder(t *testing.T) *httptest.Server {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Input []string `json:"input"`
			Model string   `json:"model"`
		}
		if r.URL.Path != "/v1/embeddings" || json.NewDecoder(r.Body).Decode(&req) != nil {
			http.Error(w, `{"error":{"message":"bad request"}}`, http.StatusBadRequest)
			return
		}
		data := make([]map[string]any, len(req.Input))
		for i, text := range req.Input {
			data[i] = map[string]any{"object": "embedding", "index": i, "embedding": hashVector(text)}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"object": "list", "model": req.Model, "data": data,
			"usage": map[string]int{"prompt_tokens": 1, "total_tokens": 1}})
	}))
	t.Cleanup(ts.Close)
	return ts
}

func hashVector(text string) []float32 {
	v := make([]float32, embedDims)
	v[0] = 1 // never the zero vector
	for _, w := range strings.Fields(strings.ToLower(text)) {
		h := fnv.New32a()
		h.Write([]byte(w))
		v[h.Sum32()%embedDims]++
	}
	return v
}

// TestEmbedderDownAtQueryTime: the store was built through a networked
// embedder that then goes away. A question cannot be embedded: the reader
// gets a clear "unavailable" error (not "internal"), the connection stays
// open, and the server keeps serving everything that needs no embedding.
func TestEmbedderDownAtQueryTime(t *testing.T) {
	noLeak(t)
	emb := fakeEmbedder(t)
	l := startLive(t, Config{DataDir: t.TempDir(), Embedder: "openai", EmbedModel: "fake-embed",
		EmbedURL: emb.URL + "/v1", EmbedDims: embedDims, EmbedAPIKey: "sk-test-embed"})
	ws := l.wsOpen(nil)
	if evs := wsExchange(t, ws, "up", rice); evs[len(evs)-1].Type != "done" {
		t.Fatalf("with the embedder up: %s", evs[len(evs)-1].raw)
	}

	emb.Close() // connection refused from now on
	for _, id := range []string{"down1", "down2"} {
		evs := wsExchange(t, ws, id, rice)
		last := evs[len(evs)-1]
		if len(evs) != 1 || last.Type != "error" || last.Code != "unavailable" {
			t.Fatalf("%s: events %v, want one unavailable error", id, last.raw)
		}
		if strings.Contains(last.Message, "127.0.0.1") || strings.Contains(last.Message, "sk-test") {
			t.Fatalf("%s: the message leaks configuration: %q", id, last.Message)
		}
	}
	resp, err := http.Post(l.base+"/api/ask", "application/json", strings.NewReader(`{"question":"`+rice+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("REST ask with the embedder down: %s", resp.Status)
	}
	for _, path := range []string{"/healthz", "/readyz", "/api/articles"} {
		resp, err := http.Get(l.base + path)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("%s with the embedder down: %v %v", path, resp, err)
		}
		resp.Body.Close()
	}
}
