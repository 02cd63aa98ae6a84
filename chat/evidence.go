package chat

import (
	"math"
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// candidate is one sentence of one retrieved passage, the unit the
// extractive answerer scores, picks and quotes.
type candidate struct {
	*sentence
	idx   int // index in evidence.cands
	src   int // index of the passage in the retrieved list (rank-1)
	score float64
}

// evidence is the retrieved passages cut into sentences, with the rarity of
// each term across them: a term found in every sentence ("China" in a report
// on China) says little, one found in two says a lot.
type evidence struct {
	passages []retrieval.Passage
	cands    []candidate
	df       map[string]int
	meta     []map[string]bool // per passage: the terms of its title and authors
	lower    map[string]bool   // words the passages write in lower case (true), or only with a capital mid-sentence (false)
	pterms   []map[string]bool // per passage, see passageTerms
}

// gather cuts the passages into sentences and counts their terms.
func gather(passages []retrieval.Passage) *evidence { return gatherWith(passages, nil) }

// gatherWith is gather reading each passage's sentences from cache (which
// may be nil).
func gatherWith(passages []retrieval.Passage, cache *sentenceCache) *evidence {
	ev := &evidence{passages: passages, df: map[string]int{}, lower: map[string]bool{}}
	for i, p := range passages {
		ev.meta = append(ev.meta, termSet(p.Title+" "+strings.Join(p.Authors, " ")))
		for _, s := range cache.sentences(p.ID, p.Text) {
			for t := range s.terms {
				ev.df[t]++
			}
			for _, w := range s.lower {
				ev.lower[w] = true
			}
			for _, w := range s.upper {
				if _, seen := ev.lower[w]; !seen {
					ev.lower[w] = false
				}
			}
			ev.cands = append(ev.cands, candidate{sentence: s, idx: len(ev.cands), src: i})
		}
	}
	return ev
}

// idf weighs a term by how few sentences hold it. A term no passage holds
// gets the highest weight: a question about it is unlikely to be answered.
func (ev *evidence) idf(t string) float64 {
	n := float64(len(ev.cands))
	return math.Log(1 + (n+1)/float64(1+ev.df[t]))
}

// weights returns each question term's weight, and their sum. Terms written
// as names in the question count more: they are what it is about.
func (ev *evidence) weights(q *question, terms []string) (map[string]float64, float64) {
	w := make(map[string]float64, len(terms))
	var sum float64
	for _, t := range terms {
		x := ev.idf(t)
		if q.entity[t] {
			x *= entityBoost
		}
		w[t] = x
		sum += x
	}
	return w, sum
}

// startsUpper reports whether a sentence opens like a sentence (capital,
// digit or quote), not mid-way through one cut by a chunk boundary.
func startsUpper(s string) bool {
	for _, r := range s {
		return !('a' <= r && r <= 'z')
	}
	return false
}

// passageTerms returns the content terms of passage i (computed once).
func (ev *evidence) passageTerms(i int) map[string]bool {
	if ev.pterms == nil {
		ev.pterms = make([]map[string]bool, len(ev.passages))
	}
	if ev.pterms[i] == nil {
		ev.pterms[i] = map[string]bool{}
		for k := range ev.cands {
			if ev.cands[k].src == i {
				for t := range ev.cands[k].terms {
					ev.pterms[i][t] = true
				}
			}
		}
	}
	return ev.pterms[i]
}

// closest returns the sentence of passage i that holds most of terms
// (prose preferred), verbatim; the passage text if it has no sentence.
func (ev *evidence) closest(i int, terms []string) string {
	var best *candidate
	bestN := -1
	for k := range ev.cands {
		c := &ev.cands[k]
		if c.src != i {
			continue
		}
		n := 0
		for _, t := range terms {
			if c.terms[t] {
				n++
			}
		}
		if c.prose {
			n = 2*n + 1 // a full sentence beats a fragment with the same overlap
		} else {
			n = 2 * n
		}
		if n > bestN {
			best, bestN = c, n
		}
	}
	if best == nil {
		return ev.passages[i].Text
	}
	return best.text
}
