package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// The widget and citechat's own pages.
//
// widget.js is plain JavaScript with no build step, embedded in the binary
// and served with a strong ETag and a short max-age: partners reference a
// fixed URL, so a long cache would keep old widgets alive for weeks, while
// revalidation costs a 304. It is gzipped once at start-up. The pages (the
// demo at /, the partner snippet, the article reader) are html/templates
// over the same embedded directory.

//go:embed assets
var assets embed.FS

// asset is a static file ready to serve: its bytes, gzipped bytes and ETag.
type asset struct {
	body, gz    []byte
	etag        string
	contentType string
	cache       string
}

func loadAsset(name, contentType, cache string) *asset {
	body, err := assets.ReadFile("assets/" + name)
	if err != nil {
		panic("web: embedded asset missing: " + name) // a build error, not a runtime one
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(body)
	zw.Close()
	sum := sha256.Sum256(body)
	return &asset{body: body, gz: buf.Bytes(), etag: `"` + hex.EncodeToString(sum[:12]) + `"`,
		contentType: contentType, cache: cache}
}

var (
	widgetJS = loadAsset("widget.js", "text/javascript; charset=utf-8", "public, max-age=300")
	pagesCSS = loadAsset("pages.css", "text/css; charset=utf-8", "public, max-age=3600")
)

// widgetRoutes adds the widget, its demo page, the partner snippet page
// and the article reader. None of them passes the Gate: they are public,
// and a page on a partner's site loads widget.js with a plain script tag.
func (s *Server) widgetRoutes(r *gin.Engine) {
	for _, a := range []struct {
		path string
		a    *asset
	}{{"/widget.js", widgetJS}, {"/pages.css", pagesCSS}} {
		r.GET(a.path, a.a.serve)
		r.HEAD(a.path, a.a.serve)
	}
	r.GET("/", s.demoPage)
	r.GET("/partners/snippet", s.snippetPage)
	r.GET("/read/:id", s.readerPage)
}

func (a *asset) serve(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("Cache-Control", a.cache)
	h.Set("ETag", a.etag)
	h.Set("Vary", "Accept-Encoding")
	h.Set("X-Content-Type-Options", "nosniff")
	// Any site may load the script; these let pages with COEP, or a
	// crossorigin/integrity attribute, do so too.
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	if etagMatch(c.GetHeader("If-None-Match"), a.etag) {
		c.Status(http.StatusNotModified)
		return
	}
	body := a.body
	if acceptsGzip(c.GetHeader("Accept-Encoding")) {
		h.Set("Content-Encoding", "gzip")
		body = a.gz
	}
	c.Status(http.StatusOK)
	if c.Request.Method != http.MethodHead {
		c.Writer.Write(body)
	}
}

func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

// acceptsGzip reads Accept-Encoding well enough for browsers, which all
// send "gzip" without a q of zero.
func acceptsGzip(header string) bool {
	for _, e := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(e), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") {
			return !strings.Contains(strings.ReplaceAll(params, " ", ""), "q=0") ||
				strings.Contains(params, "q=0.")
		}
	}
	return false
}
