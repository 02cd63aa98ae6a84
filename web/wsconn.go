package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"

	"github.com/citechat/citechat/chat"
	"github.com/gorilla/websocket"
)

// conn is one websocket connection: one reader (serve's goroutine, in
// readPump), one writer (writePump), and a goroutine per running ask.
type conn struct {
	s       *Server
	ws      *websocket.Conn
	id      string // the upgrade request's id
	visitor Visitor
	log     *slog.Logger
	opened  time.Time

	// ctx lives as long as the connection; its cause says why it ended.
	// asksCtx, its child, is the parent of every ask; Shutdown's deadline
	// cancels it without ending the connection, so error events still go out.
	ctx      context.Context
	cancel   context.CancelCauseFunc
	asksCtx  context.Context
	stopAsks context.CancelCauseFunc

	out        chan []byte     // frames for writePump; bounded, so a slow client pushes back
	closing    chan closeFrame // a close frame for writePump to send, then stop
	writerDone chan struct{}   // closed when writePump has returned

	mu       sync.Mutex
	asks     map[string]context.CancelCauseFunc // running asks by id
	finished []string                           // ids of recently finished asks
	history  []chat.Turn                        // completed turns, oldest first
	askWG    sync.WaitGroup
}

type closeFrame struct {
	code   int
	reason string
}

// serve runs the connection until the client leaves, a read or write
// fails, or Shutdown closes it; it returns when every goroutine of the
// connection has.
func (c *conn) serve() {
	c.s.metrics.openConns.Inc()
	defer c.s.metrics.openConns.Dec()
	c.log.Info("ws open", c.logAttrs()...)
	stop := context.AfterFunc(c.s.answers, func() { c.stopAsks(context.Cause(c.s.answers)) })
	defer stop()

	go c.writePump()
	c.cancel(c.readPump()) // the reader is done: every ask stops
	c.askWG.Wait()
	<-c.writerDone
	c.ws.Close()
	c.log.Info("ws closed", append(c.logAttrs(), "cause", context.Cause(c.ctx).Error(),
		"duration", time.Since(c.opened))...)
}

// readPump reads client messages until the connection fails, and returns
// why. A message that is not valid protocol gets an error event; only a
// message over the read limit (close 1009) ends the connection.
func (c *conn) readPump() error {
	c.ws.SetReadLimit(c.s.cfg.MaxMessageBytes)
	_ = c.ws.SetReadDeadline(time.Now().Add(c.s.cfg.PongWait))
	c.ws.SetPongHandler(func(string) error {
		return c.ws.SetReadDeadline(time.Now().Add(c.s.cfg.PongWait))
	})
	for {
		typ, data, err := c.ws.ReadMessage()
		if err != nil {
			return c.readFailed(err)
		}
		// Any message shows the client is alive, as a pong does.
		_ = c.ws.SetReadDeadline(time.Now().Add(c.s.cfg.PongWait))
		if typ != websocket.TextMessage {
			c.reject("", errorf(CodeBadRequest, "binary messages are not supported; send JSON text"))
			continue
		}
		c.handle(data)
	}
}

// readFailed names why reading stopped, logging what the client must hear
// about.
func (c *conn) readFailed(err error) error {
	var ne net.Error
	switch {
	case errors.Is(err, websocket.ErrReadLimit):
		// gorilla has sent close 1009 (message too big). Read what the
		// client is still sending, so that closing the socket does not
		// reset it before the client has read our close frame.
		tooBig := errorf(CodeTooLarge, "message larger than %d bytes", c.s.cfg.MaxMessageBytes)
		c.s.fail(c.log, "ws error", tooBig)
		c.discardInput()
		return tooBig
	case websocket.IsCloseError(err, websocket.CloseNormalClosure, websocket.CloseGoingAway, websocket.CloseNoStatusReceived):
		return fmt.Errorf("%w: %v", errGone, err)
	case errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("%w: no pong or close reply in time", errGone)
	}
	return fmt.Errorf("%w: %v", errGone, err)
}

func (c *conn) discardInput() {
	nc := c.ws.NetConn()
	_ = nc.SetReadDeadline(time.Now().Add(c.s.cfg.CloseGrace))
	_, _ = io.Copy(io.Discard, nc)
}
