package chat_test

import (
	"strings"
	"testing"

	"github.com/citechat/citechat/chat"
	"github.com/citechat/citechat/retrieval"
)

// Every article's summary is made of its own sentences, verbatim and in its
// order, with their sections, on the report and on the test collection.
func TestSummarize(t *testing.T) {
	for name, st := range map[string]*retrieval.Store{"report": briefReport(t), "own": briefOwn(t)} {
		for _, a := range st.Articles() {
			sum := chat.Summarize(a, 0)
			if len(sum.Sentences) < 2 || len(sum.Sentences) > chat.SummaryLen {
				t.Errorf("%s/%s: %d key sentences", name, a.ID, len(sum.Sentences))
			}
			if sum.Title != a.Title || len(sum.Authors) != len(a.Authors) {
				t.Errorf("%s/%s: title %q authors %v", name, a.ID, sum.Title, sum.Authors)
			}
			last := -1
			for i, k := range sum.Sentences {
				switch {
				case k.N != i+1 || k.Start <= last:
					t.Errorf("%s/%s: sentence %d (%d) out of order", name, a.ID, i+1, k.N)
				case a.Text[k.Start:k.End] != k.Text:
					t.Errorf("%s/%s: %q is not the article's text at %d:%d", name, a.ID, k.Text, k.Start, k.End)
				case !inSection(a, k):
					t.Errorf("%s/%s: %q is not in section %q", name, a.ID, k.Text, k.Section)
				}
				last = k.Start
			}
		}
	}
}

func inSection(a retrieval.Article, k chat.KeySentence) bool {
	for _, s := range a.Sections {
		if s.Start <= k.Start && k.End <= s.End {
			return s.Heading == k.Section
		}
	}
	return k.Section == ""
}

// A summary gives each section its best sentence before a second one from
// any section, leaves out sentences that lean on the one before, and gives
// no more sentences than asked.
func TestSummarizeSections(t *testing.T) {
	a, ok := briefOwn(t).Article("sharing-river-data-across-borders")
	if !ok {
		t.Fatal("no river article")
	}
	sum := chat.Summarize(a, 3)
	var secs []string
	for _, k := range sum.Sentences {
		secs = append(secs, k.Section)
		if strings.HasPrefix(k.Text, "Since then") || strings.HasPrefix(k.Text, "Its ") {
			t.Errorf("a sentence that leans on the one before: %q", k.Text)
		}
	}
	if want := []string{"", "Why data must cross borders", "The joint forecasting centre"}; strings.Join(secs, "|") != strings.Join(want, "|") {
		t.Errorf("sections %q, want one sentence from each of %q", secs, want)
	}
	if n := len(chat.Summarize(a, 1).Sentences); n != 1 {
		t.Errorf("asked for 1 sentence, got %d", n)
	}
}
