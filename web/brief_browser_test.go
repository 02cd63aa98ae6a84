package web

import (
	"context"
	"flag"
	"net/url"
	"os"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

var updateBriefScreenshot = flag.Bool("update-brief-screenshot", false, "write docs/brief.png from TestBriefBrowserPage")

// The printable brief page in a real browser, on the bundled report: it
// renders without a request or an error of its own, every marker leads to
// its source, and the print styles apply. With -update-brief-screenshot it
// refreshes docs/brief.png (the whole page at a reading width).
func TestBriefBrowserPage(t *testing.T) {
	ts := realServer(t)
	b := newBrowser(t)
	page := ts.URL + "/api/brief?topic=" + url.QueryEscape("security cooperation")
	b.navigate(page)
	b.waitFor("the brief", `document.querySelector('h1')?.textContent === 'Security cooperation'`)

	if n := eval[int](b, `performance.getEntriesByType('resource').length`); n != 0 {
		t.Errorf("the page made %d requests of its own", n)
	}
	broken := eval[[]string](b, `[...document.querySelectorAll('a.cite')].map((a) => a.getAttribute('href'))
		.filter((h) => !document.getElementById(h.slice(1)))`)
	cites := eval[int](b, `document.querySelectorAll('a.cite').length`)
	if cites == 0 || len(broken) > 0 {
		t.Errorf("%d citation links, broken: %q", cites, broken)
	}
	xy := eval[[]float64](b, `(() => { const r = document.querySelector('a.cite').getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`)
	if err := chromedp.Do(b.ctx, chromedp.MouseClickXY(xy[0], xy[1])); err != nil {
		t.Fatalf("click the first marker: %v", err)
	}
	b.waitFor("the cited source targeted", `document.querySelector('.sources .n:target') !== null`)
	if got := eval[string](b, `getComputedStyle(document.querySelector('.sources .n:target')).backgroundColor`); got == "rgba(0, 0, 0, 0)" {
		t.Errorf("the targeted source is not highlighted")
	}

	media(t, b, "print")
	if bg := eval[string](b, `getComputedStyle(document.querySelector('.position')).backgroundColor`); bg != "rgba(0, 0, 0, 0)" {
		t.Errorf("print: the positions keep their screen background %s", bg)
	}
	media(t, b, "")

	if !*updateBriefScreenshot {
		return
	}
	err := chromedp.Do(b.ctx, chromedp.EmulateViewport(900, 1200), chromedp.Navigate(page))
	var png []byte
	if err == nil {
		png, err = chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	}
	if err == nil {
		err = os.WriteFile("../docs/brief.png", png, 0o644)
	}
	if err != nil {
		t.Fatalf("docs/brief.png: %v", err)
	}
}

// media emulates a CSS media type ("print"), or stops emulating ("").
func media(t *testing.T, b *browser, typ string) {
	t.Helper()
	err := chromedp.Do(b.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: typ})
		return err
	}))
	if err != nil {
		t.Fatalf("emulate media %q: %v", typ, err)
	}
}
