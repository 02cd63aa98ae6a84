package web

import (
	"sync"
	"time"
)

// connTracker knows every open websocket, because http.Server.Shutdown
// forgets a connection once it is hijacked. It also enforces the limits on
// connections per client address and in all.
type connTracker struct {
	mu      sync.Mutex
	closed  bool
	n       int
	perAddr map[string]int
	live    map[*conn]struct{}
	wg      sync.WaitGroup // one per reserved slot; Shutdown waits on it
}

func (t *connTracker) init() {
	t.perAddr = make(map[string]int)
	t.live = make(map[*conn]struct{})
}

// retryConnAfter is what a client over a connection limit is told to wait.
const retryConnAfter = 5 * time.Second

// reserve claims a connection slot for a client address, or returns the
// *Error to refuse the upgrade with. Every successful reserve must be
// followed by release.
func (t *connTracker) reserve(addr string, perAddr, total int) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch {
	case t.closed:
		return errShuttingDown
	case t.n >= total:
		return &Error{Code: CodeUnavailable, Message: "the server has too many open connections; try again later",
			RetryAfter: retryConnAfter}
	case t.perAddr[addr] >= perAddr:
		return &Error{Code: CodeRateLimited,
			Message:    "too many open connections from your address; close one or try again later",
			RetryAfter: retryConnAfter}
	}
	t.n++
	t.perAddr[addr]++
	t.wg.Add(1)
	return nil
}

func (t *connTracker) release(addr string) {
	t.mu.Lock()
	t.n--
	if t.perAddr[addr]--; t.perAddr[addr] <= 0 {
		delete(t.perAddr, addr)
	}
	t.mu.Unlock()
	t.wg.Done()
}

// attach registers an upgraded connection so Shutdown can close it. It
// reports false when Shutdown has already begun: the caller must then close
// the connection itself.
func (t *connTracker) attach(c *conn) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return false
	}
	t.live[c] = struct{}{}
	return true
}

func (t *connTracker) detach(c *conn) {
	t.mu.Lock()
	delete(t.live, c)
	t.mu.Unlock()
}

// closeAll refuses new connections and returns the live ones.
func (t *connTracker) closeAll() []*conn {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.closed = true
	live := make([]*conn, 0, len(t.live))
	for c := range t.live {
		live = append(live, c)
	}
	return live
}

// count is the number of reserved slots: connections open or opening.
func (t *connTracker) count() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.n
}

// wait waits for every reserved slot to be released, at most d (0: no
// limit), and reports whether they all were.
func (t *connTracker) wait(d time.Duration) bool {
	done := make(chan struct{})
	go func() {
		t.wg.Wait()
		close(done)
	}()
	if d == 0 {
		<-done
		return true
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-done:
		return true
	case <-timer.C:
		return false
	}
}
