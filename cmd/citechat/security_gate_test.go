package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Security checks at the door: who may connect (Origin and partner key),
// how much they may ask (rate limits, with no race letting a client past),
// and what a hostile message can do (oversized, deeply nested JSON).

const (
	partnerKey    = "pk_partner_test"
	partnerOrigin = "https://partner.example"
)

// partnersConfig writes a partners file: one partner, 5 asks a minute per
// visitor and 8 a day for the key.
func partnersConfig(t *testing.T) Config {
	path := filepath.Join(t.TempDir(), "partners.yaml")
	yaml := "partners:\n  - key: " + partnerKey + "\n    name: Partner Test\n    origins:\n      - " + partnerOrigin +
		"\n    limits:\n      asks_per_minute: 5\n      asks_per_day: 8\n"
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return Config{PartnersFile: path}
}

// TestOriginAndKeyEnforcement: the websocket upgrade, REST and SSE admit
// exactly the same requests. A non-browser client may forge any Origin: it
// is then treated as that origin — refused for another site's origin,
// admitted (and rate limited) for the partner's own.
func TestOriginAndKeyEnforcement(t *testing.T) {
	noLeak(t)
	l := startLive(t, partnersConfig(t))
	cases := []struct {
		name, origin, query, header string
		admitted                    bool
	}{
		{"server-side client, no key, no Origin", "", "", "", true},
		{"same machine page", "http://localhost:3000", "", "", true},
		{"forged Origin of another site, no key", "https://evil.example", "", "", false},
		{"Origin null", "null", "", "", false},
		{"partner key from the partner's site", partnerOrigin, partnerKey, "", true},
		{"partner key in the header", partnerOrigin, "", partnerKey, true},
		{"partner key from another site", "https://evil.example", partnerKey, "", false},
		{"partner key from a look-alike site", "https://partner.example.evil.example", partnerKey, "", false},
		{"partner key over plain http", "http://partner.example", partnerKey, "", false},
		{"partner key without Origin", "", partnerKey, "", false},
		{"unknown key from the partner's site", partnerOrigin, "pk_stolen_guess", "", false},
		{"two different keys", partnerOrigin, partnerKey, "pk_other_key", false},
	}
	for _, c := range cases {
		hdr := http.Header{}
		if c.origin != "" {
			hdr.Set("Origin", c.origin)
		}
		if c.header != "" {
			hdr.Set("X-Citechat-Key", c.header)
		}
		q := ""
		if c.query != "" {
			q = "?key=" + c.query
		}
		ws, resp, err := websocket.DefaultDialer.Dial("ws://"+l.addr+"/ws"+q, hdr)
		if ws != nil {
			ws.Close()
		}
		if got := err == nil; got != c.admitted {
			t.Errorf("%s: websocket admitted=%v, want %v (%v)", c.name, got, c.admitted, err)
		} else if !c.admitted && (resp == nil || resp.StatusCode != http.StatusForbidden || errorCode(resp) != "forbidden") {
			t.Errorf("%s: websocket refusal %v, want 403 forbidden", c.name, resp)
		}
		for _, path := range []string{"/api/ask", "/api/ask/stream"} {
			req, _ := http.NewRequest(http.MethodPost, l.base+path+q, strings.NewReader(`{"question":"Who wrote the foreword?"}`))
			req.Header = hdr.Clone()
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if got := resp.StatusCode == http.StatusOK; got != c.admitted {
				t.Errorf("%s: %s status %d, admitted=%v, want %v: %s", c.name, path, resp.StatusCode, got, c.admitted, body)
			}
		}
	}
	if !strings.Contains(l.logs.String(), "gate refused origin") {
		t.Error("refusals are not logged")
	}
}

