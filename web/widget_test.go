package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// widgetBudget is the most widget.js may weigh, gzipped (issue 6).
const widgetBudget = 30 << 10

func widgetServer(gate Gate) *Server {
	s := New(Config{Gate: gate, Logger: slog.New(slog.DiscardHandler)})
	s.SetBackend(&cannedBot{}, testShelf{})
	return s
}

func getPage(t *testing.T, h http.Handler, target string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestWidgetScriptIsServedGzippedAndCached(t *testing.T) {
	h := widgetServer(nil).Handler()
	plain := getPage(t, h, "/widget.js", nil)
	if plain.Code != http.StatusOK || plain.Header().Get("Content-Type") != "text/javascript; charset=utf-8" {
		t.Fatalf("GET /widget.js: %d %q", plain.Code, plain.Header().Get("Content-Type"))
	}
	if !bytes.HasPrefix(plain.Body.Bytes(), []byte("/*! citechat widget")) || plain.Header().Get("Content-Encoding") != "" {
		t.Fatalf("plain response is not the script: %.40q, encoding %q", plain.Body.String(), plain.Header().Get("Content-Encoding"))
	}
	zipped := getPage(t, h, "/widget.js", map[string]string{"Accept-Encoding": "gzip, deflate, br"})
	if zipped.Header().Get("Content-Encoding") != "gzip" || zipped.Header().Get("Vary") != "Accept-Encoding" {
		t.Fatalf("gzip not offered: %v", zipped.Header())
	}
	zr, err := gzip.NewReader(zipped.Body)
	if err != nil {
		t.Fatal(err)
	}
	unzipped, _ := io.ReadAll(zr)
	if !bytes.Equal(unzipped, plain.Body.Bytes()) {
		t.Fatal("gzipped body differs from the script")
	}
	if n := zipped.Body.Len(); n > widgetBudget {
		t.Errorf("widget.js is %d bytes gzipped, over the %d budget", n, widgetBudget)
	}
	etag := plain.Header().Get("ETag")
	if etag == "" || !strings.Contains(plain.Header().Get("Cache-Control"), "max-age=") {
		t.Fatalf("no caching headers: %v", plain.Header())
	}
	if again := getPage(t, h, "/widget.js", map[string]string{"If-None-Match": etag}); again.Code != http.StatusNotModified || again.Body.Len() != 0 {
		t.Fatalf("revalidation: %d with %d bytes, want 304 and none", again.Code, again.Body.Len())
	}
}

func TestDemoPageEmbedsTheWidgetLikeAPartner(t *testing.T) {
	w := getPage(t, widgetServer(nil).Handler(), "/", nil)
	body := w.Body.String()
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
	for _, want := range []string{`<script src="/widget.js"`, " async></script>", "Tidal Energy in Small Island States",
		"by Teodor Vance, Ilse Brandt", `href="/read/ports"`, `&lt;script src=&#34;http://example.com/widget.js&#34; data-key=&#34;YOUR_PUBLIC_KEY&#34; async&gt;`} {
		if !strings.Contains(body, want) {
			t.Errorf("demo page lacks %q", want)
		}
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("CSP = %q", csp)
	}
}

func TestSnippetPage(t *testing.T) {
	g, _ := testPartnerGate(t)
	h := widgetServer(g).Handler()
	w := getPage(t, h, "/partners/snippet?key=pk_news_7f3a", nil)
	body := w.Body.String()
	for _, want := range []string{"Example News: your embed snippet",
		`&lt;script src=&#34;http://example.com/widget.js&#34; data-key=&#34;pk_news_7f3a&#34; async&gt;&lt;/script&gt;`,
		"<code>https://*.example.org</code>", "3 questions a minute per visitor; 100 a day"} {
		if !strings.Contains(body, want) {
			t.Errorf("snippet page lacks %q", want)
		}
	}
	if w := getPage(t, h, "/partners/snippet?key=pk_nobody_00", nil); w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "Unknown key") {
		t.Errorf("unknown key: %d", w.Code)
	}
	if w := getPage(t, h, "/partners/snippet?key=%3Cscript%3E", nil); w.Code != http.StatusNotFound || strings.Contains(w.Body.String(), "<script>") {
		t.Errorf("markup in the key: %d, escaped: %v", w.Code, !strings.Contains(w.Body.String(), "<script>"))
	}
	if w := getPage(t, h, "/partners/snippet", nil); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `<form method="get"`) {
		t.Errorf("no key: %d, want the form", w.Code)
	}
	local := getPage(t, widgetServer(nil).Handler(), "/partners/snippet?key=pk_any_key", nil)
	if !strings.Contains(local.Body.String(), "no partners file") {
		t.Error("without a partners file the page does not say keys are unchecked")
	}
}

func TestReaderMarksTheQuote(t *testing.T) {
	h := widgetServer(nil).Handler()
	w := getPage(t, h, "/read/tides?quote="+url.QueryEscape("Tidal turbines placed in   narrow\nchannels"), nil)
	body := w.Body.String()
	for _, want := range []string{"<h1>Tidal Energy in Small Island States</h1>", "<strong>Mara Quint</strong>, Institute of Ocean Policy",
		`<mark id="quote">Tidal turbines placed in narrow channels</mark>`, "<h2>Grid links</h2>", "Part One: Energy"} {
		if !strings.Contains(body, want) {
			t.Errorf("reader lacks %q", want)
		}
	}
	if w := getPage(t, h, "/read/nothing", nil); w.Code != http.StatusNotFound {
		t.Errorf("unknown article: %d", w.Code)
	}
	if w := getPage(t, h, "/read/ports?quote=not+in+the+text", nil); w.Code != http.StatusOK || strings.Contains(w.Body.String(), "<mark") {
		t.Errorf("absent quote: %d, marked anyway", w.Code)
	}
}

func TestFindQuoteAcrossParagraphs(t *testing.T) {
	a := shelfArticles[0]
	start, end := findQuote(a.Text, "with strong currents.\nGrid links Storage remains")
	if start < 0 || a.Text[start:start+4] != "with" || a.Text[end-len("remains"):end] != "remains" {
		t.Fatalf("a quote re-flowed across paragraphs not found: %d %d", start, end)
	}
	var marked []string
	for _, s := range readerSections(a, start, end) {
		for _, p := range s.Paras {
			for _, seg := range p {
				if seg.Mark {
					marked = append(marked, seg.Text)
				}
			}
		}
	}
	// the heading between the sections is shown as a heading, not marked text
	if got := strings.Join(marked, "|"); got != "with strong currents.|Storage remains" {
		t.Fatalf("marked %q", got)
	}
}
