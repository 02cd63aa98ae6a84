package web

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"
	"github.com/citechat/citechat/chat"
	"github.com/citechat/citechat/ingest"
	"github.com/citechat/citechat/retrieval"
)

// The conversation, on a hostile partner page, with the canned bot: the
// panel opens by mouse, the answer streams (held half-way so the test sees
// it), citations open source cards, a follow-up carries the history, an
// abstention is styled as such, Stop cancels on the server, the focus stays
// in the panel, and a reload keeps the conversation.
func TestWidgetBrowserConversation(t *testing.T) {
	p := newPartnerSetup(t, setupOptions{})
	b := newBrowser(t)
	b.navigate(p.site.URL)
	b.waitFor("the launcher", `window.Citechat && $('.launcher')`)

	if got := eval[string](b, `getComputedStyle($('.launcher')).backgroundColor`); got != "rgb(138, 21, 56)" {
		t.Errorf("launcher colour %q: the page's --citechat-accent did not apply", got)
	}
	b.click(".launcher")
	b.waitFor("the open panel with the question box focused", `!$('.panel').hidden && W.activeElement?.id === 'cc-q'`)
	if got := eval[[]string](b, `$$('.starters button').map((e) => e.textContent)`); !slices.Equal(got,
		[]string{"What do tides give small islands?", "Who funds grid links?"}) {
		t.Errorf("starters = %q", got)
	}
	if fs := eval[float64](b, `parseFloat(getComputedStyle($('.q, .empty p')).fontSize)`); fs > 20 {
		t.Errorf("the page's font-size reached the widget: %vpx", fs)
	}

	// Ask, and see the answer arrive in pieces.
	hold := make(chan struct{})
	p.bot.setHold(hold)
	q1 := "What do tides give small islands?"
	b.keys(q1 + kb.Enter)
	first := splitKeep(cannedAnswer, 6)[0]
	b.waitFor("the first delta, streaming", fmt.Sprintf(
		`$('.a .text')?.textContent === %q && $('.a').getAttribute('aria-busy') === 'true' && !$('.cite') && !$('.stop').hidden`, first))
	close(hold)
	b.waitFor("the done answer with its citations", `$$('.a .cite').length === 2 && $('.a').getAttribute('aria-busy') === 'false'`)
	if got, want := eval[string](b, `$('.a').textContent`), cannedAnswer[:strings.Index(cannedAnswer, "[1]")]; !strings.HasPrefix(got, want+"1. Port") {
		t.Errorf("answer = %q, want %q then the button 1", got, want)
	}
	if q := eval[string](b, `$('textarea').value`); q != "" {
		t.Errorf("question box after sending = %q, want it empty", q)
	}

	// A citation opens its source card; Escape closes it and returns the focus.
	b.click(".a .cite")
	b.waitFor("the source card", `!$('.card').hidden`)
	card := eval[[]string](b, `[$('.card h3').textContent, $('.card .by').textContent, $('.card blockquote').textContent,
		$('.card a').href, $('.card').textContent]`)
	quote := "Tidal turbines placed in narrow channels can meet a large share of daytime demand"
	if card[0] != "Tidal Energy in Small Island States" || card[1] != "By Mara Quint" || card[2] != quote ||
		card[4] != card[0]+card[1]+quote+"Read the article" { // no section: nothing else on the card
		t.Errorf("card = %q", card)
	}
	if want := p.citechat.URL + "/read/tides?quote="; len(card[3]) < len(want) || card[3][:len(want)] != want {
		t.Errorf("card link %q, want the reader at %s", card[3], want)
	}
	b.keys(kb.Escape)
	b.waitFor("the card closed, focus back on [1]", `$('.card').hidden && W.activeElement === $('.a .cite')`)

	// A follow-up sends the conversation so far.
	b.click("textarea")
	q2 := "And who pays for the grid links?"
	b.keys(q2 + kb.Enter)
	b.waitFor("the follow-up's answer", `$$('.turn').length === 2 && $$('.turn:last-child .cite').length === 2`)
	reqs, _ := p.bot.snapshot()
	if len(reqs) != 2 || !slices.Equal(reqs[1].History, []chat.Turn{{Q: q1, A: cannedAnswer}}) {
		t.Errorf("follow-up history = %+v", reqs[len(reqs)-1].History)
	}

	// A question the collection does not cover.
	b.keys("What will the weather be?" + kb.Enter)
	b.waitFor("the not-covered answer", `$('.turn:last-child .a.abstained .badge')?.textContent === 'Not covered by the collection'`)

	// Stop cancels the answer on the server.
	p.bot.setHold(make(chan struct{}))
	b.keys("Tell me more about tides" + kb.Enter)
	b.waitFor("the fourth answer streaming", `$$('.turn').length === 4 && !$('.stop').hidden`)
	b.click(".stop")
	b.waitFor("the stopped answer", `$('.turn:last-child .note')?.textContent === 'Stopped.' && !$('button[type=submit]').hidden`)
	reqs, _ = p.bot.snapshot()
	waitUntil(t, "the server to cancel the stopped answer", func() bool {
		_, cancelled := p.bot.snapshot()
		return slices.Contains(cancelled, reqs[len(reqs)-1].ID)
	})
	b.screenshot("conversation.png")

	// Tab cycles inside the open panel; Escape closes it onto the launcher.
	for range 12 {
		b.keys(kb.Tab)
	}
	if inside := eval[bool](b, `$('.panel').contains(W.activeElement)`); !inside {
		t.Error("Tab moved the focus out of the open panel")
	}
	b.keys(kb.Escape)
	b.waitFor("the panel closed, focus on the launcher", `$('.panel').hidden && W.activeElement === $('.launcher')`)

	// A reload keeps the conversation (and reopens nothing that was closed).
	b.navigate(p.site.URL)
	b.waitFor("the widget after a reload", `window.Citechat && $('.launcher')`)
	b.click(".launcher")
	b.waitFor("the four turns restored", `$$('.turn').length === 4 && $$('.turn:first-child .cite').length === 2`)
}

