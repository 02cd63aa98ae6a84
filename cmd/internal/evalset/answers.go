package evalset

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/citechat/citechat/chat"
)

// AnswerMetrics are the answer metrics of testdata/eval/README.md, computed
// as shared/eval/score.py computes them.
type AnswerMetrics struct {
	KeywordCoverage        float64 `json:"keyword_coverage"`
	KeywordFull            float64 `json:"keyword_full"`
	AnswersWithCitation    float64 `json:"answers_with_citation"`
	CitationPrecision      float64 `json:"citation_precision"`
	AuthorExact            float64 `json:"author_exact"`
	MarkersWithoutCitation int     `json:"markers_without_citation"`
	QuotesVerbatim         float64 `json:"quotes_verbatim"`
	AbstainOnUnanswerable  float64 `json:"abstain_on_unanswerable"`
	FalseAbstain           float64 `json:"false_abstain"`
	// Failures names the questions not fully right, with why.
	Failures []string `json:"failures,omitempty"`
}

var markerRE = regexp.MustCompile(`\[(\d+)\]`)

// ScoreAnswers scores answers (keyed by question id). articleText returns
// the clean text of an article by id, for the verbatim-quote check.
func ScoreAnswers(qs []Question, answers map[string]*chat.Answer, articleText func(id string) string) AnswerMetrics {
	cat := CatalogueOf(qs)
	authors := goldAuthors(qs)
	var m AnswerMetrics
	var t tally
	for _, q := range qs {
		a := answers[q.ID]
		if a == nil {
			m.Failures = append(m.Failures, q.ID+": missing")
			continue
		}
		if !q.Answerable {
			t.unans++
			if a.Abstained {
				t.abstained++
			} else {
				m.Failures = append(m.Failures, q.ID+": answered an unanswerable question")
			}
			continue
		}
		t.ans++
		if a.Abstained {
			t.falseAbst++
			m.Failures = append(m.Failures, q.ID+": abstained on an answerable question")
			continue
		}
		if why := t.add(cat, authors, q, a, articleText); why != "" {
			m.Failures = append(m.Failures, q.ID+": "+why)
		}
		m.MarkersWithoutCitation += markersWithout(a)
	}
	m.KeywordCoverage = ratio(t.kwCov, float64(t.ans))
	m.KeywordFull = ratio(float64(t.kwFull), float64(t.ans))
	m.AnswersWithCitation = ratio(float64(t.cited), float64(t.ans-t.falseAbst))
	m.CitationPrecision = ratio(float64(t.citGood), float64(t.citTotal))
	m.AuthorExact = ratio(float64(t.authGood), float64(t.authTotal))
	m.QuotesVerbatim = ratio(float64(t.quoteGood), float64(t.quoteTotal))
	m.AbstainOnUnanswerable = ratio(float64(t.abstained), float64(t.unans))
	m.FalseAbstain = ratio(float64(t.falseAbst), float64(t.ans))
	return m
}

// tally accumulates the counts behind AnswerMetrics.
type tally struct {
	ans, unans, abstained, falseAbst, kwFull, cited int
	kwCov                                           float64
	citTotal, citGood, authTotal, authGood          int
	quoteTotal, quoteGood                           int
}

// add scores one non-abstained answer to an answerable question and says
// why it is not fully right ("" when it is).
func (t *tally) add(cat *Catalogue, authors map[string]string, q Question, a *chat.Answer, articleText func(string) string) string {
	low := normText(a.Answer)
	hit := 0
	for _, k := range q.Keywords {
		if strings.Contains(low, normText(k)) {
			hit++
		}
	}
	cov := 1.0
	if len(q.Keywords) > 0 {
		cov = float64(hit) / float64(len(q.Keywords))
	}
	t.kwCov += cov
	if hit == len(q.Keywords) {
		t.kwFull++
	}
	if len(a.Citations) > 0 {
		t.cited++
	}
	goodArt := false
	for _, c := range a.Citations {
		id := cat.Match(c.Title)
		t.citTotal++
		if contains(q.Articles, id) {
			t.citGood++
			goodArt = true
		}
		if want, ok := authors[id]; ok {
			t.authTotal++
			if want == nameKeys(c.Authors) {
				t.authGood++
			}
		}
		if c.Quote != "" {
			t.quoteTotal++
			if strings.Contains(normText(articleText(c.ArticleID)), normText(c.Quote)) {
				t.quoteGood++
			}
		}
	}
	if cov < 0.999 || !goodArt {
		return fmt.Sprintf("keywords %d/%d, right article cited: %t", hit, len(q.Keywords), goodArt)
	}
	return ""
}
