package web

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Browsing the collection from the widget's empty state, on the bundled
// report through the real stack: the article list (titles, authors, parts)
// beside the starter questions, an article opened by mouse onto its key
// sentences and section headings, closed and reopened by keyboard, the
// focus kept in the panel, "Ask about this article" drafting a question
// that then answers, and the view on a phone's width. Every expectation
// comes from the API, so nothing here knows the report's titles.
func TestWidgetBrowserBrowseCollection(t *testing.T) {
	ts := realServer(t)
	var list struct{ Articles []articleSummary }
	if resp, body := get(t, ts.URL+"/api/articles"); resp.StatusCode != 200 || json.Unmarshal([]byte(body), &list) != nil {
		t.Fatalf("articles: %d %.200s", resp.StatusCode, body)
	}
	i := slices.IndexFunc(list.Articles, func(a articleSummary) bool {
		return a.Part != "" && len(a.Sections) > 0 && len(a.Authors) > 0
	})
	if i < 0 {
		t.Fatal("no article of the report has a part, sections and authors")
	}
	art := list.Articles[i]
	var sum summarized
	if resp, body := get(t, ts.URL+"/api/articles/"+url.PathEscape(art.ID)+"/summary?n=3"); resp.StatusCode != 200 ||
		json.Unmarshal([]byte(body), &sum) != nil || len(sum.KeySentences) < 2 {
		t.Fatalf("summary of %s: %d %.200s", art.ID, resp.StatusCode, body)
	}
	var titles, keys, authors []string
	for _, a := range list.Articles {
		titles = append(titles, a.Title)
	}
	for _, k := range sum.KeySentences {
		keys = append(keys, k.Text)
	}
	for _, a := range art.Authors {
		authors = append(authors, a.Name)
	}

	b := newBrowser(t)
	b.navigate(ts.URL + "/")
	b.waitFor("the widget", `window.Citechat && $('.launcher')`)
	b.click(".launcher")
	b.waitFor("the article list", fmt.Sprintf(`$$('.art-t').length === %d && $$('.starters button').length === 3`, len(titles)))
	if got := eval[[]string](b, `$$('.art-t .t').map((e) => e.textContent)`); !slices.Equal(got, titles) {
		t.Errorf("listed titles %q, want %q", got, titles)
	}
	b.screenshot("browse-list.png")
	btn := fmt.Sprintf(`[aria-controls="cc-art-%d"]`, i)
	body := fmt.Sprintf(`#cc-art-%d`, i)
	row := eval[[]string](b, fmt.Sprintf(`[$('%[1]s .by')?.textContent, $('%[1]s').closest('ul').previousElementSibling?.textContent,
		$('%[1]s').getAttribute('aria-expanded'), String($('%[2]s').hidden)]`, btn, body))
	if want := []string{strings.Join(authors, ", "), art.Part, "false", "true"}; !slices.Equal(row, want) {
		t.Errorf("article row [authors, part heading, expanded, body hidden] = %q, want %q", row, want)
	}

	// Open one article: its key sentences, verbatim, and its sections.
	b.click(btn)
	b.waitFor("the key sentences", fmt.Sprintf(`$('%s').getAttribute('aria-expanded') === 'true' && $$('%s .keys li').length > 1`, btn, body))
	if got := eval[[]string](b, fmt.Sprintf(`$$('%s .keys li').map((e) => e.textContent)`, body)); !slices.Equal(got, keys) {
		t.Errorf("key sentences %q, want %q", got, keys)
	}
	if got := eval[[]string](b, fmt.Sprintf(`$$('%s .secs li').map((e) => e.textContent)`, body)); !slices.Equal(got, art.Sections) {
		t.Errorf("sections %q, want %q", got, art.Sections)
	}
	if got, want := eval[string](b, fmt.Sprintf(`$('%s .acts a').href`, body)), ts.URL+"/read/"+art.ID; got != want {
		t.Errorf("reader link %q, want %q", got, want)
	}

	// By keyboard: the focused title closes and reopens with Enter.
	b.keys(kb.Enter)
	b.waitFor("the article closed by Enter", fmt.Sprintf(`$('%s').hidden && $('%s').getAttribute('aria-expanded') === 'false'`, body, btn))
	b.keys(kb.Enter)
	b.waitFor("the article reopened by Enter", fmt.Sprintf(`!$('%s').hidden && $$('%s .keys li').length === %d`, body, body, len(keys)))
	for range 40 {
		b.keys(kb.Tab)
	}
	if inside := eval[bool](b, `$('.panel').contains(W.activeElement)`); !inside {
		t.Error("Tab moved the focus out of the open panel")
	}
	b.click(btn) // back to the article for the screenshot
	b.click(btn)
	b.waitFor("the article open", fmt.Sprintf(`!$('%s').hidden`, body))
	b.screenshot("browse.png")

	// "Ask about this article" drafts the question; Enter sends it.
	q := "What does “" + art.Title + "” argue?"
	b.click(body + " .acts button")
	b.waitFor("the drafted question, focused", fmt.Sprintf(`$('textarea').value === %q && W.activeElement?.id === 'cc-q' && !$('.turn')`, q))

	// On a phone's width the panel fills the screen and nothing spills sideways.
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(390, 780)); err != nil {
		t.Fatal(err)
	}
	b.waitFor("the full-screen panel", `$('.panel').getBoundingClientRect().width === innerWidth`)
	if spill := eval[bool](b, `$('.log').scrollWidth > $('.log').clientWidth`); spill {
		t.Error("the browse view is wider than the narrow panel")
	}
	b.screenshot("browse-narrow.png")

	b.keys(kb.Enter)
	b.waitFor("the drafted question answered", fmt.Sprintf(
		`$('.turn .q')?.textContent === %q && $('.turn .a')?.getAttribute('aria-busy') === 'false'`, q))
	origin := ts.URL + "/"
	if other := eval[[]string](b, fmt.Sprintf(`performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith(%q))`, origin)); len(other) > 0 {
		t.Errorf("requests beyond the citechat server: %q", other)
	}
}
