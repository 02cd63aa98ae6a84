package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// The fault, load and security tests run the real program: Main on a
// loopback port against a temporary data directory, with the real store,
// bot and web server, driven by real gorilla websocket and HTTP clients.

// live is a running Main with its logs captured as JSON lines.
type live struct {
	t    *testing.T
	m    *Main
	base string // http://127.0.0.1:PORT
	addr string
	logs *logSink
}

// startLive runs Main with c (zero fields: loopback port 0, a fresh data
// directory seeded with the bundled report's store, local embedder, no
// LLM) and stops it when the test ends.
func startLive(t *testing.T, c Config) *live {
	t.Helper()
	if c.Addr == "" {
		c.Addr = "127.0.0.1:0"
	}
	if c.DataDir == "" {
		c.DataDir = t.TempDir()
		seedStore(t, c.DataDir)
	}
	if c.Embedder == "" {
		c.Embedder = "local"
	}
	if c.LLM == "" {
		c.LLM = "none"
	}
	if c.ShutdownGrace == 0 {
		c.ShutdownGrace = 2 * time.Second
	}
	l := &live{t: t, logs: &logSink{}}
	l.m = &Main{Config: c, Log: slog.New(slog.NewJSONHandler(l.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))}
	if err := l.m.Run(context.Background()); err != nil {
		l.m.Close()
		t.Fatalf("run: %v", err)
	}
	t.Cleanup(func() {
		if err := l.m.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	l.addr = l.m.Addr()
	l.base = "http://" + l.addr
	return l
}

// seedStore copies the bundled report's store, built once per test
// binary, into dir, so that each test does not re-embed the report.
func seedStore(t *testing.T, dir string) {
	t.Helper()
	bundledOnce.Do(func() {
		tmp, err := os.MkdirTemp("", "citechat-seed")
		if err != nil {
			bundledErr = err
			return
		}
		defer os.RemoveAll(tmp)
		c := Config{DataDir: tmp, Embedder: "local"}
		if _, bundledErr = openLibrary(context.Background(), &c, slog.New(slog.DiscardHandler)); bundledErr == nil {
			bundledStore, bundledErr = os.ReadFile(storePath(&c))
		}
	})
	if bundledErr != nil {
		t.Fatalf("seed store: %v", bundledErr)
	}
	if err := os.WriteFile(filepath.Join(dir, storeFile), bundledStore, 0o644); err != nil {
		t.Fatal(err)
	}
}

var (
	bundledOnce  sync.Once
	bundledStore []byte
	bundledErr   error
)

// logSink collects log output from any goroutine.
type logSink struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logSink) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logSink) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// noLeak fails the test unless goroutines and open file descriptors are
// back to their number at the call once every cleanup registered after it
// has run (Main.Close, fake servers). Both settle asynchronously, so it
// polls, for at most 10 s.
func noLeak(t *testing.T) {
	t.Helper()
	g0, fd0 := runtime.NumGoroutine(), openFDs(t)
	t.Cleanup(func() {
		http.DefaultClient.CloseIdleConnections() // the LLM clients' keep-alive connections
		deadline := time.Now().Add(10 * time.Second)
		for {
			g, fd := runtime.NumGoroutine(), openFDs(t)
			if g <= g0 && fd <= fd0 {
				return
			}
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<20)
				t.Errorf("leak: goroutines %d → %d, open files %d → %d\n%s", g0, g, fd0, fd, buf[:runtime.Stack(buf, true)])
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
}

func openFDs(t *testing.T) int {
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc/self/fd: %v", err)
	}
	return len(entries)
}

// wsOpen dials the live server's websocket.
func (l *live) wsOpen(hdr http.Header) *websocket.Conn {
	l.t.Helper()
	d := websocket.Dialer{HandshakeTimeout: 10 * time.Second}
	ws, resp, err := d.Dial("ws://"+l.addr+"/ws", hdr)
	if err != nil {
		l.t.Fatalf("dial: %v (%v)", err, resp)
	}
	l.t.Cleanup(func() { ws.Close() })
	return ws
}

// wsEvent is any server event, with the raw frame kept.
type wsEvent struct {
	Type      string           `json:"type"`
	ID        string           `json:"id"`
	Text      string           `json:"text"`
	Code      string           `json:"code"`
	Message   string           `json:"message"`
	Answer    string           `json:"answer"`
	Abstained bool             `json:"abstained"`
	Mode      string           `json:"mode"`
	Notice    string           `json:"notice"`
	Citations []map[string]any `json:"citations"`
	Sources   []map[string]any `json:"sources"`
	raw       string
}

// wsExchange sends one ask and returns its events, up to and including
// done or error.
func wsExchange(t *testing.T, ws *websocket.Conn, id, question string) []wsEvent {
	t.Helper()
	if err := ws.WriteJSON(map[string]string{"type": "ask", "id": id, "question": question}); err != nil {
		t.Fatalf("send ask: %v", err)
	}
	return wsUntil(t, ws, id)
}

func wsUntil(t *testing.T, ws *websocket.Conn, id string) []wsEvent {
	t.Helper()
	var evs []wsEvent
	for {
		_ = ws.SetReadDeadline(time.Now().Add(20 * time.Second))
		_, data, err := ws.ReadMessage()
		if err != nil {
			t.Fatalf("read after %d events: %v", len(evs), err)
		}
		ev := wsEvent{raw: string(data)}
		if err := json.Unmarshal(data, &ev); err != nil {
			t.Fatalf("event %s: %v", data, err)
		}
		evs = append(evs, ev)
		if ev.ID == id && (ev.Type == "done" || ev.Type == "error") {
			return evs
		}
	}
}

// streamed joins the delta texts of evs.
func streamed(evs []wsEvent) string {
	var b strings.Builder
	for _, ev := range evs {
		if ev.Type == "delta" {
			b.WriteString(ev.Text)
		}
	}
	return b.String()
}

// metric reads one unlabelled sample from the live server's /metrics.
func (l *live) metric(name string) float64 {
	l.t.Helper()
	resp, err := http.Get(l.base + "/metrics")
	if err != nil {
		l.t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body)
	for line := range strings.SplitSeq(buf.String(), "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				return f
			}
		}
	}
	l.t.Fatalf("no %s in /metrics", name)
	return 0
}

// rice is a question the bundled report answers (dev set d003's topic).
const rice = "What irrigation technique does the low-carbon rice pilot project in Vietnam's Mekong Delta use?"
