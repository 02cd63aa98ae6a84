package ingest

import (
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// frontMatter finds the articles outside the contents list: before it, or
// between it and the first listed title. Such an article opens with a short
// heading on a line of its own ("FOREWORD", "Preface") and holds prose; cover
// lines (title, publisher) before it are not part of any article.
func (r *report) frontMatter(firstTitle int) []retrieval.Article {
	var out []retrieval.Article
	out = append(out, r.frontRegion(0, r.toc.at)...)
	return append(out, r.frontRegion(r.toc.end, firstTitle)...)
}

// frontProseLen is how long a paragraph must be to count as prose.
const frontProseLen = 200

func (r *report) frontRegion(from, to int) []retrieval.Article {
	var heads []int
	for i := from; i < to; i++ {
		if !r.isPart[i] && frontHeading(r.blocks[i]) {
			heads = append(heads, i)
		}
	}
	var out []retrieval.Article
	for k, h := range heads {
		end := to
		if k+1 < len(heads) {
			end = heads[k+1]
		}
		body := r.bodyBlocks(h+1, end)
		if !hasProse(body) {
			continue
		}
		out = append(out, r.article(titleCase(r.blocks[h].text), nil, "", body))
	}
	return out
}

func frontHeading(b block) bool {
	return len(b.lines) == 1 && len(b.text) <= 40 && len(strings.Fields(b.text)) <= 4 &&
		!terminated(b.text) && (allCaps(b.text) || headingLike(b.text))
}

func hasProse(blocks []block) bool {
	for _, b := range blocks {
		if len(b.text) >= frontProseLen && terminated(b.text) {
			return true
		}
	}
	return false
}
