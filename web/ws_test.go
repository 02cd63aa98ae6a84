package web

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/citechat/citechat/chat"
	"github.com/gorilla/websocket"
)

func TestWSEventOrder(t *testing.T) {
	noLeaks(t)
	h := start(t, Config{})
	ws := h.dial(nil)
	send(t, ws, `{"type":"ask","id":"q1","question":"Why test?"}`)
	evs := readUntil(t, ws, "q1")

	if evs[0].Type != "sources" || len(evs[0].Sources) != 1 || evs[0].Sources[0].ArticleID != "tests" {
		t.Fatalf("first event %s, want the sources", evs[0].raw)
	}
	var text strings.Builder
	for _, ev := range evs[1 : len(evs)-1] {
		if ev.Type != "delta" {
			t.Fatalf("got %s between sources and done", ev.raw)
		}
		text.WriteString(ev.Text)
	}
	done := evs[len(evs)-1]
	if done.Type != "done" || done.Answer != fakeText || text.String() != done.Answer {
		t.Fatalf("done %s; deltas made %q", done.raw, text.String())
	}
	if len(done.Citations) != 1 || done.Citations[0].Quote == "" {
		t.Errorf("done lacks its citation: %s", done.raw)
	}
	for _, ev := range evs {
		if ev.ID != "q1" {
			t.Errorf("event without the ask's id: %s", ev.raw)
		}
	}
}

func TestWSHistoryOnOneConnection(t *testing.T) {
	h := start(t, Config{})
	ws := h.dial(nil)
	send(t, ws, `{"type":"ask","id":"q1","question":"Why test?"}`)
	readUntil(t, ws, "q1")
	send(t, ws, `{"type":"ask","id":"q2","question":"Who says so?"}`)
	readUntil(t, ws, "q2")
	send(t, ws, `{"type":"ask","id":"q3","question":"Fresh start","history":[]}`)
	readUntil(t, ws, "q3")
	other := h.dial(nil) // another connection has a history of its own
	send(t, other, `{"type":"ask","id":"o1","question":"Elsewhere?"}`)
	readUntil(t, other, "o1")

	reqs := h.fake.requests()
	want := []chat.Turn{{Q: "Why test?", A: fakeText}}
	if got := reqs[1].History; len(got) != 1 || got[0] != want[0] {
		t.Errorf("second ask's history = %+v, want %+v", got, want)
	}
	if got := reqs[2].History; len(got) != 0 {
		t.Errorf(`ask with "history":[] got history %+v`, got)
	}
	if got := reqs[3].History; len(got) != 0 {
		t.Errorf("first ask on a new connection got history %+v", got)
	}
}

func TestWSHistoryIsCapped(t *testing.T) {
	h := start(t, Config{MaxHistoryTurns: 2})
	ws := h.dial(nil)
	for _, id := range []string{"a", "b", "c", "d"} {
		send(t, ws, `{"type":"ask","id":"`+id+`","question":"question `+id+`"}`)
		readUntil(t, ws, id)
	}
	last := h.fake.requests()[3].History
	if len(last) != 2 || last[0].Q != "question b" || last[1].Q != "question c" {
		t.Errorf("history = %+v, want the latest two turns (b, c)", last)
	}
}

func TestWSCancel(t *testing.T) {
	noLeaks(t)
	h := start(t, Config{})
	ws := h.dial(nil)
	send(t, ws, `{"type":"ask","id":"q1","question":"block please"}`)
	if ev := read(t, ws); ev.Type != "sources" {
		t.Fatalf("got %s, want sources", ev.raw)
	}
	if ev := read(t, ws); ev.Type != "delta" {
		t.Fatalf("got %s, want a delta", ev.raw)
	}
	send(t, ws, `{"type":"cancel","id":"q1"}`)
	ev := read(t, ws)
	if ev.Type != "error" || ev.ID != "q1" || ev.Code != CodeCancelled {
		t.Fatalf("after cancel got %s, want error cancelled for q1", ev.raw)
	}
	if cause := <-h.fake.stopped; !errors.Is(cause, errCancelled) {
		t.Errorf("answer stopped by %v, want the client's cancel", cause)
	}
	// The connection goes on, and a late cancel for the finished ask is ignored.
	send(t, ws, `{"type":"cancel","id":"q1"}`)
	send(t, ws, `{"type":"ask","id":"q2","question":"Still there?"}`)
	if evs := readUntil(t, ws, "q2"); evs[0].ID != "q2" || evs[len(evs)-1].Type != "done" {
		t.Errorf("after the cancel: %s", types(evs))
	}
}

