package chat

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/ollama"
	"github.com/tmc/langchaingo/llms/openai"
)

// script is what a fake provider streams back: pieces of text, optionally
// after a delay, ending cleanly, cut mid-stream, or with a malformed line.
type script struct {
	pieces    []string
	delay     time.Duration // before the first piece
	cut       bool          // drop the connection after the pieces
	malformed bool          // send a line of broken JSON after the pieces
	hold      bool          // after the pieces, wait for the client to go away
	// rewrite answers a request that does not stream (the follow-up
	// rewrite); empty means such a request fails with a 500.
	rewrite string
}

// provider is an httptest server speaking one provider's streaming wire
// format, driven by a script. It records the prompts it was sent and
// whether a request was cancelled by the client.
type provider struct {
	srv       *httptest.Server
	client    *http.Client
	mu        sync.Mutex
	prompts   []string
	cancelled chan struct{}
	once      sync.Once
}

// wire writes one piece of text (or the end) in a provider's format.
type wire interface {
	path() string
	contentType() string
	piece(text string) string
	end() string
	whole(text string) string // a complete, non-streamed response
}

type sseWire struct{} // OpenAI-compatible chat completions, server-sent events

func (sseWire) path() string        { return "/v1/chat/completions" }
func (sseWire) contentType() string { return "text/event-stream" }
func (sseWire) piece(text string) string {
	b, _ := json.Marshal(map[string]any{"id": "c1", "object": "chat.completion.chunk", "model": "m",
		"choices": []any{map[string]any{"index": 0, "delta": map[string]any{"content": text}}}})
	return "data: " + string(b) + "\n\n"
}
func (sseWire) end() string { return "data: [DONE]\n\n" }
func (sseWire) whole(text string) string {
	b, _ := json.Marshal(map[string]any{"id": "c1", "object": "chat.completion", "model": "m",
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": text}}}})
	return string(b)
}

type ndjsonWire struct{} // Ollama /api/chat, newline-delimited JSON

func (ndjsonWire) path() string        { return "/api/chat" }
func (ndjsonWire) contentType() string { return "application/x-ndjson" }
func (ndjsonWire) piece(text string) string {
	b, _ := json.Marshal(map[string]any{"model": "m", "created_at": "2025-01-01T00:00:00Z",
		"message": map[string]any{"role": "assistant", "content": text}, "done": false})
	return string(b) + "\n"
}
func (ndjsonWire) whole(text string) string {
	b, _ := json.Marshal(map[string]any{"model": "m", "created_at": "2025-01-01T00:00:00Z",
		"message": map[string]any{"role": "assistant", "content": text}, "done": true})
	return string(b) + "\n"
}
func (ndjsonWire) end() string {
	return `{"model":"m","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":""},"done":true}` + "\n"
}

func newProvider(t *testing.T, w wire, sc script) *provider {
	p := &provider{cancelled: make(chan struct{})}
	p.srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path != w.path() {
			http.NotFound(rw, r)
			return
		}
		body, _ := io.ReadAll(r.Body)
		p.mu.Lock()
		p.prompts = append(p.prompts, string(body))
		p.mu.Unlock()
		if !strings.Contains(string(body), `"stream":true`) {
			if sc.rewrite == "" {
				http.Error(rw, `{"error":{"message":"overloaded"}}`, http.StatusInternalServerError)
				return
			}
			rw.Header().Set("Content-Type", "application/json")
			_, _ = fmt.Fprint(rw, w.whole(sc.rewrite))
			return
		}
		rw.Header().Set("Content-Type", w.contentType())
		rw.WriteHeader(http.StatusOK)
		fl := rw.(http.Flusher)
		fl.Flush()
		if !p.wait(r, sc.delay) {
			return
		}
		for _, s := range sc.pieces {
			_, _ = fmt.Fprint(rw, w.piece(s))
			fl.Flush()
		}
		switch {
		case sc.malformed:
			_, _ = fmt.Fprint(rw, "data: {\"choices\": [{\"delta\": {\"content\": \"oops\n{not json at all\n")
			fl.Flush()
		case sc.cut:
			panic(http.ErrAbortHandler) // drop the connection mid-stream
		case sc.hold:
			p.wait(r, time.Minute)
			return
		}
		_, _ = fmt.Fprint(rw, w.end())
	}))
	p.client = &http.Client{}
	t.Cleanup(func() {
		p.client.CloseIdleConnections()
		p.srv.Close()
	})
	return p
}

// wait sleeps for d unless the client cancels first; it reports whether
// the client is still there.
func (p *provider) wait(r *http.Request, d time.Duration) bool {
	if d == 0 {
		return true
	}
	select {
	case <-time.After(d):
		return true
	case <-r.Context().Done():
		p.once.Do(func() { close(p.cancelled) })
		return false
	}
}

// openaiModel and ollamaModel are the real langchaingo clients pointed at p.
func openaiModel(t *testing.T, p *provider) llms.Model {
	m, err := openai.New(openai.WithBaseURL(p.srv.URL+"/v1"), openai.WithToken("test-key"),
		openai.WithModel("m"), openai.WithHTTPClient(p.client))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func ollamaModel(t *testing.T, p *provider) llms.Model {
	m, err := ollama.New(ollama.WithServerURL(p.srv.URL), ollama.WithModel("m"), ollama.WithHTTPClient(p.client))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// providers lists the two wire formats with their clients.
var providers = []struct {
	name  string
	wire  wire
	model func(*testing.T, *provider) llms.Model
}{
	{"openai", sseWire{}, openaiModel},
	{"ollama", ndjsonWire{}, ollamaModel},
}
