package chat

import (
	"slices"
	"sort"
	"strings"
)

// Beyond its core, an answer may take further sentences, each for a reason
// the question gives (see the limits in pick.go): the items of a list, what
// the core missed, or a second article's account of the same thing.

// more adds up to n further candidates that pass keep and score at least
// floor, in score order.
func (ev *evidence) more(order, chosen []*candidate, n int, keep func(*candidate) bool, floor float64) []*candidate {
	for _, c := range order {
		if len(chosen) >= min(n+1, maxSentences) || c.score < floor {
			break
		}
		if keep(c) && !slices.Contains(chosen, c) && !duplicate(chosen, c) {
			chosen = append(chosen, c)
		}
	}
	return chosen
}

// corroborate adds, to an open question's answer (not a number, not a
// named article, not the holder of a position), the best sentence of another article that says nearly as
// much about the same thing — it holds every rare question term the best
// sentence holds: "How did China support ASEAN during the pandemic?" is
// answered by two articles, each with its part of the story.
func (ev *evidence) corroborate(q *question, order, chosen []*candidate, best *candidate) []*candidate {
	if q.number != numNone || len(q.meta) > 0 || len(q.role) > 0 || len(chosen) >= maxSentences {
		return chosen
	}
	var key []string // the rare question terms the best sentence holds
	for _, t := range q.terms {
		if best.terms[t] && ev.df[t] <= rareDF {
			key = append(key, t)
		}
	}
	if len(key) == 0 {
		return chosen
	}
	article := func(c *candidate) string { return ev.passages[c.src].ArticleID }
	for _, c := range order {
		if c.score < best.score*corroborateShare {
			break
		}
		if article(c) != article(best) && holdsAll(c.terms, key) && !duplicate(chosen, c) && !slices.Contains(chosen, c) {
			return append(chosen, c)
		}
	}
	return chosen
}

func holdsAll(set map[string]bool, terms []string) bool {
	for _, t := range terms {
		if !set[t] {
			return false
		}
	}
	return true
}

// named keeps, of the candidates, those from the articles the question
// names by author or title ("according to the foreword"), if it names any.
func (ev *evidence) named(q *question, order []*candidate) []*candidate {
	if len(q.meta) == 0 {
		return order
	}
	var out []*candidate
	for _, c := range order {
		if ev.metaShare(q, c.src) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// cover adds sentences scoring at least floor that each cover at least
// minGain of the question's weight not yet covered.
func (ev *evidence) cover(q *question, order, chosen []*candidate, floor float64) []*candidate {
	w, sum := ev.weights(q, q.terms)
	covered := map[string]bool{}
	for _, c := range chosen {
		for t := range c.terms {
			covered[t] = true
		}
	}
	for len(chosen) < maxSentences {
		var next *candidate
		var gain float64
		for _, c := range order {
			if c.score < floor {
				break
			}
			if slices.Contains(chosen, c) || duplicate(chosen, c) {
				continue
			}
			if g := uncovered(c.terms, covered, w, sum); g > gain {
				next, gain = c, g
			}
		}
		if next == nil || gain < minGain {
			break
		}
		chosen = append(chosen, next)
		for t := range next.terms {
			covered[t] = true
		}
	}
	return chosen
}

// uncovered is the share of the question's weight that set adds to covered.
func uncovered(set, covered map[string]bool, w map[string]float64, sum float64) float64 {
	if sum == 0 {
		return 0
	}
	var g float64
	for t, x := range w {
		if set[t] && !covered[t] {
			g += x
		}
	}
	return g / sum
}

// sameArticle keeps the candidates from c's article.
func (ev *evidence) sameArticle(order []*candidate, c *candidate) []*candidate {
	var out []*candidate
	for _, x := range order {
		if ev.passages[x.src].ArticleID == ev.passages[c.src].ArticleID {
			out = append(out, x)
		}
	}
	return out
}

// itemRank is the place an ordinal word gives a list item ("The second
// insight …" is 2); sentences without one come first (0).
var itemRank = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "finally": 9, "lastly": 9}

// sortItems orders the items of a list answer by their ordinal words, so
// "first … second … third" read in order whichever passages they came from.
func sortItems(cs []*candidate) {
	rank := func(c *candidate) int {
		if m := ordinalRe.FindString(c.text); m != "" {
			return itemRank[strings.ToLower(m)]
		}
		return 0
	}
	sort.SliceStable(cs, func(i, j int) bool { return rank(cs[i]) < rank(cs[j]) })
}
