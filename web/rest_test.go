package web

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// do sends a request and returns the response with its body read.
func (h *harness) do(method, path, body string, header http.Header) (*http.Response, string) {
	h.t.Helper()
	req, err := http.NewRequest(method, h.url(path), strings.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := h.client.Do(req)
	if err != nil {
		h.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

type errorReply struct {
	Error struct {
		Code, Message string
		RequestID     string `json:"request_id"`
	} `json:"error"`
}

func wantError(t *testing.T, resp *http.Response, body string, status int, code string) errorReply {
	t.Helper()
	var e errorReply
	if resp.StatusCode != status || json.Unmarshal([]byte(body), &e) != nil || e.Error.Code != code {
		t.Errorf("%s %s: %d %s; want %d with code %s", resp.Request.Method, resp.Request.URL.Path,
			resp.StatusCode, body, status, code)
	}
	return e
}

func TestArticles(t *testing.T) {
	h := start(t, Config{})
	resp, body := h.do("GET", "/api/articles", "", nil)
	want := `{"articles":[{"id":"tests","title":"On Tests","authors":[{"name":"Ada Lovelace","affiliation":"Analytical Engine Society"}],"part":"Part One","sections":["Why"],"chars":32}]}`
	if resp.StatusCode != 200 || body != want {
		t.Errorf("list: %d %s\nwant %s", resp.StatusCode, body, want)
	}
	resp, body = h.do("GET", "/api/articles/tests", "", nil)
	var a articleDetail
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &a) != nil ||
		a.Text != testLibrary[0].Text || len(a.Spans) != 2 || a.Title != "On Tests" {
		t.Errorf("detail: %d %s", resp.StatusCode, body)
	}
	if strings.Contains(body, "/secret/path") || strings.Contains(body, `"hash"`) {
		t.Errorf("detail leaks the source path or hash: %s", body)
	}
	resp, body = h.do("GET", "/api/articles/nope", "", nil)
	wantError(t, resp, body, 404, CodeNotFound)
	resp, body = h.do("GET", "/no/such/route", "", nil)
	wantError(t, resp, body, 404, CodeNotFound)
}

func TestRESTAsk(t *testing.T) {
	noLeaks(t)
	h := start(t, Config{})
	resp, body := h.do("POST", "/api/ask", `{"id":"r1","question":"Why test?","history":[{"q":"Hi","a":"Hello"}]}`, nil)
	var ans struct {
		ID, Answer string
		Citations  []struct{ N int }
	}
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &ans) != nil || ans.ID != "r1" ||
		ans.Answer != fakeText || len(ans.Citations) != 1 {
		t.Fatalf("ask: %d %s", resp.StatusCode, body)
	}
	if got := h.fake.requests()[0].History; len(got) != 1 || got[0].Q != "Hi" {
		t.Errorf("history passed on as %+v", got)
	}
	// Without an id the answer carries the request id.
	resp, body = h.do("POST", "/api/ask", `{"question":"Why test?"}`, http.Header{"X-Request-Id": {"my-req-7"}})
	if resp.Header.Get("X-Request-ID") != "my-req-7" || !strings.Contains(body, `"id":"my-req-7"`) {
		t.Errorf("request id: header %q, body %s", resp.Header.Get("X-Request-ID"), body)
	}
	resp, _ = h.do("GET", "/healthz", "", http.Header{"X-Request-Id": {"<b>not an id</b>"}})
	if id := resp.Header.Get("X-Request-ID"); len(id) != 16 {
		t.Errorf("an unsafe client request id was kept: %q", id)
	}
}

func TestRESTErrors(t *testing.T) {
	h := start(t, Config{MaxBodyBytes: 1024})
	cases := []struct {
		name, body string
		status     int
		code       string
	}{
		{"malformed JSON", `{"question":`, 400, CodeBadRequest},
		{"empty body", ``, 400, CodeBadRequest},
		{"unknown field", `{"question":"Why?","type":"ask"}`, 400, CodeBadRequest},
		{"empty question", `{"question":""}`, 400, CodeBadRequest},
		{"huge body", `{"question":"` + strings.Repeat("a", 4096) + `"}`, 413, CodeTooLarge},
	}
	for _, c := range cases {
		for _, path := range []string{"/api/ask", "/api/ask/stream"} {
			resp, body := h.do("POST", path, c.body, nil)
			if e := wantError(t, resp, body, c.status, c.code); e.Error.RequestID == "" {
				t.Errorf("%s %s: no request id in %s", c.name, path, body)
			}
		}
	}
	resp, body := h.do("POST", "/api/ask", `{"question":"Why?"}`, http.Header{"Origin": {"https://evil.example"}})
	wantError(t, resp, body, 403, CodeForbidden)

	h.s.SetBackend(nil, nil)
	resp, body = h.do("POST", "/api/ask", `{"question":"Why?"}`, nil)
	wantError(t, resp, body, 503, CodeUnavailable)
	resp, body = h.do("GET", "/api/articles", "", nil)
	wantError(t, resp, body, 503, CodeUnavailable)
}

// stingyGate admits everyone and refuses every question.
type stingyGate struct{ LocalGate }

func (stingyGate) AllowAsk(Visitor, time.Time) (time.Duration, bool) {
	return 1500 * time.Millisecond, false
}

func TestRateLimitedAsks(t *testing.T) {
	h := start(t, Config{Gate: stingyGate{}})
	resp, body := h.do("POST", "/api/ask", `{"question":"Why?"}`, nil)
	wantError(t, resp, body, 429, CodeRateLimited)
	if got := resp.Header.Get("Retry-After"); got != "2" {
		t.Errorf("Retry-After %q, want 2 (1.5 s rounded up)", got)
	}
	ws := h.dial(nil)
	send(t, ws, `{"type":"ask","id":"q","question":"Why?"}`)
	if ev := read(t, ws); ev.Code != CodeRateLimited || ev.RetryAfter != 2 {
		t.Errorf("websocket: %s, want rate_limited with retry_after 2", ev.raw)
	}
}

func TestCORSForAdmittedOriginsOnly(t *testing.T) {
	h := start(t, Config{})
	pre := http.Header{"Origin": {"http://localhost:5173"}, "Access-Control-Request-Method": {"POST"}}
	resp, _ := h.do("OPTIONS", "/api/ask/stream", "", pre)
	if resp.StatusCode != 204 || resp.Header.Get("Access-Control-Allow-Origin") != "http://localhost:5173" ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Methods"), "POST") {
		t.Errorf("preflight from localhost: %d %v", resp.StatusCode, resp.Header)
	}
	pre.Set("Origin", "https://evil.example")
	resp, _ = h.do("OPTIONS", "/api/ask/stream", "", pre)
	if resp.StatusCode != 403 || resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight from evil: %d %v", resp.StatusCode, resp.Header)
	}
}

