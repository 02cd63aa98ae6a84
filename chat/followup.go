package chat

import (
	"regexp"
	"strings"
)

// Follow-up questions ("And how does it describe …?", "What did they
// propose?") mean nothing to a search engine on their own. Without an LLM the
// bot makes them standalone by carrying the salient words of the previous
// turn — its names first, then its other content words — into the query,
// and by preferring the article the previous turn was answered from. The
// carried words also count (less than the question's own) when sentences
// are scored. A question that stands on its own is searched as asked.

// maxCarried bounds how many words a follow-up borrows from earlier turns.
const maxCarried = 10

// openerRe matches the openings of questions that continue a conversation.
var openerRe = regexp.MustCompile(`(?i)^\s*(and|also|but|so|what about|how about|then|in that case)\b`)

// backRe matches phrases that point at an earlier answer's article or people.
var backRe = regexp.MustCompile(`(?i)\b(the (authors?|article|same (article|authors?|report))|that (article|mechanism|initiative|project|programme|program|body|agreement|framework|plan|idea|approach))\b`)

// isFollowUp reports whether a question leans on the earlier turns: it uses
// a pronoun or a pointing phrase, opens like a continuation, or is too short
// to search on its own.
func isFollowUp(question string) bool {
	if openerRe.MatchString(question) || backRe.MatchString(question) {
		return true
	}
	for _, w := range words(question) {
		if anaphor[w] {
			return true
		}
	}
	return len(contentTerms(question)) <= 1
}

// carried returns the salient words of the most recent turns (newest
// first), at most maxCarried, leaving out words the question already has.
// Names (capitalised words) come before other words of the same turn.
func carried(question string, turns []Turn) []string {
	have := termSet(question)
	var out []string
	for i := len(turns) - 1; i >= 0 && len(out) < maxCarried; i-- {
		text := turns[i].Q + " " + turns[i].A
		names := capitalised(text)
		for _, pass := range []bool{true, false} {
			for _, w := range tokens(text) {
				low := strings.ToLower(w)
				t := stem(low)
				if stopword[low] || have[t] || names[t] != pass || len(out) >= maxCarried {
					continue
				}
				have[t] = true
				out = append(out, w)
			}
		}
		if len(out) >= maxCarried/2 {
			break // the latest turn said enough
		}
	}
	return out
}

// standalone returns the query to search for a question with history, and
// the words it carried over (nil when the question stands on its own).
func standalone(question string, turns []Turn) (string, []string) {
	if len(turns) == 0 || !isFollowUp(question) {
		return question, nil
	}
	extra := carried(question, turns)
	if len(extra) == 0 {
		return question, nil
	}
	return question + " (" + strings.Join(extra, " ") + ")", extra
}

// stems returns the stemmed form of each word.
func stems(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = stem(strings.ToLower(w))
	}
	return out
}
