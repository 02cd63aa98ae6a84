package web

import (
	"net/http"
	"regexp"
	"strings"

	"github.com/citechat/citechat/retrieval"
	"github.com/gin-gonic/gin"
)

// The reader is where a citation's "Read the article" link goes: the
// article as text, by section, with the cited passage marked and scrolled
// to (#quote). It is rendered on the server so it works without script and
// so the browser's own find and text fragments work on it.

// segment is a run of paragraph text, marked when it is part of the quote.
type segment struct {
	Text        string
	Mark, First bool
}

type readerSection struct {
	Heading string
	Paras   [][]segment
}

func (s *Server) readerPage(c *gin.Context) {
	b := s.backend.Load()
	if b == nil {
		c.String(http.StatusServiceUnavailable, "The collection is still loading.")
		return
	}
	a, ok := b.lib.Article(c.Param("id"))
	if !ok {
		c.String(http.StatusNotFound, "No such article.")
		return
	}
	start, end := findQuote(a.Text, c.Query("quote"))
	s.renderPage(c, http.StatusOK, "read.html", map[string]any{
		"Title": a.Title, "Part": a.Part, "Authors": a.Authors, "URL": a.URL,
		"Sections": readerSections(a, start, end),
	})
}

// findQuote returns the byte range of quote in text, matching runs of
// white space loosely (a quote may have been re-flowed on its way through
// a URL); -1, -1 when it is absent or empty.
func findQuote(text, quote string) (int, int) {
	words := strings.Fields(quote)
	if len(words) == 0 {
		return -1, -1
	}
	if len(words) > 60 {
		words = words[:60] // enough to find it; the mark then covers that much
	}
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	loc := regexp.MustCompile(strings.Join(words, `\s+`)).FindStringIndex(text)
	if loc == nil {
		return -1, -1
	}
	return loc[0], loc[1]
}

// readerSections splits the article into its sections and paragraphs
// (blank-line separated), marking the bytes in [start, end).
func readerSections(a retrieval.Article, start, end int) []readerSection {
	secs := a.Sections
	if len(secs) == 0 {
		secs = []retrieval.Section{{Start: 0, End: len(a.Text)}}
	}
	first := true
	out := make([]readerSection, 0, len(secs))
	for _, sec := range secs {
		if sec.Start < 0 || sec.End > len(a.Text) || sec.Start > sec.End {
			continue // a damaged range; never slice out of bounds
		}
		rs := readerSection{Heading: sec.Heading}
		pos := sec.Start
		for _, para := range strings.Split(a.Text[sec.Start:sec.End], "\n\n") {
			if strings.TrimSpace(para) != "" {
				rs.Paras = append(rs.Paras, markRange(para, pos, start, end, &first))
			}
			pos += len(para) + 2
		}
		out = append(out, rs)
	}
	return out
}

// markRange cuts a paragraph that starts at byte pos of the article into
// the parts outside and inside [start, end).
func markRange(para string, pos, start, end int, first *bool) []segment {
	lo, hi := max(start-pos, 0), min(end-pos, len(para))
	if start < 0 || lo >= hi {
		return []segment{{Text: para}}
	}
	segs := []segment{{Text: para[:lo]}, {Text: para[lo:hi], Mark: true, First: *first}, {Text: para[hi:]}}
	*first = false
	return segs
}
