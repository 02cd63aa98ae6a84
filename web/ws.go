package web

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/websocket"
)

// serveWS is GET /ws. The Gate (admit) has already accepted the Origin and
// key; here the connection limits apply, then the upgrade. The handler's
// goroutine becomes the connection's reader and returns only when the
// connection is over, so the connection slot is held exactly as long.
func (s *Server) serveWS(c *gin.Context) {
	if !websocket.IsWebSocketUpgrade(c.Request) {
		s.abort(c, errorf(CodeBadRequest, "this endpoint speaks websocket only"))
		return
	}
	v, _ := visitorOf(c.Request)
	if err := s.conns.reserve(v.Addr, s.cfg.MaxConnsPerAddr, s.cfg.MaxConns); err != nil {
		s.abort(c, err)
		return
	}
	defer s.conns.release(v.Addr)

	ws, err := s.upgrader.Upgrade(c.Writer, c.Request, nil)
	if err != nil {
		return // upgradeError has answered and logged it
	}
	c.Set(keyStatus, http.StatusSwitchingProtocols)
	conn := newConn(s, ws, v, c.GetString(keyRequestID))
	if !s.conns.attach(conn) { // Shutdown began between reserve and now
		conn.goodbye(websocket.CloseGoingAway, "server shutting down")
		return
	}
	defer s.conns.detach(conn)
	conn.serve()
}

// upgradeError is the Upgrader's reply to a failed handshake, in the same
// JSON shape as every other error.
func (s *Server) upgradeError(w http.ResponseWriter, r *http.Request, status int, reason error) {
	e := &Error{Code: CodeBadRequest, Message: reason.Error()}
	switch {
	case status == http.StatusForbidden: // checkOrigin: the request bypassed admit
		e = &Error{Code: CodeForbidden, Message: errOriginRefused.Message, Err: reason}
	case status >= 500:
		e = &Error{Code: CodeInternal, Message: "internal error", Err: reason}
	}
	wire := s.fail(reqLog(r), "ws upgrade error", e)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(wire.Status)
	_ = json.NewEncoder(w).Encode(errorBody(wire, w.Header().Get(headerRequestID)))
}

// newConn prepares a connection; serve runs it.
func newConn(s *Server, ws *websocket.Conn, v Visitor, id string) *conn {
	c := &conn{
		s: s, ws: ws, id: id, visitor: v, log: s.log.With("conn", id), opened: time.Now(),
		out:        make(chan []byte, s.cfg.QueueLen),
		closing:    make(chan closeFrame, 1),
		writerDone: make(chan struct{}),
		asks:       make(map[string]context.CancelCauseFunc),
	}
	// The connection's context is its own, not the gin request's (that one
	// ends when the handler returns) and not the server's (a connection
	// outlives Shutdown's deadline long enough to say goodbye).
	c.ctx, c.cancel = context.WithCancelCause(context.Background())
	c.asksCtx, c.stopAsks = context.WithCancelCause(c.ctx)
	return c
}

// goodbye closes a connection that never started serving.
func (c *conn) goodbye(code int, reason string) {
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason),
		time.Now().Add(c.s.cfg.WriteWait))
	c.ws.Close()
	c.log.Info("ws refused", "code", code, "reason", reason)
}

// logAttrs are the attributes of a connection's open and close log lines.
func (c *conn) logAttrs() []any {
	return []any{slog.String("addr", c.visitor.Addr), slog.String("origin", c.visitor.Origin),
		slog.String("partner", c.visitor.Partner)}
}
