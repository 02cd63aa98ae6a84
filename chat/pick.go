package chat

import (
	"regexp"
	"slices"
	"sort"
)

// Selection limits. An answer is one to maxSentences sentences: the best
// one (with the sentence after it when that one continues it: "To tackle
// this problem, …"), and then
//   - for a two-part question, the best sentence for each part;
//   - for a question asking for so many things ("what three insights"),
//     further sentences of the same article that read as items of a list
//     ("The second insight …") scoring at least listShare of the best;
//   - otherwise, a sentence scoring at least followShare of the best that
//     covers at least minGain of the question's weight the others missed,
//     and one from another article that scores nearly as well as the best.
const (
	maxSentences = 4
	followShare  = 0.75
	listShare    = 0.6
	minGain      = 0.2
	minNextGain  = 0.1 // what a continuing sentence must add to be kept
	// corroborateShare is how close to the best a sentence from another
	// article must score to be added to an open question's answer.
	corroborateShare = 0.8
	// rareDF is the most sentences a term may occur in to count as rare.
	rareDF = 3
)

// ordinalRe matches the words that mark an item of a list spread over
// sentences ("The second insight …", "Finally, …").
var ordinalRe = regexp.MustCompile(`(?i)\b(first|second|third|fourth|fifth|sixth|finally|lastly|another|furthermore|moreover)\b`)

// selection is the sentences chosen to answer, and how well the core of
// them (the sentence found for each question part) supports the answer.
type selection struct {
	chosen  []*candidate
	support float64
}

// choose picks the sentences that answer q; ev.score(q) must have run.
func (ev *evidence) choose(q *question) selection {
	if len(q.parts) > 1 {
		return ev.chooseParts(q)
	}
	order := ev.ranked(nil)
	if len(order) == 0 {
		return selection{}
	}
	best := order[0]
	core := ev.withNeighbours(q, best)
	sel := selection{chosen: core, support: ev.support(q, core)}
	if q.count >= 2 {
		sel.chosen = ev.more(order, sel.chosen, q.count, func(c *candidate) bool {
			return ev.passages[c.src].ArticleID == ev.passages[best.src].ArticleID && ordinalRe.MatchString(c.text)
		}, best.score*listShare)
	} else {
		pool := ev.named(q, order)
		if len(q.context) > 0 {
			// A follow-up's own words are few, and easily found anywhere:
			// more of the answer comes from the article it is about.
			pool = ev.sameArticle(pool, best)
		}
		sel.chosen = ev.cover(q, pool, sel.chosen, best.score*followShare)
		sel.chosen = ev.corroborate(q, order, sel.chosen, best)
	}
	sortByPlace(sel.chosen)
	if q.count >= 2 {
		sortItems(sel.chosen)
	}
	return sel
}

// chooseParts answers each part of a two-part question with its own best
// sentence; the support is the mean of the parts' support.
func (ev *evidence) chooseParts(q *question) selection {
	var sel selection
	for i := range q.parts {
		p := &q.parts[i]
		order := ev.ranked(ev.scores(p))
		if len(order) == 0 {
			return selection{}
		}
		core := ev.withNeighbours(p, order[0])
		sel.support += ev.support(p, core) / float64(len(q.parts))
		for _, c := range core {
			if !slices.Contains(sel.chosen, c) && !duplicate(sel.chosen, c) {
				sel.chosen = append(sel.chosen, c)
			}
		}
	}
	sortByPlace(sel.chosen)
	return sel
}

// ranked returns the prose candidates, best first, by the given scores (or
// the candidates' own scores when nil).
func (ev *evidence) ranked(scores []float64) []*candidate {
	score := func(c *candidate) float64 { return c.score }
	if scores != nil {
		score = func(c *candidate) float64 { return scores[c.idx] }
	}
	var order []*candidate
	for i := range ev.cands {
		if ev.cands[i].prose {
			order = append(order, &ev.cands[i])
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return score(order[i]) > score(order[j]) })
	return order
}

// duplicate reports whether c says what a chosen sentence already says
// (overlapping chunks repeat sentences).
func duplicate(chosen []*candidate, c *candidate) bool {
	for _, x := range chosen {
		if x.text == c.text {
			return true
		}
	}
	return false
}

// sortByPlace orders sentences for reading: by passage rank, then position.
func sortByPlace(cs []*candidate) {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].src != cs[j].src {
			return cs[i].src < cs[j].src
		}
		return cs[i].sp.start < cs[j].sp.start
	})
}
