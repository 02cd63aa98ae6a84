package ingest

import "strings"

// block is a run of non-blank lines of a source, as the extractor laid it
// out: a paragraph, a heading, a byline, or a piece of one of them cut by a
// page break.
type block struct {
	lines []string // cleaned lines (see cleanLine)
	text  string   // the lines joined into one line of text
	bold  bool     // the whole block was wrapped in **…**, which extractors use for display headings
	line  int      // 1-based line number of the block's first line in the source
}

// splitBlocks cuts a document into blocks at blank (or whitespace-only)
// lines, cleans each line and joins the lines of a block, repairing words
// hyphenated at line ends.
func splitBlocks(doc string, hy hyphens) []block {
	var out []block
	var cur []string
	var raw0, rawN string
	first := 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		b := block{lines: cur, line: first}
		b.text = joinLines(cur, hy)
		b.bold = strings.HasPrefix(raw0, "**") && strings.HasSuffix(rawN, "**") && b.text != ""
		if b.text != "" {
			out = append(out, b)
		}
		cur = nil
	}
	n := 0
	for len(doc) > 0 {
		n++
		var line string
		if i := strings.IndexByte(doc, '\n'); i >= 0 {
			line, doc = doc[:i], doc[i+1:]
		} else {
			line, doc = doc, ""
		}
		raw := strings.TrimSpace(line)
		if raw == "" {
			flush()
			continue
		}
		if len(cur) == 0 {
			first, raw0 = n, raw
		}
		rawN = raw
		if c := cleanLine(raw); c != "" {
			cur = append(cur, c)
		}
	}
	flush()
	return out
}

// joinLines makes one line of a block's lines.
func joinLines(lines []string, hy hyphens) string {
	if len(lines) == 1 {
		return lines[0]
	}
	size := 0
	for _, l := range lines {
		size += len(l) + 1
	}
	buf := make([]byte, 0, size)
	for _, l := range lines {
		buf = hy.appendJoin(buf, l)
	}
	return string(buf)
}

// normalizeNewlines turns CRLF and CR line ends into LF and drops a BOM.
func normalizeNewlines(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
