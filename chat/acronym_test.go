package chat

import (
	"reflect"
	"testing"
)

func TestAcronyms(t *testing.T) {
	tests := []struct {
		text string
		want map[string][]string
	}{
		{"They launched the China-ASEAN Free Trade Area (FTA). The FTA grew.",
			map[string][]string{"FTA": {"china", "asean", "free", "trad", "area"}}},
		{"The Regional Comprehensive Economic Partnership (RCEP) came into force.",
			map[string][]string{"RCEP": contentTerms("Regional Comprehensive Economic Partnership")}},
		{"the Declaration on the Conduct of Parties in the South China Sea (DOC, 2002)", nil}, // not a bare acronym
		{"the Declaration on the Conduct of Parties in the South China Sea (DOC)",
			map[string][]string{"DOC": contentTerms("Declaration on the Conduct of Parties in the South China Sea")}},
		{"They met in the capital (HQ).", nil}, // the letters spell no preceding name
		{"No acronym here.", nil},
	}
	for _, tt := range tests {
		if got := acronyms(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("acronyms(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A sentence using an acronym matches the name it stands for, at the
// acronym's place; its text is unchanged.
func TestExpandAcronyms(t *testing.T) {
	text := "They launched the Free Trade Area (FTA). The FTA was fully established in 2010."
	s := analyseSentences(text)[1]
	if s.text != "The FTA was fully established in 2010." {
		t.Fatalf("text changed: %q", s.text)
	}
	for _, term := range []string{"free", "trad", "area"} {
		if !s.terms[term] || !reflect.DeepEqual(s.pos[term], []int{1}) {
			t.Errorf("term %q: held %v at %v, want held at [1]", term, s.terms[term], s.pos[term])
		}
	}
}
