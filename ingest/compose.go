package ingest

import (
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// compose lays paragraphs out as an article's Text, separated by blank
// lines, and records each heading as a Section with the byte range of the
// paragraphs under it. Headings are not part of Text: a chunk carries its
// section's heading separately, and every quote stays a span of prose.
// Text before the first heading is a section with an empty heading.
func compose(paras []para) (string, []retrieval.Section) {
	size := 0
	for _, p := range paras {
		size += len(p.text) + 2
	}
	var b strings.Builder
	b.Grow(size)
	var sections []retrieval.Section
	cur := retrieval.Section{Start: -1}
	closeSection := func() {
		if cur.Start < 0 {
			cur.Start = b.Len()
		}
		cur.End = b.Len()
		if cur.Heading != "" || cur.End > cur.Start {
			sections = append(sections, cur)
		}
	}
	for _, p := range paras {
		if p.heading {
			closeSection()
			cur = retrieval.Section{Heading: p.text, Start: -1}
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		if cur.Start < 0 {
			cur.Start = b.Len()
		}
		b.WriteString(p.text)
	}
	closeSection()
	return b.String(), sections
}
