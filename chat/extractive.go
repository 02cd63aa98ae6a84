package chat

import "github.com/citechat/citechat/retrieval"

// The extractive answerer (the default, offline) answers with the
// retrieved passages' own sentences:
//
//  1. cut each passage into sentences, keeping byte offsets (sentence.go), so
//     every quote is a verbatim span of the passage and so of the article;
//     a sentence using an acronym the passage defines also matches the
//     name it stands for (acronym.go);
//  2. score each sentence (score.go): the share of the question's content
//     terms it holds, each weighted by its rarity across the passages (and
//     more for names; a word no passage holds is credited through a close
//     relative, kin.go), with what the sentence before adds when this one
//     leans on it ("By 2012, it reached …", neighbours.go), plus small
//     bonuses for shared word pairs, quoted phrases, the right kind of
//     number when one is asked for (numbers.go, wordnum.go) — the more so
//     with the question's words close to it (near.go) — the article the
//     question names by author or title, and the passage's rank, minus a
//     penalty for sentences that only restate the question;
//  3. choose the best sentence with the neighbours it needs (neighbours.go),
//     then what the question's shape calls for: a sentence per part of a
//     two-part question, the items of "what three …" in their order, or a
//     sentence covering what the first missed (pick.go, extend.go);
//  4. abstain (abstain.go) when the core of the choice holds too little of
//     the question (less is needed for an open question than for one whose
//     answer can be checked), or fails the check of its kind: a number of
//     the thing asked ("how many stations", measure.go, wordnum.go), of the
//     asked owner (owner.go), with the year and names the question fixes
//     (constraint.go); a person in the asked position (person.go);
//  5. else compose the sentences with attribution and markers, dropping
//     linking openers a lifted sentence no longer links (compose.go,
//     connective.go). Author questions get the authors and the title
//     (who.go, authorship.go, contributor.go).
//
// Markers are source ranks: [3] is the third source listed.

// preferBonus favours sentences of the article a follow-up refers back to.
const preferBonus = 0.15

// extract drafts the extractive answer to q from what was found.
func (b *Bot) extract(q *question, f found, srcs []Source) draft {
	ev := gatherWith(f.passages, b.cache)
	ev.setMeta(q)
	ev.setKin(q)
	ev.score(q)
	if f.prefer != "" {
		for i := range ev.cands {
			if f.passages[ev.cands[i].src].ArticleID == f.prefer {
				ev.cands[i].score += preferBonus
			}
		}
	}
	if parts, cites, ok := ev.aboutAuthor(q, srcs, b.articlesOf(srcs)); ok {
		return draft{parts: parts, cites: cites, mode: "extractive"}
	}
	if q.who {
		if parts, cites, ok := ev.whoAnswer(q, srcs, b.articlesOf(srcs)); ok {
			return draft{parts: parts, cites: cites, mode: "extractive"}
		}
	}
	if len(q.role) > 0 {
		// "Who is the director of …" may describe a contributor.
		if parts, cites, ok := ev.contributorAnswer(q, srcs, b.articlesOf(srcs)); ok {
			return draft{parts: parts, cites: cites, mode: "extractive"}
		}
	}
	sel := ev.choose(q)
	if sel.support < q.bar() {
		return draft{parts: []string{abstention(srcs)}, abstained: true, mode: "extractive"}
	}
	parts, cites := compose(sel.chosen, srcs, ev.lower)
	return draft{parts: parts, cites: cites, mode: "extractive"}
}

// articlesOf returns the library's records of the sources' articles, once
// each, in rank order.
func (b *Bot) articlesOf(srcs []Source) []retrieval.Article {
	if b.lib == nil {
		return nil
	}
	var out []retrieval.Article
	seen := map[string]bool{}
	for _, s := range srcs {
		if seen[s.ArticleID] {
			continue
		}
		seen[s.ArticleID] = true
		if a, ok := b.lib.Article(s.ArticleID); ok {
			out = append(out, a)
		}
	}
	return out
}
