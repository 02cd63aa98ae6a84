package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Connection faults: a client that never reads, and ten thousand clients
// that connect and vanish. The server must shed the first without letting
// it hold anything up, and come back to its baseline after the second.

// TestClientThatReadsNothing: a websocket client with a tiny receive
// buffer keeps asking and never reads. Its answers back up, the server
// stops them (backpressure) and drops the connection; a well-behaved
// client on the same server is answered throughout.
func TestClientThatReadsNothing(t *testing.T) {
	noLeak(t)
	l := startLive(t, Config{})
	good := l.wsOpen(nil)

	d := websocket.Dialer{NetDialContext: (&net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		var serr error
		err := c.Control(func(fd uintptr) { serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 2048) })
		if err != nil {
			return err
		}
		return serr
	}}).DialContext}
	mute, _, err := d.Dial("ws://"+l.addr+"/ws", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer mute.Close()
	waitFor(t, "both connections open", func() bool { return l.metric("citechat_websocket_connections") == 2 })

	// Ask until the server stops reading us (its reader waits on the full
	// queue) or 400 asks are out; each answer is kilobytes of sources.
	sent := 0
	for ; sent < 400; sent++ {
		_ = mute.SetWriteDeadline(time.Now().Add(time.Second))
		if err := mute.WriteJSON(map[string]string{"type": "ask", "id": fmt.Sprint("m", sent), "question": rice}); err != nil {
			break
		}
		if sent%4 == 3 {
			time.Sleep(20 * time.Millisecond) // let the four allowed at once run
		}
		if sent == 20 { // meanwhile, the good client is served
			if evs := wsExchange(t, good, "g1", rice); evs[len(evs)-1].Type != "done" {
				t.Fatalf("good client during the stall: %s", evs[len(evs)-1].raw)
			}
		}
	}
	waitFor(t, "the server to drop the client that does not read", func() bool {
		return l.metric("citechat_websocket_connections") == 1
	})
	if !strings.Contains(l.logs.String(), "did not read its messages in time") {
		t.Errorf("no log line says why the client was dropped")
	}
	if evs := wsExchange(t, good, "g2", rice); evs[len(evs)-1].Type != "done" {
		t.Fatalf("good client after the drop: %s", evs[len(evs)-1].raw)
	}
	t.Logf("%d asks sent before the server stopped reading", sent)
}

// TestTenThousandConnectionsOpenedAndDropped: in waves of 500, clients
// open websockets and drop them without a close frame, or drop a TCP
// connection half-way through the handshake, or right after connecting.
// Afterwards the open-connection gauge, goroutines and file descriptors are
// back where they were, and the server answers as before.
func TestTenThousandConnectionsOpenedAndDropped(t *testing.T) {
	total := 10_000
	if testing.Short() {
		total = 1_000
	}
	noLeak(t)
	l := startLive(t, Config{MaxConnsPerAddr: 2000, MaxConns: 2000})
	const wave = 500
	dialer := websocket.Dialer{HandshakeTimeout: 10 * time.Second}
	var mu sync.Mutex
	failures := map[string]int{}
	for start := 0; start < total; start += wave {
		var wg sync.WaitGroup
		for i := start; i < start+wave; i++ {
			wg.Go(func() {
				if err := openAndDrop(&dialer, l.addr, i); err != nil {
					mu.Lock()
					failures[err.Error()]++
					mu.Unlock()
				}
			})
		}
		wg.Wait()
	}
	if len(failures) > 0 {
		t.Fatalf("connections that could not be opened: %v", failures)
	}
	waitFor(t, "the open-connection gauge back to zero", func() bool {
		return l.metric("citechat_websocket_connections") == 0
	})
	if evs := wsExchange(t, l.wsOpen(nil), "after", rice); evs[len(evs)-1].Type != "done" {
		t.Fatalf("after the storm: %s", evs[len(evs)-1].raw)
	}
}

// openAndDrop opens connection i in one of three ways and drops it.
func openAndDrop(d *websocket.Dialer, addr string, i int) error {
	switch i % 10 {
	case 0: // TCP only
		c, err := net.DialTimeout("tcp", addr, 10*time.Second)
		if err != nil {
			return err
		}
		return c.Close()
	case 1: // half a handshake
		c, err := net.DialTimeout("tcp", addr, 10*time.Second)
		if err != nil {
			return err
		}
		_, _ = c.Write([]byte("GET /ws HTTP/1.1\r\nHost: " + addr + "\r\nUpgrade: websocket\r\n"))
		return c.Close()
	}
	ws, resp, err := d.DialContext(context.Background(), "ws://"+addr+"/ws", nil)
	if err != nil {
		if resp != nil {
			return fmt.Errorf("dial: %s", resp.Status)
		}
		return fmt.Errorf("dial: %w", err)
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		return fmt.Errorf("status %s", resp.Status)
	}
	return ws.NetConn().Close() // vanish: no close frame
}
