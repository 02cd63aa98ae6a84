package chat

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// markerRe matches a citation marker, in answers and in source text alike.
var markerRe = regexp.MustCompile(`\[(\d+)\]`)

// compose writes the chosen sentences as an answer: each sentence verbatim
// (a footnote like "[3]" in the source is dropped from the display text,
// since it would read as a citation marker), followed by the marker of its
// source; the first sentence from each article says whose words they are.
// It returns the sentences (the stream's deltas) and their citations. The
// quote of a citation is the best-scoring chosen sentence of that passage,
// exactly as the passage has it.
func compose(chosen []*candidate, srcs []Source, lower map[string]bool) ([]string, []Citation) {
	var parts []string
	var cites []Citation
	quoted := map[int]*candidate{}
	attributed := map[string]bool{}
	for i, c := range chosen {
		s := srcs[c.src]
		text := cleanDisplay(c.text)
		if i == 0 || !follows(chosen[i-1], c) {
			text, _ = dropConnective(text) // its link points at a sentence not shown
		}
		if !attributed[s.ArticleID] && len(s.Authors) > 0 {
			text = attribute(names(s.Authors), text, lower)
			attributed[s.ArticleID] = true
		}
		parts = append(parts, withMarker(text, s.Rank))
		if q, ok := quoted[c.src]; !ok || c.score > q.score {
			quoted[c.src] = c
		}
	}
	for _, c := range chosen {
		if quoted[c.src] == c {
			cites = append(cites, citation(srcs[c.src], c.text))
		}
	}
	return joinParts(parts), cites
}

// joinParts puts the separating space at the front of every part but the
// first, so the parts concatenate to the answer text.
func joinParts(parts []string) []string {
	for i := 1; i < len(parts); i++ {
		parts[i] = " " + parts[i]
	}
	return parts
}

func citation(s Source, quote string) Citation {
	return Citation{N: s.Rank, ChunkID: s.ChunkID, ArticleID: s.ArticleID, Title: s.Title,
		Authors: s.Authors, Section: s.Section, Quote: quote}
}

// cleanDisplay removes footnote markers from a sentence shown in an answer.
func cleanDisplay(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	s = markerRe.ReplaceAllString(s, "")
	return strings.Join(strings.Fields(s), " ")
}

// withMarker puts " [n]" before the sentence's final full stop, or after it
// when it ends otherwise.
func withMarker(s string, n int) string { return withMarkers(s, []int{n}) }

// names joins author names for a reader: "A", "A and B", "A et al.".
func names(authors []string) string {
	switch len(authors) {
	case 1:
		return authors[0]
	case 2:
		return authors[0] + " and " + authors[1]
	default:
		return authors[0] + " et al."
	}
}

// follows reports whether c comes right after prev in the same passage, so
// that a linking opener of c still links to what the reader just read.
func follows(prev, c *candidate) bool {
	return prev.src == c.src && prev.idx+1 == c.idx
}

// attribute prefixes a sentence with whose words it is: "According to X,
// …". Its first word is written in lower case when it is an ordinary word
// (a function word, or one the passages also write in lower case: lower),
// and kept as it is when it is a name, a number or a quotation. A linking
// opener ("For instance, …") has been dropped before (dropConnective); a
// sentence whose first word still ends in a comma keeps it ("According to
// X, economically, …").
func attribute(who, s string, lower map[string]bool) string {
	first, _, _ := strings.Cut(s, " ")
	r, n := utf8.DecodeRuneInString(s)
	adverb := strings.HasSuffix(first, "ly,") && len(first) > 5 // "Economically, …"
	if !unicode.IsLetter(r) || !adverb && !lowerable(first, lower) {
		return "According to " + who + ", " + s
	}
	return "According to " + who + ", " + string(unicode.ToLower(r)) + s[n:]
}

// lowerable reports whether a sentence's first word is an ordinary word
// (not a name) that can be lower-cased mid-sentence: a function word, one
// the passages write in lower case, or one they never write mid-sentence
// that has the shape of an ordinary word — an -ing, -ed or -ly form
// ("Addressing", "Centered", "Particularly") or a compound going on in
// lower case ("Cross-border", "People-to-people"). A word the passages
// write only with a capital mid-sentence is a name ("China"), and so is any
// other word: a wrong capital reads better than a lower-cased name.
func lowerable(w string, lower map[string]bool) bool {
	w = strings.Trim(w, `"'“”‘’(),.:;`)
	if w == "" {
		return false
	}
	head, rest, hyphen := strings.Cut(w, "-")
	low := strings.ToLower(head)
	if stopword[low] || commonOpeners[low] {
		return true
	}
	if ok, seen := lower[low]; seen {
		return ok
	}
	if strings.ToLower(w[1:]) != w[1:] && !hyphen {
		return false // "ASEAN"
	}
	if hyphen {
		return rest != "" && strings.ToLower(rest) == rest
	}
	return len(low) > 4 && (strings.HasSuffix(low, "ing") || strings.HasSuffix(low, "ed") || strings.HasSuffix(low, "ly"))
}

// commonOpeners are frequent sentence openers that are not names.
var commonOpeners = map[string]bool{
	"currently": true, "generally": true, "today": true, "recently": true,
	"since": true, "although": true, "despite": true, "overall": true,
	"both": true, "each": true, "many": true, "several": true, "two": true,
	"three": true, "first": true, "second": true, "third": true, "finally": true,
}

// verb agrees "write" with one author or several.
func verb(who string) string {
	if strings.Contains(who, " and ") || strings.HasSuffix(who, "et al.") {
		return "write"
	}
	return "writes"
}
