package chat

import (
	"sort"
	"strconv"
	"strings"
)

// The extractive brief is made of the passages' own sentences, scored for
// the topic the way an answer's are (score.go). A sentence is on the topic
// as brief_topic.go decides. Fewer than minBriefSentences such sentences,
// or a topic naming something no passage mentions, and the brief says the
// collection does not cover it rather than pad. Otherwise each on-topic sentence is
// placed at most once, in this order of claim:
//
//  1. who argues what: each article's best sentence is its main claim, so
//     every article that speaks to the topic is heard;
//  2. the overview: the best remaining sentences, one per article, that
//     stand alone and argue rather than give figures;
//  3. figures and dates: remaining sentences giving numbers, years or
//     months, in time order;
//  4. key points: the rest that stand alone, best first, grouped by the
//     section heading they stand under (headings are the authors' own
//     names for their themes).
const (
	briefMinSupport   = 0.6
	minBriefSentences = 3
	maxOverview       = 3
	maxFigures        = 6
	maxThemes         = 4
	maxThemePoints    = 3
)

// briefPicker places the on-topic sentences into the brief's sections.
type briefPicker struct {
	ev      *evidence
	q       *question
	pool    []*candidate    // on-topic prose sentences, best first, no two alike
	used    map[string]bool // texts of the sentences placed so far
	alone   map[string]bool // per sentence text: it stands alone (brief_topic.go)
	unknown bool            // the topic names something no passage mentions
}

// newBriefPicker scores the passages' sentences for the topic and keeps
// those on it (brief_topic.go says how a topic is read).
func newBriefPicker(ev *evidence, topic string) *briefPicker {
	q := briefQuestion(topic)
	ev.setMeta(&q)
	unknown := ev.unknownName(&q)
	// Names in a topic are mostly its setting ("the China-ASEAN+ model" in
	// a report on China and ASEAN): they weigh as their rarity says, no more.
	q.entity = map[string]bool{}
	ev.score(&q)
	p := &briefPicker{ev: ev, q: &q, used: map[string]bool{}, alone: map[string]bool{}, unknown: unknown}
	for i := range ev.cands {
		c := &ev.cands[i]
		if _, done := p.alone[c.text]; !done {
			p.alone[c.text] = standsAlone(c.text)
		}
		if !p.alone[c.text] {
			c.score -= leanPenalty
		}
	}
	rel := newRelevance(ev, &q, topic)
	for _, c := range ev.ranked(nil) {
		if !duplicate(p.pool, c) && !announces(c.text) && rel.onTopic(c) {
			p.pool = append(p.pool, c)
		}
	}
	return p
}

// covered reports whether the passages say enough on the topic for a brief.
func (p *briefPicker) covered() bool {
	return !p.unknown && len(p.pool) >= minBriefSentences
}

// article is the id of the article a candidate sentence comes from.
func (p *briefPicker) article(c *candidate) string { return p.ev.passages[c.src].ArticleID }

// take returns the point showing c (and the sentence after it when that one
// continues it), marking them used. Each sentence carries its marker: the
// passage's position among the gathered passages, which brief_number.go
// renumbers.
func (p *briefPicker) take(c *candidate) BriefPoint {
	var pt BriefPoint
	var texts []string
	for _, x := range p.ev.withNext(p.q, c) {
		if p.used[x.text] {
			continue
		}
		p.used[x.text] = true
		pt.Quotes = append(pt.Quotes, x.text)
		texts = append(texts, withMarker(cleanDisplay(x.text), x.src+1))
		c = x
	}
	pt.Text, pt.Cites = strings.Join(texts, " "), []int{c.src + 1}
	return pt
}

// free returns the pool's sentences not yet used that pass keep, best first.
func (p *briefPicker) free(keep func(*candidate) bool) []*candidate {
	var out []*candidate
	for _, c := range p.pool {
		if !p.used[c.text] && keep(c) {
			out = append(out, c)
		}
	}
	return out
}

// firstYear returns the first year a sentence gives, or a large number when
// it gives none, for ordering figures and dates in time.
func firstYear(c *candidate) int {
	for _, n := range c.nums.amounts {
		if isYear(n) {
			y, _ := strconv.Atoi(n)
			return y
		}
	}
	return 1 << 30
}

// byTime orders sentences by the first year they give, keeping rank order
// among equals.
func byTime(cs []*candidate) {
	sort.SliceStable(cs, func(i, j int) bool { return firstYear(cs[i]) < firstYear(cs[j]) })
}
