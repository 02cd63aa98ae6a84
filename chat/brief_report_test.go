package chat_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/citechat/citechat/chat"
	"github.com/citechat/citechat/ingest"
	"github.com/citechat/citechat/retrieval"
)

// The brief on the bundled report, and on a small collection written for
// these tests (testdata/brief/corpus), each ingested into a real store
// (chromem-go in memory, the local embedder) as `citechat brief` does.

var (
	briefReportStore = sync.OnceValues(func() (*retrieval.Store, error) { return briefStoreOf(ingest.Bundled()) })
	briefOwnStore    = sync.OnceValues(func() (*retrieval.Store, error) {
		return briefStoreOf(os.DirFS(filepath.Join("testdata", "brief", "corpus")))
	})
)

func briefStoreOf(fsys fs.FS) (*retrieval.Store, error) {
	ctx := context.Background()
	st, err := retrieval.NewStore(retrieval.NewLocalEmbedder())
	if err != nil {
		return nil, err
	}
	articles, problems, err := ingest.LoadFS(ctx, fsys, ".")
	if err == nil && len(problems) > 0 {
		err = problems[0]
	}
	if err != nil {
		return nil, err
	}
	_, err = ingest.Sync(ctx, st, []string{"."}, articles, nil)
	return st, err
}

// briefReport and briefOwn return the two stores, built once.
func briefReport(t testing.TB) *retrieval.Store { return mustStore(t, briefReportStore) }
func briefOwn(t testing.TB) *retrieval.Store    { return mustStore(t, briefOwnStore) }

func mustStore(t testing.TB, get func() (*retrieval.Store, error)) *retrieval.Store {
	t.Helper()
	st, err := get()
	if err != nil {
		t.Fatalf("build the store: %v", err)
	}
	return st
}

// askBrief asks the bot for a brief and checks the streaming contract.
func askBrief(t *testing.T, st *retrieval.Store, topic string) *chat.Answer {
	t.Helper()
	var types []string
	var deltas strings.Builder
	ans, err := chat.NewBot(st, st, chat.Config{}).Answer(t.Context(),
		chat.Request{ID: "b1", Question: topic, Mode: chat.ModeBrief}, func(e chat.Event) error {
			types = append(types, e.Type)
			deltas.WriteString(e.Text)
			return nil
		})
	if err != nil {
		t.Fatalf("brief %q: %v", topic, err)
	}
	if len(types) < 3 || types[0] != chat.EventSources || types[len(types)-1] != chat.EventDone {
		t.Errorf("events %v: want sources, deltas, done", types)
	}
	if deltas.String() != ans.Answer {
		t.Errorf("the deltas do not concatenate to the answer")
	}
	if ans.Brief == nil || ans.Answer != chat.BriefMarkdown(ans) {
		t.Fatalf("the answer is not the brief's Markdown")
	}
	return ans
}

func TestBriefOnReportTopics(t *testing.T) {
	st := briefReport(t)
	for _, topic := range []string{"security cooperation", "the digital economy", "the China-ASEAN+ model", "South-South cooperation"} {
		t.Run(topic, func(t *testing.T) {
			ans := askBrief(t, st, topic)
			if ans.Abstained || ans.Brief.NotCovered != "" {
				t.Fatalf("abstained: %s", ans.Answer)
			}
			checkBrief(t, ans, st)
			articles := map[string]bool{}
			for _, c := range ans.Citations {
				articles[c.ArticleID] = true
			}
			if len(articles) < 2 || len(ans.Brief.Positions) < 2 {
				t.Errorf("cites %d articles, %d positions; want at least two", len(articles), len(ans.Brief.Positions))
			}
			if len(ans.Brief.Overview) == 0 && len(ans.Brief.Themes) == 0 {
				t.Errorf("no overview and no key points:\n%s", ans.Answer)
			}
		})
	}
}

