package ingest

import (
	"regexp"
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// Reports often end an article with a line about its authors. It is
// metadata, not argument: it leaves the body and becomes the authors'
// affiliations. Its forms vary — "Author: …", "Authors: …; …", "The authors
// are respectively …, and …", "Jane Doe is …", and extraction can even cut
// its beginning off, leaving a paragraph that starts in lower case
// ("the National Institute of … and director of …, and a doctoral student
// in …"). It is recognised by its place (the article's last paragraph),
// its opening, and the vocabulary of positions and institutions.

var bioPrefix = regexp.MustCompile(`^(?i:(?:about\s+the\s+authors?|authors?|contributors?|the\s+authors?\s+(?:are|is)(?:\s+respectively)?|the\s+authors?)\s*[:.—–-]?\s*)`)

var bioVocabulary = []string{
	"professor", "director", "dean", "fellow", "researcher", "lecturer", "student",
	"president", "university", "institute", "academy", "center", "centre", "school",
	"college", "chair", "editor", "analyst", "scholar", "candidate", "department",
}

// bioMaxLen bounds a biography paragraph: longer text is an argument.
const bioMaxLen = 900

// bioText returns the part of p that describes the authors, with its
// opening words removed, when p is a biography line.
func bioText(p string, authors []retrieval.Author) (string, bool) {
	if len(p) > bioMaxLen {
		return "", false
	}
	if loc := bioPrefix.FindStringIndex(p); loc != nil && loc[1] < len(p) && (strings.Contains(p[:loc[1]], ":") || bioWords(p) >= 1 && loc[1] > len("author")) {
		return p[loc[1]:], true
	}
	for _, a := range authors {
		if strings.HasPrefix(p, a.Name+" is ") || strings.HasPrefix(p, a.Name+", ") && bioWords(p) >= 2 {
			return p, true
		}
	}
	if startsLower(p) && bioWords(p) >= 2 {
		return p, true // a biography whose opening words were lost
	}
	return "", false
}

func bioWords(p string) int {
	lower := strings.ToLower(p)
	n := 0
	for _, w := range bioVocabulary {
		if strings.Contains(lower, w) {
			n++
		}
	}
	return n
}

var (
	bioAndSplit   = regexp.MustCompile(`,\s+and\s+(?:a|an|the)\s+`)
	bioRespective = regexp.MustCompile(`(?i),?\s*respectively\b,?`)
)

// applyBio gives each author the part of the biography about them. Parts
// are split at semicolons or at ", and a/an/the"; a part that starts with
// an author's name goes to that author, the others go to the authors in
// order. One part for several authors is shared by all of them.
func applyBio(bio string, authors []retrieval.Author) {
	if len(authors) == 0 {
		return
	}
	if strings.Contains(strings.ToLower(bio), "respectively") {
		bio = bioRespective.ReplaceAllString(bio, "")
	}
	bio = strings.TrimSpace(bio)
	parts := splitBio(bio, len(authors))
	if len(parts) == 1 && len(authors) > 1 {
		for i := range authors {
			setAffiliation(&authors[i], tidyBio(parts[0], ""))
		}
		return
	}
	next := 0
	for _, part := range parts {
		if i := authorNamed(part, authors); i >= 0 {
			setAffiliation(&authors[i], tidyBio(part, authors[i].Name))
			continue
		}
		if next < len(authors) {
			setAffiliation(&authors[next], tidyBio(part, ""))
			next++
		}
	}
}

func splitBio(bio string, n int) []string {
	if strings.Contains(bio, ";") {
		return strings.Split(bio, ";")
	}
	if n > 1 {
		if loc := bioAndSplit.FindAllStringIndex(bio, -1); len(loc) > 0 {
			var parts []string
			from := 0
			for _, l := range loc {
				parts = append(parts, bio[from:l[0]])
				from = l[0] + strings.Index(bio[l[0]:l[1]], "and") + len("and ")
			}
			return append(parts, bio[from:])
		}
		if sentences := strings.Split(bio, ". "); len(sentences) == n {
			return sentences
		}
	}
	return []string{bio}
}

func authorNamed(part string, authors []retrieval.Author) int {
	part = strings.TrimSpace(part)
	for i, a := range authors {
		if strings.HasPrefix(part, a.Name) {
			return i
		}
	}
	return -1
}

// tidyBio trims a biography part to the position itself: without the
// author's name and verb ("Jane Doe is "), a leading article and the final
// period.
func tidyBio(part, name string) string {
	part = strings.TrimSpace(part)
	if name != "" {
		part = strings.TrimSpace(strings.TrimPrefix(part, name))
		part = strings.TrimPrefix(strings.TrimPrefix(part, ","), " ")
		for _, verb := range []string{"is ", "was ", "serves as "} {
			part = strings.TrimPrefix(part, verb)
		}
	}
	for _, article := range []string{"a ", "an ", "the "} {
		part = strings.TrimPrefix(part, article)
	}
	return tidyAffiliation(part)
}

func setAffiliation(a *retrieval.Author, aff string) {
	if a.Affiliation == "" && aff != "" {
		a.Affiliation = aff
	}
}
