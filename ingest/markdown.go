package ingest

import (
	"regexp"
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// parseMarkdown reads a Markdown article: front matter for the metadata,
// headings for the sections, and the prose with its markup removed (links
// keep their text, images and HTML tags go, code keeps its content). The
// title is the front matter's, else the first level-1 heading, else the
// file name.
func parseMarkdown(doc, name string) result {
	fm, body, err := splitFrontMatter(doc)
	if err != nil {
		return result{err: err}
	}
	paras, h1 := markdownParas(body, newHyphens(body))
	title := fm.Title
	if title == "" {
		title = h1
	}
	if title == "" {
		title = titleFromName(name)
	}
	paras = dropTitleHeading(paras, title)
	a := retrieval.Article{Title: title, Authors: fm.Authors, Date: fm.Date, URL: fm.URL}
	a.Text, a.Sections = compose(paras)
	if a.Text == "" {
		return result{err: noText("no text after the front matter")}
	}
	return result{articles: []retrieval.Article{a}}
}

var (
	mdATX      = regexp.MustCompile(`^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$`)
	mdSetext   = regexp.MustCompile(`^ {0,3}(=+|-+)\s*$`)
	mdRule     = regexp.MustCompile(`^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$`)
	mdItem     = regexp.MustCompile(`^\s*(?:[-*+]|\d{1,9}[.)])\s+`)
	mdRefDef   = regexp.MustCompile(`^ {0,3}\[[^\]^]+\]:\s+\S`)
	mdFence    = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	mdTableSep = regexp.MustCompile(`^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$`)
)

// markdownParas turns a Markdown body into paragraphs and headings; h1 is
// the text of the first level-1 heading.
func markdownParas(body string, hy hyphens) (paras []para, h1 string) {
	var lines []string
	flush := func() {
		if len(lines) > 0 {
			if t := joinLines(lines, hy); t != "" {
				paras = append(paras, para{text: t})
			}
			lines = nil
		}
	}
	fence := ""
	var code []string
	for _, raw := range strings.Split(body, "\n") {
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(raw), fence) {
				if t := strings.TrimSpace(strings.Join(code, "\n")); t != "" {
					paras = append(paras, para{text: t})
				}
				fence, code = "", nil
			} else {
				code = append(code, strings.TrimRight(raw, " \t"))
			}
			continue
		}
		if m := mdFence.FindStringSubmatch(raw); m != nil {
			flush()
			fence = m[1]
			continue
		}
		line := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(raw), "> "))
		switch {
		case line == "":
			flush()
		case mdSetext.MatchString(raw) && len(lines) == 1:
			paras = append(paras, para{text: mdInline(lines[0]), heading: true})
			if h1 == "" && strings.HasSuffix(strings.TrimSpace(raw), "=") {
				h1 = mdInline(lines[0])
			}
			lines = nil
		case mdRule.MatchString(line), mdRefDef.MatchString(line), mdTableSep.MatchString(line):
			flush()
		case mdATX.MatchString(line):
			flush()
			m := mdATX.FindStringSubmatch(line)
			text := mdInline(m[2])
			if len(m[1]) == 1 && h1 == "" {
				h1 = text
			}
			if text != "" {
				paras = append(paras, para{text: text, heading: true})
			}
		case mdItem.MatchString(line):
			flush()
			lines = append(lines, mdInline(mdItem.ReplaceAllString(line, "")))
		case strings.HasPrefix(line, "|"):
			flush()
			lines = append(lines, mdInline(tableRow(line)))
			flush()
		default:
			if t := mdInline(line); t != "" {
				lines = append(lines, t)
			}
		}
	}
	flush()
	if t := strings.TrimSpace(strings.Join(code, "\n")); t != "" { // unclosed fence
		paras = append(paras, para{text: t})
	}
	return paras, h1
}

// tableRow makes a line of text of a table row: "| a | b |" → "a; b".
func tableRow(line string) string {
	cells := strings.Split(strings.Trim(line, "| "), "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return strings.Join(cells, "; ")
}

// dropTitleHeading removes a heading that repeats the title.
func dropTitleHeading(paras []para, title string) []para {
	for i, p := range paras {
		if p.heading && matchKey(p.text) == matchKey(title) {
			return append(paras[:i:i], paras[i+1:]...)
		}
		if !p.heading {
			break
		}
	}
	return paras
}
