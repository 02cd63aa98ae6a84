package chat

import (
	"strconv"
	"strings"
	"testing"
)

// checkContract asserts what every answer promises: events in order
// (sources, deltas, done), deltas that concatenate to the answer, every
// marker with a citation, every citation a source with a verbatim quote.
func checkContract(t *testing.T, ans *Answer, evs []Event) {
	t.Helper()
	if len(evs) < 2 || evs[0].Type != EventSources || evs[len(evs)-1].Type != EventDone {
		t.Fatalf("events out of order: %v", types(evs))
	}
	var text strings.Builder
	for _, e := range evs[1 : len(evs)-1] {
		if e.Type != EventDelta {
			t.Fatalf("unexpected %q event between sources and done", e.Type)
		}
		text.WriteString(e.Text)
	}
	if text.String() != ans.Answer {
		t.Errorf("deltas %q do not concatenate to the answer %q", text.String(), ans.Answer)
	}
	if evs[len(evs)-1].Answer != ans {
		t.Errorf("done event does not carry the returned answer")
	}
	cited := map[int]Citation{}
	for _, c := range ans.Citations {
		cited[c.N] = c
		if c.N < 1 || c.N > len(ans.Sources) {
			t.Fatalf("citation %d is not a source (have %d)", c.N, len(ans.Sources))
		}
		s := ans.Sources[c.N-1]
		if s.ChunkID != c.ChunkID || !strings.Contains(s.Text, c.Quote) || c.Quote == "" {
			t.Errorf("citation %d: quote %q is not verbatim from source %s", c.N, c.Quote, s.ChunkID)
		}
	}
	for _, m := range markerRe.FindAllStringSubmatch(ans.Answer, -1) {
		found := false
		for n := range cited {
			if m[0] == "["+strconv.Itoa(n)+"]" {
				found = true
			}
		}
		if !found {
			t.Errorf("marker %s in %q has no citation", m[0], ans.Answer)
		}
	}
	if ans.Abstained && len(ans.Citations) > 0 {
		t.Errorf("abstained answer has citations")
	}
}

func types(evs []Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Type)
	}
	return out
}

func TestExtractiveAnswers(t *testing.T) {
	tests := []struct {
		name, question string
		want           []string // phrases the answer must contain
		article        string   // the article cited
	}{
		{"fact", "What irrigation technique does the pilot project in the delta use?",
			[]string{"alternate wetting and drying", "Ana Ortiz and Ben Carter"}, "rivers"},
		{"number", "How much cargo did the northern ports handle in 2024?",
			[]string{"982.3 million tonnes", "Chen Wei"}, "ports"},
		{"mechanism", "What body coordinates the provinces on floods?",
			[]string{"joint flood council"}, "rivers"},
		{"three authors", "How can a tourist pay across the border?",
			[]string{"scan to pay", "Priya Nair et al."}, "pay"},
		{"who argues", "Who writes that it is better to teach a person to fish?",
			[]string{"Chen Wei", "Ports of the Northern Coast", "teach a person to fish"}, "ports"},
		{"affiliation", "Which contributor is Professor of Hydrology at Lakeside University?",
			[]string{"Ana Ortiz", "Rivers and Rice"}, "rivers"},
	}
	b := NewBot(newFakeStore(), newFakeStore(), Config{K: 4})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, evs, err := collect(b, Request{ID: "x", Question: tt.question})
			if err != nil {
				t.Fatal(err)
			}
			checkContract(t, ans, evs)
			t.Log(ans.Answer)
			if ans.Abstained || ans.Mode != "extractive" {
				t.Fatalf("abstained=%v mode=%q: %s", ans.Abstained, ans.Mode, ans.Answer)
			}
			for _, w := range tt.want {
				if !strings.Contains(ans.Answer, w) {
					t.Errorf("answer %q lacks %q", ans.Answer, w)
				}
			}
			if len(ans.Citations) == 0 || ans.Citations[0].ArticleID != tt.article {
				t.Errorf("citations %+v, want article %s", ans.Citations, tt.article)
			}
		})
	}
}
