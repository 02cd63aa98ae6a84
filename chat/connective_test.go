package chat

import (
	"strings"
	"testing"

	"github.com/citechat/citechat/retrieval"
)

func TestDropConnective(t *testing.T) {
	tests := []struct{ in, want string }{
		{"For instance, in 2023, the mechanism was established.", "In 2023, the mechanism was established."},
		{"However, risks remain.", "Risks remain."},
		{"Second, China-ASEAN consultations are moving forward.", "China-ASEAN consultations are moving forward."},
		{"As a result, “green” projects grew.", "“green” projects grew."},
		{"Currently, the council meets yearly.", "Currently, the council meets yearly."}, // meaning of its own
		{"In 2023, the council met.", "In 2023, the council met."},
		{"Firstly the council met.", "Firstly the council met."}, // no comma: not an opener
		{"However,", "However,"},
		{"To tackle this problem, China and ASEAN set up meetings.", "China and ASEAN set up meetings."},
		{"Against this backdrop, the two sides agreed.", "The two sides agreed."},
		{"Building on this foundation, the strategy grew.", "The strategy grew."},
		{"Of these, five are new.", "Of these, five are new."},
		{"This year, the council met.", "This year, the council met."}, // no word before "this": a time, kept
		{"In this year of change, trade grew.", "In this year of change, trade grew."},
		{"During this period, trade grew.", "During this period, trade grew."},
	}
	for _, tt := range tests {
		if got, _ := dropConnective(tt.in); got != tt.want {
			t.Errorf("dropConnective(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The answer text drops a linking opener where the sentence stands alone,
// keeps it after the sentence it links to, and quotes verbatim either way.
func TestComposeConnectives(t *testing.T) {
	text := "The delta floods every year. For instance, in 2023 the river rose ten metres. " +
		"Farmers moved uphill. However, most returned within a month."
	ps := []retrieval.Passage{{Chunk: retrieval.Chunk{ID: "p", ArticleID: "p", Text: text, Authors: []string{"Ana Ortiz"}}}}
	ev := gather(ps)
	srcs := []Source{{Rank: 1, ArticleID: "p", Title: "Rivers", Authors: []string{"Ana Ortiz"}}}
	c := func(i int) *candidate { return &ev.cands[i] }

	parts, cites := compose([]*candidate{c(1), c(3)}, srcs, ev.lower)
	got := strings.Join(parts, "")
	want := "According to Ana Ortiz, in 2023 the river rose ten metres [1]. Most returned within a month [1]."
	if got != want {
		t.Errorf("apart:\n got %q\nwant %q", got, want)
	}
	if cites[0].Quote != "For instance, in 2023 the river rose ten metres." {
		t.Errorf("quote not verbatim: %q", cites[0].Quote)
	}

	parts, _ = compose([]*candidate{c(2), c(3)}, srcs, ev.lower)
	if got := strings.Join(parts, ""); !strings.HasSuffix(got, "However, most returned within a month [1].") {
		t.Errorf("adjacent: %q keeps no link", got)
	}
}
