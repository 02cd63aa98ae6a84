package ingest

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citechat/citechat/retrieval"
)

// parsePlain reads plain text as one article. The first line is its title
// when it looks like one (a short line of its own that does not end a
// sentence); otherwise the file name is. A "By …" line under the title
// names the authors. The body gets the same repairs as a report's.
func parsePlain(doc, name string) retrieval.Article {
	hy := newHyphens(doc)
	blocks := splitBlocks(doc, hy)
	title := ""
	if len(blocks) > 0 && len(blocks[0].lines) == 1 && looksLikeTitle(blocks[0].text) {
		title, blocks = blocks[0].text, blocks[1:]
	}
	if title == "" {
		title = titleFromName(name)
	}
	var authors []retrieval.Author
	var paras []para
	if len(blocks) > 0 {
		if found, ok := byLine(blocks[0].text); ok {
			authors = found
			paras = append(paras, para{text: blocks[0].text})
			blocks = blocks[1:]
		}
	}
	paras = append(paras, takeBio(paragraphs(blocks, hy), authors)...)
	a := retrieval.Article{Title: title, Authors: authors}
	a.Text, a.Sections = compose(paras)
	return a
}

func looksLikeTitle(s string) bool {
	return len(s) <= 200 && strings.TrimSpace(s) != "" && !startsLower(s) && (!terminated(s) || strings.HasSuffix(s, "?"))
}

// byLine reads "By A and B" (or "Author: A", "Authors: A, B").
func byLine(s string) ([]retrieval.Author, bool) {
	for _, p := range []string{"By ", "by ", "BY ", "Author: ", "Authors: "} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return parseByline(rest)
		}
	}
	return nil, false
}

// titleFromName makes a title of a file name: "tidal-energy_2024.txt" →
// "Tidal Energy 2024".
func titleFromName(name string) string {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	base = strings.TrimSuffix(base, path.Ext(base))
	words := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == ' ' || r == '.' })
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	if len(words) == 0 {
		return "Untitled"
	}
	return strings.Join(words, " ")
}

// noText is the problem of a file that parsed but holds no prose.
func noText(what string) error {
	return fmt.Errorf("%w: %s", ErrEmpty, what)
}
