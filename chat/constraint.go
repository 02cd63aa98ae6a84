package chat

import (
	"slices"
	"strings"
	"unicode"
)

// A question asking for a number or a date often says which one: "What was
// the value of China-ASEAN trade in 2023?", "When will the Code of Conduct
// in the South China Sea be signed?". A sentence that gives a number or a
// date and most of the question's words may still answer another question:
// the 2024 figure, or the Declaration on the Conduct of Parties in the
// South China Sea, signed in 2002. So
//   - a year the question gives as a date must be a date of the answer;
//   - a name the question gives must not be there only in part: a sentence
//     holding "Conduct … South China Sea" but not "Code" names something
//     else. (A name not there at all is left to the support measure: a
//     question naming two things is often answered one thing at a time.)
// The sentence just before the answer counts too, since it often sets its
// scene ("Between 2019 and 2024, trade … grew. ASEAN's exports …
// increased by more than 50%"). Words the passages hold everywhere (the
// collection's subject) are left out of names.

// commonName: a word held by more than one in commonName of the passages'
// sentences is the collection's subject, not part of what a name picks out.
const commonName = 4

// constrained reports whether the core sentences (with the sentence before
// each) give every date the question q fixes and no name of it in part.
func (ev *evidence) constrained(q *question, core []*candidate) bool {
	scene := ev.withScene(core)
	for _, t := range numbersIn(q.text).amounts {
		if isYear(t) && !slices.ContainsFunc(scene, func(c *candidate) bool { return slices.Contains(c.nums.amounts, t) }) {
			return false
		}
	}
	have := map[string]bool{}
	for _, c := range scene {
		for t := range c.terms {
			have[t] = true
		}
	}
	for _, name := range namesIn(q.text) {
		n, in := 0, 0
		for _, t := range name {
			if ev.df[t]*commonName > len(ev.cands) {
				continue
			}
			n++
			if have[t] {
				in++
			}
		}
		if in > 0 && in < n {
			return false
		}
	}
	return true
}

// withScene returns the core sentences and the sentence before each.
func (ev *evidence) withScene(core []*candidate) []*candidate {
	out := slices.Clone(core)
	for _, c := range core {
		if prev := ev.neighbour(c.idx, -1); prev != nil {
			out = append(out, prev)
		}
	}
	return out
}

// nameJoiners may sit inside a name: "Code of Conduct in the South China Sea".
var nameJoiners = map[string]bool{"of": true, "in": true, "the": true, "and": true, "for": true, "on": true}

// namesIn returns the names a text gives after its first word — runs of
// capitalised words and the numbers and joining words inside them — each
// as its stemmed content terms.
func namesIn(text string) [][]string {
	var out [][]string
	var run []string
	pending := 0 // joining words since the last capitalised word
	flush := func() {
		if len(run) > 0 {
			out = append(out, run)
		}
		run, pending = nil, 0
	}
	for i, f := range strings.Fields(text) {
		w := strings.Trim(f, `"'“”‘’(),.?!:;`)
		r := []rune(w)
		switch {
		case i == 0 || len(r) == 0:
			flush()
			continue
		case unicode.IsUpper(r[0]) || unicode.IsDigit(r[0]) && len(run) > 0:
			run = append(run, contentTerms(w)...)
			pending = 0
		case nameJoiners[strings.ToLower(w)] && len(run) > 0 && pending < 2:
			pending++
		default:
			flush()
		}
		if w != strings.TrimRight(f, `,.?!:;)”’"'`) || strings.ContainsAny(f, ",.?!:;") {
			flush() // punctuation ends a name
		}
	}
	flush()
	return out
}
