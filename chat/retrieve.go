package chat

import (
	"context"

	"github.com/citechat/citechat/retrieval"
)

// found is what retrieval produced for a question: the passages, best
// first, and the article a follow-up refers back to ("" if none).
type found struct {
	passages []retrieval.Passage
	prefer   string
}

// resolve returns the standalone query for a question and the words it
// carried from earlier turns (nil when the question stands alone). With an
// LLM the model rewrites a follow-up; otherwise, or when it fails, the
// heuristic of followup.go does.
func (b *Bot) resolve(ctx context.Context, question string, turns []Turn) (string, []string) {
	if len(turns) == 0 || !isFollowUp(question) {
		return question, nil
	}
	if b.cfg.LLM != nil {
		if q, extra, ok := b.rewrite(ctx, question, turns); ok {
			return q, extra
		}
	}
	return standalone(question, turns)
}

// retrieve searches the query. For a follow-up it also finds the article
// the previous turn was answered from, so its sentences can be preferred;
// for an author question whose description matches a contributor's
// affiliation, it makes sure that contributor's article is among the
// passages.
func (b *Bot) retrieve(ctx context.Context, q *question, query string, turns []Turn, followUp bool, f Filters) (found, error) {
	search := func(text string, k int) ([]retrieval.Passage, error) {
		ps, err := b.r.Search(ctx, retrieval.Query{Text: text, K: k, Articles: f.Articles, Authors: f.Authors})
		if err == nil && ctx.Err() != nil {
			err = context.Cause(ctx)
		}
		return ps, err
	}
	ps, err := search(query, b.cfg.K)
	if err != nil {
		return found{}, err
	}
	if len(q.parts) > 1 && query == q.text {
		if ps, err = b.perPart(q, ps, search); err != nil {
			return found{}, err
		}
	}
	out := found{passages: ps}
	if followUp {
		last := turns[len(turns)-1]
		prev, err := search(last.Q+" "+last.A, 3)
		if err != nil {
			return found{}, err
		}
		if len(prev) > 0 {
			out.prefer = prev[0].ArticleID
		}
	}
	if q.who || len(q.role) > 0 {
		if out.passages, err = b.withContributor(ctx, q, out.passages); err != nil {
			return found{}, err
		}
	}
	return out, nil
}

// perPart searches each part of a two-part question on its own, since one
// search for both tends to find passages about one part only. The best
// passages of each part come first, in turn, then those of the whole
// question, K in all.
func (b *Bot) perPart(q *question, whole []retrieval.Passage, search func(string, int) ([]retrieval.Passage, error)) ([]retrieval.Passage, error) {
	lists := make([][]retrieval.Passage, 0, len(q.parts)+1)
	for _, p := range q.parts {
		ps, err := search(p.text, b.cfg.K/len(q.parts))
		if err != nil {
			return nil, err
		}
		lists = append(lists, ps)
	}
	lists = append(lists, whole)
	var out []retrieval.Passage
	seen := map[string]bool{}
	for i := 0; len(out) < b.cfg.K; i++ {
		added := false
		for _, l := range lists {
			if i < len(l) {
				added = true
				if !seen[l[i].ID] {
					seen[l[i].ID] = true
					out = append(out, l[i])
				}
			}
		}
		if !added {
			break
		}
	}
	return out[:min(len(out), b.cfg.K)], nil
}

// withContributor appends the best passage of the article whose author's
// affiliation the question describes, when no passage of it was retrieved
// (a byline is rarely in the text that is searched).
func (b *Bot) withContributor(ctx context.Context, q *question, ps []retrieval.Passage) ([]retrieval.Passage, error) {
	l, ok := b.lib.(lister)
	if !ok {
		return ps, nil
	}
	ev := gatherWith(ps, b.cache)
	_, id, ok := ev.matchAffiliation(q, l.Articles())
	if !ok || hasArticle(ps, id) {
		return ps, nil
	}
	more, err := b.r.Search(ctx, retrieval.Query{Text: q.text, K: 1, Articles: []string{id}})
	if err != nil || len(more) == 0 {
		return ps, err
	}
	return append(ps, more[0]), nil
}

func hasArticle(ps []retrieval.Passage, id string) bool {
	for _, p := range ps {
		if p.ArticleID == id {
			return true
		}
	}
	return false
}

// sources turns passages into the Sources of an answer, ranked from 1, with
// title and authors from the library when it knows the article.
func (b *Bot) sources(ps []retrieval.Passage) []Source {
	out := make([]Source, len(ps))
	for i, p := range ps {
		s := Source{Rank: i + 1, ChunkID: p.ID, ArticleID: p.ArticleID, Title: p.Title,
			Authors: p.Authors, Section: p.Section, Score: p.Score, Text: p.Text}
		if b.lib != nil {
			if a, ok := b.lib.Article(p.ArticleID); ok {
				s.Title, s.Authors = a.Title, a.AuthorNames()
			}
		}
		if s.Authors == nil {
			s.Authors = []string{}
		}
		out[i] = s
	}
	return out
}
