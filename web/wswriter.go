package web

import (
	"context"
	"fmt"
	"time"

	"github.com/gorilla/websocket"
)

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
