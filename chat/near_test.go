package chat

import (
	"reflect"
	"testing"
)

// The year of the asked event outranks a year of another event in a
// sentence that holds as many of the question's words.
func TestNearness(t *testing.T) {
	q := analyse("In what year was the free trade area fully established?", nil)
	near := analyseSentences("The free trade area was fully established as scheduled in 2010.")[0]
	far := analyseSentences("In 2025 both sides completed talks, and the free trade area long since fully established grew.")[0]
	w := map[string]float64{}
	var sum float64
	for _, t := range q.terms {
		w[t] = 1
		sum++
	}
	if a, b := nearness(&q, near, w, sum), nearness(&q, far, w, sum); a <= b {
		t.Errorf("nearness: near %.2f, far %.2f; want near > far", a, b)
	}
	if got := nearness(&q, analyseSentences("The free trade area was fully established.")[0], w, sum); got != 0 {
		t.Errorf("no year: nearness %.2f, want 0", got)
	}
}

func TestDropAsked(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"In what year was ASEAN established?", []string{"asean", "establish"}},
		{"On which date did the summit open?", []string{"summit", "open"}},
		{"How many years did the talks last?", []string{"year", "talk", "last"}}, // years are what is counted
	}
	for _, tt := range tests {
		if got := analyse(tt.q, nil).terms; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("terms of %q = %q, want %q", tt.q, got, tt.want)
		}
	}
}
