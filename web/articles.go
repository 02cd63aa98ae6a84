package web

import (
	"net/http"

	"github.com/citechat/citechat/retrieval"
	"github.com/gin-gonic/gin"
)

// articleSummary is an entry of GET /api/articles: enough to show a
// citation's source and link to it. Sections are the headings, in order.
type articleSummary struct {
	ID       string             `json:"id"`
	Title    string             `json:"title"`
	Authors  []retrieval.Author `json:"authors"`
	Part     string             `json:"part,omitempty"`
	Sections []string           `json:"sections"`
	URL      string             `json:"url,omitempty"`
	Date     string             `json:"date,omitempty"`
	Chars    int                `json:"chars"`
}

// articleDetail is GET /api/articles/:id: the summary, the clean text and
// where each section lies in it (byte offsets, as in citations' chunks).
type articleDetail struct {
	articleSummary
	Text  string              `json:"text"`
	Spans []retrieval.Section `json:"section_spans"`
}

func summarize(a retrieval.Article) articleSummary {
	sum := articleSummary{ID: a.ID, Title: a.Title, Authors: a.Authors, Part: a.Part,
		Sections: []string{}, URL: a.URL, Date: a.Date, Chars: len(a.Text)}
	if sum.Authors == nil {
		sum.Authors = []retrieval.Author{}
	}
	for _, sec := range a.Sections {
		if sec.Heading != "" { // the untitled text before the first heading is not a section to list
			sum.Sections = append(sum.Sections, sec.Heading)
		}
	}
	return sum
}

// library is the installed catalogue, or nil after answering 503.
func (s *Server) library(c *gin.Context) Library {
	b := s.backend.Load()
	if b == nil {
		s.abort(c, errNotReady)
		return nil
	}
	return b.lib
}

func (s *Server) listArticles(c *gin.Context) {
	lib := s.library(c)
	if lib == nil {
		return
	}
	all := lib.Articles()
	list := make([]articleSummary, len(all))
	for i, a := range all {
		list[i] = summarize(a)
	}
	c.JSON(http.StatusOK, gin.H{"articles": list})
}

func (s *Server) getArticle(c *gin.Context) {
	lib := s.library(c)
	if lib == nil {
		return
	}
	id := c.Param("id")
	a, ok := lib.Article(id)
	if !ok {
		s.abort(c, errorf(CodeNotFound, "no article with id %q", id))
		return
	}
	spans := a.Sections
	if spans == nil {
		spans = []retrieval.Section{}
	}
	c.JSON(http.StatusOK, articleDetail{summarize(a), a.Text, spans})
}
