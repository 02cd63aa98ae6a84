package chat

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// The printable HTML page of a brief is one self-contained file: inline
// CSS with print styles, no script, no font, image or other request, so it
// can be saved, mailed and printed as it is. html/template escapes every
// text, and the [n] markers become links to the numbered sources at the
// foot of the page, each showing its quote on hover.

//go:embed brief_html.tmpl
var briefHTMLText string

var briefHTMLTemplate = template.Must(template.New("brief").Parse(briefHTMLText))

// briefPrefix starts every brief's title; the page shows it as a kicker.
const briefPrefix = "Briefing: "

// BriefHTML writes a brief answer (or a plain answer, as a one-question
// brief) as a printable HTML page.
func BriefHTML(w io.Writer, ans *Answer) error {
	if err := briefHTMLTemplate.Execute(w, newHTMLView(ans)); err != nil {
		return fmt.Errorf("brief html: %w", err)
	}
	return nil
}

// segment is a piece of a point's text: plain text, or a marker (N > 0)
// with the quote of its citation.
type segment struct {
	Text  string
	N     int
	Quote string
}

type (
	htmlView struct {
		Title, Heading, Meta, Notice, NotCovered string
		Overview, Figures                        [][]segment
		Themes                                   []htmlTheme
		Positions                                []htmlPosition
		Questions                                []htmlQuestion
		Sources                                  []sourceGroup
	}
	htmlTheme struct {
		Heading string
		Points  [][]segment
	}
	htmlPosition struct {
		Names, Affiliations, Title string
		Claim                      []segment
	}
	htmlQuestion struct {
		Question, Notice string
		Answer           []segment
		Abstained        bool
	}
)

func newHTMLView(ans *Answer) htmlView {
	br := briefOf(ans)
	quotes := map[int]string{}
	for _, c := range ans.Citations {
		quotes[c.N] = c.Quote
	}
	segs := func(p BriefPoint) []segment { return segments(p.Text, quotes) }
	all := func(ps []BriefPoint) [][]segment {
		out := make([][]segment, len(ps))
		for i, p := range ps {
			out[i] = segs(p)
		}
		return out
	}
	v := htmlView{Title: br.Title, Heading: strings.TrimPrefix(br.Title, briefPrefix), Meta: htmlMeta(ans),
		Notice: ans.Notice, NotCovered: br.NotCovered, Overview: all(br.Overview), Figures: all(br.Figures)}
	for _, th := range br.Themes {
		v.Themes = append(v.Themes, htmlTheme{th.Heading, all(th.Points)})
	}
	for _, p := range br.Positions {
		v.Positions = append(v.Positions, htmlPosition{authorNames(p.Authors), affiliations(p.Authors), p.Title, segs(p.Claim)})
	}
	for _, q := range br.Questions {
		v.Questions = append(v.Questions, htmlQuestion{q.Question, q.Notice, segs(q.Answer), q.Abstained})
	}
	v.Sources = groupSources(ans.Citations)
	return v
}

// segments cuts text at its [n] markers.
func segments(text string, quotes map[int]string) []segment {
	var out []segment
	last := 0
	for _, m := range markerRe.FindAllStringSubmatchIndex(text, -1) {
		n, _ := strconv.Atoi(text[m[2]:m[3]])
		if m[0] > last {
			out = append(out, segment{Text: text[last:m[0]]})
		}
		out = append(out, segment{N: n, Quote: quotes[n]})
		last = m[1]
	}
	if last < len(text) {
		out = append(out, segment{Text: text[last:]})
	}
	return out
}

// htmlMeta says how many sources and articles the brief cites and how it
// was written.
func htmlMeta(ans *Answer) string {
	articles := map[string]bool{}
	for _, c := range ans.Citations {
		articles[c.ArticleID] = true
	}
	how := "quoted from the sources"
	if ans.Mode == "llm" {
		how = "written by a language model from the sources and checked against them"
	}
	return fmt.Sprintf("%s from %s, %s.", plural(len(ans.Citations), "source"), plural(len(articles), "article"), how)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func authorNames(as []retrieval.Author) string {
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Name
	}
	return joinNames(names)
}

// affiliations lists the authors' affiliations, each after its author's
// name when there are several authors.
func affiliations(as []retrieval.Author) string {
	var affs []string
	for _, a := range as {
		switch {
		case a.Affiliation == "":
		case len(as) == 1:
			affs = append(affs, a.Affiliation)
		default:
			affs = append(affs, a.Name+": "+a.Affiliation)
		}
	}
	return strings.Join(affs, "; ")
}
