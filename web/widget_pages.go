package web

import (
	"bytes"
	"html/template"
	"net/http"
	"strings"

	"github.com/citechat/citechat/retrieval"
	"github.com/gin-gonic/gin"
)

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"join": func(as []retrieval.Author) string {
		names := make([]string, len(as))
		for i, a := range as {
			names[i] = a.Name
		}
		return strings.Join(names, ", ")
	},
}).ParseFS(assets, "assets/*.html"))

// pageCSP lets citechat's pages load only their own stylesheet, the widget
// and its connections back to this server: the strictest policy a partner
// could have, which the widget (constructed stylesheets, no inline script)
// works under.
const pageCSP = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

func (s *Server) renderPage(c *gin.Context, status int, name string, data any) {
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, data); err != nil {
		s.log.Error("render page", "page", name, "err", err)
		c.String(http.StatusInternalServerError, "internal error")
		return
	}
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", pageCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// publicOrigin is this server's origin as the client reached it, for the
// snippets shown to partners. Only a display matter: nothing is trusted on it.
func publicOrigin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// snippet is the script tag a partner pastes.
func snippet(origin, key string) string {
	if key == "" {
		return `<script src="` + origin + `/widget.js" async></script>`
	}
	return `<script src="` + origin + `/widget.js" data-key="` + key + `" async></script>`
}

// demoPage is a stand-in for a publisher's page: the collection's articles
// and the widget, embedded with the same script tag a partner uses. It
// needs no key because it is on this server's own origin; ?key= tries one.
func (s *Server) demoPage(c *gin.Context) {
	key := c.Query("key")
	if !keySyntax.MatchString(key) {
		key = ""
	}
	var articles []retrieval.Article
	if b := s.backend.Load(); b != nil {
		articles = b.lib.Articles()
	}
	s.renderPage(c, http.StatusOK, "demo.html", map[string]any{
		"Articles": articles,
		"Snippet":  snippet(publicOrigin(c.Request), "YOUR_PUBLIC_KEY"),
		"Script":   "/widget.js",
		"Key":      key,
	})
}

// snippetPage shows a partner the script tag for their key, the sites it
// works on and its limits. The key is public, and so is this page.
func (s *Server) snippetPage(c *gin.Context) {
	key := c.Query("key")
	origin := publicOrigin(c.Request)
	data := map[string]any{"Key": key, "Origin": origin,
		"WSOrigin": "ws" + strings.TrimPrefix(origin, "http"), "Snippet": snippet(origin, key)}
	status := http.StatusOK
	switch pg, ok := s.gate.(*PartnerGate); {
	case key == "":
	case !keySyntax.MatchString(key):
		data["Unknown"], status = true, http.StatusNotFound
	case ok:
		if p, found := pg.Partner(key); found {
			data["Partner"] = &p
		} else {
			data["Unknown"], status = true, http.StatusNotFound
		}
	}
	s.renderPage(c, status, "snippet.html", data)
}
