package retrieval

import (
	"slices"
	"testing"
)

// Outputs of Porter's reference implementation for words that exercise
// every step.
func TestPorterStem(t *testing.T) {
	cases := map[string]string{
		"caresses": "caress", "ponies": "poni", "ties": "ti", "caress": "caress", "cats": "cat",
		"feed": "feed", "agreed": "agre", "plastered": "plaster", "bled": "bled",
		"motoring": "motor", "sing": "sing", "conflated": "conflat", "troubled": "troubl",
		"sized": "size", "hopping": "hop", "tanned": "tan", "falling": "fall",
		"hissing": "hiss", "fizzed": "fizz", "failing": "fail", "filing": "file",
		"happy": "happi", "sky": "sky", "relational": "relat", "conditional": "condit",
		"rational": "ration", "digitizer": "digit", "radically": "radic",
		"differently": "differ", "vietnamization": "vietnam", "predication": "predic",
		"operator": "oper", "feudalism": "feudal", "decisiveness": "decis",
		"hopefulness": "hope", "callousness": "callous", "formality": "formal",
		"sensitivity": "sensit", "sensibility": "sensibl", "triplicate": "triplic",
		"formative": "form", "formalize": "formal", "electricity": "electr",
		"electrical": "electr", "hopeful": "hope", "goodness": "good", "revival": "reviv",
		"allowance": "allow", "inference": "infer", "airliner": "airlin",
		"gyroscopic": "gyroscop", "adjustable": "adjust", "defensible": "defens",
		"irritant": "irrit", "replacement": "replac", "adjustment": "adjust",
		"dependent": "depend", "adoption": "adopt", "communism": "commun",
		"activate": "activ", "angularity": "angular", "homologous": "homolog",
		"effective": "effect", "bowdlerize": "bowdler", "probate": "probat", "rate": "rate",
		"cease": "ceas", "controlling": "control", "roll": "roll",
		"generalizations": "gener", "oscillators": "oscil", "analogy": "analog",
	}
	for in, want := range cases {
		if got := porterStem(in); got != want {
			t.Errorf("porterStem(%q) = %q, want %q", in, got, want)
		}
	}
}

// Word forms a reader and an author choose differently share a stem.
func TestStemsAgreeAcrossForms(t *testing.T) {
	groups := [][]string{
		{"cooperate", "cooperation", "cooperative", "cooperating", "cooperated"},
		{"establish", "established", "establishing", "establishes"},
		{"drought", "droughts"},
		{"flood", "floods", "flooded", "flooding"},
		{"vaccinate", "vaccinated", "vaccination"},
	}
	for _, g := range groups {
		want := porterStem(g[0])
		for _, w := range g[1:] {
			if got := porterStem(w); got != want {
				t.Errorf("porterStem(%q) = %q, porterStem(%q) = %q: want equal", w, got, g[0], want)
			}
		}
	}
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want []string // stems
	}{
		{"What is the Lancang-Mekong mechanism?", []string{"lancang", "mekong", "mechan"}},
		{"China's trade grew 5.2% to $1,200 billion in 2024.", []string{"china", "trade", "grew", "5.2", "1200", "billion", "2024"}},
		{"Version 3.0, signed.", []string{"version", "3.0", "sign"}},
		{"US and May", []string{"us", "mai"}},
		{"   ", nil},
		{"Ünïcode café naïve", []string{"ünïcode", "café", "naïve"}},
	}
	for _, c := range cases {
		var got []string
		for _, tok := range tokenize(c.in) {
			got = append(got, tok.stem)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("tokenize(%q) stems = %q, want %q", c.in, got, c.want)
		}
	}
}
