package chat

import (
	"testing"

	"github.com/citechat/citechat/retrieval"
)

func TestRelated(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{stem("cooperative"), stem("cooperate"), true},
		{stem("prefer"), stem("preferable"), true},
		{"port", "portfolio", false},       // too short
		{"inform", "informational", false}, // the shorter is too little of the longer
		{"trade", "trade", false},          // the same term is matched as it is
	}
	for _, tt := range tests {
		if got := related(tt.a, tt.b); got != tt.want {
			t.Errorf("related(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// A question word no passage holds is credited at kinCredit through its
// relative; a word the passages hold is not given one.
func TestKinCredit(t *testing.T) {
	ps := []retrieval.Passage{{Chunk: retrieval.Chunk{ID: "a", ArticleID: "a",
		Text: "Farmers prefer cooperative banks to state banks. Ports export grain."}}}
	q := analyse("Which preferable banks do farmers use?", nil)
	ev := gather(ps)
	ev.setKin(&q)
	if q.kin[stem("preferable")] != stem("prefer") || len(q.kin) != 1 {
		t.Fatalf("kin = %v", q.kin)
	}
	w, sum := ev.weights(&q, q.terms)
	set := ev.cands[0].terms
	if got, plain := ev.held(&q, set, w, sum), coverage(set, w, sum); got <= plain || got >= 1 {
		t.Errorf("held %.2f, plain coverage %.2f: want partial credit above plain", got, plain)
	}
}

// Open questions need less support than those whose answer can be checked.
func TestBar(t *testing.T) {
	if b := analyse("What travel arrangement do businesspeople get?", nil); b.bar() != minOpenSupport {
		t.Errorf("open question bar %.2f", b.bar())
	}
	for _, s := range []string{"How many visas were issued?", "When did the scheme start?", "Who is the minister of trade?"} {
		if q := analyse(s, nil); q.bar() != minSupport {
			t.Errorf("%q: bar %.2f, want %.2f", s, q.bar(), minSupport)
		}
	}
}
