package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"

	"github.com/citechat/citechat/chat"
	"github.com/gorilla/websocket"
)

// finishedIDs is how many finished ask ids a connection remembers, so that
// a cancel racing its answer's done is ignored rather than refused.
const finishedIDs = 32

// handle acts on one client message. A bad message gets an error event and
// the connection stays open.
func (c *conn) handle(data []byte) {
	defer func() {
		if p := recover(); p != nil {
			c.reject("", fmt.Errorf("panic handling a message: %v\n%s", p, debug.Stack()))
		}
	}()
	m, err := decodeMessage(data)
	if err != nil {
		c.reject(m.ID, err)
		return
	}
	switch m.Type {
	case msgAsk:
		c.startAsk(m.request())
	case msgCancel:
		c.cancelAsk(m.ID)
	}
}

func (c *conn) startAsk(req chat.Request) {
	err := c.s.checkRequest(&req)
	var ctx context.Context
	var cancel context.CancelCauseFunc
	if err == nil {
		ctx, cancel, err = c.register(&req)
	}
	if err != nil {
		c.reject(req.ID, err)
		return
	}
	go c.runAsk(ctx, cancel, req)
}

// register records a new running ask and gives it the connection's own
// history when it brought none. The Gate is asked last, so an ask refused
// for this connection's own limits does not use up the visitor's quota.
func (c *conn) register(req *chat.Request) (context.Context, context.CancelCauseFunc, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, dup := c.asks[req.ID]; dup {
		return nil, nil, errorf(CodeBadRequest, "an ask with id %q is already running", req.ID)
	}
	if len(c.asks) >= c.s.cfg.MaxAsksPerConn {
		return nil, nil, errorf(CodeRateLimited,
			"%d asks are already running on this connection; wait for one to finish", len(c.asks))
	}
	if err := c.s.allowAsk(c.visitor); err != nil {
		return nil, nil, err
	}
	if !c.s.work.start() {
		return nil, nil, errShuttingDown
	}
	if req.History == nil {
		req.History = slices.Clone(c.history)
	}
	ctx, cancel := context.WithCancelCause(c.asksCtx)
	c.asks[req.ID] = cancel
	c.askWG.Add(1)
	return ctx, cancel, nil
}

// runAsk answers one ask, streaming its events to the writer. Its
// terminal event (done, or error) is queued before work.done, so Shutdown's
// close frame always comes after it.
func (c *conn) runAsk(ctx context.Context, cancel context.CancelCauseFunc, req chat.Request) {
	defer c.askWG.Done()
	defer c.s.work.done()
	emit := func(ev chat.Event) error {
		if ev.Type == chat.EventDone {
			// Before the done frame is queued: a follow-up sent the moment
			// the client reads it must find this turn in the history.
			c.remember(chat.Turn{Q: req.Question, A: ev.Answer.Answer})
		}
		frame, err := json.Marshal(ev)
		if err != nil {
			return fmt.Errorf("encode %s event: %w", ev.Type, err)
		}
		if err := c.send(ctx, frame); err != nil {
			cancel(err) // the answer stops; run reports this cause
			return err
		}
		return nil
	}
	_, err := c.s.run(ctx, req, "ws", emit)
	c.finish(req.ID)
	if err != nil {
		c.reject(req.ID, err)
	}
}

func (c *conn) remember(t chat.Turn) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.history) >= c.s.cfg.MaxHistoryTurns {
		c.history = slices.Delete(c.history, 0, len(c.history)-c.s.cfg.MaxHistoryTurns+1)
	}
	c.history = append(c.history, t)
}

func (c *conn) finish(id string) {
	c.mu.Lock()
	cancel := c.asks[id]
	delete(c.asks, id)
	if len(c.finished) >= finishedIDs {
		c.finished = slices.Delete(c.finished, 0, 1)
	}
	c.finished = append(c.finished, id)
	c.mu.Unlock()
	cancel(context.Canceled) // releases the ask's context
}

// cancelAsk stops a running ask; it then ends with a "cancelled" error
// event. A cancel for an ask that has just finished is ignored (its done or
// error is already on its way); one for an id never seen is refused.
func (c *conn) cancelAsk(id string) {
	c.mu.Lock()
	cancel, running := c.asks[id]
	finished := slices.Contains(c.finished, id)
	c.mu.Unlock()
	switch {
	case running:
		cancel(errCancelled)
	case finished:
		c.log.Debug("ws cancel after finish", "ask", id)
	default:
		c.reject(id, errorf(CodeBadRequest, "no ask with id %q is running", id))
	}
}

// reject reports err to the client as an error event for id, logging it
// (once, in fail). A client that cannot take even that within SendWait
// would wait forever for the event, so it is disconnected instead (1008).
func (c *conn) reject(id string, err error) {
	w := c.s.fail(c.log.With("ask", id), "ws error", err)
	frame, _ := json.Marshal(newErrorEvent(id, w)) // strings and ints only: cannot fail
	if err := c.send(c.ctx, frame); errors.Is(err, errTooSlow) {
		c.log.Info("ws closing slow client", "ask", id)
		c.requestClose(websocket.ClosePolicyViolation, "client too slow")
	}
}
