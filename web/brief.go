package web

import (
	"bytes"
	"io"
	"net/http"
	"strconv"

	"github.com/citechat/citechat/chat"
	"github.com/gin-gonic/gin"
)

// Briefings and summaries for readers preparing a brief. A brief is also
// asked like an answer (mode "brief" on /ws, /api/ask and /api/ask/stream);
// these routes add what a browser or a script can fetch by URL:
//
//	GET /api/brief?topic=…&format=html|md|json  a brief as a printable page (default), Markdown or the answer object
//	GET /api/articles/:id/summary[?n=5]         an article with its key sentences
//	GET /api/summaries[?n=2]                    every article with its key sentences
//
// A brief is an ask: it passes the Gate's rate limit and counts in the
// answer metrics under transport "brief".

// briefPageCSP lets the brief page use its inline styles and nothing else:
// it makes no request at all.
const briefPageCSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

// maxSummaryLen bounds ?n= of the summary routes.
const maxSummaryLen = 20

var briefRenderers = map[string]struct {
	contentType string
	render      func(io.Writer, *chat.Answer) error
}{
	"html": {"text/html; charset=utf-8", chat.BriefHTML},
	"md": {"text/markdown; charset=utf-8", func(w io.Writer, a *chat.Answer) error {
		_, err := io.WriteString(w, chat.BriefMarkdown(a))
		return err
	}},
}

// briefRoutes adds the routes above to the admitted API group.
func (s *Server) briefRoutes(api *gin.RouterGroup) {
	api.GET("/brief", s.getBrief)
	api.GET("/articles/:id/summary", s.getArticleSummary)
	api.GET("/summaries", s.listSummaries)
}

func (s *Server) getBrief(c *gin.Context) {
	format := c.DefaultQuery("format", "html")
	out, ok := briefRenderers[format]
	if !ok && format != "json" {
		s.abort(c, errorf(CodeBadRequest, "unknown format %q (want html, md or json)", format))
		return
	}
	req := chat.Request{ID: c.GetString(keyRequestID), Question: c.Query("topic"), Mode: chat.ModeBrief}
	err := s.checkRequest(&req)
	if err == nil {
		v, _ := visitorOf(c.Request)
		err = s.allowAsk(v)
	}
	if err != nil {
		s.abort(c, err)
		return
	}
	if !s.work.start() {
		s.abort(c, errShuttingDown)
		return
	}
	defer s.work.done()
	ans, err := s.run(c.Request.Context(), req, "brief", func(chat.Event) error { return nil })
	if err != nil {
		s.abort(c, err)
		return
	}
	if format == "json" {
		c.JSON(http.StatusOK, ans)
		return
	}
	var buf bytes.Buffer
	if err := out.render(&buf, ans); err != nil {
		s.abort(c, err)
		return
	}
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", briefPageCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	c.Data(http.StatusOK, out.contentType, buf.Bytes())
}

// summarized is an article of the summary routes: its entry in the article
// list (authors, section headings) with its key sentences.
type summarized struct {
	articleSummary
	KeySentences []chat.KeySentence `json:"key_sentences"`
}

func (s *Server) getArticleSummary(c *gin.Context) {
	lib := s.library(c)
	if lib == nil {
		return
	}
	n, ok := s.summaryLen(c, chat.SummaryLen)
	if !ok {
		return
	}
	a, found := lib.Article(c.Param("id"))
	if !found {
		s.abort(c, errorf(CodeNotFound, "no article with id %q", c.Param("id")))
		return
	}
	c.JSON(http.StatusOK, summarized{summarize(a), chat.Summarize(a, n).Sentences})
}

func (s *Server) listSummaries(c *gin.Context) {
	lib := s.library(c)
	if lib == nil {
		return
	}
	n, ok := s.summaryLen(c, 2)
	if !ok {
		return
	}
	all := lib.Articles()
	list := make([]summarized, len(all))
	for i, a := range all {
		list[i] = summarized{summarize(a), chat.Summarize(a, n).Sentences}
	}
	c.JSON(http.StatusOK, gin.H{"articles": list})
}

// summaryLen reads ?n=, the number of key sentences wanted (def if absent),
// or answers the error and reports false.
func (s *Server) summaryLen(c *gin.Context, def int) (int, bool) {
	q, ok := c.GetQuery("n")
	if !ok {
		return def, true
	}
	n, err := strconv.Atoi(q)
	if err != nil || n < 1 || n > maxSummaryLen {
		s.abort(c, errorf(CodeBadRequest, "n must be a number from 1 to %d", maxSummaryLen))
		return 0, false
	}
	return n, true
}
