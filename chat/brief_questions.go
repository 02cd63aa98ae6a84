package chat

// QuestionsBrief combines the answers to a list of questions into one
// briefing document titled after topic, with a section per question, as
// `citechat brief --questions FILE` prints it. Each answer keeps its text;
// its markers are renumbered across the document in reading order, and a
// passage cited by several answers keeps one number, so the document has
// one list of sources and citation n is source n. The document abstains
// only when every answer does.
func QuestionsBrief(topic string, answers []*Answer) *Answer {
	br := &Brief{Topic: topic, Title: briefTitle(topic)}
	doc := &Answer{Question: topic, Mode: "extractive", Abstained: true, Citations: []Citation{},
		Sources: []Source{}, TimingsMS: map[string]float64{}, Brief: br}
	byChunk := map[string]int{}
	for _, a := range answers {
		to := map[int]int{}
		_, marks := stripMarkers(a.Answer)
		for _, old := range marks {
			c, ok := citationNumbered(a.Citations, old)
			if _, done := to[old]; done || !ok {
				continue
			}
			n, seen := byChunk[c.ChunkID]
			if !seen {
				n = len(byChunk) + 1
				byChunk[c.ChunkID] = n
				c.N = n
				doc.Citations = append(doc.Citations, c)
				doc.Sources = append(doc.Sources, sourceOf(a, c))
			}
			to[old] = n
		}
		pt := BriefPoint{Text: a.Answer, Cites: dedupe(marks)}
		renumber(&pt, to)
		br.Questions = append(br.Questions, BriefQuestion{ID: a.ID, Question: a.Question, Answer: pt,
			Abstained: a.Abstained, Notice: a.Notice})
		doc.Abstained = doc.Abstained && a.Abstained
		if a.Mode == "llm" {
			doc.Mode = "llm"
		}
		for k, ms := range a.TimingsMS {
			doc.TimingsMS[k] += ms
		}
	}
	br.fill()
	doc.Answer = BriefMarkdown(doc)
	return doc
}

// citationNumbered returns the citation with number n.
func citationNumbered(cites []Citation, n int) (Citation, bool) {
	for _, c := range cites {
		if c.N == n {
			return c, true
		}
	}
	return Citation{}, false
}

// sourceOf returns the answer's source that citation c (numbered in the
// document) points to, ranked as c is numbered.
func sourceOf(a *Answer, c Citation) Source {
	for _, s := range a.Sources {
		if s.ChunkID == c.ChunkID {
			s.Rank = c.N
			return s
		}
	}
	return Source{Rank: c.N, ChunkID: c.ChunkID, ArticleID: c.ArticleID, Title: c.Title,
		Authors: c.Authors, Section: c.Section, Text: c.Quote}
}

func dedupe(ns []int) []int {
	out := []int{}
	seen := map[int]bool{}
	for _, n := range ns {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}
