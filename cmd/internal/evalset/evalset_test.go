package evalset

import (
	"math"
	"strings"
	"testing"
)

const set = `{"id":"q1","question":"Who pooled deposits?","answerable":true,"articles":["1"],"titles":["A Long History of Cooperative Banking"],"authors":["Julia Novak"],"evidence":"Members pooled small deposits and lent to one another.","keywords":["pooled"],"kind":"fact"}

{"id":"q2","question":"Which forum?","history":[{"q":"Earlier question?","a":"Earlier answer."}],"answerable":true,"articles":["2","foreword"],"titles":["Ports and Shipping Lanes","Foreword"],"authors":[],"evidence":"two new shipping lanes","keywords":[],"kind":"followup"}
{"id":"q3","question":"Not covered?","answerable":false,"articles":[],"titles":[],"authors":[],"evidence":"","keywords":[],"kind":"unanswerable"}
{"id":"q4","question":"Lost?","answerable":true,"articles":["2"],"titles":["Ports and Shipping Lanes"],"authors":[],"evidence":"queued for nine days","keywords":[],"kind":"fact"}
`

func TestReadAndSearchText(t *testing.T) {
	qs, err := Read(strings.NewReader(set))
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 4 || qs[1].History[0].A != "Earlier answer." {
		t.Fatalf("read %+v", qs)
	}
	if got := qs[1].SearchText(); got != "Earlier question? Earlier answer. Which forum?" {
		t.Errorf("SearchText() = %q", got)
	}
	for _, bad := range []string{`{"id":"x"`, `{"id":"","question":"q"}`, `{"id":"x","question":"q","articles":["1"],"titles":[]}`} {
		if _, err := Read(strings.NewReader("\n" + bad + "\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("%s: err = %v, want one naming line 2", bad, err)
		}
	}
}

func TestCatalogueMatch(t *testing.T) {
	qs, _ := Read(strings.NewReader(set))
	c := CatalogueOf(qs)
	cases := map[string]string{
		"A Long History of Cooperative Banking":       "1",
		"a long history of cooperative  banking!":     "1",
		"Long History of Cooperative Banking":         "1", // Jaccard 5/6
		"History of Banking":                          "",  // 3/6 < 0.6
		"PREFACE":                                     "foreword",
		"Ports and Shipping Lanes":                    "2",
		"Ports \u2013 and \u201cShipping\u201d Lanes": "2",
		"": "",
	}
	for title, want := range cases {
		if got := c.Match(title); got != want {
			t.Errorf("Match(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestScore(t *testing.T) {
	qs, _ := Read(strings.NewReader(set))
	bank := Source{Title: "A Long History of Cooperative Banking", Text: "Members pooled small deposits and lent to one another."}
	ports := Source{Title: "Ports and Shipping Lanes", Text: "Two new shipping lanes link the port."}
	other := Source{Title: "Coral Reefs", Text: "Heat."}
	m := Score(qs, map[string][]Source{
		"q1": {bank},                // rank 1, evidence
		"q2": {other, other, ports}, // rank 3, evidence
		"q3": {other},               // unanswerable: ignored
		// q4 missing: nothing found
	})
	want := Metrics{Questions: 4, Answerable: 3, RecallAt1: 1.0 / 3, RecallAt3: 2.0 / 3, RecallAt5: 2.0 / 3,
		MRR: (1 + 1.0/3) / 3, EvidenceInTop5: 2.0 / 3}
	for name, pair := range map[string][2]float64{
		"recall@1": {m.RecallAt1, want.RecallAt1}, "recall@3": {m.RecallAt3, want.RecallAt3},
		"recall@5": {m.RecallAt5, want.RecallAt5}, "mrr": {m.MRR, want.MRR},
		"evidence": {m.EvidenceInTop5, want.EvidenceInTop5},
	} {
		if math.Abs(pair[0]-pair[1]) > 1e-9 {
			t.Errorf("%s = %v, want %v", name, pair[0], pair[1])
		}
	}
	if m.Questions != 4 || m.Answerable != 3 || len(m.Misses) != 2 || m.Misses[0].ID != "q2" || m.Misses[0].FirstRank != 3 {
		t.Errorf("metrics = %+v", m)
	}
}