// With data-transport="sse" the widget streams over fetch and server-sent
// events, cross-origin, through the same key check and limits.
func TestWidgetBrowserServerSentEvents(t *testing.T) {
	p := newPartnerSetup(t, setupOptions{transport: "sse", entry: "    limits: {asks_per_minute: 1}\n"})
	b := newBrowser(t)
	b.navigate(p.site.URL)
	b.waitFor("the widget", `window.Citechat && $('.launcher')`)
	b.click(".launcher")
	b.waitFor("the question box", `W.activeElement?.id === 'cc-q'`)
	b.keys("What do tides give small islands?" + kb.Enter)
	b.waitFor("the answer over SSE", `$$('.a .cite').length === 2`)
	if !p.saw("POST /api/ask/stream 200") || p.saw("GET /ws 101") {
		t.Errorf("transport: /api/ask/stream 200 seen %v, websocket used %v", p.saw("POST /api/ask/stream 200"), p.saw("GET /ws 101"))
	}
	eval[bool](b, `(window.Citechat.ask('Who funds grid links?'), true)`) // the page's API
	b.waitFor("the rate-limit message", `/asking faster than this site allows\. Please wait \d+ s\./.test($('.turn:last-child .err')?.textContent)`)
	if !p.saw("POST /api/ask/stream 429") {
		t.Error("the second ask was not refused with 429")
	}
}

// A page on an origin the key does not allow cannot connect: the server
// refuses the websocket upgrade (and the SSE fallback) with 403, no
// question reaches the bot, and the widget says it cannot connect.
func TestWidgetBrowserRefusedOrigin(t *testing.T) {
	p := newPartnerSetup(t, setupOptions{allow: func(string) string { return "https://partner.example" }})
	b := newBrowser(t)
	b.navigate(p.site.URL)
	b.waitFor("the widget", `window.Citechat && $('.launcher')`)
	b.click(".launcher")
	b.waitFor("the question box", `W.activeElement?.id === 'cc-q'`)
	b.keys("What do tides give small islands?" + kb.Enter)
	b.waitFor("an error in the widget", `$('.err')?.textContent.includes('Cannot connect')`)
	if !p.saw("GET /ws 403") {
		t.Error("the websocket upgrade was not refused with 403")
	}
	if !p.saw("OPTIONS /api/ask/stream 403") && !p.saw("POST /api/ask/stream 403") {
		t.Error("the SSE fallback was not refused with 403")
	}
	if reqs, _ := p.bot.snapshot(); len(reqs) != 0 || eval[int](b, `$$('.cite').length`) != 0 {
		t.Errorf("a question got through: %d asks", len(reqs))
	}
}

