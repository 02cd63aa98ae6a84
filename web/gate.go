package web

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// Visitor is who a request comes from, as the Gate admitted it.
type Visitor struct {
	Key     string // the partner key presented; "" without one
	Partner string // the partner's name; "" for first-party and local use
	Origin  string // the Origin header; "" from non-browser clients
	Addr    string // the client's IP, filled in by the server (after trusted proxies)
}

// Gate admits requests and questions. The server asks it at every websocket
// upgrade and every /api request (Admit), and before every question
// (AllowAsk). LocalGate is the default; web/partners*.go provides the
// implementation that reads a partners file.
type Gate interface {
	// Admit decides whether r may use the API or open a websocket. On an
	// error the client gets 403 "forbidden" and the error is logged; the
	// client sees the message of an *Error, else a generic one. CORS does
	// not protect a websocket handshake, so Admit must check the Origin.
	Admit(r *http.Request) (Visitor, error)
	// AllowAsk reports whether v may ask a question at now; when not, the
	// client gets "rate_limited" and is told to retry after retryAfter.
	AllowAsk(v Visitor, now time.Time) (retryAfter time.Duration, ok bool)
}

// LocalGate is the Gate for development and first-party use, when there is
// no partners file. Admit accepts:
//
//   - requests without an Origin header: non-browser clients (the CLI, curl,
//     a load test). Browsers always send Origin on a websocket handshake and
//     on a cross-origin POST, and a non-browser client can forge any
//     Origin, so refusing these would protect nothing;
//   - same-origin requests: the Origin's host:port equals the Host header;
//   - origins on a loopback host: localhost, 127.0.0.1, [::1], any port.
//
// Anything else (another site, "null", a malformed origin) is refused.
// AllowAsk never limits.
type LocalGate struct{}

var errOriginRefused = &Error{Code: CodeForbidden, Message: "this origin may not use the service"}

func (LocalGate) Admit(r *http.Request) (Visitor, error) {
	origin := r.Header.Get("Origin")
	v := Visitor{Origin: origin}
	if origin == "" {
		return v, nil
	}
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return v, errOriginRefused
	}
	if strings.EqualFold(u.Host, r.Host) || isLoopback(u.Hostname()) {
		return v, nil
	}
	return v, errOriginRefused
}

func (LocalGate) AllowAsk(Visitor, time.Time) (time.Duration, bool) { return 0, true }

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

type visitorKey struct{}

// admit is the middleware in front of /api and /ws: it asks the Gate, keeps
// the Visitor (in the request's context, where checkOrigin looks for it),
// and answers browsers' CORS questions for admitted origins only.
func (s *Server) admit(c *gin.Context) {
	c.Writer.Header().Add("Vary", "Origin")
	v, err := s.gate.Admit(c.Request)
	if err != nil {
		msg := errOriginRefused.Message
		if e := (*Error)(nil); errors.As(err, &e) && e.Code == CodeForbidden {
			msg = e.Message
		}
		s.abort(c, &Error{Code: CodeForbidden, Message: msg,
			Err: fmt.Errorf("gate refused origin %q: %w", c.GetHeader("Origin"), err)})
		return
	}
	v.Addr = c.ClientIP()
	c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), visitorKey{}, v))
	if v.Origin != "" {
		h := c.Writer.Header()
		h.Set("Access-Control-Allow-Origin", v.Origin)
		h.Set("Access-Control-Expose-Headers", "X-Request-ID, Retry-After")
	}
	c.Next()
}

// preflight answers a CORS preflight for /api; admit has already refused
// origins the Gate does not admit.
func (s *Server) preflight(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Access-Control-Allow-Methods", "GET, POST")
	h.Set("Access-Control-Allow-Headers", "Content-Type, X-Request-ID, "+KeyHeader)
	h.Set("Access-Control-Max-Age", "600")
	c.Status(http.StatusNoContent)
}

// visitorOf is the Visitor admit stored for r.
func visitorOf(r *http.Request) (Visitor, bool) {
	v, ok := r.Context().Value(visitorKey{}).(Visitor)
	return v, ok
}

// checkOrigin is the websocket Upgrader's CheckOrigin. The Gate has already
// judged the Origin in admit, which answers a refusal with a JSON 403 and a
// log line; this refuses any upgrade that did not pass admit, so a route
// wired without it fails closed.
func checkOrigin(r *http.Request) bool {
	_, ok := visitorOf(r)
	return ok
}

// allowAsk asks the Gate whether v may ask now.
func (s *Server) allowAsk(v Visitor) error {
	if d, ok := s.gate.AllowAsk(v, time.Now()); !ok {
		return &Error{Code: CodeRateLimited, Message: "too many questions; try again later", RetryAfter: d}
	}
	return nil
}
