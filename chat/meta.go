package chat

// A question may name an article rather than its content: "According to Zhu
// Feng and Xu Qianang, …", "What does the foreword say …". Such terms are
// matched against the passages' authors and titles, not their text.

// setMeta moves out of q.terms the terms that name an article rather than
// its content: the full name of one of the passages' authors ("According to
// Zhu Feng …"), and words of a title that no passage's text holds ("the
// foreword"). They say which article to answer from, not what the answer
// must contain, so they steer scoring (metaBonus) instead of counting as
// missing content.
func (ev *evidence) setMeta(q *question) {
	named := ev.authorsNamed(q.terms)
	var keep []string
	for _, t := range q.terms {
		if named[t] || ev.df[t] == 0 && ev.inMeta(t) {
			q.meta = append(q.meta, t)
		} else {
			keep = append(keep, t)
		}
	}
	q.terms = keep
	for i := range q.parts {
		ev.setMeta(&q.parts[i])
	}
}

// authorsNamed returns the terms of the passages' authors whose full names
// the terms hold.
func (ev *evidence) authorsNamed(terms []string) map[string]bool {
	have := setOf(terms)
	out := map[string]bool{}
	for _, p := range ev.passages {
		for _, name := range p.Authors {
			if nt := contentTerms(name); len(nt) > 0 && holdsAll(have, nt) {
				for _, t := range nt {
					out[t] = true
				}
			}
		}
	}
	return out
}

func (ev *evidence) inMeta(t string) bool {
	for _, m := range ev.meta {
		if m[t] {
			return true
		}
	}
	return false
}

// metaShare is the share of q's meta terms that passage i's title and
// authors hold.
func (ev *evidence) metaShare(q *question, i int) float64 {
	if len(q.meta) == 0 {
		return 0
	}
	n := 0
	for _, t := range q.meta {
		if ev.meta[i][t] {
			n++
		}
	}
	return float64(n) / float64(len(q.meta))
}