// waitUntil polls cond for what the server side does in reaction to the
// page, up to browserStepWait.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(browserStepWait)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// devQuestion reads one question of the dev set with the article and
// authors that answer it.
func devQuestion(t *testing.T, id string) (question, title string, authors []string) {
	t.Helper()
	data, err := os.ReadFile("../testdata/eval/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(data)) {
		var q struct {
			ID, Question    string
			Titles, Authors []string
		}
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			t.Fatal(err)
		}
		if q.ID == id {
			return q.Question, q.Titles[0], q.Authors
		}
	}
	t.Fatalf("no question %s in the dev set", id)
	return
}

// realServer serves the bundled report through the real stack: ingest,
// the local embedder and store, the extractive bot.
func realServer(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := t.Context()
	st, err := retrieval.NewStore(retrieval.NewLocalEmbedder())
	if err != nil {
		t.Fatal(err)
	}
	articles, problems, err := ingest.LoadFS(ctx, ingest.Bundled(), ".")
	if err != nil || len(problems) > 0 {
		t.Fatalf("ingest: %v %v", err, problems)
	}
	for _, a := range articles {
		if _, err := st.Put(ctx, a, ingest.ChunkArticle(a)); err != nil {
			t.Fatal(err)
		}
	}
	s := New(Config{Logger: slog.New(slog.DiscardHandler)})
	s.SetBackend(chat.NewBot(st, st, chat.Config{}), st)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// The demo page of a real server on the bundled report: starter questions
// made from its titles, a dev-set question answered as a stream of deltas,
// the citation card naming the right article and author, a follow-up that
// carries the history. With -update-screenshot it refreshes docs/widget.png.
func TestWidgetBrowserRealCollection(t *testing.T) {
	question, title, authors := devQuestion(t, "d003")
	ts := realServer(t)
	b := newBrowser(t)
	b.navigate(ts.URL + "/")
	b.waitFor("the widget", `window.Citechat && $('.launcher')`)
	b.click(".launcher")
	b.waitFor("three starter questions", `$$('.starters button').length === 3`)
	for _, s := range eval[[]string](b, `$$('.starters button').map((e) => e.textContent)`) {
		if !strings.HasPrefix(s, "What does “") || !strings.HasSuffix(s, "” argue?") {
			t.Errorf("starter %q is not made from a title", s)
		}
	}

	b.keys(question + kb.Enter)
	b.waitFor("a cited answer", `$$('.turn .a .cite').length > 0`)
	id := eval[string](b, `$('.turn').dataset.id`)
	_, events := b.framesOf(id)
	var deltas strings.Builder
	for _, ev := range events[:len(events)-1] {
		if ev["type"] == "delta" {
			deltas.WriteString(ev["text"].(string))
		}
	}
	done := events[len(events)-1]
	if events[0]["type"] != "sources" || done["type"] != "done" || deltas.Len() == 0 || deltas.String() != done["answer"] {
		t.Fatalf("events for %s: sources, deltas, done expected, deltas adding up to the answer; got %v", id, events)
	}

	b.click(".turn .a .cite")
	b.waitFor("the source card", `!$('.card').hidden`)
	if got := eval[string](b, `$('.card h3').textContent`); got != title {
		t.Errorf("card title %q, want %q", got, title)
	}
	if got := eval[string](b, `$('.card .by').textContent`); !strings.Contains(got, authors[0]) {
		t.Errorf("card authors %q, want %q among them", got, authors[0])
	}
	if *updateScreenshot {
		png, err := os.ReadFile(b.screenshot("widget.png"))
		if err == nil {
			err = os.WriteFile("../docs/widget.png", png, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	b.keys(kb.Escape)

	b.click("textarea")
	b.keys("What other security challenges do they mention?" + kb.Enter)
	b.waitFor("the follow-up's answer", `$$('.turn').length === 2 && $('.turn:last-child .a').getAttribute('aria-busy') === 'false'`)
	id2 := eval[string](b, `$('.turn:last-child').dataset.id`)
	sent, got := b.framesOf(id2)
	if len(sent) != 1 || fmt.Sprint(sent[0]["history"]) != fmt.Sprint([]any{map[string]any{"q": question, "a": done["answer"]}}) {
		t.Errorf("follow-up sent %v, want the first turn as history", sent)
	}
	if len(got) == 0 || got[len(got)-1]["type"] != "done" {
		t.Errorf("follow-up ended with %v", got)
	}
}

// When the websocket drops mid-answer the widget reconnects and asks again;
// the reader sees one answer, not a broken or doubled one.
func TestWidgetBrowserReconnects(t *testing.T) {
	p := newPartnerSetup(t, setupOptions{})
	b := newBrowser(t)
	b.navigate(p.site.URL)
	b.waitFor("the widget", `window.Citechat && $('.launcher')`)
	b.click(".launcher")
	hold := make(chan struct{})
	p.bot.setHold(hold)
	b.keys("What do tides give small islands?" + kb.Enter)
	b.waitFor("the first delta", `$('.a .text')?.textContent.length > 0`)

	p.dropSockets()
	waitUntil(t, "a second websocket", func() bool { return p.count("GET /ws 101") == 2 })
	waitUntil(t, "the ask sent again", func() bool { reqs, _ := p.bot.snapshot(); return len(reqs) == 2 })
	close(hold)
	b.waitFor("the answer after the reconnect", `$$('.a .cite').length === 2`)
	reqs, cancelled := p.bot.snapshot()
	if reqs[0].ID != reqs[1].ID || !slices.Equal(cancelled, []string{reqs[0].ID}) {
		t.Errorf("asks %q and %q, cancelled %q: want the same ask twice, the first cancelled with its socket", reqs[0].ID, reqs[1].ID, cancelled)
	}
	if n := eval[int](b, `$('.a').textContent.split('Tidal turbines').length - 1`); n != 1 {
		t.Errorf("the answer's opening appears %d times", n)
	}
}

// inlinePage puts the widget inside an element of the page.
const inlinePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Inline</title></head>
<body><h1>Ask the archive</h1><div id="ask" style="width: 420px; height: 520px"></div>
<script src="%s/widget.js" data-key="%s" data-transport="%s" data-target="#ask"
 data-greeting="Questions about our archive?" data-starters="What do tides give small islands?" async></script>
</body></html>`

// Inline mode (data-target) shows the panel in the page's element without
// taking the focus; the key's per-visitor limit shows as a wait message.
func TestWidgetBrowserInlineAndRateLimited(t *testing.T) {
	p := newPartnerSetup(t, setupOptions{page: inlinePage, entry: "    limits: {asks_per_minute: 1}\n"})
	b := newBrowser(t)
	b.navigate(p.site.URL)
	b.waitFor("the inline panel", `document.querySelector('#ask > citechat-widget') && $('.root.inline') && !$('.launcher') && !$('.panel').hidden`)
	b.waitFor("the greeting and starter", `$('.empty p').textContent === 'Questions about our archive?' && $('.starters button')`)
	if active := eval[string](b, `document.activeElement.tagName`); active != "BODY" {
		t.Errorf("the inline widget took the focus: %s", active)
	}
	inside := eval[bool](b, `(() => { const a = document.querySelector('#ask').getBoundingClientRect(), p = $('.panel').getBoundingClientRect();
		return p.left >= a.left && p.right <= a.right && p.top >= a.top && p.bottom <= a.bottom + 1; })()`)
	if !inside {
		t.Error("the panel is not inside its element")
	}

	b.click(".starters button")
	b.waitFor("the starter's answer", `$$('.a .cite').length === 2`)
	b.click("textarea")
	b.keys("And who funds the grid links?" + kb.Enter)
	b.waitFor("the rate-limit message", `/asking faster than this site allows\. Please wait \d+ s\./.test($('.turn:last-child .err')?.textContent)`)
	b.keys(kb.Escape)
	if hidden := eval[bool](b, `$('.panel').hidden`); hidden {
		t.Error("Escape closed the inline panel")
	}
}
