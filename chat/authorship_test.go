package chat

import (
	"strings"
	"testing"
)

func TestAuthorshipQuestion(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"Who wrote the foreword?", true},
		{"Who wrote the article on floods in the delta?", true},
		{"Whose article describes the flood council?", true},
		{"Which authors wrote about ports?", true},
		{"Which authors argue that floods return every autumn?", false}, // a view, not a byline
		{"Who argues that the council works?", false},
	}
	for _, tt := range tests {
		if got := analyse(tt.q, nil).authorship; got != tt.want {
			t.Errorf("authorship(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// "Who wrote …" is answered with the byline, affiliations included, and the
// sentence that matches the description; "which authors argue …" with the
// authors, their article and the sentence quoted.
func TestAuthorAnswers(t *testing.T) {
	b := NewBot(newFakeStore(), newFakeStore(), Config{K: 4})
	tests := []struct{ q, want string }{
		{"Who wrote the article on the joint flood council that shares river data?",
			"“Rivers and Rice: Water in the Delta” is by Ana Ortiz (Professor of Hydrology, Lakeside University) and Ben Carter [1]. " +
				"Ana Ortiz and Ben Carter write: “The provinces have set up a joint flood council that meets each spring to share river data” [1]."},
		{"Who wrote the article about ports of the northern coast?",
			"“Ports of the Northern Coast” is by Chen Wei (Director, Institute of Maritime Studies, Harbour City) [1]."},
		{"Which authors argue that the provinces set up a joint flood council to share river data?",
			"Ana Ortiz and Ben Carter, in “Rivers and Rice: Water in the Delta”, write: “The provinces have set up a joint flood council that meets each spring to share river data” [1]."},
	}
	for _, tt := range tests {
		ans, evs, err := collect(b, Request{Question: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		checkContract(t, ans, evs)
		if ans.Answer != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.q, ans.Answer, tt.want)
		}
		if len(ans.Citations) != 1 || !strings.Contains(ans.Sources[0].Text, ans.Citations[0].Quote) {
			t.Errorf("%q: citations %+v", tt.q, ans.Citations)
		}
	}
}

// One rare word shared with an affiliation does not make a question about
// that contributor.
func TestAffiliationNeedsTwoWords(t *testing.T) {
	ev := gather(nil)
	q := analyse("Which contributor is a professor of hydrology?", nil)
	if _, _, ok := ev.matchAffiliation(&q, testArticles); !ok {
		t.Errorf("%q: no match", q.text)
	}
	q = analyse("Which contributor works on maritime trade in the delta?", nil)
	if au, _, ok := ev.matchAffiliation(&q, testArticles); ok {
		t.Errorf("%q matched %s on one word", q.text, au.Name)
	}
}
