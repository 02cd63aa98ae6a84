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
	for _, c := range chosen {
		s := srcs[c.src]
		text := cleanDisplay(c.text)
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

// attribute prefixes a sentence with whose words it is. A sentence that
// opens with an ordinary word (a function word, or one the passages also
// write in lower case: lower) continues "According to X, the …"; one that
// opens with a discourse marker ("However, …"), a name, a number or a
// quotation is kept whole after "X write: ".
func attribute(who, s string, lower map[string]bool) string {
	first, _, _ := strings.Cut(s, " ")
	r, _ := utf8.DecodeRuneInString(s)
	if strings.HasSuffix(first, ",") || !unicode.IsLetter(r) || !lowerable(first, lower) {
		return who + " " + verb(who) + ": " + s
	}
	return "According to " + who + ", " + string(unicode.ToLower(r)) + s[utf8.RuneLen(r):]
}

// lowerable reports whether a sentence's first word is an ordinary word
// (not a name) that can be lower-cased mid-sentence.
func lowerable(w string, lower map[string]bool) bool {
	w = strings.ToLower(strings.Trim(w, `"'“”‘’(),.:;`))
	return stopword[w] || commonOpeners[w] || lower[w]
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
