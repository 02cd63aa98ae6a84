package chat

import "testing"

func TestOwnedOf(t *testing.T) {
	tests := []struct{ q, owner, owned string }{
		{"What percentage of ASEAN's total trade is with China?", "asean", "trad"},
		{"What share of China’s foreign assistance went to Africa?", "china", "assistance"},
		{"What share of total trade is with China?", "", ""},
		{"How many ports does the corridor reach?", "", ""},
	}
	for _, tt := range tests {
		if o, n := ownedOf(tt.q); o != tt.owner || n != stem(tt.owned) && n != tt.owned {
			t.Errorf("ownedOf(%q) = %q, %q; want %q, %q", tt.q, o, n, tt.owner, tt.owned)
		}
	}
}

func TestOtherOwner(t *testing.T) {
	q := analyse("What percentage of ASEAN's total trade is with China?", nil)
	tests := []struct {
		s    string
		want bool
	}{
		{"China's trade in goods with partner countries accounted for over 30% of total trade.", true},
		{"China accounts for 20% of ASEAN's total trade.", false},
		{"Trade with China grew by 30%.", false}, // no owner given: not contradicted
		{"China's exports grew, and 20% of ASEAN's trade is with China.", false},
	}
	for _, tt := range tests {
		if got := otherOwner(&q, tt.s); got != tt.want {
			t.Errorf("otherOwner(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
