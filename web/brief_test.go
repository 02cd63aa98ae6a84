package web

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/citechat/citechat/chat"
)

// get fetches a URL of the test server and returns the response and body.
func get(t *testing.T, u string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

var citeLinkRe = regexp.MustCompile(`href="#(src-\d+)"`)

// A brief by URL, on the real bundled report: the printable page, its
// Markdown and its answer object; bad input is refused like an ask's.
func TestBriefRoute(t *testing.T) {
	ts := realServer(t)
	brief := ts.URL + "/api/brief?topic=" + url.QueryEscape("security cooperation")

	resp, page := get(t, brief)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" ||
		resp.Header.Get("Content-Security-Policy") != briefPageCSP || !strings.Contains(page, "<h1>Security cooperation</h1>") {
		t.Fatalf("html: %d %v\n%.300s", resp.StatusCode, resp.Header, page)
	}
	links := citeLinkRe.FindAllStringSubmatch(page, -1)
	if len(links) == 0 {
		t.Fatal("the page has no citation links")
	}
	for _, l := range links {
		if !strings.Contains(page, `id="`+l[1]+`"`) {
			t.Errorf("the link to #%s has no source", l[1])
		}
	}

	resp, md := get(t, brief+"&format=md")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/markdown") ||
		!strings.HasPrefix(md, "# Briefing: Security cooperation\n") {
		t.Errorf("md: %d %q\n%.200s", resp.StatusCode, resp.Header.Get("Content-Type"), md)
	}

	resp, body := get(t, brief+"&format=json")
	var ans chat.Answer
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &ans) != nil || ans.Brief == nil || ans.Answer != md {
		t.Errorf("json: %d, the answer is not the Markdown brief\n%.300s", resp.StatusCode, body)
	}

	for _, bad := range []string{"/api/brief", "/api/brief?topic=%20", "/api/brief?topic=x&format=pdf"} {
		resp, body := get(t, ts.URL+bad)
		wantError(t, resp, body, http.StatusBadRequest, CodeBadRequest)
	}
}

// mode "brief" through the REST and SSE asks gives the same brief, streamed
// as its Markdown lines.
func TestAskBriefMode(t *testing.T) {
	ts := realServer(t)
	ask := `{"id":"b1","question":"the digital economy","mode":"brief"}`
	resp, err := http.Post(ts.URL+"/api/ask", "application/json", strings.NewReader(ask))
	if err != nil {
		t.Fatal(err)
	}
	var ans chat.Answer
	err = json.NewDecoder(resp.Body).Decode(&ans)
	resp.Body.Close()
	if err != nil || ans.Brief == nil || !strings.HasPrefix(ans.Answer, "# Briefing: The digital economy") {
		t.Fatalf("rest: %v %+v", err, ans)
	}

	resp, err = http.Post(ts.URL+"/api/ask/stream", "application/json", strings.NewReader(ask))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var deltas strings.Builder
	var done chat.Answer
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data: ")
		var ev struct {
			Type, Text string
		}
		if !ok || json.Unmarshal([]byte(data), &ev) != nil {
			continue
		}
		switch ev.Type {
		case chat.EventDelta:
			deltas.WriteString(ev.Text)
		case chat.EventDone:
			_ = json.Unmarshal([]byte(data), &done)
		}
	}
	if done.Brief == nil || deltas.String() != done.Answer || done.Answer != ans.Answer {
		t.Errorf("sse: the deltas do not make the brief, or it differs from the REST one")
	}
}

// An article's key sentences, and every article's, verbatim from its text.
func TestSummaryRoutes(t *testing.T) {
	ts := realServer(t)
	_, body := get(t, ts.URL+"/api/articles/foreword")
	var a articleDetail
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatal(err)
	}
	resp, body := get(t, ts.URL+"/api/articles/foreword/summary?n=3")
	var s summarized
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &s) != nil || s.Title != a.Title || len(s.KeySentences) != 3 {
		t.Fatalf("summary: %d %s", resp.StatusCode, body)
	}
	for _, k := range s.KeySentences {
		if a.Text[k.Start:k.End] != k.Text {
			t.Errorf("key sentence %d is not the article's text", k.N)
		}
	}
	resp, body = get(t, ts.URL+"/api/summaries")
	var list struct{ Articles []summarized }
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &list) != nil || len(list.Articles) != 9 {
		t.Fatalf("summaries: %d %.300s", resp.StatusCode, body)
	}
	for _, s := range list.Articles {
		if len(s.KeySentences) == 0 || len(s.KeySentences) > 2 || len(s.Authors) == 0 {
			t.Errorf("%s: %d key sentences, %d authors", s.ID, len(s.KeySentences), len(s.Authors))
		}
	}
	resp, body = get(t, ts.URL+"/api/articles/nope/summary")
	wantError(t, resp, body, http.StatusNotFound, CodeNotFound)
	resp, body = get(t, ts.URL+"/api/articles/foreword/summary?n=0")
	wantError(t, resp, body, http.StatusBadRequest, CodeBadRequest)
}
