package web

import (
	"net/http"
	"strings"
	"testing"
)

func TestMetricsExposeTheSeriesAndNoSecrets(t *testing.T) {
	h := start(t, Config{})
	ws := h.dial(http.Header{"Origin": {"http://localhost:9999"}})
	send(t, ws, `{"type":"ask","id":"m1","question":"SECRET-QUESTION-TEXT"}`)
	readUntil(t, ws, "m1")
	send(t, ws, `{"type":"ask","id":"m2","question":"abstain please"}`)
	readUntil(t, ws, "m2")
	send(t, ws, `{"type":"bogus","id":"m3"}`)
	read(t, ws)
	h.do("POST", "/api/ask?key=SECRET-KEY-123", `{"question":"Why?"}`, http.Header{"X-Citechat-Key": {"SECRET-KEY-456"}})
	h.do("GET", "/api/articles/some-unknown-article-id", "", nil)

	_, body := h.do("GET", "/metrics", "", nil)
	for _, want := range []string{
		`citechat_http_requests_total{route="/api/ask",status="200"} 1`,
		`citechat_http_requests_total{route="/api/articles/:id",status="404"} 1`,
		`citechat_websocket_connections 1`,
		`citechat_answers_total{transport="ws"} 2`,
		`citechat_answers_total{transport="rest"} 1`,
		`citechat_abstentions_total{transport="ws"} 1`,
		`citechat_errors_total{code="bad_request"} 1`,
		`citechat_errors_total{code="not_found"} 1`,
		`citechat_time_to_first_delta_seconds_count 3`,
		`citechat_retrieval_seconds_count 3`,
		`citechat_answer_seconds_count 3`,
		`go_goroutines `,
		`process_resident_memory_bytes `,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	for _, secret := range []string{"SECRET", "localhost:9999", "some-unknown-article-id"} {
		if strings.Contains(body, secret) {
			t.Errorf("metrics contain %q", secret)
		}
	}
}
