package chat

import (
	"slices"
	"strings"
)

// Scoring weights, tuned together on the dev set (see docs in extractive.go).
// Coverage of the question's rare terms dominates; the rest break ties
// toward sentences that match its phrasing, bring the kind of fact asked
// for, and come from better-ranked passages.
const (
	entityBoost    = 1.5  // a named term of the question weighs this much more
	contextWeight  = 0.35 // terms carried from earlier turns, relative to the question's own
	bigramBonus    = 0.08 // per adjacent word pair shared with the question (up to 3)
	phraseBonus    = 0.5  // the sentence holds a phrase the question quotes
	numberBonus    = 0.15 // the question asks for a number and the sentence gives one
	numberPenalty  = 0.25 // … and the sentence gives none
	nearBonus      = 0.2  // … times the share of the question's weight close to that number (near.go)
	metaBonus      = 0.25 // the sentence's article is by the authors (or has the title) the question names
	rankBonus      = 0.12 // for the top-ranked passage, falling linearly with rank
	restatePenalty = 0.3  // the sentence says little beyond the question's own words
	longPenalty    = 0.1  // sentences over longWords words read poorly as answers
	longWords      = 70
)

// score sets every candidate's score for the question.
func (ev *evidence) score(q *question) {
	for i, s := range ev.scores(q) {
		ev.cands[i].score = s
	}
}

// scores returns each candidate's score for q (a question or one part).
func (ev *evidence) scores(q *question) []float64 {
	w, sum := ev.weights(q, q.terms)
	cw, csum := ev.weights(q, q.context)
	out := make([]float64, len(ev.cands))
	for i := range ev.cands {
		c := &ev.cands[i]
		own := ev.held(q, c.terms, w, sum)
		s := own + leanCredit*ev.leaning(q, i, w, sum, own) + contextWeight*coverage(c.terms, cw, csum)
		s += bigramBonus * float64(min(3, shared(c.bigrams, q.bigrams)))
		s += phraseBonus * phraseHit(c.text, q.phrases)
		s += metaBonus * ev.metaShare(q, c.src)
		if q.number != numNone {
			if q.answeredBy(c.sentence) {
				s += numberBonus + nearBonus*nearness(q, c.sentence, w, sum)
			} else {
				s -= numberPenalty
			}
		}
		s += rankBonus * (1 - float64(c.src)/float64(len(ev.passages)))
		if novelty(c.terms, q) < 0.3 {
			s -= restatePenalty
		}
		if len(strings.Fields(c.text)) > longWords {
			s -= longPenalty
		}
		out[i] = s
	}
	return out
}

// coverage is the weighted share of terms (weights w, summing to sum) that
// the set holds.
func coverage(set map[string]bool, w map[string]float64, sum float64) float64 {
	if sum == 0 {
		return 0
	}
	var got float64
	for t, x := range w {
		if set[t] {
			got += x
		}
	}
	return got / sum
}

func shared(a, b map[string]bool) int {
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}

// phraseHit is the share of the quoted phrases found in the sentence.
func phraseHit(text string, phrases []string) float64 {
	if len(phrases) == 0 {
		return 0
	}
	low := strings.ToLower(text)
	n := 0
	for _, p := range phrases {
		if strings.Contains(low, p) {
			n++
		}
	}
	return float64(n) / float64(len(phrases))
}

// novelty is the share of the sentence's terms that the question (and its
// carried context) does not already hold: a sentence that only restates the
// question answers nothing.
func novelty(set map[string]bool, q *question) float64 {
	if len(set) == 0 {
		return 0
	}
	n := 0
	for t := range set {
		if !slices.Contains(q.terms, t) && !slices.Contains(q.context, t) {
			n++
		}
	}
	return float64(n) / float64(len(set))
}
