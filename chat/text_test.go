package chat

import (
	"reflect"
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"One sentence. Another one! A third? Yes.", []string{"One sentence.", "Another one!", "A third?", "Yes."}},
		{"Trade reached $982.3 billion in 2024. It grew.", []string{"Trade reached $982.3 billion in 2024.", "It grew."}},
		{"Dr. Li met Mr. Wang, e.g. in Hanoi. Then they left.", []string{"Dr. Li met Mr. Wang, e.g. in Hanoi.", "Then they left."}},
		{"He said \"it works.\" She agreed.", []string{"He said \"it works.\"", "She agreed."}},
		{"A Heading\nBody text here. More.", []string{"A Heading", "Body text here.", "More."}},
		{"  padded.  ", []string{"padded."}},
		{"X. Y. Zhang wrote it.", []string{"X. Y. Zhang wrote it."}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range splitSentences(tt.text) {
			got = append(got, tt.text[sp.start:sp.end])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitSentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTerms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"China's economies grew 30% to 982.3", "china economy grow 30 982.3"},
		{"establishing established establishes", "establish"},
		{"What did the report say about cooperation? They cooperate.", "cooperat"},
		{"meetings met meet", "meet"},
		{"people-to-people exchanges exchanged", "peopl exchang"},
	}
	for _, tt := range tests {
		if got := strings.Join(contentTerms(tt.in), " "); got != tt.want {
			t.Errorf("contentTerms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQuestionShape(t *testing.T) {
	tests := []struct {
		q           string
		number, who bool
		phrases     []string
	}{
		{"How many students study in China?", true, false, nil},
		{"When was the community established?", true, false, nil},
		{"Which authors describe it as a \"vivid practice\"?", false, true, []string{"vivid practice"}},
		{"Who argues that aid creates dependency?", false, true, nil},
		{"Who is Xi Jinping?", false, false, nil},
		{"What does China's 'good neighbour' policy mean?", false, false, []string{"good neighbour"}},
	}
	for _, tt := range tests {
		q := analyse(tt.q, nil)
		if q.number != tt.number || q.who != tt.who || !reflect.DeepEqual(q.phrases, tt.phrases) {
			t.Errorf("%q: number %v who %v phrases %q", tt.q, q.number, q.who, q.phrases)
		}
	}
}

func TestAttribute(t *testing.T) {
	tests := []struct{ who, s, want string }{
		{"Wang Fan", "The two sides moved forward.", "According to Wang Fan, the two sides moved forward."},
		{"Xu Liping and Fan Jiaqi", "China and ASEAN set up a council.", "Xu Liping and Fan Jiaqi write: China and ASEAN set up a council."},
		{"Zha Wen", "However, risks remain.", "Zha Wen writes: However, risks remain."},
		{"A et al.", "In 2010 the area opened.", "According to A et al., in 2010 the area opened."},
		{"A", "2010 was the year.", "A writes: 2010 was the year."},
	}
	for _, tt := range tests {
		if got := attribute(tt.who, tt.s); got != tt.want {
			t.Errorf("attribute(%q, %q) = %q, want %q", tt.who, tt.s, got, tt.want)
		}
	}
	if got := names([]string{"A", "B", "C"}); got != "A et al." {
		t.Errorf("names = %q", got)
	}
	if got := withMarker("It ends here.", 3); got != "It ends here [3]." {
		t.Errorf("withMarker = %q", got)
	}
	if got := cleanDisplay("A claim [12] with a footnote."); got != "A claim with a footnote." {
		t.Errorf("cleanDisplay = %q", got)
	}
}
