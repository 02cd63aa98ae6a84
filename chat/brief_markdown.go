package chat

import (
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// Section headings of a brief, shared by the Markdown and HTML renderings
// and asked of an LLM (brief_llm.go).
const (
	headOverview  = "Overview"
	headKeyPoints = "Key points"
	headPositions = "Who argues what"
	headFigures   = "Figures and dates"
	headSources   = "Sources"
)

// BriefMarkdown renders a brief answer as a Markdown document: the title,
// the sections, and the numbered sources. An answer without a brief is
// rendered as a one-question brief. For a brief built by Bot.Answer the
// result is Answer.Answer.
func BriefMarkdown(ans *Answer) string {
	return strings.Join(markdownLines(briefOf(ans), ans.Citations), "")
}

// briefOf returns the answer's brief, or a one-question brief of a plain answer.
func briefOf(ans *Answer) *Brief {
	if ans.Brief != nil {
		return ans.Brief
	}
	pt := BriefPoint{Text: ans.Answer}
	for _, c := range ans.Citations {
		pt.Cites = append(pt.Cites, c.N)
	}
	return &Brief{Topic: ans.Question, Title: briefTitle(ans.Question), Questions: []BriefQuestion{
		{ID: ans.ID, Question: ans.Question, Answer: pt, Abstained: ans.Abstained, Notice: ans.Notice}}}
}

// markdownLines renders a brief as lines (each ending in "\n"), the pieces
// in which it is streamed.
func markdownLines(br *Brief, cites []Citation) []string {
	var out []string
	line := func(s string) { out = append(out, s+"\n") }
	head := func(s string) {
		if len(out) > 0 && out[len(out)-1] != "\n" {
			line("")
		}
		line(s)
		line("")
	}
	head("# " + mdEscape(br.Title))
	if br.NotCovered != "" {
		line(mdEscape(br.NotCovered))
		return out
	}
	if len(br.Overview) > 0 {
		texts := make([]string, len(br.Overview))
		for i, p := range br.Overview {
			texts[i] = mdEscape(p.Text)
		}
		line(strings.Join(texts, " "))
	}
	if len(br.Themes) > 0 {
		head("## " + headKeyPoints)
		for i, th := range br.Themes {
			if i > 0 {
				line("")
			}
			line("### " + mdEscape(th.Heading))
			line("")
			for _, p := range th.Points {
				line("- " + mdEscape(p.Text))
			}
		}
	}
	if len(br.Positions) > 0 {
		head("## " + headPositions)
		for _, p := range br.Positions {
			line("- " + mdAuthors(p.Authors) + ", “" + mdEscape(p.Title) + "”: " + mdEscape(p.Claim.Text))
		}
	}
	if len(br.Figures) > 0 {
		head("## " + headFigures)
		for _, p := range br.Figures {
			line("- " + mdEscape(p.Text))
		}
	}
	for _, q := range br.Questions {
		head("## " + mdEscape(q.Question))
		line(mdEscape(q.Answer.Text))
		if q.Notice != "" {
			line("")
			line("*" + mdEscape(q.Notice) + "*")
		}
	}
	if len(cites) > 0 {
		head("## " + headSources)
		for _, g := range groupSources(cites) {
			line("- " + mdEscape(g.text()))
		}
	}
	return out
}

// mdAuthors writes authors in bold with their affiliations.
func mdAuthors(as []retrieval.Author) string {
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = "**" + mdEscape(a.Name) + "**"
		if a.Affiliation != "" {
			parts[i] += " (" + mdEscape(a.Affiliation) + ")"
		}
	}
	return joinNames(parts)
}

// joinNames joins names as a reader lists them: "A", "A and B", "A, B and C".
func joinNames(ns []string) string {
	if len(ns) <= 1 {
		return strings.Join(ns, "")
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}

// mdEscape keeps text from being read as Markdown emphasis, code or HTML,
// and a line break inside it from ending a list item.
var mdEscape = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `<`, `\<`, "\n", " ").Replace
