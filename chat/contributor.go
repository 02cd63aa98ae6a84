package chat

import (
	"regexp"

	"github.com/citechat/citechat/retrieval"
)

// Contributors are known to the library with their affiliations, so a
// question may describe one ("Which contributor is Deputy Dean of …?",
// "Who is the director of …?") or name one and ask about them ("What is
// Song Qingrun's position?"). Either is answered with the contributor, the
// affiliation and the article.

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
