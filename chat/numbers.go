package chat

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// A question asking "how much" or "when" is answered only by a sentence
// with the right kind of number in it. Not every number will do: the
// digits of a name ("Version 3.0", "Vision 2045", "COVID-19") answer
// nothing. A number counts unless the word before it is a capitalised name
// word (a month, a currency or a sentence opener like "In" is fine).

// numbers are the answer-bearing numbers of a sentence.
type numbers struct {
	amounts []string // every number not part of a name
	month   bool     // a month is named
}

var (
	numRe      = regexp.MustCompile(`\d+(?:[.,]\d+)*`)
	prevWordRe = regexp.MustCompile(`([\p{L}\p{N}]+)[^\p{L}\p{N}]*$`)
	currencies = map[string]bool{"us": true, "usd": true, "rmb": true, "cny": true, "eur": true, "yuan": true, "hk": true, "s": true}
)

// numbersIn finds the answer-bearing numbers of a sentence.
func numbersIn(s string) numbers {
	var out numbers
	nameNum := false // the previous number was part of a name
	for _, loc := range numRe.FindAllStringIndex(s, -1) {
		n := s[loc[0]:loc[1]]
		before := s[:loc[0]]
		if (loc[0] > 0 && unicode.IsLetter(rune(s[loc[0]-1]))) || (loc[1] < len(s) && unicode.IsLetter(rune(s[loc[1]]))) {
			continue // "G20", "5G", "22nd": part of a word
		}
		switch {
		case strings.HasSuffix(before, "-") && nameNum:
			continue // "2026-2030" after a name stays a name
		case strings.HasSuffix(before, "$") || strings.HasSuffix(before, "€") || strings.HasSuffix(before, "£"):
			nameNum = false
		default:
			nameNum = afterName(before)
		}
		if nameNum {
			continue
		}
		out.amounts = append(out.amounts, n)
	}
	for _, w := range words(s) {
		if month[w] {
			out.month = true
		}
	}
	return out
}

// afterName reports whether the text before a number ends in a capitalised
// word that makes the number part of a name.
func afterName(before string) bool {
	m := prevWordRe.FindStringSubmatch(before)
	if m == nil {
		return false
	}
	w := m[1]
	low := strings.ToLower(w)
	r := []rune(w)[0]
	return unicode.IsUpper(r) && !month[low] && !stopword[low] && !currencies[low]
}

// answers reports whether the numbers answer a question of kind k, not
// counting numbers the question itself gives.
func (ns numbers) answers(k numKind, qterms []string) bool {
	if k == numTime && ns.month {
		return true
	}
	for _, n := range ns.amounts {
		if !slices.Contains(qterms, n) && (k == numAmount || k != numAmount && isYear(n)) {
			return true
		}
	}
	return false
}

func isYear(n string) bool {
	return len(n) == 4 && (n[0] == '1' || n[0] == '2') && !strings.ContainsAny(n, ".,")
}

// month holds the stemmed month names: "in March" answers "when" as "in 2019" does.
var month = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}
