package main

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// startMain runs the real program on port 0 against a fresh data dir.
func startMain(t *testing.T, dataDir string) *Main {
	t.Helper()
	m := &Main{Config: Config{Addr: "127.0.0.1:0", DataDir: dataDir, Embedder: "local", LLM: "none", LogLevel: "error", ShutdownGrace: 2 * time.Second}}
	if err := m.Run(context.Background()); err != nil {
		t.Fatalf("run: %v", err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

func TestServeEndToEnd(t *testing.T) {
	data := t.TempDir()
	m := startMain(t, data)
	base := "http://" + m.Addr()

	if res, err := http.Get(base + "/readyz"); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("readyz: %v %v", res, err)
	}
	if _, err := os.Stat(filepath.Join(data, storeFile)); err != nil {
		t.Fatalf("first start should have saved the bundled report's store: %v", err)
	}

	hdr := http.Header{"Origin": {base}}
	ws, _, err := websocket.DefaultDialer.Dial("ws://"+m.Addr()+"/ws", hdr)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer ws.Close()
	done := askWS(t, ws, "q1", "What irrigation technique does the low-carbon rice pilot project in Vietnam's Mekong Delta use?")
	if done["abstained"] != false || !strings.Contains(strings.ToLower(done["answer"].(string)), "wetting and drying") {
		t.Fatalf("unexpected answer: %v", done)
	}
	// The follow-up resolves "it" from the connection's own history.
	follow := askWS(t, ws, "q2", "What does it aim to reduce?")
	if q, _ := follow["query"].(string); !strings.Contains(strings.ToLower(q), "mekong") {
		t.Errorf("follow-up query %q does not carry the previous turn's subject", q)
	}
	if a, _ := follow["answer"].(string); !strings.Contains(a, "carbon dioxide") {
		t.Errorf("follow-up answer %q misses what the project reduces", a)
	}

	// Shutdown closes the live socket with 1001 (going away).
	m.Close()
	ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, _, err = ws.ReadMessage()
	if !websocket.IsCloseError(err, websocket.CloseGoingAway) {
		t.Fatalf("after shutdown: %v, want close 1001", err)
	}
}

// askWS sends one ask and reads its events: sources, deltas whose texts
// make the answer, then done; it returns the done event.
func askWS(t *testing.T, ws *websocket.Conn, id, question string) map[string]any {
	t.Helper()
	if err := ws.WriteJSON(map[string]any{"type": "ask", "id": id, "question": question}); err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	var types []string
	for {
		ws.SetReadDeadline(time.Now().Add(10 * time.Second))
		var ev map[string]any
		if err := ws.ReadJSON(&ev); err != nil {
			t.Fatalf("read: %v (after %v)", err, types)
		}
		if ev["id"] != id {
			t.Fatalf("event for %v during ask %s", ev["id"], id)
		}
		typ, _ := ev["type"].(string)
		types = append(types, typ)
		switch typ {
		case "delta":
			text.WriteString(ev["text"].(string))
		case "error":
			t.Fatalf("error event: %v", ev)
		case "done":
			if types[0] != "sources" {
				t.Errorf("first event %q, want sources", types[0])
			}
			if ev["answer"] != text.String() {
				t.Errorf("deltas %q do not make the answer %q", text.String(), ev["answer"])
			}
			return ev
		}
	}
}

// TestServeRefusesCorruptStore: a damaged store is reported, and nothing
// overwrites it (the operator may want to recover it).
func TestServeRefusesCorruptStore(t *testing.T) {
	data := t.TempDir()
	path := filepath.Join(data, storeFile)
	junk := []byte("this is not a store")
	if err := os.WriteFile(path, junk, 0o644); err != nil {
		t.Fatal(err)
	}
	m := &Main{Config: Config{Addr: "127.0.0.1:0", DataDir: data, Embedder: "local", LLM: "none"}}
	err := m.Run(context.Background())
	m.Close()
	if err == nil || !strings.Contains(err.Error(), storeFile) {
		t.Fatalf("run on a corrupt store: %v, want an error naming the file", err)
	}
	if b, _ := os.ReadFile(path); string(b) != string(junk) {
		t.Fatal("the corrupt store was overwritten")
	}
}

func TestServeRESTAsk(t *testing.T) {
	m := startMain(t, t.TempDir())
	body := strings.NewReader(`{"id":"r1","question":"How many ASEAN students are currently studying in China?"}`)
	res, err := http.Post("http://"+m.Addr()+"/api/ask", "application/json", body)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var ans struct {
		ID        string `json:"id"`
		Abstained bool   `json:"abstained"`
		Answer    string `json:"answer"`
	}
	if err := json.NewDecoder(res.Body).Decode(&ans); err != nil || res.StatusCode != 200 {
		t.Fatalf("status %d, %v", res.StatusCode, err)
	}
	if ans.ID != "r1" || !ans.Abstained || ans.Answer == "" {
		t.Fatalf("an uncovered question should abstain plainly: %+v", ans)
	}
}
