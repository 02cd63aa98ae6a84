package retrieval

import (
	"reflect"
	"testing"
)

func TestSentences(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "One thing. Another thing! A third? Yes.", []string{"One thing.", "Another thing!", "A third?", "Yes."}},
		{"decimal", "Trade reached US$982.3 billion in 2024. It doubled.", []string{"Trade reached US$982.3 billion in 2024.", "It doubled."}},
		{"dotted abbreviations", "The U.S. Navy and the U.K. agreed, e.g. on patrols. Then i.e. nothing.", []string{"The U.S. Navy and the U.K. agreed, e.g. on patrols.", "Then i.e. nothing."}},
		{"number abbreviation", "Article No. 113 applies. See pp. 4-7 and Vol. 2 for more.", []string{"Article No. 113 applies.", "See pp. 4-7 and Vol. 2 for more."}},
		{"No as a word", "The answer was No. Then we left.", []string{"The answer was No.", "Then we left."}},
		{"titles and initials", "Dr. Wang met Prof. Lee and J. R. Smith. They talked.", []string{"Dr. Wang met Prof. Lee and J. R. Smith.", "They talked."}},
		{"closing quotes", "It is “a beautiful home.” The rest followed. He said \"done.\" Next.", []string{"It is “a beautiful home.”", "The rest followed.", "He said \"done.\"", "Next."}},
		{"lower case after a period", "Costs fell, etc. and rose again. Then stopped.", []string{"Costs fell, etc. and rose again.", "Then stopped."}},
		{"paragraph break ends a sentence", "A heading-like line without a stop\n\nThe next paragraph. Done.", []string{"A heading-like line without a stop", "The next paragraph.", "Done."}},
		{"line break ends a sentence", "A Heading\nBody text here. More.", []string{"A Heading", "Body text here.", "More."}},
		{"opening parenthesis", "It grew. (The figures are in the annex.) Then it shrank.", []string{"It grew.", "(The figures are in the annex.)", "Then it shrank."}},
		{"no end", "no final stop", []string{"no final stop"}},
		{"empty", "   ", nil},
	} {
		var got []string
		for _, s := range Sentences(c.in, 0, len(c.in)) {
			got = append(got, c.in[s.Start:s.End])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}