func TestHealthAndReadiness(t *testing.T) {
	h := start(t, Config{})
	h.s.SetBackend(nil, nil)
	resp, body := h.do("GET", "/readyz", "", nil)
	if resp.StatusCode != 503 || body != `{"status":"starting"}` {
		t.Errorf("before SetBackend: %d %s", resp.StatusCode, body)
	}
	h.s.SetBackend(h.fake, testLibrary)
	resp, body = h.do("GET", "/readyz", "", nil)
	if resp.StatusCode != 200 || body != `{"articles":1,"status":"ready"}` {
		t.Errorf("after SetBackend: %d %s", resp.StatusCode, body)
	}
	resp, body = h.do("GET", "/healthz", "", nil)
	if resp.StatusCode != 200 || body != `{"status":"ok"}` {
		t.Errorf("healthz: %d %s", resp.StatusCode, body)
	}
}

func TestReadyzTurnsUnavailableOnShutdown(t *testing.T) {
	s := New(Config{Logger: discardLogger()})
	s.SetBackend(newFake(), testLibrary)
	if err := s.Shutdown(t.Context()); err != nil {
		t.Fatal(err)
	}
	rec := serveOnce(s, "GET", "/readyz")
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), "shutting_down") {
		t.Errorf("after Shutdown: %d %s", rec.Code, rec.Body)
	}
}
