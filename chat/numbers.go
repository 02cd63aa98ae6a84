package chat

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A question asking "how much" or "when" is answered only by a sentence
// with the right kind of number in it. Not every number will do: the
// digits of a name ("Version 3.0", "Vision 2045", "COVID-19") answer
// nothing. A number counts unless the word before it is a capitalised name
// word (a month, a currency or a sentence opener like "In" is fine).

// numbers are the answer-bearing numbers of a sentence.
type numbers struct {
	amounts []string // every number in digits not part of a name
	figures []amount // those and the numbers written as words, with what follows each
	month   bool     // a month is named
	monthAt []int    // the token positions of the months named
}

// amount is one number of a sentence and the words right after it, which
// say what it counts ("577 ports", "five agricultural experiment stations").
type amount struct {
	text  string
	at    int      // its position among the sentence's tokens
	after []string // stems, see following
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
		if partOfWord(s, loc[0], loc[1]) {
			if ordinal(s, loc[0], loc[1]) { // "the 22nd time" answers "how many times"
				out.figures = append(out.figures, amount{text: n, at: len(tokens(s[:loc[0]])), after: following(tokens(s[loc[1]+2:]))})
			}
			continue // "G20", "5G", "22nd": part of a word
		}
		switch {
		case bracketYear(s, loc[0], loc[1]):
			nameNum = false // "the Joint Declaration … (2002)": the name's date
		case nameNum && (strings.HasSuffix(before, "-") || strings.HasSuffix(before, "–")):
			continue // "2026-2030" or "(2021–2025)" after a name stays a name
		case strings.HasSuffix(before, "$") || strings.HasSuffix(before, "€") || strings.HasSuffix(before, "£"):
			nameNum = false
		default:
			nameNum = afterName(before)
		}
		if nameNum {
			continue
		}
		out.amounts = append(out.amounts, n)
		out.figures = append(out.figures, amount{text: n, at: len(tokens(s[:loc[0]])), after: following(tokens(s[loc[1]:]))})
	}
	out.figures = append(out.figures, wordAmounts(s)...)
	for i, w := range words(s) {
		if month[w] {
			out.month = true
			out.monthAt = append(out.monthAt, i)
		}
	}
	return out
}

// ordinalRe matches an ordinal's ending and the word boundary after it.
var ordinalEndRe = regexp.MustCompile(`^(?:st|nd|rd|th)\b`)

// ordinal reports whether the number s[i:j] is an ordinal in digits
// ("22nd"), not part of a longer word ("G20").
func ordinal(s string, i, j int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(before) && ordinalEndRe.MatchString(s[j:])
}

// bracketYearRe matches what may come between an opening bracket and a
// year that dates the name before it: "(2002)", "(DOC, 2002)".
var bracketYearRe = regexp.MustCompile(`\((?:\p{Lu}[\p{Lu}\p{N}-]*,\s*)?$`)

// bracketYear reports whether the number s[i:j] is a year alone in
// brackets after a name: the name's date, not part of it. A range in
// brackets ("Plan of Action (2021–2025)") is the name's period and stays
// part of it.
func bracketYear(s string, i, j int) bool {
	return isYear(s[i:j]) && strings.HasPrefix(s[j:], ")") && bracketYearRe.MatchString(s[:i])
}

// partOfWord reports whether the number s[i:j] touches a letter on either
// side. Runes are decoded whole: the first byte of a dash or a curly quote
// is not a letter.
func partOfWord(s string, i, j int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsLetter(before) || unicode.IsLetter(after)
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
	for _, a := range ns.figures {
		if n := a.text; !slices.Contains(qterms, n) && (k == numAmount || k != numAmount && isYear(n)) {
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
