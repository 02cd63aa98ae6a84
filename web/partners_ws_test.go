package web

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// syncBuffer is a log destination the server's goroutines can share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// partnerServer runs the real server with the partner gate of goodYAML
// (pk_news_7f3a: news.example.org and *.example.org, 3 asks a minute).
func partnerServer(t *testing.T) (*httptest.Server, *syncBuffer) {
	t.Helper()
	g, err := LoadPartners(writePartnersFile(t, "partners.yaml", goodYAML))
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	s := New(Config{Gate: g, Logger: slog.New(slog.NewTextHandler(logs, nil))})
	s.SetBackend(&cannedBot{}, testShelf{})
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts, logs
}

func dialWS(ts *httptest.Server, query, origin string) (*websocket.Conn, *http.Response, error) {
	h := http.Header{}
	if origin != "" {
		h.Set("Origin", origin)
	}
	c, resp, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(ts.URL, "http")+"/ws"+query, h)
	if c != nil {
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
	}
	return c, resp, err
}

// askWS asks one question and returns the event that ends it.
func askWS(t *testing.T, c *websocket.Conn, id string) map[string]any {
	t.Helper()
	if err := c.WriteJSON(map[string]any{"type": "ask", "id": id, "question": "What about tides?"}); err != nil {
		t.Fatal(err)
	}
	for {
		var ev map[string]any
		if err := c.ReadJSON(&ev); err != nil {
			t.Fatalf("ask %s: %v", id, err)
		}
		if ev["id"] == id && (ev["type"] == "done" || ev["type"] == "error") {
			return ev
		}
	}
}

func TestPartnerKeyRefusedFromOtherSitesAtTheUpgrade(t *testing.T) {
	ts, logs := partnerServer(t)
	cases := []struct{ name, query, origin, logged string }{
		{"a key used from the wrong site", "?key=pk_news_7f3a", "https://evil.test", ErrOriginNotAllowed.Error()},
		{"another partner's site", "?key=pk_news_7f3a", "https://blog.example.net", ErrOriginNotAllowed.Error()},
		{"a key without an Origin", "?key=pk_news_7f3a", "", ErrNoOrigin.Error()},
		{"an unknown key", "?key=pk_made_up_1", "https://news.example.org", ErrUnknownKey.Error()},
		{"no key from another site", "", "https://news.example.org", "forbidden"},
	}
	for _, c := range cases {
		conn, resp, err := dialWS(ts, c.query, c.origin)
		if err == nil {
			conn.Close()
			t.Errorf("%s: connected", c.name)
			continue
		}
		if resp == nil || resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s: %v, want a 403 response", c.name, err)
			continue
		}
		var body struct{ Error struct{ Code string } }
		json.NewDecoder(resp.Body).Decode(&body)
		if body.Error.Code != CodeForbidden {
			t.Errorf("%s: body code %q", c.name, body.Error.Code)
		}
		if !strings.Contains(logs.String(), c.logged) {
			t.Errorf("%s: no log line with %q", c.name, c.logged)
		}
	}
}

// A client that is not a browser can claim any Origin; the partner gate
// admits it like the partner's own page (nothing on the wire tells them
// apart) and the key's limits are what bound it.
func TestForgedOriginIsAdmittedButRateLimited(t *testing.T) {
	ts, _ := partnerServer(t)
	c, _, err := dialWS(ts, "?key=pk_news_7f3a", "https://news.example.org")
	if err != nil {
		t.Fatalf("forged allowed origin refused: %v", err)
	}
	defer c.Close()
	for i := range 3 {
		if ev := askWS(t, c, "q"+string(rune('1'+i))); ev["type"] != "done" {
			t.Fatalf("ask %d: %v", i+1, ev)
		}
	}
	ev := askWS(t, c, "q4")
	if ev["type"] != "error" || ev["code"] != CodeRateLimited || ev["retry_after"].(float64) < 1 {
		t.Fatalf("4th ask in a minute: %v, want rate_limited with retry_after", ev)
	}
	// A second connection from the same address is the same visitor.
	c2, _, err := dialWS(ts, "?key=pk_news_7f3a", "https://a.example.org")
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	if ev := askWS(t, c2, "q5"); ev["code"] != CodeRateLimited {
		t.Fatalf("same visitor on a new connection: %v, want rate_limited", ev)
	}
}

func TestPartnerKeyOnRESTAndPreflight(t *testing.T) {
	ts, _ := partnerServer(t)
	do := func(method, path, origin string) *http.Response {
		req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader(`{"id":"r1","question":"What about tides?"}`))
		req.Header.Set("Origin", origin)
		req.Header.Set("Content-Type", "application/json")
		if method == http.MethodOptions {
			req.Header.Set("Access-Control-Request-Method", "POST")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	ok := do(http.MethodOptions, "/api/ask/stream?key=pk_news_7f3a", "https://news.example.org")
	if ok.StatusCode != http.StatusNoContent || ok.Header.Get("Access-Control-Allow-Origin") != "https://news.example.org" {
		t.Errorf("preflight from the partner: %d, ACAO %q", ok.StatusCode, ok.Header.Get("Access-Control-Allow-Origin"))
	}
	bad := do(http.MethodOptions, "/api/ask/stream?key=pk_news_7f3a", "https://evil.test")
	if bad.StatusCode != http.StatusForbidden || bad.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight from another site: %d, ACAO %q", bad.StatusCode, bad.Header.Get("Access-Control-Allow-Origin"))
	}
	if r := do(http.MethodPost, "/api/ask?key=pk_news_7f3a", "https://evil.test"); r.StatusCode != http.StatusForbidden {
		t.Errorf("REST ask from another site: %d", r.StatusCode)
	}
	if r := do(http.MethodPost, "/api/ask?key=pk_news_7f3a", "https://news.example.org"); r.StatusCode != http.StatusOK {
		t.Errorf("REST ask from the partner: %d", r.StatusCode)
	}
}
