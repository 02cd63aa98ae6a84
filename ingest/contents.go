package ingest

import (
	"regexp"
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// A report's contents list is its own statement of its structure: parts,
// numbered articles with page numbers, and each article's authors on the
// line below. The parser trusts it over any guess made from the body.
//
//	CONTENTS
//	Part I. China and ASEAN Forging a New Paradigm /01
//	1.1 What's "New" in China-ASEAN Security Cooperation? /02
//	Xu Liping, Fan Jiaqi
//
// Page references may also be dot leaders ("Title ........ 12").

// entry is one article listed in the contents.
type entry struct {
	num     string // "1.1", or "" for an unnumbered entry such as "Foreword /01"
	title   string
	authors []retrieval.Author
	part    string // the part line it is listed under, without its page number
}

// contents is the parsed list and where it sits among the blocks.
type contents struct {
	at      int // index of the CONTENTS heading block
	end     int // index of the first block after the list
	entries []entry
	parts   []string // part markers ("part i", "chapter 2") as matchKey-ed prefixes
}

var (
	partLine     = regexp.MustCompile(`^((?i:part|chapter|section|book)\s+(?:[IVXLCDM]+|\d+|[A-Za-z]+))\b\.?\s*[:.—–-]?\s*(.*)$`)
	numberedLine = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(.+)$`)
)

// cutPageRef splits "Title /02", "Title ........ 12" or "Title …… 12" into
// the title; ok is false when the line ends in no page reference.
func cutPageRef(line string) (head string, ok bool) {
	i := len(line)
	for i > 0 && line[i-1] >= '0' && line[i-1] <= '9' {
		i--
	}
	if i == len(line) || len(line)-i > 4 {
		return "", false
	}
	head = strings.TrimRight(line[:i], " ")
	switch {
	case strings.HasSuffix(head, "/"), strings.HasSuffix(head, ".."), strings.HasSuffix(head, "…"):
		head = strings.TrimRight(head, "/.… ")
		return head, head != ""
	}
	return "", false
}

// findContents returns the index of the block that opens the contents
// list, or -1.
func findContents(blocks []block) int {
	for i, b := range blocks {
		if len(b.lines[0]) > len("table of contents:") {
			continue
		}
		switch strings.ToLower(strings.Trim(b.lines[0], " :")) {
		case "contents", "table of contents":
			return i
		}
	}
	return -1
}

// parseContents reads the list that starts at blocks[at] (whose first line
// is the CONTENTS heading). The list ends at the first line that is neither
// a part, an entry, a wrapped entry title nor an author line.
func parseContents(blocks []block, at int) contents {
	c := contents{at: at, end: len(blocks)}
	part, open := "", ""
	for bi := at; bi < len(blocks); bi++ {
		lines := blocks[bi].lines
		if bi == at {
			lines = lines[1:]
		}
		for li, line := range lines {
			if head, ok := cutPageRef(line); ok && open == "" {
				if m := partLine.FindStringSubmatch(head); m != nil {
					part = head
					c.parts = append(c.parts, matchKey(m[1]))
					continue
				}
			}
			if e, ok := contentsEntry(line, open); ok {
				e.part = part
				c.entries = append(c.entries, e)
				open = ""
				continue
			}
			if open == "" && numberedLine.MatchString(line) {
				open = line // a title wrapped onto the next line
				continue
			}
			if n := len(c.entries); n > 0 && open == "" {
				if authors, ok := parseByline(line); ok {
					c.entries[n-1].authors = append(c.entries[n-1].authors, authors...)
					continue
				}
			}
			c.end = bi
			if li > 0 || bi == at {
				c.end = bi + 1
			}
			return c
		}
	}
	return c
}

// contentsEntry parses one entry line; open is a previous line holding the
// start of a wrapped title.
func contentsEntry(line, open string) (entry, bool) {
	if open != "" {
		line = open + " " + line
	}
	head, ok := cutPageRef(line)
	if !ok {
		return entry{}, false
	}
	if m := numberedLine.FindStringSubmatch(head); m != nil {
		return entry{num: m[1], title: strings.TrimSpace(m[2])}, true
	}
	if headingLike(head) && len(head) <= 200 {
		return entry{title: head}, true
	}
	return entry{}, false
}
