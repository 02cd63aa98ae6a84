package web

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Shutdown stops the server gracefully, in this order:
//
//  1. It stops accepting: listeners close, new asks on open websockets and
//     new REST/SSE asks get "unavailable", /readyz turns 503.
//  2. It waits for the answers in flight (websocket, SSE and REST) to
//     finish, until ctx is done; then it cancels the rest, which end with an
//     "unavailable" error event (or a 503 for REST).
//  3. It closes every websocket with 1001 (going away), after the frames
//     already queued for it. http.Server.Shutdown does neither this nor the
//     waiting below for hijacked connections.
//  4. It waits for every connection's goroutines to exit, dropping
//     connections that do not complete the close within CloseGrace+WriteWait.
//
// It returns nil when the answers finished in time, and ctx's error when
// some had to be cancelled. It always returns with every connection closed.
func (s *Server) Shutdown(ctx context.Context) error {
	idle := s.work.close()
	s.mu.Lock()
	s.closed = true
	servers := slices.Clone(s.servers)
	s.mu.Unlock()

	var err error
	for _, srv := range servers {
		if e := srv.Shutdown(ctx); e != nil && err == nil {
			err = e
		}
	}
	select {
	case <-idle:
	case <-ctx.Done():
		err = ctx.Err()
		s.stopAnswers(errShuttingDown)
		s.awaitAnswers(idle)
	}
	s.closeConns()
	s.stopAnswers(errShuttingDown)
	return err
}

// awaitAnswers waits for cancelled answers to return. An answerer that
// ignores its context is not waited for past CloseGrace, so Shutdown ends.
func (s *Server) awaitAnswers(idle <-chan struct{}) {
	t := time.NewTimer(s.cfg.CloseGrace)
	defer t.Stop()
	select {
	case <-idle:
	case <-t.C:
		s.log.Warn("shutdown: answers still running after cancellation")
	}
}

func (s *Server) closeConns() {
	for _, c := range s.conns.closeAll() {
		c.requestClose(websocket.CloseGoingAway, "server shutting down")
	}
	if s.conns.wait(s.cfg.CloseGrace + s.cfg.WriteWait) {
		return
	}
	s.log.Warn("shutdown: websockets did not close in time; dropping them")
	for _, c := range s.conns.closeAll() {
		c.ws.Close()
	}
	s.conns.wait(0)
}

// work counts the answers in flight so Shutdown can wait for them. Once
// closed it admits no more.
type work struct {
	mu     sync.Mutex
	n      int
	closed bool
	idle   chan struct{} // closed when n drops to 0 after close
}

// start admits one more answer, or reports false once closed.
func (w *work) start() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return false
	}
	w.n++
	return true
}

func (w *work) done() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.n--
	if w.n == 0 && w.idle != nil {
		close(w.idle)
		w.idle = nil
	}
}

// close admits no more answers and returns a channel closed when the last
// one is done.
func (w *work) close() <-chan struct{} {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed = true
	if w.idle != nil { // a second Shutdown waits for the same answers
		return w.idle
	}
	ch := make(chan struct{})
	if w.n == 0 {
		close(ch)
	} else {
		w.idle = ch
	}
	return ch
}

func (w *work) isClosed() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.closed
}
