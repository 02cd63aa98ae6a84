package chat

import (
	"reflect"
	"testing"

	"github.com/citechat/citechat/retrieval"
)

func TestRoleOf(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"Who is the Secretary-General of the Gulf Cooperation Council?", []string{"secretary", "general"}},
		{"Who was the mayor?", []string{"mayor"}},
		{"Who is the director at the institute?", []string{"director"}},
		{"Who is Kao Kim Hourn?", nil},             // asks about a person, not for one
		{"Who wrote the foreword?", nil},           // an author question
		{"Which body coordinates disasters?", nil}, // not a who question
	}
	for _, tt := range tests {
		if got := roleOf(tt.q); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("roleOf(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestNamesHolder(t *testing.T) {
	ps := []retrieval.Passage{
		{Chunk: retrieval.Chunk{ID: "a", ArticleID: "a", Text: "As the Harbour Board's Chief Engineer Maria Lopez noted, the channel was dredged twice. " +
			"In 2025 the Harbour Board and the River Authority held a joint meeting on silt."}},
	}
	tests := []struct {
		q    string
		want bool
	}{
		{"Who is the Chief Engineer of the Harbour Board?", true},
		{"Who is the Chief Engineer of the River Authority?", false}, // the role, but in another body
		{"Who is the chair of the River Authority?", false},          // the body, but no one in the role
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

func TestHasPersonalName(t *testing.T) {
	q := analyse("Who is the Secretary-General of the Gulf Cooperation Council?", nil)
	tests := []struct {
		s    string
		want bool
	}{
		{"As ASEAN Secretary-General Kao Kim Hourn noted, the region grew.", true},
		{"In 2025 the Gulf Cooperation Council held a summit.", false},
		{"Ports, Railways and Roads grew.", false}, // the sentence's first word and a list
	}
	for _, tt := range tests {
		if got := hasPersonalName(tt.s, &q); got != tt.want {
			t.Errorf("hasPersonalName(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
