package web

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// recordingGate is a fallback that admits everyone and remembers the calls,
// so the tests can tell which requests the partner gate handed on.
type recordingGate struct{ admits, asks int }

func (g *recordingGate) Admit(r *http.Request) (Visitor, error) {
	g.admits++
	return Visitor{Origin: r.Header.Get("Origin")}, nil
}

func (g *recordingGate) AllowAsk(Visitor, time.Time) (time.Duration, bool) {
	g.asks++
	return 0, true
}

func testPartnerGate(t *testing.T) (*PartnerGate, *recordingGate) {
	t.Helper()
	partners, err := parsePartners(".yaml", []byte(goodYAML))
	if err != nil {
		t.Fatal(err)
	}
	fb := &recordingGate{}
	return newPartnerGate(fb, partners...), fb
}

func gateRequest(target, origin string, header map[string]string) *http.Request {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	if origin != "" {
		r.Header.Set("Origin", origin)
	}
	for k, v := range header {
		r.Header.Set(k, v)
	}
	return r
}

func TestPartnerGateAdmit(t *testing.T) {
	g, _ := testPartnerGate(t)
	cases := []struct {
		origin string
		want   error
	}{
		{"https://news.example.org", nil},
		{"https://news.example.org:443", nil},
		{"https://a.b.example.org", nil}, // the wildcard, two levels down
		{"http://localhost:3000", nil},
		{"https://example.org", ErrOriginNotAllowed}, // the wildcard is subdomains only
		{"http://news.example.org", ErrOriginNotAllowed},
		{"https://news.example.org:8443", ErrOriginNotAllowed},
		{"https://evilexample.org", ErrOriginNotAllowed},
		{"https://news.example.org.evil.test", ErrOriginNotAllowed},
		{"http://localhost:3001", ErrOriginNotAllowed},
		{"https://blog.example.net", ErrOriginNotAllowed}, // another partner's site
		{"null", ErrOriginNotAllowed},                     // sandboxed frame or file:// page
		{"https://*.example.org", ErrOriginNotAllowed},    // no browser sends a pattern
		{"", ErrNoOrigin},
	}
	for _, c := range cases {
		v, err := g.Admit(gateRequest("/ws?key=pk_news_7f3a", c.origin, nil))
		if !errors.Is(err, c.want) {
			t.Errorf("origin %q: err = %v, want %v", c.origin, err, c.want)
			continue
		}
		if err == nil && (v.Key != "pk_news_7f3a" || v.Partner != "Example News" || v.Origin != c.origin) {
			t.Errorf("origin %q: visitor = %+v", c.origin, v)
		}
	}
}

func TestPartnerGateKeyFromHeaderAndUnknownKeys(t *testing.T) {
	g, fb := testPartnerGate(t)
	if _, err := g.Admit(gateRequest("/api/ask", "https://blog.example.net", map[string]string{KeyHeader: "pk_blog_0001"})); err != nil {
		t.Errorf("key in header: %v", err)
	}
	if _, err := g.Admit(gateRequest("/ws?key=pk_nobody_1", "https://news.example.org", nil)); !errors.Is(err, ErrUnknownKey) {
		t.Errorf("unknown key: err = %v", err)
	}
	two := gateRequest("/ws?key=pk_news_7f3a", "https://news.example.org", map[string]string{KeyHeader: "pk_blog_0001"})
	if _, err := g.Admit(two); !errors.Is(err, ErrUnknownKey) {
		t.Errorf("two different keys: err = %v", err)
	}
	if fb.admits != 0 {
		t.Errorf("keyed requests reached the fallback %d times", fb.admits)
	}
}

func TestPartnerGateLeavesKeylessRequestsToTheFallback(t *testing.T) {
	g, fb := testPartnerGate(t)
	v, err := g.Admit(gateRequest("/ws", "https://anything.test", nil))
	if err != nil || fb.admits != 1 {
		t.Fatalf("keyless request: err=%v, fallback admits=%d", err, fb.admits)
	}
	for range 3 * DefaultAsksPerMinute {
		g.AllowAsk(v, limitT0)
	}
	if fb.asks != 3*DefaultAsksPerMinute {
		t.Fatalf("fallback saw %d of %d keyless asks", fb.asks, 3*DefaultAsksPerMinute)
	}
}

func TestPartnerGateLimitsPerVisitorAndKey(t *testing.T) {
	g, _ := testPartnerGate(t) // pk_news_7f3a: 3 a minute per visitor
	v, err := g.Admit(gateRequest("/ws?key=pk_news_7f3a", "https://news.example.org", nil))
	if err != nil {
		t.Fatal(err)
	}
	v.Addr = "192.0.2.1" // as the server fills it in
	for i := range 3 {
		if _, ok := g.AllowAsk(v, limitT0); !ok {
			t.Fatalf("ask %d refused", i+1)
		}
	}
	if wait, ok := g.AllowAsk(v, limitT0); ok || wait != 20*time.Second {
		t.Fatalf("4th ask: ok=%v wait=%v, want refused for 20s", ok, wait)
	}
	other := v
	other.Addr = "198.51.100.7"
	if _, ok := g.AllowAsk(other, limitT0); !ok {
		t.Fatal("another visitor of the same key was refused")
	}
	blog := Visitor{Key: "pk_blog_0001", Partner: "A Blog", Addr: v.Addr}
	if _, ok := g.AllowAsk(blog, limitT0); !ok {
		t.Fatal("the same address on another key was refused")
	}
}