func TestBriefNotCovered(t *testing.T) {
	ans := askBrief(t, briefReport(t), "quantum computing in Antarctica")
	if !ans.Abstained || ans.Brief.NotCovered == "" || len(ans.Citations) != 0 {
		t.Fatalf("abstained %v, citations %d:\n%s", ans.Abstained, len(ans.Citations), ans.Answer)
	}
	lines := strings.Split(strings.TrimSpace(ans.Answer), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "# ") || lines[1] != "" ||
		!strings.Contains(lines[2], "does not cover") || briefMarkerRe.MatchString(ans.Answer) {
		t.Errorf("want the title and one line saying it is not covered, got:\n%s", ans.Answer)
	}
	if len(ans.Brief.Overview)+len(ans.Brief.Themes)+len(ans.Brief.Positions)+len(ans.Brief.Figures) != 0 {
		t.Errorf("a brief that is not covered has sections: %+v", ans.Brief)
	}
}

var (
	briefMarkerRe = regexp.MustCompile(`\[(\d+)\]`)
	briefMarkedRe = regexp.MustCompile(` \[\d+\]`) // a marker as a brief places it
)

// checkBrief asserts what every brief promises: each marker has a
// citation and citation n is source n; every quote is verbatim from the
// cited article; authors are the article's; every sentence carries a
// marker; no sentence appears twice.
func checkBrief(t *testing.T, ans *chat.Answer, lib chat.Library) {
	t.Helper()
	byN := map[string]chat.Citation{}
	for i, c := range ans.Citations {
		byN["["+strconv.Itoa(c.N)+"]"] = c
		a, ok := lib.Article(c.ArticleID)
		switch {
		case c.N != i+1 || ans.Sources[i].ChunkID != c.ChunkID || ans.Sources[i].Rank != c.N:
			t.Errorf("citation %d is not source %d", c.N, i+1)
		case !ok || !strings.Contains(a.Text, c.Quote) || c.Quote == "":
			t.Errorf("citation %d: quote %q is not verbatim from %s", c.N, c.Quote, c.ArticleID)
		case !reflect.DeepEqual(c.Authors, a.AuthorNames()):
			t.Errorf("citation %d: authors %q, want %q", c.N, c.Authors, a.AuthorNames())
		}
	}
	for _, m := range briefMarkerRe.FindAllString(ans.Answer, -1) {
		if _, ok := byN[m]; !ok {
			t.Errorf("marker %s has no citation", m)
		}
	}
	checkNumbering(t, ans)
	br := ans.Brief
	for _, p := range br.Positions {
		if a, _ := lib.Article(p.ArticleID); !reflect.DeepEqual(p.Authors, a.Authors) || p.Title != a.Title {
			t.Errorf("position of %s: %v %q, want %v %q", p.ArticleID, p.Authors, p.Title, a.Authors, a.Title)
		}
	}
	said := map[string]bool{}
	for _, p := range briefPoints(br) {
		if len(p.Quotes) == 0 || len(p.Cites) == 0 {
			t.Errorf("point %q has no quote or no citation", p.Text)
			continue
		}
		a, _ := lib.Article(byN["["+strconv.Itoa(p.Cites[0])+"]"].ArticleID)
		for _, q := range p.Quotes {
			if !strings.Contains(a.Text, q) {
				t.Errorf("quote %q is not verbatim from %s", q, a.ID)
			}
			if said[q] {
				t.Errorf("sentence repeated: %q", q)
			}
			said[q] = true
		}
		bare := briefMarkedRe.ReplaceAllString(p.Text, "")
		if got := len(briefMarkerRe.FindAllString(p.Text, -1)); got != len(p.Quotes) {
			t.Errorf("point %q: %d markers for %d sentences", p.Text, got, len(p.Quotes))
		} else if joined := strings.Join(p.Quotes, " "); !strings.Contains(joined, "[") && bare != joined {
			t.Errorf("point %q does not show its quotes %q", bare, joined)
		}
	}
	for _, l := range strings.Split(ans.Answer[:strings.Index(ans.Answer, "\n## Sources")], "\n") {
		if l != "" && !strings.HasPrefix(l, "#") && !briefMarkerRe.MatchString(l) {
			t.Errorf("line without a citation: %q", l)
		}
	}
}

func briefPoints(br *chat.Brief) []chat.BriefPoint {
	ps := append([]chat.BriefPoint{}, br.Overview...)
	for _, th := range br.Themes {
		ps = append(ps, th.Points...)
	}
	for _, p := range br.Positions {
		ps = append(ps, p.Claim)
	}
	return append(ps, br.Figures...)
}
