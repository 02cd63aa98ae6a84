package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

func TestLocalGateAdmit(t *testing.T) {
	cases := []struct {
		origin string
		ok     bool
	}{
		{"", true}, // a non-browser client
		{"http://chat.example.org", true},
		{"https://CHAT.example.org", true}, // host case does not matter
		{"http://localhost:3000", true},
		{"http://127.0.0.1", true},
		{"http://[::1]:8080", true},
		{"https://chat.example.org:8443", false}, // another port is another origin
		{"https://evil.example", false},
		{"https://localhost.evil.example", false},
		{"null", false}, // sandboxed frames and file: pages
		{"file://", false},
		{"chat.example.org", false},
	}
	for _, c := range cases {
		r := httptest.NewRequest("GET", "http://chat.example.org/ws", nil)
		if c.origin != "" {
			r.Header.Set("Origin", c.origin)
		}
		v, err := LocalGate{}.Admit(r)
		if (err == nil) != c.ok {
			t.Errorf("Origin %q: err %v, want admitted=%v", c.origin, err, c.ok)
		}
		if err == nil && v.Origin != c.origin {
			t.Errorf("Origin %q: visitor %+v", c.origin, v)
		}
	}
}

// A route wired without admit cannot upgrade: CheckOrigin fails closed.
func TestUpgradeWithoutAdmitIsRefused(t *testing.T) {
	h := start(t, Config{})
	h.s.handler.(*gin.Engine).GET("/ws-unguarded", h.s.serveWS)
	req, _ := http.NewRequest("GET", h.url("/ws-unguarded"), nil)
	for k, v := range map[string]string{"Connection": "Upgrade", "Upgrade": "websocket",
		"Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="} {
		req.Header.Set(k, v)
	}
	resp, err := h.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("status %d, want 403", resp.StatusCode)
	}
}

func TestPanicInAHandlerIsAJSON500(t *testing.T) {
	h := start(t, Config{})
	h.s.handler.(*gin.Engine).GET("/boom", func(*gin.Context) { panic("boom") })
	resp, body := h.do("GET", "/boom", "", nil)
	wantError(t, resp, body, 500, CodeInternal)
	if strings.Contains(body, "boom") {
		t.Errorf("the panic's detail reached the client: %s", body)
	}
	recs := h.logs.find(map[string]string{"msg": "http error", "code": CodeInternal, "level": "ERROR"})
	if len(recs) != 1 || !strings.Contains(recs[0]["err"].(string), "boom") {
		t.Errorf("want one error log line with the panic, got %v", recs)
	}
	if len(h.logs.find(map[string]string{"msg": "http", "route": "/boom"})) != 1 {
		t.Errorf("want the access log line for the panicking request")
	}
}
