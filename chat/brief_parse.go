package chat

import (
	"regexp"
	"strings"
)

// Reading a model's brief back. The outline asked for (brief_llm.go) is
// read leniently — a missing "## Overview" heading, "*" bullets, numbered
// lists and bold names all pass — but its text strictly: each sentence goes
// through the checker, which keeps it only with a marker of a passage that
// supports it, and a sentence said twice is kept once. Sections the outline
// does not know are skipped. Headings are the model's own words only for
// themes; the sections' headings are the brief's.

// bulletRe matches a list item's marker: "- ", "* ", "• ", "1. ", "2) ".
var bulletRe = regexp.MustCompile(`^(?:[-*•]|\d{1,2}[.)])\s+`)

// briefReader places a model's checked sentences into a brief.
type briefReader struct {
	br   *Brief
	chk  *checker
	lib  Library
	srcs []Source
	sec  string          // the section being read: one of the head* names, "" for unknown
	said map[string]bool // sentences kept so far, without markers
}

// readBrief reads the model's text into br.
func readBrief(br *Brief, text string, chk *checker, lib Library, srcs []Source) {
	r := &briefReader{br: br, chk: chk, lib: lib, srcs: srcs, sec: headOverview, said: map[string]bool{}}
	for _, l := range strings.Split(text, "\n") {
		r.line(strings.TrimSpace(strings.NewReplacer("**", "", "__", "").Replace(l)))
	}
}

func (r *briefReader) line(l string) {
	switch {
	case l == "":
		return
	case strings.HasPrefix(l, "###"):
		if r.sec == headKeyPoints {
			r.br.Themes = append(r.br.Themes, BriefTheme{Heading: strings.TrimSpace(strings.Trim(l, "#:"))})
		}
		return
	case strings.HasPrefix(l, "#"):
		r.sec = sectionNamed(strings.ToLower(l))
		return
	}
	sents := r.sentences(bulletRe.ReplaceAllString(l, ""))
	if len(sents) == 0 {
		return
	}
	pt := BriefPoint{Text: strings.Join(sents, " ")}
	_, pt.Cites = stripMarkers(pt.Text)
	switch r.sec {
	case headOverview:
		for _, s := range sents {
			_, cites := stripMarkers(s)
			r.br.Overview = append(r.br.Overview, BriefPoint{Text: s, Cites: cites})
		}
	case headKeyPoints:
		if len(r.br.Themes) == 0 {
			r.br.Themes = append(r.br.Themes, BriefTheme{Heading: headKeyPoints})
		}
		th := &r.br.Themes[len(r.br.Themes)-1]
		th.Points = append(th.Points, pt)
	case headPositions:
		r.position(pt)
	case headFigures:
		r.br.Figures = append(r.br.Figures, pt)
	}
}

// sectionNamed maps a model's heading to the brief's section, "" if none.
func sectionNamed(h string) string {
	for _, s := range [][2]string{{"overview", headOverview}, {"key point", headKeyPoints},
		{"argue", headPositions}, {"figure", headFigures}, {"date", headFigures}} {
		if strings.Contains(h, s[0]) {
			return s[1]
		}
	}
	return ""
}

// sentences returns the line's sentences that pass the checker and were not
// said before, each with its markers. Sentences without a marker (a remark
// that something is not covered) are left out of the brief.
func (r *briefReader) sentences(l string) []string {
	var out []string
	for l != "" {
		end := sentenceEnd(l, true)
		s := r.chk.check(strings.TrimSpace(l[:end]))
		l = l[end:]
		bare, marks := stripMarkers(s)
		if s == "" || len(marks) == 0 || r.said[bare] {
			continue
		}
		r.said[bare] = true
		out = append(out, s)
	}
	return out
}

// position adds a model's sentence on what an article argues, under that
// article's authors: the article of its first marker. An article gets one.
func (r *briefReader) position(pt BriefPoint) {
	s := r.srcs[pt.Cites[0]-1]
	for _, p := range r.br.Positions {
		if p.ArticleID == s.ArticleID {
			return
		}
	}
	r.br.Positions = append(r.br.Positions, newPosition(r.lib, s.ArticleID, s.Title, s.Authors, pt))
}
