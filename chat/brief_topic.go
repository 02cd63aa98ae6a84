package chat

import (
	"regexp"
	"slices"
	"strings"
)

// How a brief reads its topic and judges a sentence out of its context.
//
// A short topic ("the digital economy") is a phrase: sentences holding it
// whole score higher than those holding its words apart (phraseBonus, as
// for a quoted phrase in a question). A sentence is on the topic when
//   - it holds at least briefMinSupport of the topic's term weight, and one
//     of its key terms: the rarest across the passages, or nearly so (in a
//     report on China and ASEAN, "the China-ASEAN+ model" is about "model");
//   - and every hyphenated compound of the topic ("South-South",
//     "non-traditional") whole, not just its parts: "South China Sea" says
//     nothing about South-South cooperation.
// Around such a sentence, the passage stays on the topic: its other
// sentences holding a key term are on the topic too ("The forecasting
// network cost USD 40 million" next to a sentence on flood forecasting).
// And an article whose title is on the topic speaks to it throughout: any
// of its sentences holding a topic term is on the topic. Neither takes a
// sentence holding a part of a compound without the whole.
//
// A brief lifts sentences out of their paragraphs, so a sentence that leans
// on the one before it ("Second, …", "This shows …") or announces what
// follows ("… in the following aspects.") reads poorly alone. The first
// kind is marked down (leanPenalty) and kept out of the overview; the
// second says nothing by itself and is left out.

const (
	maxPhraseWords = 5   // a longer topic is read as a question, not a phrase
	leanPenalty    = 0.3 // for a sentence that does not stand alone
	keyShare       = 0.8 // a key term weighs at least this share of the heaviest
)

// relevance judges which sentences of the passages are on the topic.
type relevance struct {
	ev      *evidence
	q       *question
	units   []string        // the topic's compounds
	key     map[string]bool // its key terms
	titled  []bool          // per passage: its article's title is on the topic
	topical map[int]bool    // passages holding a sentence on the topic by itself
}

func newRelevance(ev *evidence, q *question, topic string) *relevance {
	r := &relevance{ev: ev, q: q, units: compounds(topic), key: map[string]bool{}}
	w, sum := ev.weights(q, q.terms)
	var heaviest float64
	for t, x := range w {
		if ev.df[t] > 0 {
			heaviest = max(heaviest, x)
		}
	}
	for t, x := range w {
		if ev.df[t] > 0 && x >= keyShare*heaviest {
			r.key[t] = true
		}
	}
	for _, p := range ev.passages {
		r.titled = append(r.titled, holdsCompounds(p.Title, r.units) &&
			coverage(termSet(p.Title), w, sum) >= briefMinSupport)
	}
	r.topical = map[int]bool{}
	for i := range ev.cands {
		if r.alone(&ev.cands[i]) {
			r.topical[ev.cands[i].src] = true
		}
	}
	return r
}

// onTopic reports whether a sentence speaks to the topic (see above).
func (r *relevance) onTopic(c *candidate) bool {
	switch {
	case r.alone(c):
		return true
	case r.breaksCompound(c):
		return false
	case r.topical[c.src]:
		return shared(c.terms, r.key) > 0
	case r.titled[c.src]:
		return slices.ContainsFunc(r.q.terms, func(t string) bool { return c.terms[t] })
	}
	return false
}

// alone reports whether a sentence is on the topic by itself.
func (r *relevance) alone(c *candidate) bool {
	return shared(c.terms, r.key) > 0 && holdsCompounds(c.text, r.units) &&
		r.ev.support(r.q, []*candidate{c}) >= briefMinSupport
}

var (
	compoundRe = regexp.MustCompile(`\p{L}+(?:[-‐–]\p{L}+)+`)
	// leansRe matches openings that refer back or count along a list.
	leansRe = regexp.MustCompile(`^(Its|Their|His|Her|Since then|Examples? include|For (example|instance)|First|Second|Third|Fourth|Fifth|Sixth|Finally|Lastly|Additionally|Moreover|Furthermore|Also|In addition|Meanwhile|Besides|Similarly|Likewise|In summary|Then)\b`)
	// pointsBackRe matches a sentence that points back early on: "For over
	// a decade, this initiative has …", "China-ASEAN cooperation, however, …".
	pointsBackRe = regexp.MustCompile(`^[^,]{0,40},\s+(this|these|that|those|such|it|they|however|therefore|thus)\b`)
	// figureRe matches what makes a sentence a figure: a share, an amount
	// with its unit or currency, a multiple.
	figureRe = regexp.MustCompile(`(?i)\d\s*(%|percent|per cent)|\d\s*(thousand|million|billion|trillion)\b|\b(USD|US\$|RMB|yuan|dollars?)\s*\d|[$€£¥]\s*\d|\d\s*times\b`)
)

// topicPhrase returns the topic as a phrase to look for — lower case,
// without leading articles or closing punctuation — or "" for a long topic.
func topicPhrase(topic string) string {
	ws := strings.Fields(strings.ToLower(strings.TrimRight(topic, "?.!")))
	for len(ws) > 0 && stopword[ws[0]] {
		ws = ws[1:]
	}
	if len(ws) < 2 || len(ws) > maxPhraseWords {
		return ""
	}
	return strings.Join(ws, " ")
}

// compounds returns the topic's hyphenated compounds, as sequences of
// lower-case words.
func compounds(topic string) []string {
	var out []string
	for _, c := range compoundRe.FindAllString(topic, -1) {
		out = append(out, strings.Join(words(c), " "))
	}
	return out
}

// holdsCompounds reports whether a sentence holds each compound, written
// with hyphens or spaces.
func holdsCompounds(text string, cs []string) bool {
	if len(cs) == 0 {
		return true
	}
	seq := " " + strings.Join(words(text), " ") + " "
	for _, c := range cs {
		if !strings.Contains(seq, " "+c+" ") {
			return false
		}
	}
	return true
}

// breaksCompound reports whether a sentence holds a word of a compound of
// the topic but not the compound itself.
func (r *relevance) breaksCompound(c *candidate) bool {
	for _, u := range r.units {
		part := slices.ContainsFunc(strings.Fields(u), func(w string) bool { return c.terms[stem(w)] })
		if part && !holdsCompounds(c.text, []string{u}) {
			return true
		}
	}
	return false
}

// standsAlone reports whether a sentence reads well out of its paragraph.
func standsAlone(text string) bool {
	return !leansRe.MatchString(text) && !continuesRe.MatchString(text) && !pointsBackRe.MatchString(text) &&
		!announces(text)
}

// announces reports whether a sentence introduces a list: it ends in a
// colon, or says "the following" or "as follows" in its last clause.
func announces(text string) bool {
	low := strings.ToLower(strings.TrimRight(text, " .\n"))
	if strings.HasSuffix(low, ":") {
		return true
	}
	i := max(strings.LastIndex(low, "the following"), strings.LastIndex(low, "as follows"))
	return i >= 0 && !strings.ContainsAny(low[i:], ".;")
}

// isFigure reports whether a sentence gives a figure or a date: a year, a
// month, or an amount with its unit.
func isFigure(c *candidate) bool {
	if c.nums.month {
		return true
	}
	for _, n := range c.nums.amounts {
		if isYear(n) {
			return true
		}
	}
	return len(c.nums.amounts) > 0 && figureRe.MatchString(c.text)
}
