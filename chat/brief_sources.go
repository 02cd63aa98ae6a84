package chat

import (
	"strconv"
	"strings"
)

// A brief cites passages, and often several of one article and section
// (the chunks of a long section). Listed one per line, the sources would
// repeat the same authors, title and section over and over; so the list
// groups them: one entry per article, in the order the brief first cites
// it, giving the numbers cited from each of its sections —
//
//	Xu Liping and Fan Jiaqi, “What's "New" …?”: [1], [4] (section “A Vivid …”); [8] (section “A New …”).

// sourceGroup is the cited passages of one article, by section.
type sourceGroup struct {
	Authors  string
	Title    string
	Sections []sourceSection
}

// sourceSection is the numbers cited from one section ("" for the text
// outside any, or a section named as the article is).
type sourceSection struct {
	Section string
	Ns      []int
}

// groupSources groups citations by article, then section, in citation order.
func groupSources(cites []Citation) []sourceGroup {
	var out []sourceGroup
	index := map[string]int{}
	for _, c := range cites {
		i, ok := index[c.ArticleID]
		if !ok {
			i, index[c.ArticleID] = len(out), len(out)
			out = append(out, sourceGroup{Authors: joinNames(c.Authors), Title: c.Title})
		}
		g := &out[i]
		sec := c.Section
		if sec == c.Title {
			sec = ""
		}
		j := len(g.Sections)
		for k, s := range g.Sections {
			if s.Section == sec {
				j = k
			}
		}
		if j == len(g.Sections) {
			g.Sections = append(g.Sections, sourceSection{Section: sec})
		}
		g.Sections[j].Ns = append(g.Sections[j].Ns, c.N)
	}
	return out
}

// text writes the group as one line of plain text.
func (g sourceGroup) text() string {
	var b strings.Builder
	if g.Authors != "" {
		b.WriteString(g.Authors + ", ")
	}
	b.WriteString("“" + g.Title + "”: ")
	for i, s := range g.Sections {
		if i > 0 {
			b.WriteString("; ")
		}
		for k, n := range s.Ns {
			if k > 0 {
				b.WriteString(", ")
			}
			b.WriteString("[" + strconv.Itoa(n) + "]")
		}
		if s.Section != "" {
			b.WriteString(" (section “" + s.Section + "”)")
		}
	}
	return b.String() + "."
}
