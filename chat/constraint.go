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
// The sentences just before the answer count too, since they often set
// its scene (see withScene). Words the passages hold everywhere (the
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

// sceneSentences is how many sentences before an answer set its scene
// ("Between 2019 and 2024, trade … grew. ASEAN's exports … increased by
// more than 50%. During the same period, China's exports … grew by more
// than 70%").
const sceneSentences = 2

// withScene returns the core sentences and the sentences before each that
// set its scene. Overlapping chunks cut a text in different places, so the
// sentences before are looked for at every copy of a sentence, a copy cut
// short at a chunk's edge included.
func (ev *evidence) withScene(core []*candidate) []*candidate {
	out := slices.Clone(core)
	for _, c := range core {
		texts := []string{c.text}
		for range sceneSentences {
			var before []string
			for _, t := range texts {
				for _, k := range ev.copiesOf(t) {
					if k > 0 && ev.cands[k-1].src == ev.cands[k].src {
						out = append(out, &ev.cands[k-1])
						before = append(before, ev.cands[k-1].text)
					}
				}
			}
			texts = before
		}
	}
	return out
}

// minFragment is the shortest piece of a sentence cut by a chunk's edge
// that is taken for a copy of it.
const minFragment = 30

// copiesOf returns the candidates holding text, whole or cut at a chunk's
// edge (a beginning or an end of it).
func (ev *evidence) copiesOf(text string) []int {
	var out []int
	for k := range ev.cands {
		t := ev.cands[k].text
		if t == text || len(t) >= minFragment && len(t) < len(text) && (strings.HasPrefix(text, t) || strings.HasSuffix(text, t)) {
			out = append(out, k)
		}
	}
	return out
}

// nameJoiners may sit inside a name: "Code of Conduct in the South China
// Sea". ("and" joins two names more often than it sits in one: "the
// Central Asian and Chinese leaders".)
var nameJoiners = map[string]bool{"of": true, "in": true, "the": true, "for": true, "on": true}

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
