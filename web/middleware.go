package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
)

const headerRequestID = "X-Request-ID"

// Keys of values kept in the gin context.
const (
	keyRequestID = "citechat.request_id"
	keyStatus    = "citechat.status" // the real status of a hijacked (websocket) request
)

type logKey struct{}

// reqLog is the request's logger, carrying its request id.
func reqLog(r *http.Request) *slog.Logger {
	if l, ok := r.Context().Value(logKey{}).(*slog.Logger); ok {
		return l
	}
	return slog.Default()
}

// quietRoutes are polled by machines; their access log lines are debug.
var quietRoutes = map[string]bool{"/healthz": true, "/readyz": true, "/metrics": true}

// observe gives each request an id (the client's X-Request-ID when it is
// sane, else a new one, echoed back), a logger carrying it, one access log
// line and a count by route and status.
func (s *Server) observe(c *gin.Context) {
	start := time.Now()
	id := c.GetHeader(headerRequestID)
	if !validRequestID(id) {
		id = newID()
	}
	c.Header(headerRequestID, id)
	c.Set(keyRequestID, id)
	log := s.log.With("req", id)
	c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), logKey{}, log))

	c.Next()

	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	status := c.Writer.Status()
	if st, ok := c.Get(keyStatus); ok {
		status = st.(int)
	}
	s.metrics.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	level := slog.LevelInfo
	if quietRoutes[route] {
		level = slog.LevelDebug
	}
	log.LogAttrs(context.Background(), level, "http",
		slog.String("method", c.Request.Method), slog.String("route", route),
		slog.String("path", c.Request.URL.Path), slog.Int("status", status),
		slog.Duration("duration", time.Since(start)), slog.String("remote", c.ClientIP()),
		slog.Int("bytes", max(0, c.Writer.Size())))
}

// recoverPanics turns a panic in a handler into a logged internal error
// (and a JSON 500 when nothing has been written yet). A hijacked websocket
// counts as written; its own recovery closes it with 1011.
func (s *Server) recoverPanics(c *gin.Context) {
	defer func() {
		p := recover()
		if p == nil {
			return
		}
		if p == http.ErrAbortHandler { // net/http's way to abort a response; let it
			panic(p)
		}
		err := fmt.Errorf("panic: %v\n%s", p, debug.Stack())
		if c.Writer.Written() {
			s.fail(reqLog(c.Request), "http panic", err)
			c.Abort()
			return
		}
		s.abort(c, err)
	}()
	c.Next()
}

// abort ends a REST request with err as the JSON error body
// {"error":{"code","message","request_id"}} and its status.
func (s *Server) abort(c *gin.Context, err error) {
	w := s.fail(reqLog(c.Request), "http error", err)
	if w.RetryAfter > 0 {
		c.Header("Retry-After", strconv.Itoa(retryAfterSeconds(w.RetryAfter)))
	}
	c.AbortWithStatusJSON(w.Status, errorBody(w, c.GetString(keyRequestID)))
}

// errorBody is the JSON body of every REST error:
// {"error":{"code","message","request_id"}}.
func errorBody(w wireError, requestID string) gin.H {
	return gin.H{"error": gin.H{"code": w.Code, "message": w.Message, "request_id": requestID}}
}

// newID returns 16 random hex digits: request and connection ids.
func newID() string {
	var b [8]byte
	rand.Read(b[:]) // never fails (crypto/rand, Go 1.24+)
	return hex.EncodeToString(b[:])
}

// validRequestID accepts a client's id only if it is short and plain, so
// it cannot forge log lines or bloat them.
func validRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.'
		if !ok {
			return false
		}
	}
	return true
}
