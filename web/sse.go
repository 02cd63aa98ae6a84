package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/citechat/citechat/chat"
	"github.com/gin-gonic/gin"
)

// postAskStream is POST /api/ask/stream: the same body as /api/ask, answered
// as Server-Sent Events with the websocket's events, one per SSE event:
//
//	event: delta
//	data: {"type":"delta","id":"q1","text":"…"}
//
// Errors found before streaming starts (bad body, limits, not ready) are a
// JSON error response with its status; after that, an "error" event.
func (s *Server) postAskStream(c *gin.Context) {
	req, done, ok := s.beginAsk(c)
	if !ok {
		return
	}
	defer done()
	if s.backend.Load() == nil { // say so with a status while we still can
		s.abort(c, errNotReady)
		return
	}

	h := c.Writer.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no") // nginx: do not buffer the stream
	c.Status(http.StatusOK)
	c.Writer.WriteHeaderNow()
	out := newSSEWriter(c.Writer, s.cfg.WriteWait)
	if err := out.flush(); err != nil {
		s.fail(reqLog(c.Request), "sse error", err)
		return
	}
	if _, err := s.run(c.Request.Context(), req, "sse", out.event); err != nil {
		w := s.fail(reqLog(c.Request).With("ask", req.ID), "sse error", err)
		out.send("error", newErrorEvent(req.ID, w))
	}
}

// sseWriter writes events to one SSE response. The answer's goroutine is
// the only writer; each event is flushed at once under a write deadline, so
// a client that stops reading stops the answer (Emit returns the error)
// instead of stalling it.
type sseWriter struct {
	w    gin.ResponseWriter
	rc   *http.ResponseController
	wait time.Duration
}

// newSSEWriter writes through gin's writer, which keeps the status and size
// for the access log, but flushes net/http's own writer: gin's Flush
// swallows the error that tells us the client is gone.
func newSSEWriter(w gin.ResponseWriter, wait time.Duration) *sseWriter {
	var under http.ResponseWriter = w
	if u, ok := w.(interface{ Unwrap() http.ResponseWriter }); ok {
		under = u.Unwrap()
	}
	return &sseWriter{w: w, rc: http.NewResponseController(under), wait: wait}
}

func (o *sseWriter) event(ev chat.Event) error { return o.send(ev.Type, ev) }

func (o *sseWriter) send(name string, v any) error {
	data, err := json.Marshal(v) // one line: JSON escapes every newline
	if err != nil {
		return fmt.Errorf("sse: encode %s event: %w", name, err)
	}
	_ = o.rc.SetWriteDeadline(time.Now().Add(o.wait))
	if _, err := fmt.Fprintf(o.w, "event: %s\ndata: %s\n\n", name, data); err != nil {
		return writeFailed(err)
	}
	return o.flush()
}

func (o *sseWriter) flush() error {
	if err := o.rc.Flush(); err != nil {
		return writeFailed(err)
	}
	return nil
}

// writeFailed names the cause of a failed write to a client: too slow when
// the write deadline passed, gone otherwise.
func writeFailed(err error) error {
	var ne net.Error // gorilla hides the wrapped os.ErrDeadlineExceeded
	if errors.Is(err, os.ErrDeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%w: %v", errTooSlow, err)
	}
	return fmt.Errorf("%w: %v", errGone, err)
}
