package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// routes builds the router. Observe runs first so that even a panic's 500
// gets its access log line and metric.
func (s *Server) routes() *gin.Engine {
	r := gin.New() // no default logger or recovery: ours log through slog
	r.HandleMethodNotAllowed = false
	if err := r.SetTrustedProxies(s.cfg.TrustedProxies); err != nil {
		s.log.Error("invalid trusted proxies; trusting none", "err", err)
		_ = r.SetTrustedProxies(nil)
	}
	r.Use(s.observe, s.recoverPanics)
	r.NoRoute(func(c *gin.Context) { s.abort(c, errorf(CodeNotFound, "no such endpoint")) })

	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)
	r.GET("/metrics", s.metrics.handler())

	api := r.Group("/api", s.admit)
	api.GET("/articles", s.listArticles)
	api.GET("/articles/:id", s.getArticle)
	api.POST("/ask", s.postAsk)
	api.POST("/ask/stream", s.postAskStream)
	s.briefRoutes(api) // briefs and article summaries (web/brief.go)
	r.OPTIONS("/api/*path", s.admit, s.preflight)

	r.GET("/ws", s.admit, s.serveWS)

	s.widgetRoutes(r) // the widget, its pages and the article reader (widget.go)
	return r
}

// healthz reports that the process is alive and serving HTTP.
func (s *Server) healthz(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// readyz reports whether the server can answer: 200 once SetBackend has
// installed a collection, 503 before and once Shutdown has begun, so a load
// balancer stops sending traffic.
func (s *Server) readyz(c *gin.Context) {
	b := s.backend.Load()
	switch {
	case s.work.isClosed():
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "shutting_down"})
	case b == nil:
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "starting"})
	default:
		c.JSON(http.StatusOK, gin.H{"status": "ready", "articles": len(b.lib.Articles())})
	}
}
