package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citechat/citechat/retrieval"
)

// Authors are personal names only. A byline mixes names with job titles and
// institutions ("Ge Hongliang, Deputy Dean, College of ASEAN Studies"), so a
// name is recognised by its shape — two to five capitalised words — and by
// not containing the vocabulary of positions and institutions.

var roleWords = map[string]bool{
	"university": true, "institute": true, "institution": true, "center": true, "centre": true,
	"school": true, "college": true, "academy": true, "department": true, "ministry": true,
	"research": true, "fellow": true, "professor": true, "director": true, "dean": true,
	"president": true, "chair": true, "chairman": true, "chairwoman": true, "vice": true,
	"deputy": true, "senior": true, "lecturer": true, "studies": true, "student": true,
	"council": true, "committee": true, "foundation": true, "society": true, "association": true,
	"office": true, "bureau": true, "editor": true, "secretary": true, "minister": true,
	"ambassador": true, "researcher": true, "assistant": true, "associate": true, "program": true,
	"programme": true, "initiative": true, "cooperation": true, "community": true,
	"international": true, "national": true, "global": true, "relations": true, "affairs": true,
	"group": true, "team": true, "staff": true, "forum": true, "board": true, "agency": true,
	"press": true, "news": true, "report": true, "journal": true, "contents": true, "part": true,
	"foreword": true, "preface": true, "introduction": true, "chapter": true, "policy": true,
	"head": true, "manager": true, "officer": true, "analyst": true, "candidate": true,
	"governance": true, "development": true, "security": true, "future": true, "shared": true,
}

// nameParticles may appear in lower case inside a personal name.
var nameParticles = map[string]bool{
	"van": true, "von": true, "de": true, "der": true, "den": true, "da": true, "di": true,
	"du": true, "la": true, "le": true, "bin": true, "binti": true, "al": true, "el": true,
	"dos": true, "das": true, "del": true, "y": true, "ibn": true, "ter": true,
}

// honorifics are dropped from the front of a name.
var honorifics = map[string]bool{
	"dr": true, "prof": true, "professor": true, "mr": true, "mrs": true, "ms": true,
	"mx": true, "sir": true, "dame": true, "ambassador": true, "h.e": true,
}

// personalName returns s as a personal name, without honorifics, footnote
// marks and surrounding punctuation, and whether it is one.
func personalName(s string) (string, bool) {
	s = strings.Trim(s, " \t*†‡§¹²³.,;:")
	words := strings.Fields(s)
	for len(words) > 0 && honorifics[strings.ToLower(strings.TrimSuffix(words[0], "."))] {
		words = words[1:]
	}
	if len(words) < 2 || len(words) > 5 {
		return "", false
	}
	for i, w := range words {
		if !nameWord(w, i) {
			return "", false
		}
	}
	return strings.Join(words, " "), true
}

func nameWord(w string, i int) bool {
	if roleWords[strings.ToLower(strings.Trim(w, ".,"))] {
		return false
	}
	if nameParticles[w] && i > 0 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == '.' || r == '-' || r == '\'' || r == '’':
		default:
			return false
		}
	}
	return letters > 0
}

// splitNameList splits a list of names at commas, semicolons, "&" and the
// word "and": "A, B and C", "A & B".
func splitNameList(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '&' }) {
		words := strings.Fields(part)
		from := 0
		for i, w := range words {
			if w == "and" {
				out = append(out, strings.Join(words[from:i], " "))
				from = i + 1
			}
		}
		out = append(out, strings.Join(words[from:], " "))
	}
	return out
}

// parseNames reads a line that should hold only personal names. It fails if
// any piece is not a name.
func parseNames(s string) ([]string, bool) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "By "))
	var names []string
	for _, p := range splitNameList(s) {
		if p == "" {
			continue
		}
		n, ok := personalName(p)
		if !ok {
			return nil, false
		}
		names = append(names, n)
	}
	return names, len(names) > 0
}

// parseByline reads the line under a title: names only ("A, B", "A and B*"),
// or names with a position ("Name, Job title, Institution"), or several
// such entries separated by semicolons.
func parseByline(s string) ([]retrieval.Author, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 300 || s == "" || proseLike(s) {
		return nil, false
	}
	if names, ok := parseNames(s); ok {
		return authorsOf(names, ""), true
	}
	var out []retrieval.Author
	for _, entry := range strings.Split(s, ";") {
		head, rest, _ := strings.Cut(strings.TrimSpace(entry), ",")
		names, ok := parseNames(head)
		if !ok {
			return nil, false
		}
		out = append(out, authorsOf(names, tidyAffiliation(rest))...)
	}
	return out, len(out) > 0
}

// proseLike reports whether s reads as prose rather than a byline: more
// than one sentence, or a question or exclamation. (A byline may end with a
// period.)
func proseLike(s string) bool {
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, ":") {
		return true
	}
	for i := strings.Index(s, ". "); i >= 0; {
		if r := firstLetterOrDigit(s[i+2:]); unicode.IsUpper(r) && i > 0 && len(trailingWord(s[:i], false)) > 2 {
			return true
		}
		j := strings.Index(s[i+2:], ". ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return false
}

func authorsOf(names []string, affiliation string) []retrieval.Author {
	out := make([]retrieval.Author, len(names))
	for i, n := range names {
		out[i] = retrieval.Author{Name: n, Affiliation: affiliation}
	}
	return out
}

func tidyAffiliation(s string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(s), ".,;*"))
}
