package chat

import (
	"strings"
	"testing"
)

func TestStandalone(t *testing.T) {
	hist := []Turn{{Q: "What irrigation does the delta pilot project use?", A: "Alternate wetting and drying, according to Ana Ortiz."}}
	tests := []struct {
		name, question string
		turns          []Turn
		carry          bool     // words carried into the query
		want           []string // words the query must hold
	}{
		{"no history", "And what did they find?", nil, false, nil},
		{"stands alone", "How much cargo did the northern ports handle in 2024?", hist, false, nil},
		{"pronoun", "When did it begin?", hist, true, []string{"irrigation", "delta", "Ana", "Ortiz"}},
		{"opener", "And the emissions?", hist, true, []string{"irrigation"}},
		{"the authors", "What else do the authors say about floods?", hist, true, []string{"Ortiz"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, extra := standalone(tt.question, tt.turns)
			if (extra != nil) != tt.carry {
				t.Fatalf("standalone(%q) = %q, carried %v", tt.question, q, extra)
			}
			if !strings.HasPrefix(q, tt.question) {
				t.Errorf("query %q does not keep the question", q)
			}
			for _, w := range tt.want {
				if !strings.Contains(q, w) {
					t.Errorf("query %q lacks %q", q, w)
				}
			}
		})
	}
}

// A follow-up is answered from the article of the previous turn, and the
// sources event shows the standalone query that was searched.
func TestFollowUpAnswer(t *testing.T) {
	fs := newFakeStore()
	b := NewBot(fs, fs, Config{K: 3})
	req := Request{Question: "When did it begin?", History: []Turn{
		{Q: "Which irrigation technique does the delta pilot project use?", A: "Alternate wetting and drying."}}}
	ans, evs, err := collect(b, req)
	if err != nil {
		t.Fatal(err)
	}
	checkContract(t, ans, evs)
	if evs[0].Query == req.Question || evs[0].Query != ans.Query || fs.searches[0].Text != ans.Query {
		t.Errorf("sources query %q, answer query %q, searched %q", evs[0].Query, ans.Query, fs.searches[0].Text)
	}
	if ans.Abstained || !strings.Contains(ans.Answer, "2019") {
		t.Errorf("answer %q should say the project began in 2019", ans.Answer)
	}
}

func TestRecentTurns(t *testing.T) {
	h := make([]Turn, 1000)
	for i := range h {
		h[i] = Turn{Q: strings.Repeat("q", 5000), A: "a"}
	}
	h[998] = Turn{} // empty turns are skipped
	got := recentTurns(h, 6, 1000)
	if len(got) != 6 {
		t.Fatalf("kept %d turns, want 6", len(got))
	}
	for _, tr := range got {
		if tr.Q == "" || len(tr.Q) > 1000 {
			t.Errorf("turn not cleaned: %d bytes", len(tr.Q))
		}
	}
}
