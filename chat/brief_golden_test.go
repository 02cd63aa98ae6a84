package chat_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citechat/citechat/chat"
	"github.com/citechat/citechat/retrieval"
)

// Golden tests of the brief's Markdown and HTML (after golang/go's
// src/cmd/gofmt/gofmt_test.go). Each case is an answer object frozen in
// testdata/brief/NAME.json and rendered to NAME.md and NAME.html. With
// -update the answers are built again from the real pipeline (or written
// by hand below) and the renderings rewritten; review the diff.
var update = flag.Bool("update", false, "rebuild testdata/brief/*.json from the pipeline and rewrite the .md and .html renderings")

var goldenCases = []struct {
	name  string
	build func(t *testing.T) *chat.Answer
}{
	{"security", func(t *testing.T) *chat.Answer { return askBrief(t, briefReport(t), "security cooperation") }},
	{"flood", func(t *testing.T) *chat.Answer { return askBrief(t, briefOwn(t), "flood forecasting") }},
	{"not-covered", func(t *testing.T) *chat.Answer { return askBrief(t, briefOwn(t), "volcanic ash and aviation") }},
	{"questions", func(t *testing.T) *chat.Answer {
		bot := chat.NewBot(briefOwn(t), briefOwn(t), chat.Config{})
		var answers []*chat.Answer
		for i, q := range []string{"How much did the forecasting network cost?", "Who trains the volunteers, and how many have been trained?", "What do growers say makes the flavour of tea?"} {
			a, err := bot.Answer(t.Context(), chat.Request{ID: "q" + string(rune('1'+i)), Question: q}, nil)
			if err != nil {
				t.Fatal(err)
			}
			answers = append(answers, a)
		}
		return chat.QuestionsBrief("Flood forecasting in the Amber basin", answers)
	}},
	{"hostile", hostileBrief},
}

// hostileBrief is a brief whose every text tries to break out of its
// Markdown or HTML.
func hostileBrief(*testing.T) *chat.Answer {
	pt := func(s string) chat.BriefPoint {
		return chat.BriefPoint{Text: s + " [1].", Cites: []int{1}, Quotes: []string{s + "."}}
	}
	evil := `<script>alert("x")</script> & *bold* _it_ ` + "`code`"
	br := &chat.Brief{Topic: evil, Title: "Briefing: " + evil, Overview: []chat.BriefPoint{pt("Tags like " + evil + " stay text")},
		Themes: []chat.BriefTheme{{Heading: `</h3><img src=x onerror=alert(1)>`, Points: []chat.BriefPoint{pt("A line\nbreak and a # heading")}}},
		Positions: []chat.BriefPosition{{ArticleID: "a", Title: `"Quoted" <Title>`, Authors: []retrieval.Author{{Name: "O'Brien <x>", Affiliation: "Dept. of *Stars*"}},
			Claim: pt("Claims & counterclaims")}},
		Figures: []chat.BriefPoint{pt("Prices rose 5% to US$3 <b>")}}
	return &chat.Answer{ID: "h", Question: evil, Mode: "extractive", Brief: br, Citations: []chat.Citation{{N: 1, ChunkID: "a.c0",
		ArticleID: "a", Title: `"Quoted" <Title>`, Authors: []string{"O'Brien <x>"}, Section: "S&P", Quote: `A "quote" </a><a href=javascript:alert(1)>`}}}
}

func TestBriefGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			base := filepath.Join("testdata", "brief", tc.name)
			if *update {
				ans := tc.build(t)
				ans.TimingsMS = nil // not reproducible
				writeGolden(t, base+".json", mustJSON(t, ans))
			}
			var ans chat.Answer
			if err := json.Unmarshal(readGolden(t, base+".json"), &ans); err != nil {
				t.Fatal(err)
			}
			var page bytes.Buffer
			if err := chat.BriefHTML(&page, &ans); err != nil {
				t.Fatal(err)
			}
			for ext, got := range map[string][]byte{".md": []byte(chat.BriefMarkdown(&ans)), ".html": page.Bytes()} {
				if *update {
					writeGolden(t, base+ext, got)
				}
				if want := readGolden(t, base+ext); !bytes.Equal(got, want) {
					t.Errorf("%s%s differs from the golden file (run go test -run TestBriefGolden -update and review the diff)\ngot:\n%s", base, ext, got)
				}
			}
		})
	}
}

// The HTML page asks for nothing outside itself and escapes every text.
func TestBriefHTMLSelfContained(t *testing.T) {
	var page bytes.Buffer
	if err := chat.BriefHTML(&page, hostileBrief(t)); err != nil {
		t.Fatal(err)
	}
	html := page.String()
	for _, bad := range []string{"<script", "<img", "<b>", "http://", "https://", "@import", "url(", "<a href=javascript"} {
		if strings.Contains(html, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	for _, want := range []string{`href="#src-1"`, `id="src-1"`, "@media print", "&lt;script&gt;"} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

func readGolden(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestBriefGolden -update to create it)", err)
	}
	return b
}

func writeGolden(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
