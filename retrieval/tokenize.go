package retrieval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text: its lowercase surface form and its stem.
// Stop words are dropped before a token is made, so every token carries
// meaning; both the embedder and the BM25 index consume the same tokens,
// which keeps the two rankings in agreement about what a "word" is.
type token struct {
	word string // lowercase surface form, e.g. "cooperation"
	stem string // e.g. "cooper"
}

// tokenize splits text into content tokens: runs of letters and digits,
// lowercased, with stop words and one-letter words removed. Hyphenated and
// slashed compounds ("Lancang-Mekong", "people-to-people") split into their
// parts; a digit group keeps its inner '.' or ',' ("3.0", "1,200") so that
// version numbers and amounts stay one token. An apostrophe ends a word, so
// "China's" yields "china" (the trailing "s" is a one-letter word).
func tokenize(text string) []token {
	var toks []token
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		j := wordEnd(text, i)
		word := strings.ToLower(text[i:j])
		i = j
		if utf8.RuneCountInString(word) < 2 && !isDigits(word) || isStopWord(word) {
			continue
		}
		toks = append(toks, token{word: word, stem: cachedStem(word)})
	}
	return toks
}

// wordEnd returns the end of the word starting at i. A '.' or ',' between
// two digits belongs to the word.
func wordEnd(text string, i int) int {
	prevDigit := false
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			prevDigit = unicode.IsDigit(r)
			i += size
		case (r == '.' || r == ',') && prevDigit && i+1 < len(text) && isASCIIDigit(text[i+1]):
			i += size
		default:
			return i
		}
	}
	return i
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isASCIIDigit(b byte) bool { return '0' <= b && b <= '9' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) && s[i] != '.' && s[i] != ',' {
			return false
		}
	}
	return s != ""
}

// stemWord stems English words; numbers and words with digits stay as they
// are (commas dropped, so "1,200" and "1200" agree).
func stemWord(word string) string {
	for i := 0; i < len(word); i++ {
		if isASCIIDigit(word[i]) {
			return strings.ReplaceAll(word, ",", "")
		}
	}
	return porterStem(word)
}

// stopWords are function words that carry no topic: articles, pronouns,
// auxiliaries, prepositions, conjunctions and the question words readers
// start with. The list is general English, not tuned to any collection.
var stopWords = setOf(`a about above after again against all also am an and any are as at
be because been before being below between both but by can could did do does doing
down during each either else ever few for from further had has have having he her
here hers herself him himself his how however i if in into is it its itself just
let me might more most much must my myself neither no nor not now of off on once
only or other ought our ours ourselves out over own per same shall she should so some
such than that the their theirs them themselves then there these they this those
through thus to too under until up upon very via was we were what when where
whether which while who whom whose why will with within without would yet you your
yours yourself yourselves`)

func isStopWord(w string) bool {
	_, ok := stopWords[w]
	return ok
}

func setOf(words string) map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(words) {
		m[w] = struct{}{}
	}
	return m
}
