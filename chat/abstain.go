package chat

import "strings"

// Abstention thresholds. The answerer abstains when the sentences it would
// quote hold less than minSupport of the question's term weight, or when the
// question asks for a number (an amount, a year) and none of them has one.
// minSupport was calibrated on the dev set: on answerable questions the
// chosen sentences hold most of the rare terms; on unanswerable ones the
// term that names what is asked ("deadline", "GDP", "funding") is missing
// from every passage, and rare terms weigh most.
const minSupport = 0.5

// supported decides whether the chosen sentences answer the question.
func (ev *evidence) supported(q *question, chosen []*candidate) bool {
	if len(chosen) == 0 || len(q.terms) == 0 {
		return false
	}
	if ev.support(q, chosen) < minSupport {
		return false
	}
	if q.number && !anyNumber(chosen) {
		return false
	}
	return true
}

func anyNumber(cs []*candidate) bool {
	for _, c := range cs {
		if c.number {
			return true
		}
	}
	return false
}

// abstention says plainly that the collection does not cover the question,
// and points to the closest articles among the sources (at most two), so a
// reader can look for themselves. It carries no markers and no citations.
func abstention(srcs []Source) string {
	const plain = "The collection does not cover this."
	var near []string
	seen := map[string]bool{}
	for _, s := range srcs {
		if seen[s.ArticleID] || s.Title == "" {
			continue
		}
		seen[s.ArticleID] = true
		t := "“" + s.Title + "”"
		if len(s.Authors) > 0 {
			t += " by " + names(s.Authors)
		}
		near = append(near, t)
		if len(near) == 2 {
			break
		}
	}
	if len(near) == 0 {
		return plain
	}
	return plain + " The closest articles are " + strings.Join(near, " and ") + "."
}
