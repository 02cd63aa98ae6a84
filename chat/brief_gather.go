package chat

import (
	"context"

	"github.com/citechat/citechat/retrieval"
)

// A brief must hear every article that speaks to its topic, but one search
// ranks the passages of the article that says most about it first and can
// fill its K with them. So the topic is searched across the collection,
// and then within each article (retrieval.Query.Articles), a few passages
// each: an article that covers the topic in one section still gets its
// passages in. Whether an article really covers the topic is decided later,
// sentence by sentence (brief_pick.go); a search always returns something.
const (
	briefTopicK      = 12 // passages of the collection-wide search
	briefArticleK    = 3  // passages of each article's own search
	maxBriefArticles = 24 // articles searched one by one; beyond, those the wide search finds
	briefWideK       = 48 // the wide search that picks articles in a large collection
)

// gatherBrief returns the passages for a brief on topic, best first: the
// collection-wide results, then each article's own, without repeats.
func (b *Bot) gatherBrief(ctx context.Context, topic string, f Filters) ([]retrieval.Passage, error) {
	search := func(articles []string, k int) ([]retrieval.Passage, error) {
		ps, err := b.r.Search(ctx, retrieval.Query{Text: topic, K: k, Articles: articles, Authors: f.Authors})
		if err == nil && ctx.Err() != nil {
			err = context.Cause(ctx)
		}
		return ps, err
	}
	out, err := search(f.Articles, briefTopicK)
	if err != nil {
		return nil, err
	}
	ids, err := b.briefArticles(f, search)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, p := range out {
		seen[p.ID] = true
	}
	for _, id := range ids {
		ps, err := search([]string{id}, briefArticleK)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if !seen[p.ID] {
				seen[p.ID] = true
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// briefArticles returns the ids of the articles to search one by one: those
// the filters name, else every article of a small collection (when the
// library can list them), else those a wide search of the topic reaches.
func (b *Bot) briefArticles(f Filters, search func([]string, int) ([]retrieval.Passage, error)) ([]string, error) {
	if len(f.Articles) > 0 {
		return f.Articles[:min(len(f.Articles), maxBriefArticles)], nil
	}
	if l, ok := b.lib.(lister); ok {
		if all := l.Articles(); len(all) <= maxBriefArticles {
			ids := make([]string, len(all))
			for i, a := range all {
				ids[i] = a.ID
			}
			return ids, nil
		}
	}
	wide, err := search(nil, briefWideK)
	if err != nil {
		return nil, err
	}
	var ids []string
	seen := map[string]bool{}
	for _, p := range wide {
		if !seen[p.ArticleID] && len(ids) < maxBriefArticles {
			seen[p.ArticleID] = true
			ids = append(ids, p.ArticleID)
		}
	}
	return ids, nil
}
