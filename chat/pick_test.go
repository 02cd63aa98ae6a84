package chat

import (
	"strings"
	"testing"

	"github.com/citechat/citechat/retrieval"
)

// The sentence after the best one joins the answer when it holds a good
// share of what the question asks that the best one lacks, however it opens;
// one that adds little does not.
func TestWithNext(t *testing.T) {
	ps := []retrieval.Passage{{Chunk: retrieval.Chunk{ID: "p", ArticleID: "p", Text: "In April the port board announced a plan for reciprocal fees on foreign shippers, with small harbours hit hardest. " +
		"Fees on cargo imported from Alta, Brio and Cade all exceeded 40%. " +
		"The board meets again in the spring to review the plan."}}}
	tests := []struct {
		q    string
		want int
	}{
		{"Cargo imported from which harbours faced fees above 40% under the reciprocal plan for foreign shippers the port board announced in April?", 2},
		{"Which board announced a plan for reciprocal fees on foreign shippers in April?", 1},
	}
	for _, tt := range tests {
		q := analyse(tt.q, nil)
		ev := gather(ps)
		ev.setMeta(&q)
		ev.score(&q)
		if got := ev.choose(&q).chosen; len(got) != tt.want {
			var texts []string
			for _, c := range got {
				texts = append(texts, c.text)
			}
			t.Errorf("%q: chose %q, want %d sentences", tt.q, texts, tt.want)
		}
	}
}

// The items of a list answer read in their own order.
func TestSortItems(t *testing.T) {
	var cs []*candidate
	for _, s := range []string{"The third insight is trust.", "Cooperation offers three insights.", "The first insight is growth.", "The second insight is speed."} {
		cs = append(cs, &candidate{sentence: &sentence{text: s}})
	}
	sortItems(cs)
	var got []string
	for _, c := range cs {
		got = append(got, c.text)
	}
	want := []string{"Cooperation offers three insights.", "The first insight is growth.", "The second insight is speed.", "The third insight is trust."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q", got)
	}
}