func TestWSConcurrentAsksInterleave(t *testing.T) {
	h := start(t, Config{})
	ws := h.dial(nil)
	send(t, ws, `{"type":"ask","id":"a","question":"hold on"}`)
	if ev := read(t, ws); ev.ID != "a" || ev.Type != "sources" {
		t.Fatalf("got %s, want a's sources", ev.raw)
	}
	send(t, ws, `{"type":"ask","id":"b","question":"Quick one"}`)
	evs := readUntil(t, ws, "b") // b runs to the end while a waits
	for _, ev := range evs {
		if ev.ID != "b" {
			t.Fatalf("a's %s arrived while a was held: %s", ev.Type, types(evs))
		}
	}
	h.fake.release()
	evs = readUntil(t, ws, "a")
	if got := types(evs); !strings.HasPrefix(got, "a:delta") || !strings.HasSuffix(got, "a:done") {
		t.Errorf("a after release: %s", got)
	}
}

func TestWSTooManyAsksOnOneConnection(t *testing.T) {
	h := start(t, Config{MaxAsksPerConn: 2})
	ws := h.dial(nil)
	send(t, ws, `{"type":"ask","id":"a","question":"hold a"}`)
	send(t, ws, `{"type":"ask","id":"b","question":"hold b"}`)
	read(t, ws)
	read(t, ws) // both sources
	send(t, ws, `{"type":"ask","id":"c","question":"one more"}`)
	if ev := read(t, ws); ev.ID != "c" || ev.Type != "error" || ev.Code != CodeRateLimited {
		t.Fatalf("third ask got %s, want rate_limited", ev.raw)
	}
	send(t, ws, `{"type":"ask","id":"a","question":"again"}`)
	if ev := read(t, ws); ev.ID != "a" || ev.Code != CodeBadRequest {
		t.Fatalf("a duplicate running id got %s, want bad_request", ev.raw)
	}
	h.fake.release()
	readUntil(t, ws, "a")
}

func TestWSPanicBecomesInternalError(t *testing.T) {
	noLeaks(t)
	h := start(t, Config{})
	ws := h.dial(nil)
	send(t, ws, `{"type":"ask","id":"p","question":"panic"}`)
	evs := readUntil(t, ws, "p")
	last := evs[len(evs)-1]
	if last.Type != "error" || last.Code != CodeInternal || last.Message != "internal error" {
		t.Fatalf("got %s, want a generic internal error", last.raw)
	}
	if len(h.logs.find(map[string]string{"msg": "ws error", "code": CodeInternal, "ask": "p"})) != 1 {
		t.Errorf("want one error log line for ask p")
	}
	send(t, ws, `{"type":"ask","id":"q","question":"After the panic?"}`)
	if evs := readUntil(t, ws, "q"); evs[len(evs)-1].Type != "done" {
		t.Errorf("after a panic: %s", types(evs))
	}
}

func TestWSUnavailableBeforeBackend(t *testing.T) {
	h := start(t, Config{})
	h.s.SetBackend(nil, nil)
	ws := h.dial(nil)
	send(t, ws, `{"type":"ask","id":"q","question":"Anyone?"}`)
	if ev := read(t, ws); ev.Type != "error" || ev.Code != CodeUnavailable {
		t.Fatalf("got %s, want unavailable", ev.raw)
	}
}

// A client that answers pings outlives the pong wait; one that never reads
// (so never answers) is dropped.
func TestWSKeepalive(t *testing.T) {
	noLeaks(t)
	h := start(t, Config{PongWait: time.Second})
	h.dial(nil) // silent
	ws := h.dial(nil)
	pings := 0
	ws.SetPingHandler(func(data string) error { // runs inside ws's ReadMessage, below
		if err := ws.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(time.Second)); err != nil {
			return err
		}
		if pings++; pings == 2 { // past one pong wait: the pongs kept it open
			return ws.WriteMessage(websocket.TextMessage, []byte(`{"type":"ask","id":"k","question":"Still here?"}`))
		}
		return nil
	})
	if evs := readUntil(t, ws, "k"); evs[len(evs)-1].Type != "done" {
		t.Fatalf("after two pings: %s", types(evs))
	}
	eventually(t, "the silent client to be dropped", func() bool { return h.s.conns.count() == 1 })
}
