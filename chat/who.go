package chat

import (
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// Questions about who wrote or argues something are answered with the
// authors and the article title, cited to the passage that shows it. The
// evidence that names an author is, in order: the article the question
// names ("Who wrote the foreword?", authorship.go), an author's own
// affiliation when the question describes the person (contributor.go), a
// sentence of their article that says what the question describes, or a
// line of a passage naming them.

// minAffiliation is the share of the question's term weight an author's
// name and affiliation must hold for the question to be about that person.
const minAffiliation = 0.6

// whoAnswer answers an author question, or reports false when the evidence
// does not name anyone.
func (ev *evidence) whoAnswer(q *question, srcs []Source, arts []retrieval.Article) (parts []string, cites []Citation, ok bool) {
	if i := ev.namedArticle(q); q.authorship && i >= 0 {
		return ev.bylineAnswer(q, srcs, arts, i, nil)
	}
	if parts, cites, ok := ev.contributorAnswer(q, srcs, arts); ok {
		return parts, cites, true
	}
	if q.authorship {
		if c := ev.bestClaim(q); c != nil {
			return ev.bylineAnswer(q, srcs, arts, c.src, c)
		}
	}
	if i, c, name, ok := ev.byline(q, srcs); ok {
		s := srcs[i]
		line := name + " is an author of “" + s.Title + "”, which gives: " + c.text
		return []string{withMarker(line, s.Rank)}, []Citation{citation(s, c.text)}, true
	}
	return ev.claimAnswer(q, srcs)
}

// byline finds a line of a passage that names one of its article's authors
// and holds most of the question (a byline with a position, a note on the
// authors), for questions that describe a person rather than a claim.
func (ev *evidence) byline(q *question, srcs []Source) (int, *candidate, string, bool) {
	w, sum := ev.weights(q, q.terms)
	var best *candidate
	var name string
	var bestCov float64
	for k := range ev.cands {
		c := &ev.cands[k]
		for _, au := range srcs[c.src].Authors {
			if !strings.Contains(c.text, au) {
				continue
			}
			if cov := coverage(c.terms, w, sum); cov > bestCov {
				best, name, bestCov = c, au, cov
			}
		}
	}
	if best == nil || bestCov < minAffiliation {
		return -1, nil, "", false
	}
	return best.src, best, name, true
}

func setOf(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// firstOf returns the index of the first source from the article, or -1.
func firstOf(srcs []Source, articleID string) int {
	for i, s := range srcs {
		if s.ArticleID == articleID {
			return i
		}
	}
	return -1
}

// bestQuote returns the best-scoring prose sentence of passage i (or its
// first sentence), to quote when the claim is about the article itself.
func (ev *evidence) bestQuote(q *question, i int) string {
	var best *candidate
	for k := range ev.cands {
		c := &ev.cands[k]
		if c.src == i && (best == nil || (c.prose && (!best.prose || c.score > best.score))) {
			best = c
		}
	}
	if best == nil {
		return ev.passages[i].Text
	}
	return best.text
}
