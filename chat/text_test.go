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
		{"planned plan adding added add", "plan add"},
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
		q       string
		number  numKind
		who     bool
		phrases []string
		count   int
		parts   int
	}{
		{"How many students study in China?", numAmount, false, nil, 0, 0},
		{"When was the community established?", numTime, false, nil, 0, 0},
		{"What deadline did they agree?", numTime, false, nil, 0, 0},
		{"Which authors describe it as a \"vivid practice\"?", numNone, true, []string{"vivid practice"}, 0, 0},
		{"Who argues that aid creates dependency?", numNone, true, nil, 0, 0},
		{"Who is Xi Jinping?", numNone, false, nil, 0, 0},
		{"What does China's 'good neighbour' policy mean?", numNone, false, []string{"good neighbour"}, 0, 0},
		{"What three key insights does Zha Wen draw?", numNone, false, nil, 3, 0},
		{"When was the FTA established, and when was its upgrade signed?", numTime, false, nil, 0, 2},
		{"Which farmers and traders joined?", numNone, false, nil, 0, 0},
		{"Which two landmark railways are named?", numNone, false, nil, 2, 0},
		{"What are the four core experiences?", numNone, false, nil, 4, 0},
		{"In which year did the six leaders first meet?", numYear, false, nil, 0, 0},
		{"How long did the trip between the two cities take?", numAmount, false, nil, 0, 0},
	}
	for _, tt := range tests {
		q := analyse(tt.q, nil)
		if q.number != tt.number || q.who != tt.who || !reflect.DeepEqual(q.phrases, tt.phrases) ||
			q.count != tt.count || len(q.parts) != tt.parts {
			t.Errorf("%q: number %v who %v phrases %q count %d parts %d", tt.q, q.number, q.who, q.phrases, q.count, len(q.parts))
		}
	}
}

func TestAttribute(t *testing.T) {
	lower := map[string]bool{"addressing": true, "driven": true, "ensuring": false}
	tests := []struct{ who, s, want string }{
		{"Wang Fan", "Addressing both challenges, they agreed.", "According to Wang Fan, addressing both challenges, they agreed."},
		{"Wang Fan", "The two sides moved forward.", "According to Wang Fan, the two sides moved forward."},
		{"Xu Liping and Fan Jiaqi", "China and ASEAN set up a council.", "According to Xu Liping and Fan Jiaqi, China and ASEAN set up a council."},
		{"Zha Wen", "Economically, risks remain.", "According to Zha Wen, economically, risks remain."},
		{"A et al.", "In 2010 the area opened.", "According to A et al., in 2010 the area opened."},
		{"A", "2010 was the year.", "According to A, 2010 was the year."},
		{"A", "“Small yet beautiful” projects grew.", "According to A, “Small yet beautiful” projects grew."},
		{"A", "Particularly in trade, ties grew.", "According to A, particularly in trade, ties grew."},
		{"A", "Cross-border payments grew.", "According to A, cross-border payments grew."},
		{"A", "China-ASEAN ties grew.", "According to A, China-ASEAN ties grew."},
		{"A", "ASEAN grew.", "According to A, ASEAN grew."},
		{"A", "Laos grew.", "According to A, Laos grew."},
		{"A", "Driven by trade, ties grew.", "According to A, driven by trade, ties grew."},   // written in lower case elsewhere
		{"A", "Ensuring Growth was adopted.", "According to A, Ensuring Growth was adopted."}, // only ever a name
		{"A", "“", "According to A, “"},
	}
	for _, tt := range tests {
		if got := attribute(tt.who, tt.s, lower); got != tt.want {
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

func TestMeasure(t *testing.T) {
	tests := []struct{ q, want string }{
		{"How many ASEAN students study in China?", "student"},
		{"How much funding has China provided?", "fund"},
		{"What is the population of Laos?", "populat"},
		{"What was ASEAN's combined GDP in 2024?", "gdp"},
		{"What share of trade is with RCEP partners?", ""},
		{"How much did China invest?", "invest"},
		{"How much did ASEAN's resource exports to China grow?", "resourc"},
		{"How much did the railway shorten travel time?", "railway"},
		{"How much did?", ""},
	}
	for _, tt := range tests {
		if got := measureOf(tt.q); got != tt.want {
			t.Errorf("measureOf(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestNumbersIn(t *testing.T) {
	tests := []struct {
		s       string
		kind    numKind
		qterms  []string
		answers bool
	}{
		{"Trade reached US$982.3 billion in 2024.", numAmount, []string{"2024"}, true},
		{"The Version 3.0 upgrade was discussed.", numAmount, nil, false},
		{"ASEAN released its Vision 2045 and the Plan 2026-2030.", numTime, nil, false},
		{"In May 2025, ASEAN released its Vision 2045.", numTime, nil, true},
		{"The FTA was fully established in 2010.", numTime, nil, true},
		{"During COVID-19 China sent vaccines.", numAmount, nil, false},
		{"It covers 19 countries.", numAmount, nil, true},
		{"The 5G network grew.", numAmount, nil, false},
		{"In 2024 the ports grew.", numTime, []string{"2024"}, false},
	}
	for _, tt := range tests {
		if got := numbersIn(tt.s).answers(tt.kind, tt.qterms); got != tt.answers {
			t.Errorf("numbersIn(%q).answers(%v) = %v, want %v", tt.s, tt.kind, got, tt.answers)
		}
	}
}
