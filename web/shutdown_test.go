package web

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Shutdown lets a running answer finish, refuses new asks meanwhile, then
// closes every socket with 1001.
func TestShutdownDrainsAnswersThenClosesWith1001(t *testing.T) {
	noLeaks(t)
	h := start(t, Config{})
	idle := h.dial(nil)
	ws := h.dial(nil)
	send(t, ws, `{"type":"ask","id":"a","question":"hold until shutdown"}`)
	read(t, ws) // sources: the answer is running

	done := make(chan error, 1)
	go func() { done <- h.shutdown(10 * time.Second) }()
	eventually(t, "shutdown to begin", h.s.work.isClosed)

	send(t, ws, `{"type":"ask","id":"late","question":"One more?"}`)
	if ev := read(t, ws); ev.ID != "late" || ev.Code != CodeUnavailable {
		t.Fatalf("ask during shutdown got %s, want unavailable", ev.raw)
	}
	h.fake.release()
	if evs := readUntil(t, ws, "a"); evs[len(evs)-1].Type != "done" {
		t.Fatalf("the running answer: %s", types(evs))
	}
	for _, c := range []*websocket.Conn{ws, idle} {
		if code := expectClose(t, c); code != websocket.CloseGoingAway {
			t.Errorf("close code %d, want 1001", code)
		}
	}
	if err := <-done; err != nil {
		t.Errorf("Shutdown = %v, want nil", err)
	}
	if _, err := http.Get(h.url("/healthz")); err == nil {
		t.Errorf("the server still accepts connections after Shutdown")
	}
}

// When the deadline passes first, running answers are cancelled with an
// "unavailable" error event before the 1001 close.
func TestShutdownDeadlineCancelsAnswers(t *testing.T) {
	noLeaks(t)
	h := start(t, Config{})
	ws := h.dial(nil)
	send(t, ws, `{"type":"ask","id":"b","question":"block forever"}`)
	read(t, ws)
	read(t, ws) // sources, delta

	done := make(chan error, 1)
	go func() { done <- h.shutdown(100 * time.Millisecond) }()
	ev := read(t, ws)
	if ev.ID != "b" || ev.Type != "error" || ev.Code != CodeUnavailable {
		t.Fatalf("got %s, want unavailable for b", ev.raw)
	}
	if cause := <-h.fake.stopped; !errors.Is(cause, errShuttingDown) {
		t.Errorf("answer stopped by %v, want errShuttingDown", cause)
	}
	if code := expectClose(t, ws); code != websocket.CloseGoingAway {
		t.Errorf("close code %d, want 1001", code)
	}
	if err := <-done; !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown = %v, want the deadline", err)
	}
}

// A client that never answers our close frame is dropped after CloseGrace,
// and Shutdown still returns.
func TestShutdownDropsClientsThatIgnoreTheClose(t *testing.T) {
	noLeaks(t)
	h := start(t, Config{CloseGrace: 50 * time.Millisecond})
	ws := h.dial(nil) // never reads, so never replies to the close
	_ = ws
	if err := h.shutdown(5 * time.Second); err != nil {
		t.Errorf("Shutdown = %v", err)
	}
	if n := h.s.conns.count(); n != 0 {
		t.Errorf("%d connections left after Shutdown", n)
	}
}
