package chat

import (
	"strings"
	"testing"
)

func TestAbstention(t *testing.T) {
	tests := []struct {
		name, question string
		abstain        bool
	}{
		{"topic absent", "What is the population of the capital city?", true},
		{"key term absent", "What deadline did the provinces agree for finishing the dams?", true},
		{"number asked, none given", "How many farmers joined the flood council?", true},
		{"answerable", "When was dredging of the main channel completed?", false},
		{"answerable paraphrase", "How do regulators deal with suspicious accounts?", false},
	}
	b := NewBot(newFakeStore(), newFakeStore(), Config{K: 4})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, evs, err := collect(b, Request{Question: tt.question})
			if err != nil {
				t.Fatal(err)
			}
			checkContract(t, ans, evs)
			if ans.Abstained != tt.abstain {
				t.Fatalf("abstained = %v, want %v: %s", ans.Abstained, tt.abstain, ans.Answer)
			}
			if !tt.abstain {
				return
			}
			if len(ans.Citations) != 0 || markerRe.MatchString(ans.Answer) {
				t.Errorf("abstention cites: %q %+v", ans.Answer, ans.Citations)
			}
			if !strings.Contains(ans.Answer, "does not cover") || len(ans.Sources) == 0 {
				t.Errorf("abstention should say so and still list sources: %q", ans.Answer)
			}
		})
	}
}

func TestAbstainWithoutPassages(t *testing.T) {
	b := NewBot(&fakeStore{}, nil, Config{})
	ans, evs, err := collect(b, Request{Question: "What is the population of the capital city?"})
	if err != nil {
		t.Fatal(err)
	}
	checkContract(t, ans, evs)
	if !ans.Abstained || ans.Answer != "The collection does not cover this." {
		t.Errorf("got %+v", ans)
	}
}
