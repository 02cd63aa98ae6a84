package web

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/citechat/citechat/chat"
	"github.com/gorilla/websocket"
)

// harness is a real server on a real loopback listener, with the fake
// answerer installed and its logs captured.
type harness struct {
	t      *testing.T
	s      *Server
	fake   *fakeAnswerer
	addr   string
	logs   *logBuffer
	client *http.Client
	served chan error
	once   sync.Once
}

func start(t *testing.T, cfg Config) *harness {
	t.Helper()
	logs := &logBuffer{}
	cfg.Logger = slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h := &harness{t: t, s: New(cfg), fake: newFake(), logs: logs, served: make(chan error, 1),
		client: &http.Client{Transport: &http.Transport{}}}
	h.s.SetBackend(h.fake, testLibrary)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h.addr = ln.Addr().String()
	go func() { h.served <- h.s.Serve(ln) }()
	t.Cleanup(func() {
		h.fake.release()
		if err := h.shutdown(10 * time.Second); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		h.client.CloseIdleConnections()
	})
	return h
}

// shutdown stops the server once and waits for Serve to return.
func (h *harness) shutdown(d time.Duration) (err error) {
	h.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), d)
		defer cancel()
		err = h.s.Shutdown(ctx)
		if serr := <-h.served; serr != nil {
			h.t.Errorf("Serve returned %v after Shutdown", serr)
		}
	})
	return err
}

func (h *harness) url(path string) string { return "http://" + h.addr + path }

// dial opens a websocket with the given headers (e.g. Origin).
func (h *harness) dial(header http.Header) *websocket.Conn {
	h.t.Helper()
	ws, resp, err := websocket.DefaultDialer.Dial("ws://"+h.addr+"/ws", header)
	if err != nil {
		h.t.Fatalf("dial: %v (response %v)", err, resp)
	}
	h.t.Cleanup(func() { ws.Close() })
	return ws
}

// event is what a test reads from the websocket or SSE: the union of the
// event shapes.
type event struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Text       string          `json:"text"`
	Answer     string          `json:"answer"`
	Abstained  bool            `json:"abstained"`
	Sources    []chat.Source   `json:"sources"`
	Citations  []chat.Citation `json:"citations"`
	Code       string          `json:"code"`
	Message    string          `json:"message"`
	RetryAfter int             `json:"retry_after"`
	raw        string
}

func send(t *testing.T, ws *websocket.Conn, msg string) {
	t.Helper()
	if err := ws.WriteMessage(websocket.TextMessage, []byte(msg)); err != nil {
		t.Fatalf("write %s: %v", msg, err)
	}
}

func read(t *testing.T, ws *websocket.Conn) event {
	t.Helper()
	ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, data, err := ws.ReadMessage()
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	ev := event{raw: string(data)}
	if err := json.Unmarshal(data, &ev); err != nil {
		t.Fatalf("event %s: %v", data, err)
	}
	return ev
}

// readUntil reads events until one of type "done" or "error" for id and
// returns all read, in order.
func readUntil(t *testing.T, ws *websocket.Conn, id string) []event {
	t.Helper()
	var evs []event
	for {
		ev := read(t, ws)
		evs = append(evs, ev)
		if ev.ID == id && (ev.Type == "done" || ev.Type == "error") {
			return evs
		}
	}
}

func types(evs []event) string {
	var b strings.Builder
	for i, ev := range evs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(ev.ID + ":" + ev.Type)
	}
	return b.String()
}

// expectClose reads until the connection closes and returns the close code.
func expectClose(t *testing.T, ws *websocket.Conn) int {
	t.Helper()
	ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		_, _, err := ws.ReadMessage()
		if ce, ok := err.(*websocket.CloseError); ok {
			return ce.Code
		}
		if err != nil {
			t.Fatalf("want a close frame, got %v", err)
		}
	}
}

// eventually polls cond until it holds, failing after 10 s. It is for
// states the test cannot be told about (a goroutine has exited).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// noLeaks fails the test if goroutines started during it are still running
// once every cleanup registered after it has run (the harness's Shutdown).
func noLeaks(t *testing.T) {
	base := runtime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(10 * time.Second)
		for runtime.NumGoroutine() > base {
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<20)
				t.Errorf("goroutines: %d at start, %d now:\n%s", base, runtime.NumGoroutine(),
					buf[:runtime.Stack(buf, true)])
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	})
}

// logBuffer collects JSON log lines from any goroutine.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// find returns the log records whose fields include every given key/value.
func (l *logBuffer) find(kv map[string]string) []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	var found []map[string]any
	for line := range strings.SplitSeq(l.buf.String(), "\n") {
		var rec map[string]any
		if json.Unmarshal([]byte(line), &rec) != nil {
			continue
		}
		match := true
		for k, v := range kv {
			if s, _ := rec[k].(string); s != v {
				match = false
			}
		}
		if match {
			found = append(found, rec)
		}
	}
	return found
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// serveOnce runs one request through the server's handler, without a
// listener.
func serveOnce(s *Server, method, path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec
}
