package chat

import (
	"regexp"
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// Questions about who wrote or argues something are answered with the
// authors and the article title, cited to the passage that shows it. Two
// kinds of evidence name an author: a sentence of their article that says
// what the question describes, or an author's own affiliation ("Deputy
// Dean of …") when the question describes the person rather than a claim.

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

// contributorAnswer answers with the contributor whose name and
// affiliation the question describes, if any.
func (ev *evidence) contributorAnswer(q *question, srcs []Source, arts []retrieval.Article) ([]string, []Citation, bool) {
	i, au, ok := ev.byAffiliation(q, srcs, arts)
	if !ok {
		return nil, nil, false
	}
	s := srcs[i]
	line := au.Name + " (" + au.Affiliation + ") is an author of “" + s.Title + "”"
	return []string{withMarker(line+".", s.Rank)}, []Citation{citation(s, ev.bestQuote(q, i))}, true
}

// byAffiliation finds the author whose name and affiliation the question
// describes, among the given articles, and returns the index of that
// article's best-ranked passage.
func (ev *evidence) byAffiliation(q *question, srcs []Source, arts []retrieval.Article) (int, retrieval.Author, bool) {
	au, id, ok := ev.matchAffiliation(q, arts)
	if !ok {
		return -1, au, false
	}
	i := firstOf(srcs, id)
	return i, au, i >= 0
}

// matchAffiliation returns the author of arts whose name and affiliation
// hold the largest share of the question's term weight, with their
// article's id, if that share reaches minAffiliation. One rare word in
// common is not enough ("South-South cooperation" is not described by
// "… Studies of the South China Sea"): two of the question's words must be
// there, or its only one.
func (ev *evidence) matchAffiliation(q *question, arts []retrieval.Article) (retrieval.Author, string, bool) {
	w, sum := ev.weights(q, q.terms)
	var best retrieval.Author
	var bestID string
	var bestCov float64
	for _, a := range arts {
		for _, au := range a.Authors {
			if au.Affiliation == "" {
				continue
			}
			set := termSet(au.Name + " " + au.Affiliation)
			if cov := coverage(set, w, sum); cov > bestCov && held(set, q.terms) >= min(2, len(q.terms)) {
				best, bestID, bestCov = au, a.ID, cov
			}
		}
	}
	return best, bestID, bestCov >= minAffiliation
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

// personRe matches questions about a person's position rather than a claim.
var personRe = regexp.MustCompile(`(?i)\b(position|affiliation|role|title|job|post|institution|university|works? (at|for)|who is|who are)\b`)

// aboutAuthor answers a question about a contributor it names ("What is
// Song Qingrun's position?") with their affiliation and article, when the
// library knows it and a passage of that article was retrieved.
func (ev *evidence) aboutAuthor(q *question, srcs []Source, arts []retrieval.Article) ([]string, []Citation, bool) {
	if len(q.meta) == 0 || !personRe.MatchString(q.text) {
		return nil, nil, false
	}
	meta := setOf(q.meta)
	for _, a := range arts {
		i := firstOf(srcs, a.ID)
		for _, au := range a.Authors {
			if i < 0 || au.Affiliation == "" || !holdsAll(meta, contentTerms(au.Name)) {
				continue
			}
			s := srcs[i]
			line := au.Name + " (" + au.Affiliation + ") is an author of “" + s.Title + "”."
			return []string{withMarker(line, s.Rank)}, []Citation{citation(s, ev.bestQuote(q, i))}, true
		}
	}
	return nil, nil, false
}

// held counts the terms the set holds.
func held(set map[string]bool, terms []string) int {
	n := 0
	for _, t := range terms {
		if set[t] {
			n++
		}
	}
	return n
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
