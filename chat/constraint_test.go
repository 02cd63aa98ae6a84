package chat

import (
	"reflect"
	"testing"

	"github.com/citechat/citechat/retrieval"
)

func TestNamesIn(t *testing.T) {
	tests := []struct {
		text string
		want [][]string
	}{
		{"When will the Code of Conduct in the South China Sea be signed?",
			[][]string{contentTerms("Code Conduct South China Sea")}},
		{"In what year did President Xi propose the Silk Road Economic Belt, and where?",
			[][]string{contentTerms("President Xi"), contentTerms("Silk Road Economic Belt")}},
		{"When did ASEAN release its Vision 2045?", [][]string{{"asean"}, contentTerms("Vision 2045")}},
		{"How many ports are there?", nil},
	}
	for _, tt := range tests {
		if got := namesIn(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("namesIn(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A date of another year, or of a thing named only in part, does not answer.
func TestConstrained(t *testing.T) {
	text := "The provinces signed the Charter on the Upper Delta Rivers (UDR, 2002). " +
		"Between 2019 and 2024, river traffic grew. " +
		"Barge exports to the coast increased by more than 50%. " +
		"In 2024 the river council spent 40 million on dredging. " +
		"Talks on a Code for the Upper Delta Rivers continue."
	ps := []retrieval.Passage{{Chunk: retrieval.Chunk{ID: "a", ArticleID: "a", Text: text}}}
	for i := 0; i < 12; i++ { // common words everywhere, as in a real collection
		ps = append(ps, retrieval.Passage{Chunk: retrieval.Chunk{ID: "x", ArticleID: "x", Text: "The provinces met again."}})
	}
	tests := []struct {
		q    string
		want bool
	}{
		{"When did the provinces sign the Charter on the Upper Delta Rivers?", true},
		{"When will the provinces sign the Code for the Upper Delta Rivers?", false}, // the Charter was signed, not the Code
		{"How much did the river council spend on dredging in 2024?", true},
		{"How much did the river council spend on dredging in 2023?", false},
		{"Between 2019 and 2024, how much did barge exports to the coast grow?", true}, // the year is in the sentence before
	}
	for _, tt := range tests {
		q := analyse(tt.q, nil)
		ev := gather(ps)
		ev.setMeta(&q)
		ev.score(&q)
		sel := ev.choose(&q)
		if got := ev.support(&q, sel.chosen) > 0; got != tt.want {
			t.Errorf("%q: supported = %v, want %v (chose %q)", tt.q, got, tt.want, sel.chosen[0].text)
		}
	}
}

// The scene of an answer is found across overlapping chunks, through a copy
// of the sentence before it cut short at a chunk's edge.
func TestSceneAcrossChunks(t *testing.T) {
	ps := []retrieval.Passage{
		{Chunk: retrieval.Chunk{ID: "a1", ArticleID: "a", Text: "Ports grew along the coast. Between 2019 and 2024, river traffic grew strongly. Barge exports to the coast increa"}},
		{Chunk: retrieval.Chunk{ID: "a2", ArticleID: "a", Text: "Barge exports to the coast increased by more than 50% each year. During the same period, grain exports rose by more than 70%."}},
	}
	for i := 0; i < 12; i++ {
		ps = append(ps, retrieval.Passage{Chunk: retrieval.Chunk{ID: "x", ArticleID: "x", Text: "The provinces met again."}})
	}
	q := analyse("Between 2019 and 2024, how much did grain exports rise?", nil)
	ev := gather(ps)
	ev.setMeta(&q)
	ev.score(&q)
	sel := ev.choose(&q)
	if ev.support(&q, sel.chosen) == 0 {
		t.Errorf("not supported; chose %q", sel.chosen[0].text)
	}
}
