package ingest

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citechat/citechat/retrieval"
)

// The report format is the text a PDF extractor makes of a multi-author
// report: a cover, perhaps a foreword, a CONTENTS list, then the articles,
// each opening with its title and author line, grouped under part headings
// ("Part I." over a bold title). The parser derives everything from the
// document's own structure:
//
//  1. The contents list gives the titles, authors and parts (contents.go).
//  2. Each title is found again in the body, in contents order, each search
//     starting after the previous article's title — so a title repeated
//     later as a section heading inside an article is not mistaken for it.
//  3. Text between one title and the next belongs to the first article,
//     except part headings (dropped: they are recorded as Article.Part).
//  4. Front matter before the list, or between it and the first article,
//     that opens with a short heading such as "FOREWORD" and has prose is an
//     article too; its author is read from its first line.
//
// Nothing about a particular report is written into the code.

// report is a document being parsed in the report format.
type report struct {
	blocks []block
	hy     hyphens
	toc    contents
	isPart []bool // blocks that are part headings in the body
}

// located is a contents entry found in the body: its title occupies
// blocks[at:body].
type located struct {
	entry
	at, body int
}

var partMarker = regexp.MustCompile(`^((?i:part|chapter|section|book)\s+(?:[IVXLCDM]+|\d+|[A-Za-z]+))\b`)

// parseReport parses doc as a report. isReport is false when doc has no
// CONTENTS heading: it is then not a report and the caller reads it as
// plain text. With a heading but no usable list, or none of the listed
// titles in the body, problem is ErrNoContents and articles is nil.
func parseReport(doc string) (articles []retrieval.Article, isReport bool, problem error) {
	doc = normalizeNewlines(doc)
	r := &report{hy: newHyphens(doc)}
	r.blocks = splitBlocks(doc, r.hy)
	at := findContents(r.blocks)
	if at < 0 {
		return nil, false, nil
	}
	r.toc = parseContents(r.blocks, at)
	if len(r.toc.entries) == 0 {
		return nil, true, ErrNoContents
	}
	r.markParts()
	found, missing := r.locate()
	if len(found) == 0 {
		return nil, true, ErrNoContents
	}
	front := r.frontMatter(found[0].at)
	articles = make([]retrieval.Article, 0, len(front)+len(found))
	articles = append(articles, front...)
	for i, e := range found {
		end := len(r.blocks)
		if i+1 < len(found) {
			end = found[i+1].at
		}
		articles = append(articles, r.article(e.title, e.authors, e.part, r.bodyBlocks(e.body, end)))
	}
	missing = dropFrontTitles(missing, front)
	if len(missing) > 0 {
		problem = fmt.Errorf("%w: %s", ErrMissingTitles, strings.Join(missing, "; "))
	}
	return articles, true, problem
}

// markParts marks the body's part headings: a block whose first line opens
// with a part marker listed in the contents ("Part II."), and, when that
// line is the marker alone, the display title in the block after it.
func (r *report) markParts() {
	r.isPart = make([]bool, len(r.blocks))
	known := make(map[string]bool, len(r.toc.parts))
	for _, p := range r.toc.parts {
		known[p] = true
	}
	for i := r.toc.end; i < len(r.blocks); i++ {
		b := r.blocks[i]
		if !strings.ContainsRune("PpCcSsBb", rune(b.text[0])) {
			continue // cheap test before the regexp: most blocks are prose
		}
		m := partMarker.FindString(b.lines[0])
		if m == "" || !known[matchKey(m)] || len(b.text) > 300 {
			continue
		}
		r.isPart[i] = true
		bare := strings.Trim(strings.TrimSpace(b.lines[0][len(m):]), ".:") == ""
		if bare && len(b.lines) == 1 && i+1 < len(r.blocks) && (r.blocks[i+1].bold || headingLike(r.blocks[i+1].text)) {
			r.isPart[i+1] = true
			i++
		}
	}
}

// locate finds each contents entry's title in the body, in order.
func (r *report) locate() (found []located, missing []string) {
	from, budget := r.toc.end, 20*len(r.blocks)+1000
	idx := r.titleIndex()
	for _, e := range r.toc.entries {
		at, body := r.findTitle(idx, e, from, &budget)
		if at < 0 {
			missing = append(missing, e.title)
			continue
		}
		found = append(found, located{entry: e, at: at, body: body})
		from = body
	}
	return found, missing
}

// maxTitleBlock bounds the length of a block that can hold a title.
const maxTitleBlock = 400

// titleIndex maps the matchKey of every short body block to the blocks'
// indices, in order, so that finding all titles costs one pass.
func (r *report) titleIndex() map[string][]int {
	longest := 0
	for _, e := range r.toc.entries {
		longest = max(longest, len(e.num)+len(e.title))
	}
	limit := min(maxTitleBlock, 2*longest+20) // a block holding a title is not much longer
	idx := map[string][]int{}
	for i := r.toc.end; i < len(r.blocks); i++ {
		if !r.isPart[i] && len(r.blocks[i].text) <= limit {
			k := matchKey(r.blocks[i].text)
			idx[k] = append(idx[k], i)
		}
	}
	return idx
}

// findTitle returns the first block at or after from that holds e's title
// (optionally with its number), possibly split over two blocks, and the
// index of the block after it. The split case needs a scan; budget limits
// the blocks all such scans together may look at.
func (r *report) findTitle(idx map[string][]int, e entry, from int, budget *int) (at, body int) {
	key := matchKey(e.title)
	if key == "" {
		return -1, -1
	}
	at = -1
	for _, k := range []string{key, matchKey(e.num) + key} {
		list := idx[k]
		if j := sort.SearchInts(list, from); j < len(list) && (at < 0 || list[j] < at) {
			at = list[j]
		}
	}
	if at >= 0 {
		return at, at + 1
	}
	for i := from; i+1 < len(r.blocks) && *budget > 0; i++ {
		*budget--
		if r.isPart[i] || len(r.blocks[i].text) > maxTitleBlock {
			continue
		}
		if first := firstAlnum(r.blocks[i].text); first < utf8.RuneSelf && byte(unicode.ToLower(first)) != key[0] {
			continue // cheap test before building the key
		}
		k := matchKey(r.blocks[i].text)
		if len(k) >= 8 && strings.HasPrefix(key, k) && k+matchKey(r.blocks[i+1].text) == key {
			return i, i + 2
		}
	}
	return -1, -1
}

// firstAlnum returns the first letter or digit of s, or 0.
func firstAlnum(s string) rune {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
	}
	return 0
}

// bodyBlocks returns the blocks in [from, to) that are not part headings.
func (r *report) bodyBlocks(from, to int) []block {
	out := make([]block, 0, to-from)
	for i := from; i < to; i++ {
		if !r.isPart[i] {
			out = append(out, r.blocks[i])
		}
	}
	return out
}

func dropFrontTitles(missing []string, front []retrieval.Article) []string {
	out := missing[:0]
	for _, m := range missing {
		dup := false
		for _, a := range front {
			dup = dup || matchKey(a.Title) == matchKey(m)
		}
		if !dup {
			out = append(out, m)
		}
	}
	return out
}
