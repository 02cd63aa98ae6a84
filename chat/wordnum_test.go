package chat

import (
	"reflect"
	"testing"
)

func TestNumbersInWords(t *testing.T) {
	tests := []struct {
		s       string
		kind    numKind
		answers bool
	}{
		{"China has established five agricultural experiment stations in Vietnam.", numAmount, true},
		{"It incorporates nine new chapters.", numAmount, true},
		{"A market accounting for a quarter of the global market.", numAmount, true},
		{"Two-thirds of members agreed.", numAmount, true},
		{"They have trained tens of thousands of skilled workers.", numAmount, true},
		{"The third insight is pragmatism.", numAmount, false},
		{"Trade showed strong two-way growth.", numAmount, false},
		{"It supports the “Two Countries, Twin Parks” initiative.", numAmount, false},
		{"Vietnam’s “Four Nos” policy reflects neutrality.", numAmount, false},
		{"One cannot reach a thousand miles without small steps.", numAmount, true},
		{"It is one of the oldest forums.", numAmount, false},
		{"Five stations opened.", numTime, false}, // a count is not a date
		{"Its Plan of Action (2021–2025) was adopted.", numTime, false},
		{"Tariffs on goods from Laos exceeded 40%.", numAmount, true},
		{"The Vision 2045’s goals were set.", numTime, false},
		{"They signed the Joint Declaration on Non-Traditional Security Issues (2002).", numTime, true},
		{"They signed the Declaration on the Conduct of Parties (DOC, 2002).", numTime, true},
		{"Its Plan of Action (2021–2025) was adopted.", numYear, false},
		{"The Expo has been held for the 22nd time.", numAmount, true},
		{"The Expo has been held for the 22nd time.", numTime, false},
		{"The G20 met.", numAmount, false},
	}
	for _, tt := range tests {
		if got := numbersIn(tt.s).answers(tt.kind, nil); got != tt.answers {
			t.Errorf("numbersIn(%q).answers(%v) = %v, want %v", tt.s, tt.kind, got, tt.answers)
		}
	}
}

func TestCounts(t *testing.T) {
	tests := []struct {
		s      string
		counts []string
		want   bool
	}{
		{"China has established five agricultural experiment stations in Vietnam.", []string{"station"}, true},
		{"The trains now reach 577 ports in 127 countries.", []string{"port"}, true},
		{"The trains now reach 577 ports in 127 countries.", []string{"country"}, true},
		{"The “Luban Workshops” have trained tens of thousands of skilled workers.", []string{"luban", "workshop"}, false},
		{"The “Luban Workshops” have trained tens of thousands of skilled workers.", []string{"worker"}, true},
		{"Hundreds of cities formed sister-city relationships.", []string{"relationship"}, false},
		{"The Expo has been held for the 22nd time.", []string{"time"}, true},
	}
	for _, tt := range tests {
		if got := numbersIn(tt.s).counts(tt.counts); got != tt.want {
			t.Errorf("numbersIn(%q).counts(%v) = %v, want %v", tt.s, tt.counts, got, tt.want)
		}
	}
}

func TestCountedOf(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"How many agricultural experiment stations has China established?", []string{"agricultural", stem("experiment"), "station"}},
		{"How many ASEAN students are studying in China?", []string{"student"}},
		{"How many Luban Workshops has China set up?", []string{"luban", "workshop"}},
		{"How many people died in the earthquake?", []string{"peopl"}},
		{"How many trade arrangements and investment agreements were harmonized?", []string{"trad", "arrang"}},
		{"How much funding has China provided?", nil},
		{"What share of trade is with RCEP partners?", nil},
	}
	for _, tt := range tests {
		if got := countedOf(tt.q); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("countedOf(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}
