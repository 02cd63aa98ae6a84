package chat

import (
	"regexp"
	"strings"
)

// Numbers are not always written in digits: "five agricultural experiment
// stations", "nine new chapters", "a quarter of the global market", "tens of
// thousands of professionals". These answer "how many" and "what share" as
// well as "5" or "25%" would. A number word written with a capital inside a
// sentence is part of a name ("Two Countries, Twin Parks", "Four Nos") and
// does not count; "one" is left out, being far more often a pronoun.

// numberWord holds the words that are numbers by themselves.
var numberWord = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`two three four five six seven eight nine ten eleven twelve
		thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty
		sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion
		billions trillion trillions dozen dozens tens scores half`) {
		m[w] = true
	}
	return m
}()

// fractionWord holds the words that are a share when a count precedes
// them: "a quarter", "two thirds" (but "the third insight" is an ordinal).
var fractionWord = map[string]bool{
	"quarter": true, "quarters": true, "third": true, "thirds": true, "fifth": true, "fifths": true,
	"tenth": true, "tenths": true, "majority": true,
}

// fractionLead holds the words that make a following fraction word a share.
var fractionLead = map[string]bool{"a": true, "one": true, "two": true, "three": true, "four": true}

// wordRe matches a word, hyphenated compounds whole.
var wordRe = regexp.MustCompile(`\p{L}+(?:-\p{L}+)*`)

// wordAmounts returns the numbers of a sentence written as words, each with
// the words that follow it. A compound is a number only when all its parts
// are ("twenty-five", "two-thirds"); "two-way" and "five-year" describe
// rather than count.
func wordAmounts(s string) []amount {
	locs := wordRe.FindAllStringIndex(s, -1)
	var out []amount
	prev := ""
	for i, loc := range locs {
		w := s[loc[0]:loc[1]]
		low := strings.ToLower(w)
		lead := prev
		prev = low
		if i > 0 && low != w {
			continue // a capital mid-sentence: part of a name
		}
		isNum := true
		for j, part := range strings.Split(low, "-") {
			if !numberWord[part] && !(fractionWord[part] && (j > 0 || fractionLead[lead])) {
				isNum = false
			}
		}
		if isNum {
			out = append(out, amount{text: low, at: len(tokens(s[:loc[0]])), after: following(tokens(s[loc[1]:]))})
		}
	}
	return out
}

// countWindow is how many words after a number may name what it counts:
// "five agricultural experiment stations".
const countWindow = 3

// following returns the stems of the first countWindow words of toks that
// can name what a number counts, passing over "of" and further number words
// ("tens of thousands of skilled workers" gives skilled, worker).
func following(toks []string) []string {
	var out []string
	for _, w := range toks {
		low := strings.ToLower(w)
		if low == "of" || numberWord[low] || isNumber(low) {
			continue
		}
		out = append(out, stem(low))
		if len(out) == countWindow {
			break
		}
	}
	return out
}

// counts reports whether one of the numbers is followed closely by one of
// the nouns: a count of that thing, not of something else in the sentence.
func (ns numbers) counts(nouns []string) bool {
	for _, a := range ns.figures {
		for _, w := range a.after {
			for _, n := range nouns {
				if w == n {
					return true
				}
			}
		}
	}
	return false
}
