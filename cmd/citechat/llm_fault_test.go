package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// LLM provider faults, end to end: the real langchaingo OpenAI client (as
// cmd builds it) against an httptest server speaking the chat completions
// streaming protocol, behind the real web server, seen by a real websocket
// client. Whatever the provider does, the reader gets the extractive answer
// with a notice, and the server goes on serving.

// llmFault is how the fake provider misbehaves.
type llmFault string

const (
	llmSlow      llmFault = "slow"      // no first token for 20 s
	llmCut       llmFault = "cut"       // drops the connection mid-sentence
	llmMalformed llmFault = "malformed" // streams lines that are not JSON
	llmGarbage   llmFault = "garbage"   // an HTML error page with status 502
)

// fakeLLM serves /v1/chat/completions with the given fault.
func fakeLLM(t *testing.T, fault llmFault) string {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/chat/completions" {
			http.NotFound(w, r)
			return
		}
		if fault == llmGarbage {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			fmt.Fprint(w, "<html><body>502 Bad Gateway <<<{{")
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		switch fault {
		case llmSlow:
			select { // the server side really waits; the client gives up first
			case <-time.After(20 * time.Second):
			case <-r.Context().Done():
				return
			}
			fmt.Fprint(w, chunk("Too late [1]."), "data: [DONE]\n\n")
		case llmCut:
			fmt.Fprint(w, chunk("The pilot project uses"))
			w.(http.Flusher).Flush()
			panic(http.ErrAbortHandler) // the connection drops, no [DONE]
		case llmMalformed:
			fmt.Fprint(w, "data: {\"choices\":[{\"delta\":{\"content\":\"The\n", "data: {not json}\n\n", "data: [DONE]\n\n")
		}
	}))
	t.Cleanup(ts.Close)
	return ts.URL + "/v1"
}

// chunk is one chat.completion.chunk server-sent event.
func chunk(text string) string {
	b, _ := json.Marshal(map[string]any{"id": "c1", "object": "chat.completion.chunk", "model": "m",
		"choices": []any{map[string]any{"index": 0, "delta": map[string]any{"content": text}}}})
	return "data: " + string(b) + "\n\n"
}

// deadURL is an address where nothing listens: connection refused.
func deadURL(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr + "/v1"
}

func llmConfig(url string) Config {
	return Config{LLM: "openai", LLMModel: "test-model", LLMURL: url, LLMAPIKey: "sk-test-llm-fault", LLMTimeout: time.Second}
}

func TestLLMFaultsFallBackToExtractiveWithNotice(t *testing.T) {
	cases := map[string]func(*testing.T) string{
		"down":      deadURL,
		"slow":      func(t *testing.T) string { return fakeLLM(t, llmSlow) },
		"cut":       func(t *testing.T) string { return fakeLLM(t, llmCut) },
		"malformed": func(t *testing.T) string { return fakeLLM(t, llmMalformed) },
		"garbage":   func(t *testing.T) string { return fakeLLM(t, llmGarbage) },
	}
	for name, provider := range cases {
		t.Run(name, func(t *testing.T) {
			noLeak(t)
			l := startLive(t, llmConfig(provider(t)))
			ws := l.wsOpen(nil)
			for _, id := range []string{"a1", "a2"} { // and it keeps serving
				evs := wsExchange(t, ws, id, rice)
				done := evs[len(evs)-1]
				if done.Type != "done" || evs[0].Type != "sources" {
					t.Fatalf("%s: events %s", id, done.raw)
				}
				if done.Mode != "extractive" || !strings.Contains(done.Notice, "unavailable") {
					t.Fatalf("%s: mode %q, notice %q; want the extractive fallback with a notice", id, done.Mode, done.Notice)
				}
				if done.Abstained || len(done.Citations) == 0 || !strings.Contains(strings.ToLower(done.Answer), "wetting and drying") {
					t.Fatalf("%s: the fallback should still answer with citations: %s", id, done.raw)
				}
				if got := streamed(evs); got != done.Answer {
					t.Fatalf("%s: deltas %q are not the answer %q", id, got, done.Answer)
				}
			}
		})
	}
}
