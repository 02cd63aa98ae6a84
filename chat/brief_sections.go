package chat

import "github.com/citechat/citechat/retrieval"

// extractBrief composes the extractive brief on topic from the gathered
// passages (brief_pick.go explains the choices). It reports false when the
// passages do not say enough on the topic.
func (b *Bot) extractBrief(topic string, ps []retrieval.Passage) (*Brief, bool) {
	p := newBriefPicker(gatherWith(ps, b.cache), topic)
	br := &Brief{Topic: topic, Title: briefTitle(topic)}
	if !p.covered() {
		return br, false
	}
	br.Positions = p.positions(b.lib)
	br.Overview = p.overview()
	br.Figures = p.figures()
	br.Themes = p.themes()
	return br, true
}

// briefQuestion reads a topic as a question whose answer is open: a brief
// gathers everything said on it, not one number or one author.
func briefQuestion(topic string) question {
	q := analyse(topic, nil)
	q.number, q.who, q.count, q.parts = numNone, false, 0, nil
	if ph := topicPhrase(topic); ph != "" {
		q.phrases = append(q.phrases, ph)
	}
	return q
}

// positions gives each article that speaks to the topic its main claim:
// its best sentence that stands alone and argues rather than reports a
// figure, else its best. Articles come in the order of their best sentence.
func (p *briefPicker) positions(lib Library) []BriefPosition {
	var out []BriefPosition
	seen := map[string]bool{}
	for _, c := range p.pool {
		id := p.article(c)
		if seen[id] {
			continue
		}
		seen[id] = true
		claims := p.free(func(x *candidate) bool {
			return p.article(x) == id && p.alone[x.text] && !isFigure(x)
		})
		if len(claims) > 0 {
			c = claims[0]
		}
		pass := p.ev.passages[c.src]
		out = append(out, newPosition(lib, id, pass.Title, pass.Authors, p.take(c)))
	}
	return out
}

// newPosition credits a claim to its article's authors, with their
// affiliations when the library knows the article.
func newPosition(lib Library, id, title string, names []string, claim BriefPoint) BriefPosition {
	pos := BriefPosition{ArticleID: id, Title: title, Authors: make([]retrieval.Author, len(names)), Claim: claim}
	for i, n := range names {
		pos.Authors[i] = retrieval.Author{Name: n}
	}
	if lib != nil {
		if a, ok := lib.Article(id); ok {
			pos.Title, pos.Authors = a.Title, a.Authors
		}
	}
	return pos
}

// overview takes the best remaining sentences that stand alone, one per
// article, leaving figures to their own section.
func (p *briefPicker) overview() []BriefPoint {
	var out []BriefPoint
	seen := map[string]bool{}
	for _, c := range p.free(func(c *candidate) bool { return p.alone[c.text] && !isFigure(c) }) {
		if len(out) == maxOverview {
			break
		}
		if !seen[p.article(c)] && !p.used[c.text] {
			seen[p.article(c)] = true
			out = append(out, p.take(c))
		}
	}
	return out
}

// figures takes the remaining sentences that give a number or a date.
func (p *briefPicker) figures() []BriefPoint {
	cs := p.free(isFigure)
	cs = cs[:min(len(cs), maxFigures)]
	byTime(cs)
	var out []BriefPoint
	for _, c := range cs {
		if !p.used[c.text] {
			out = append(out, p.take(c))
		}
	}
	return out
}

// themes groups the remaining sentences that stand alone under their
// section headings (the article's title for text before its first
// heading), best theme first.
func (p *briefPicker) themes() []BriefTheme {
	var out []BriefTheme
	index := map[string]int{}
	for _, c := range p.free(func(c *candidate) bool { return p.alone[c.text] }) {
		pass := p.ev.passages[c.src]
		heading := pass.Section
		if heading == "" {
			heading = pass.Title
		}
		i, ok := index[heading]
		if !ok {
			if len(out) == maxThemes {
				continue
			}
			i, index[heading] = len(out), len(out)
			out = append(out, BriefTheme{Heading: heading})
		}
		if len(out[i].Points) < maxThemePoints && !p.used[c.text] {
			out[i].Points = append(out[i].Points, p.take(c))
		}
	}
	return out
}
