package chat_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/citechat/citechat/chat"
)

// Briefs on a collection the answerer was never tuned on: three articles on
// flood forecasting in one river basin and one on tea.
func TestBriefOwnCollection(t *testing.T) {
	st := briefOwn(t)
	ans := askBrief(t, st, "flood forecasting")
	if ans.Abstained {
		t.Fatalf("abstained:\n%s", ans.Answer)
	}
	checkBrief(t, ans, st)
	br := ans.Brief
	var ids []string
	for _, p := range br.Positions {
		ids = append(ids, p.ArticleID)
	}
	slices.Sort(ids)
	if want := []string{"early-warning-reaches-the-village", "paying-for-resilience", "sharing-river-data-across-borders"}; !slices.Equal(ids, want) {
		t.Errorf("positions from %q, want the three flood articles %q", ids, want)
	}
	for _, c := range ans.Citations {
		if strings.Contains(c.Title, "Tea") {
			t.Errorf("the tea article is cited: %+v", c)
		}
	}
	for _, p := range br.Positions {
		if p.ArticleID == "sharing-river-data-across-borders" && p.Authors[0].Affiliation != "Senior Hydrologist, Delta Water Institute" {
			t.Errorf("authors without their affiliations: %+v", p.Authors)
		}
	}
	var figures []string
	for _, f := range br.Figures {
		figures = append(figures, f.Quotes[0])
	}
	joined := strings.Join(figures, "\n")
	for _, want := range []string{"March 2021", "USD 40 million"} {
		if !strings.Contains(joined, want) {
			t.Errorf("the figure %q is missing from the figures:\n%s", want, joined)
		}
	}
	if i, j := strings.Index(joined, "2021"), strings.Index(joined, "USD 40"); i > j {
		t.Errorf("figures not in time order (dated first):\n%s", joined)
	}
}

func TestBriefOwnNotCoveredAndFilters(t *testing.T) {
	st := briefOwn(t)
	if ans := askBrief(t, st, "volcanic ash and aviation"); !ans.Abstained || len(ans.Citations) != 0 {
		t.Errorf("a topic the collection does not cover was briefed:\n%s", ans.Answer)
	}
	// A word the collection holds once is not a topic it covers.
	if ans := askBrief(t, st, "temple bells"); !ans.Abstained {
		t.Errorf("one passing mention was padded into a brief:\n%s", ans.Answer)
	}
	ans, err := chat.NewBot(st, st, chat.Config{}).Answer(t.Context(), chat.Request{Question: "flood forecasting",
		Mode: chat.ModeBrief, Filters: chat.Filters{Articles: []string{"paying-for-resilience"}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range ans.Citations {
		if c.ArticleID != "paying-for-resilience" {
			t.Errorf("the filter let in %s", c.ArticleID)
		}
	}
	if len(ans.Citations) == 0 {
		t.Errorf("nothing cited from the filtered article:\n%s", ans.Answer)
	}
}

func TestBriefEmptyTopic(t *testing.T) {
	_, err := chat.NewBot(briefOwn(t), nil, chat.Config{}).Answer(t.Context(), chat.Request{Question: " \n", Mode: chat.ModeBrief}, nil)
	if err == nil || !strings.Contains(err.Error(), chat.ErrEmptyQuestion.Error()) {
		t.Errorf("empty topic: err %v, want ErrEmptyQuestion", err)
	}
}
