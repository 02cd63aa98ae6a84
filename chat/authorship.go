package chat

import (
	"regexp"
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// Two kinds of author question get two kinds of answer. "Who wrote the
// foreword?" or "Who wrote the article on …?" asks for a byline, and is
// answered with one: "“Foreword” is by Wang Fan (Director, …) [1]." — with,
// when the question describes what the article says, the sentence that
// says it. "Which authors argue that …?" asks who holds a view, and is
// answered with the authors, their article and the sentence, quoted.

// authorshipRe matches questions asking who wrote an article.
var authorshipRe = regexp.MustCompile(`(?i)\bwho (wrote|writes|authored|is the author|are the authors|contributed)\b|\b(which|what) (authors?|contributors?|writers?|scholars?|experts?|researchers?) (wrote|authored|contributed|penned)\b|\bwhose (article|chapter|essay|contribution|piece)\b|\bwritten by whom\b`)

// minTitleShare is how much of an authorship question's weight an
// article's title must hold for the question to name that article ("Who
// wrote the article about South-South cooperation?").
const minTitleShare = 0.6

// namedArticle returns the index of the first passage whose article the
// question names — by words of its title or authors that no passage's text
// holds ("the foreword"), or by a title holding most of the question — or
// -1.
func (ev *evidence) namedArticle(q *question) int {
	for k := range ev.passages {
		if len(q.meta) > 0 && ev.metaShare(q, k) == 1 {
			return k
		}
	}
	w, sum := ev.weights(q, q.terms)
	best, bestCov := -1, 0.0
	for k := range ev.passages {
		if cov := coverage(ev.meta[k], w, sum); cov > bestCov {
			best, bestCov = k, cov
		}
	}
	if bestCov < minTitleShare || held(ev.meta[best], q.terms) < min(2, len(q.terms)) {
		return -1
	}
	return best
}

// bylineAnswer answers who wrote the article of passage i: "“T” is by A
// (affiliation) [n]." — followed, when a sentence was what found the
// article, by that sentence quoted.
func (ev *evidence) bylineAnswer(q *question, srcs []Source, arts []retrieval.Article, i int, claim *candidate) ([]string, []Citation, bool) {
	s := srcs[i]
	if len(s.Authors) == 0 {
		return nil, nil, false
	}
	parts := []string{withMarker("“"+s.Title+"” is by "+bylineOf(s, arts)+".", s.Rank)}
	quote := ev.bestQuote(q, i)
	if claim != nil {
		quote = claim.text
		parts = append(parts, quoted(names(s.Authors)+" "+verb(names(s.Authors)), claim.text, s.Rank))
	}
	return joinParts(parts), []Citation{citation(s, quote)}, true
}

// claimAnswer answers "which authors argue …" with the sentence that says
// it: "Zhai Kun and Wang Lina, in “…”, write: “…” [3]."
func (ev *evidence) claimAnswer(q *question, srcs []Source) ([]string, []Citation, bool) {
	c := ev.bestClaim(q)
	if c == nil || len(srcs[c.src].Authors) == 0 {
		return nil, nil, false
	}
	s := srcs[c.src]
	who := names(s.Authors)
	return []string{quoted(who+", in “"+s.Title+"”, "+verb(who), c.text, s.Rank)}, []Citation{citation(s, c.text)}, true
}

// bestClaim returns the best-scoring chosen sentence for q, or nil when the
// passages do not support an answer.
func (ev *evidence) bestClaim(q *question) *candidate {
	sel := ev.choose(q)
	if sel.support < q.bar() || len(sel.chosen) == 0 {
		return nil
	}
	c := sel.chosen[0]
	for _, x := range sel.chosen {
		if x.score > c.score {
			c = x
		}
	}
	return c
}

// quoted writes "<lead>: “<sentence>” [n].", the sentence as the answer
// shows it (footnote markers and a linking opener dropped, its full stop
// moved after the marker).
func quoted(lead, sentence string, n int) string {
	text, _ := dropConnective(cleanDisplay(sentence))
	return withMarker(lead+": “"+strings.TrimSuffix(text, ".")+"”.", n)
}

// bylineOf names a source's authors with their affiliations, when the
// library knows them: "Zhu Feng (Dean of …) and Xu Qianang (Research
// Assistant at …)".
func bylineOf(s Source, arts []retrieval.Article) string {
	aff := map[string]string{}
	for _, a := range arts {
		if a.ID == s.ArticleID {
			for _, au := range a.Authors {
				aff[au.Name] = au.Affiliation
			}
		}
	}
	var out []string
	for _, name := range s.Authors {
		if aff[name] != "" {
			name += " (" + aff[name] + ")"
		}
		out = append(out, name)
	}
	if len(out) <= 2 {
		return strings.Join(out, " and ")
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}
