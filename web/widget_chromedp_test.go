package web

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Helpers of the browser tests (browser_test.go). They drive Debian's chromium through chromedp: a partner's
// page (with CSS written to break embedded widgets) on one origin, the
// citechat server on another, and the widget between them, exactly as a
// partner deploys it.

var updateScreenshot = flag.Bool("update-screenshot", false, "write docs/widget.png from TestWidgetBrowserRealCollection")

const chromiumPath = "/usr/bin/chromium"

// browserStepWait bounds each wait for the page; a whole test stays within
// browserTestWait.
const (
	browserStepWait = 15 * time.Second
	browserTestWait = 60 * time.Second
)

// browser is one headless chromium and its tab, with the page's console
// errors and exceptions kept for failure messages.
type browser struct {
	t   *testing.T
	ctx context.Context

	mu     sync.Mutex
	errors []string
	frames []wsFrame // websocket frames, both ways, in order
}

// wsFrame is a websocket message the page sent (out) or received.
type wsFrame struct {
	out  bool
	data string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		msg := "chromium not found at " + chromiumPath + "; install it: apt-get install -y chromium"
		if os.Getenv("CITECHAT_REQUIRE_BROWSER") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 860),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("disable-extensions", true))
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(cancelTab)
	ctx, cancelTime := context.WithTimeout(ctx, browserTestWait)
	t.Cleanup(cancelTime)
	b := &browser{t: t, ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
		var line string
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			line = "exception: " + ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				line += " " + ev.ExceptionDetails.Exception.Description
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type != "error" && ev.Type != "warning" {
				return
			}
			line = "console." + string(ev.Type) + ":"
			for _, a := range ev.Args {
				line += " " + string(a.Value) + a.Description
			}
		case *network.EventWebSocketFrameSent:
			b.mu.Lock()
			b.frames = append(b.frames, wsFrame{true, string(ev.Response.PayloadData)})
			b.mu.Unlock()
			return
		case *network.EventWebSocketFrameReceived:
			b.mu.Lock()
			b.frames = append(b.frames, wsFrame{false, string(ev.Response.PayloadData)})
			b.mu.Unlock()
			return
		default:
			return
		}
		b.mu.Lock()
		b.errors = append(b.errors, line)
		b.mu.Unlock()
	})
	if err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return b
}

// fatalf fails the test with the page's errors attached.
func (b *browser) fatalf(format string, args ...any) {
	b.t.Helper()
	b.mu.Lock()
	errs := strings.Join(b.errors, "\n  ")
	b.mu.Unlock()
	b.t.Fatalf(format+"\npage errors:\n  %s", append(args, errs)...)
}

// framesOf returns the frames the page sent and received for one ask id,
// decoded, in order.
func (b *browser) framesOf(id string) (sent, received []map[string]any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, f := range b.frames {
		var m map[string]any
		if json.Unmarshal([]byte(f.data), &m) != nil || m["id"] != id {
			continue
		}
		if f.out {
			sent = append(sent, m)
		} else {
			received = append(received, m)
		}
	}
	return sent, received
}

func (b *browser) navigate(url string) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Navigate(url)); err != nil {
		b.fatalf("navigate %s: %v", url, err)
	}
}

// shadowJS wraps expr so that it runs with W bound to the widget's shadow
// root (null until the widget has started).
func shadowJS(expr string) string {
	return `(() => { const W = document.querySelector('citechat-widget')?.shadowRoot; ` +
		`const $ = (s) => W && W.querySelector(s); const $$ = (s) => W ? [...W.querySelectorAll(s)] : []; return (` + expr + `); })()`
}

// eval returns the value of expr, evaluated against the widget.
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](shadowJS(expr)))
	if err != nil {
		b.fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor waits until expr is truthy in the page.
func (b *browser) waitFor(what, expr string) {
	b.t.Helper()
	_, err := chromedp.Run(b.ctx, chromedp.Poll[chromedp.Void](shadowJS(expr),
		chromedp.WithPollingInterval(25*time.Millisecond), chromedp.WithPollingTimeout(browserStepWait)))
	if err != nil {
		b.fatalf("waiting for %s (%s): %v", what, expr, err)
	}
}

// click clicks the middle of the widget element that selector finds, with
// the mouse, so it fails if the element is hidden or covered.
func (b *browser) click(selector string) {
	b.t.Helper()
	sel, _ := json.Marshal(selector)
	xy := eval[[]float64](b, fmt.Sprintf(`(() => { const e = $(%s); if (!e) return []; e.scrollIntoView({block: 'nearest'});
		const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2, r.width * r.height]; })()`, sel))
	if len(xy) != 3 || xy[2] == 0 {
		b.fatalf("click %s: not on the page (%v)", selector, xy)
	}
	if err := chromedp.Do(b.ctx, chromedp.MouseClickXY(xy[0], xy[1])); err != nil {
		b.fatalf("click %s: %v", selector, err)
	}
}

// keys types into whatever has the focus.
func (b *browser) keys(s string) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.KeyEvent(s)); err != nil {
		b.fatalf("type %q: %v", s, err)
	}
}

