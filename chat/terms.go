package chat

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Terms are how the answerer compares a question with a sentence: lower-case
// words, lightly stemmed so "establishing", "established" and "establish"
// meet, with numbers kept whole ("982.3", "2024"). Matching is by term, never
// by position, so the same code serves scoring, abstention and the checking
// of an LLM's sentences against the passages they cite.

// words splits s into lower-case word tokens (see tokens).
func words(s string) []string {
	out := tokens(s)
	for i, w := range out {
		out[i] = strings.ToLower(w)
	}
	return out
}

// tokens splits s into word tokens as written: runs of letters or digits,
// where a '.' or ',' between digits stays inside a number and a trailing
// possessive "'s" is dropped.
func tokens(s string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			w := s[start:end]
			w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"), "'S")
			out = append(out, w)
			start = -1
		}
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case (r == '.' || r == ',') && start >= 0 && inNumber(s, i):
			// 982.3 and 1,000 stay one token.
		case (r == '\'' || r == '’') && start >= 0 && i+1 < len(s) && (s[i+1] == 's' || s[i+1] == 'S'):
			// keep the possessive attached so it can be trimmed above
		default:
			flush(i)
		}
	}
	flush(len(s))
	return out
}

// inNumber reports whether the byte at i sits between two digits.
func inNumber(s string, i int) bool {
	if i == 0 || i+1 >= len(s) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+1:])
	return unicode.IsDigit(before) && unicode.IsDigit(after)
}

// contentTerms returns the stemmed terms of s that carry meaning: stopwords
// and question words removed, order kept, duplicates kept out.
func contentTerms(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range words(s) {
		if stopword[w] {
			continue
		}
		t := stem(w)
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}

// termSet returns the set of stemmed content terms of s.
func termSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range words(s) {
		if !stopword[w] {
			set[stem(w)] = true
		}
	}
	return set
}

// isNumber reports whether a term is a number (a year, an amount, a share).
func isNumber(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsDigit(r)
}

// stem strips common English inflections. It is deliberately light (no
// dictionary, a handful of suffix rules): it only has to make a question's
// words meet the same words in the passages, and errs on the side of leaving
// a word alone. Search stems with Porter's algorithm (in retrieval), which
// conflates more ("adding" → "ad", "population" → "popul"): right for recall,
// too loose for judging whether a sentence answers, which is this stem's job.
func stem(w string) string {
	if base, ok := irregular[w]; ok {
		return base
	}
	if len(w) <= 3 || isNumber(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	for _, suf := range []string{"ing", "ed"} {
		if base, ok := strings.CutSuffix(w, suf); ok && len(base) >= 3 && hasVowel(base) {
			w = undouble(base)
			break
		}
	}
	for _, r := range [][2]string{{"ational", "ate"}, {"ation", "ate"}, {"ment", ""}, {"ness", ""}, {"ly", ""}} {
		if base, ok := strings.CutSuffix(w, r[0]); ok && len(base) >= 4 {
			w = base + r[1]
			break
		}
	}
	if len(w) > 4 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

func hasVowel(s string) bool { return strings.ContainsAny(s, "aeiouy") }

// undouble turns "plann" (from "planned") back into "plan"; a short base
// keeps its double letter ("add" from "adding").
func undouble(s string) string {
	n := len(s)
	if n >= 4 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiouslz", rune(s[n-1])) {
		return s[:n-1]
	}
	return s
}
