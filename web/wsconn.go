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

// writePump is the connection's only writer: every frame we send — answer
// events, error events, pings, our close frame — is written here, so frames
// never interleave and a slow client blocks this goroutine alone (and,
// through the bounded queue, the answers feeding it). The exceptions are
// gorilla's own replies from the reader, the echo of a client's close and
// close 1009, which it writes with WriteControl, documented safe alongside
// another writer.
func (c *conn) writePump() {
	defer close(c.writerDone)
	ping := time.NewTicker(pingPeriod(c.s.cfg.PongWait))
	defer ping.Stop()
	for {
		select {
		case frame := <-c.out:
			if err := c.write(frame); err != nil {
				c.drop(err)
				return
			}
		case <-ping.C:
			err := c.ws.WriteControl(websocket.PingMessage, nil, time.Now().Add(c.s.cfg.WriteWait))
			if err != nil {
				c.drop(err)
				return
			}
		case cf := <-c.closing:
			c.sayGoodbye(cf)
			return
		case <-c.ctx.Done(): // the reader has stopped
			return
		}
	}
}

func (c *conn) write(frame []byte) error {
	_ = c.ws.SetWriteDeadline(time.Now().Add(c.s.cfg.WriteWait))
	return c.ws.WriteMessage(websocket.TextMessage, frame)
}

// drop ends a connection whose write failed: closing the socket makes the
// reader's read fail, and serve tears down.
func (c *conn) drop(err error) {
	c.cancel(writeFailed(err))
	c.ws.Close()
}

// sayGoodbye writes the frames already queued (answers that finished before
// Shutdown reach their client), then the close frame, and gives the client
// CloseGrace to reply before the reader gives up.
func (c *conn) sayGoodbye(cf closeFrame) {
	for drained := false; !drained; {
		select {
		case frame := <-c.out:
			if err := c.write(frame); err != nil {
				c.drop(err)
				return
			}
		default:
			drained = true
		}
	}
	msg := websocket.FormatCloseMessage(cf.code, cf.reason)
	if err := c.ws.WriteControl(websocket.CloseMessage, msg, time.Now().Add(c.s.cfg.WriteWait)); err != nil {
		c.drop(err)
		return
	}
	_ = c.ws.SetReadDeadline(time.Now().Add(c.s.cfg.CloseGrace))
}

// requestClose asks writePump to close the connection with code; the
// first request wins.
func (c *conn) requestClose(code int, reason string) {
	select {
	case c.closing <- closeFrame{code, reason}:
	default:
	}
}

// send queues a frame for writePump. It waits at most SendWait for room —
// the backpressure a slow client puts on its answers — and gives up early
// when ctx ends or the writer has stopped.
func (c *conn) send(ctx context.Context, frame []byte) error {
	select {
	case c.out <- frame:
		return nil
	default:
	}
	t := time.NewTimer(c.s.cfg.SendWait)
	defer t.Stop()
	select {
	case c.out <- frame:
		return nil
	case <-c.writerDone:
		return fmt.Errorf("%w: the connection is closing", errGone)
	case <-ctx.Done():
		return context.Cause(ctx)
	case <-t.C:
		return errTooSlow
	}
}