func (b *browser) screenshot(name string) string {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.fatalf("screenshot: %v", err)
	}
	path := filepath.Join(b.t.ArtifactDir(), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot: %s", path)
	return path
}

// hostilePage is a partner's page whose CSS would wreck a widget that lived
// in the page's own DOM, and which even tries to hide the widget's element.
// Its verbs: the citechat URL, the key, the data-transport.
const hostilePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner news</title>
<style>
* { all: unset !important; font-size: 40px !important; line-height: 3 !important; color: #0f0 !important }
button { display: none !important }
div, section, textarea { display: none !important }
citechat-widget { display: none !important; position: absolute !important; left: -9999px !important }
:root { --citechat-accent: #8a1538 }
head, style, script { display: none !important }
</style></head>
<body><h1>Partner news</h1><p>An article on the partner's own site.</p>
<script src="%s/widget.js" data-key="%s" data-title="Ask our archive" data-transport="%s"
 data-starters="What do tides give small islands?|Who funds grid links?" async></script>
</body></html>`

// partnerSetup is a partner site and a citechat server with the canned bot
// and a partners file that gives the key pk_test_0001 to the origin that
// allow returns (given the partner site's origin). It records the status
// of every citechat response and can drop the websockets it has upgraded.
type partnerSetup struct {
	site, citechat *httptest.Server
	bot            *cannedBot

	mu       sync.Mutex
	statuses []string // "METHOD PATH STATUS"
	sockets  []net.Conn
}

// setupOptions vary a partnerSetup: the page (a format with the verbs of
// hostilePage), the data-transport, and extra YAML for the key's entry.
type setupOptions struct {
	page, transport, entry string
	allow                  func(site string) string
}

func newPartnerSetup(t *testing.T, o setupOptions) *partnerSetup {
	t.Helper()
	if o.page == "" {
		o.page = hostilePage
	}
	if o.transport == "" {
		o.transport = "auto"
	}
	if o.allow == nil {
		o.allow = func(site string) string { return site }
	}
	p := &partnerSetup{bot: &cannedBot{}}
	p.site = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, o.page, p.citechat.URL, "pk_test_0001", o.transport)
	}))
	t.Cleanup(p.site.Close)
	file := fmt.Sprintf("partners:\n  - key: pk_test_0001\n    name: Test Partner\n    origins: [%q]\n%s", o.allow(p.site.URL), o.entry)
	g, err := LoadPartners(writePartnersFile(t, "partners.yaml", file))
	if err != nil {
		t.Fatal(err)
	}
	s := New(Config{Gate: g, Logger: slog.New(slog.DiscardHandler)})
	s.SetBackend(p.bot, testShelf{})
	h := s.Handler()
	p.citechat = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK, p: p, r: r}
		h.ServeHTTP(rec, r)
		if !rec.hijacked { // an upgrade was noted when it happened: its handler returns only when it ends
			p.note(r, rec.status)
		}
	}))
	t.Cleanup(p.citechat.Close)
	return p
}

func (p *partnerSetup) note(r *http.Request, status int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.statuses = append(p.statuses, fmt.Sprintf("%s %s %d", r.Method, r.URL.Path, status))
}

// count returns how many responses had the line "METHOD PATH STATUS".
func (p *partnerSetup) count(line string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, s := range p.statuses {
		if s == line {
			n++
		}
	}
	return n
}

func (p *partnerSetup) saw(line string) bool { return p.count(line) > 0 }

// dropSockets cuts every upgraded connection, as a network failure would.
func (p *partnerSetup) dropSockets() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.sockets {
		c.Close()
	}
	p.sockets = nil
}

// statusRecorder notes the status of a response, and the connection of a
// websocket upgrade.
type statusRecorder struct {
	http.ResponseWriter
	status   int
	hijacked bool
	p        *partnerSetup
	r        *http.Request
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func (r *statusRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	c, rw, err := r.ResponseWriter.(http.Hijacker).Hijack()
	if err == nil {
		r.hijacked = true
		r.p.note(r.r, http.StatusSwitchingProtocols)
		r.p.mu.Lock()
		r.p.sockets = append(r.p.sockets, c)
		r.p.mu.Unlock()
	}
	return c, rw, err
}
