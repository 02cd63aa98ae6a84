package chat

import (
	"testing"

	"github.com/citechat/citechat/retrieval"
)

// A sentence that leans on the one before it ("By 2012, it reached …")
// wins with that one's words, and the answer includes it; a sentence from
// elsewhere holding the words but not the year does not win.
func TestLeaningSentence(t *testing.T) {
	ps := []retrieval.Passage{
		{Chunk: retrieval.Chunk{ID: "a", ArticleID: "a", Text: "Ports grew along the coast in those years. " +
			"In the field of shipping, container traffic volume expanded rapidly. " +
			"By 2012, it reached 400 million tonnes, four times the figure in 2002."}},
		{Chunk: retrieval.Chunk{ID: "b", ArticleID: "b", Text: "Container traffic volume has grown at the northern ports for a decade."}},
	}
	q := analyse("What did container traffic volume reach by 2012?", nil)
	ev := gather(ps)
	ev.setMeta(&q)
	ev.score(&q)
	sel := ev.choose(&q)
	var texts []string
	for _, c := range sel.chosen {
		texts = append(texts, c.text)
	}
	if len(texts) != 2 || texts[0] != "In the field of shipping, container traffic volume expanded rapidly." ||
		texts[1] != "By 2012, it reached 400 million tonnes, four times the figure in 2002." {
		t.Errorf("chose %q", texts)
	}
}

func TestLeansBack(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"By 2012, it reached 400 million tonnes.", true},
		{"These demonstrate breakthroughs in cooperation.", true},
		{"In the field of shipping, traffic expanded rapidly.", false},
		{"Ports grew along the coast in those years and it rained.", false}, // too far in
		{"Italy joined later.", false},                                      // "it" inside a word
	}
	for _, tt := range tests {
		if got := leansBackRe.MatchString(tt.s); got != tt.want {
			t.Errorf("leansBack(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
