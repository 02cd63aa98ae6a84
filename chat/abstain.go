package chat

import "strings"

// Abstention. The answerer abstains when the core of its selection (the
// best sentence, or the best for each part of a two-part question) holds
// less than minSupport of the question's term weight, or gives no number of
// the kind asked for ("how much", "when"). Rare terms weigh most, so a
// question about something the passages never mention ("deadline", "GDP")
// falls short even when its common words ("China", "ASEAN") are all there.
// A quantity question also needs the thing measured in that sentence
// ("population", "students"), and a "how many" question a number of that
// thing ("five … stations", not "tens of thousands of workers" for "how
// many workshops"; wordnum.go). A question naming something no passage
// mentions abstains as well.
//
// The bar is lower for an open question ("what", "how", "which") than for
// one whose answer has a kind that can be checked (a number, a date, a
// person in a position). A paraphrase ("travel arrangement … businesspeople"
// for "visa … business travelers") holds few of the passage's words; a
// question about something the passages lack but near their topic ("a
// football league", "nuclear energy") holds as many as a paraphrase does —
// the words alone cannot tell them apart, and such questions were found to
// pass either bar. So open questions are spared, and checkable ones, whose
// answerable forms hold most of their words, keep the higher bar as a
// second guard behind the checks.
const (
	minSupport     = 0.3
	minOpenSupport = 0.2
)

// bar returns the least support an answer to q needs.
func (q *question) bar() float64 {
	if q.number != numNone || len(q.role) > 0 {
		return minSupport
	}
	return minOpenSupport
}

// contextShare is how much terms carried from earlier turns count in a
// follow-up's support: "When did it begin?" is judged mostly on "begin",
// but not on it alone.
const contextShare = 0.25

// support is the weighted share of q's terms that the core sentences hold.
func (ev *evidence) support(q *question, core []*candidate) float64 {
	if len(core) == 0 {
		return 0
	}
	if q.number != numNone && !answersNumber(q, core) {
		return 0
	}
	if q.measure != "" && !anyHolds(core, q.measure) {
		return 0 // a number, but not of the thing asked about
	}
	if q.owner != "" && !ownedBy(q, core) {
		return 0 // a share of someone else's thing
	}
	if q.number != numNone && !ev.constrained(q, core) {
		return 0 // a number or date of another year or thing
	}
	if ev.unknownName(q) {
		return 0
	}
	if len(q.role) > 0 && !ev.namesHolder(q, core) {
		return 0 // no one is named in the position asked about
	}
	if len(q.terms) == 0 {
		return ev.metaShare(q, core[0].src) // asked only which article says what
	}
	set := map[string]bool{}
	for _, c := range core {
		for t := range c.terms {
			set[t] = true
		}
	}
	w, sum := ev.weights(q, q.terms)
	own := ev.held(q, set, w, sum)
	if len(q.context) == 0 {
		return own
	}
	cw, csum := ev.weights(q, q.context)
	return (1-contextShare)*own + contextShare*coverage(set, cw, csum)
}

// unknownName reports whether the question names something (a capitalised
// term) that no passage mentions, in its text or its title and authors:
// the passages are then about something else ("ASEAN's combined GDP").
func (ev *evidence) unknownName(q *question) bool {
	for _, t := range q.terms {
		if q.entity[t] && ev.df[t] == 0 && !isNumber(t) {
			return true
		}
	}
	return false
}

// ownedBy reports whether a core sentence that gives a number does not
// give the thing q asks a share of as another's.
func ownedBy(q *question, core []*candidate) bool {
	for _, c := range core {
		if q.answeredBy(c.sentence) && !otherOwner(q, c.text) {
			return true
		}
	}
	return false
}

func anyHolds(cs []*candidate, t string) bool {
	for _, c := range cs {
		if c.terms[t] {
			return true
		}
	}
	return false
}

func answersNumber(q *question, cs []*candidate) bool {
	for _, c := range cs {
		if q.answeredBy(c.sentence) {
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
	switch len(near) {
	case 0:
		return plain
	case 1:
		return plain + " The closest article is " + fullStop(near[0])
	}
	return plain + " The closest articles are " + fullStop(strings.Join(near, " and "))
}

// fullStop ends a sentence with a period unless it already ends with one
// ("… by Zhu Feng et al.").
func fullStop(s string) string {
	if strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}