// errorCode reads the code of a JSON error body.
func errorCode(resp *http.Response) string {
	var body struct {
		Error struct{ Code string } `json:"error"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return body.Error.Code
}

// TestRateLimitsHoldUnderConcurrency: asks from one visitor arrive all at
// once over many websockets and REST; exactly the visitor's limit is
// answered. Then visitors from four addresses share the key's daily limit:
// exactly that many in all are answered.
func TestRateLimitsHoldUnderConcurrency(t *testing.T) {
	noLeak(t)
	cfg := partnersConfig(t)
	cfg.MaxConnsPerAddr = 100
	l := startLive(t, cfg)

	done, limited := burst(t, l, []string{"127.0.0.1"}, 10)
	if done != 5 || limited != 55 {
		t.Fatalf("one visitor, 60 asks at once: %d answered, %d rate limited; want 5 and 55", done, limited)
	}
	// Three more visitors (other loopback addresses): the key has 3 of its 8
	// asks a day left.
	done, limited = burst(t, l, []string{"127.0.0.2", "127.0.0.3", "127.0.0.4"}, 4)
	if done != 3 || limited != 69 {
		t.Fatalf("three visitors, 72 asks at once: %d answered, %d rate limited; want 3 and 69", done, limited)
	}
}

// burst sends, from each source address at once, five asks on each of
// conns websockets (over the four a connection may run, the fifth is
// refused by the connection before the Gate is asked) and conns REST asks
// (six asks per connection),
// all as the partner's page; it returns how many were answered and how
// many rate limited.
func burst(t *testing.T, l *live, addrs []string, conns int) (done, limited int) {
	t.Helper()
	hdr := http.Header{"Origin": {partnerOrigin}, "X-Citechat-Key": {partnerKey}}
	var mu sync.Mutex
	count := func(code string) {
		mu.Lock()
		defer mu.Unlock()
		switch code {
		case "done":
			done++
		case "rate_limited":
			limited++
		default:
			t.Errorf("unexpected outcome %q", code)
		}
	}
	start := make(chan struct{})
	var wg sync.WaitGroup
	for _, a := range addrs {
		nd := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(a)}}
		d := websocket.Dialer{NetDialContext: nd.DialContext}
		hc := &http.Client{Transport: &http.Transport{DialContext: nd.DialContext}}
		for c := range conns {
			ws, _, err := d.Dial("ws://"+l.addr+"/ws", hdr)
			if err != nil {
				t.Fatalf("dial from %s: %v", a, err)
			}
			defer ws.Close()
			wg.Go(func() {
				<-start
				for i := range 5 {
					_ = ws.WriteJSON(map[string]string{"type": "ask", "id": fmt.Sprint(i), "question": rice})
				}
				for seen := 0; seen < 5; {
					_ = ws.SetReadDeadline(time.Now().Add(20 * time.Second))
					var ev wsEvent
					if err := ws.ReadJSON(&ev); err != nil {
						t.Errorf("read: %v", err)
						return
					}
					if ev.Type == "done" || ev.Type == "error" {
						seen++
						count(map[bool]string{true: "done", false: ev.Code}[ev.Type == "done"])
					}
				}
			})
			wg.Go(func() {
				<-start
				req, _ := http.NewRequest(http.MethodPost, l.base+"/api/ask", strings.NewReader(fmt.Sprintf(`{"id":"r%d","question":%q}`, c, rice)))
				req.Header = hdr.Clone()
				resp, err := hc.Do(req)
				if err != nil {
					t.Errorf("rest: %v", err)
					return
				}
				defer resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					count("done")
				} else {
					count(errorCode(resp))
				}
			})
		}
		defer hc.CloseIdleConnections()
	}
	close(start)
	wg.Wait()
	return done, limited
}

// TestHostileJSON: deeply nested and oversized messages are refused with a
// specific error, never a crash or a stack blow-up, and the server (and,
// under the size limit, the same connection) goes on answering.
func TestHostileJSON(t *testing.T) {
	noLeak(t)
	l := startLive(t, Config{})
	nested := func(depth int) string {
		return `{"type":"ask","id":"n","question":"q","history":` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `}`
	}
	// Under the 64 KiB message limit, 20,000 levels: a bad_request event and
	// the connection stays usable.
	ws := l.wsOpen(nil)
	if err := ws.WriteMessage(websocket.TextMessage, []byte(nested(20_000))); err != nil {
		t.Fatal(err)
	}
	_ = ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	var ev wsEvent
	if err := ws.ReadJSON(&ev); err != nil || ev.Type != "error" || ev.Code != "bad_request" {
		t.Fatalf("20k nested arrays: %+v %v", ev, err)
	}
	t.Logf("20k nested arrays: %s %q", ev.Code, ev.Message)
	if evs := wsExchange(t, ws, "ok", rice); evs[len(evs)-1].Type != "done" {
		t.Fatalf("after the nested message: %s", evs[len(evs)-1].raw)
	}
	// Over it, 100,000 levels (and a 1 MB question): close 1009.
	for _, msg := range []string{nested(100_000), `{"type":"ask","id":"big","question":"` + strings.Repeat("a", 1<<20) + `"}`} {
		ws := l.wsOpen(nil)
		_ = ws.WriteMessage(websocket.TextMessage, []byte(msg))
		_ = ws.SetReadDeadline(time.Now().Add(10 * time.Second))
		_, _, err := ws.ReadMessage()
		if !websocket.IsCloseError(err, websocket.CloseMessageTooBig) {
			t.Fatalf("%d-byte message: %v, want close 1009", len(msg), err)
		}
	}
	// REST: 400, or 413 when the body limit is reached before the decoder's
	// depth limit (10,000) refuses it.
	for _, depth := range []int{100_000, 20_000} {
		body := `{"question":"q","history":` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `}`
		resp, err := http.Post(l.base+"/api/ask", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if code := errorCode(resp); resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("REST, %d nested arrays: %d %s, want 400 or 413", depth, resp.StatusCode, code)
		}
		resp.Body.Close()
	}
	// A partners file nested 100,000 deep is refused at start-up.
	path := filepath.Join(t.TempDir(), "partners.json")
	if err := os.WriteFile(path, []byte(`{"partners":`+strings.Repeat("[", 100_000)+strings.Repeat("]", 100_000)+`}`), 0o644); err != nil {
		t.Fatal(err)
	}
	m := &Main{Config: Config{Addr: "127.0.0.1:0", DataDir: t.TempDir(), Embedder: "local", PartnersFile: path}}
	err := m.Run(context.Background())
	m.Close()
	if err == nil || !strings.Contains(err.Error(), "partners") {
		t.Fatalf("a 100k-deep partners file: %v", err)
	}
	if evs := wsExchange(t, l.wsOpen(nil), "still", rice); evs[len(evs)-1].Type != "done" {
		t.Fatalf("after all that: %s", evs[len(evs)-1].raw)
	}
}
