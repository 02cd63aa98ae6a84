package web

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

func TestWSBadMessagesGetErrorEventsAndTheConnectionStaysOpen(t *testing.T) {
	noLeaks(t)
	h := start(t, Config{MaxQuestionChars: 50})
	ws := h.dial(nil)
	cases := []struct {
		name, msg, id, code, message string
	}{
		{"malformed JSON", `{"type":"ask","id":"m1","question":`, "", CodeBadRequest, "malformed JSON"},
		{"not an object", `["ask"]`, "", CodeBadRequest, "want a JSON object"},
		{"unknown type", `{"type":"tell","id":"u1"}`, "u1", CodeBadRequest, `unknown type "tell"`},
		{"missing type", `{"id":"t1","question":"Why?"}`, "t1", CodeBadRequest, `missing "type"`},
		{"missing id", `{"type":"ask","question":"Why?"}`, "", CodeBadRequest, `missing "id"`},
		{"unknown field", `{"type":"ask","id":"f1","questoin":"Why?"}`, "f1", CodeBadRequest, `unknown field "questoin"`},
		{"wrong field type", `{"type":"ask","id":"w1","question":"Why?","history":"none"}`, "w1", CodeBadRequest, `field "history" must be an array`},
		{"empty question", `{"type":"ask","id":"e1","question":"   "}`, "e1", CodeBadRequest, "empty question"},
		{"long question", `{"type":"ask","id":"l1","question":"` + strings.Repeat("é", 51) + `"}`, "l1", CodeTooLarge, "the limit is 50"},
		{"unknown mode", `{"type":"ask","id":"o1","question":"Why?","mode":"poem"}`, "o1", CodeBadRequest, `unknown mode "poem"`},
		{"cancel unknown id", `{"type":"cancel","id":"nope"}`, "nope", CodeBadRequest, `no ask with id "nope"`},
		{"two values", `{"type":"cancel","id":"x"} {}`, "", CodeBadRequest, "more data after the object"},
	}
	for _, c := range cases {
		send(t, ws, c.msg)
		ev := read(t, ws)
		if ev.Type != "error" || ev.ID != c.id || ev.Code != c.code || !strings.Contains(ev.Message, c.message) {
			t.Errorf("%s: got %s, want error %s for id %q saying %q", c.name, ev.raw, c.code, c.id, c.message)
		}
	}
	if err := ws.WriteMessage(websocket.BinaryMessage, []byte{0, 1, 2}); err != nil {
		t.Fatal(err)
	}
	if ev := read(t, ws); ev.Type != "error" || ev.Code != CodeBadRequest || !strings.Contains(ev.Message, "binary") {
		t.Errorf("binary frame: got %s", ev.raw)
	}

	send(t, ws, `{"type":"ask","id":"ok","question":"Still listening?"}`)
	if evs := readUntil(t, ws, "ok"); evs[len(evs)-1].Type != "done" {
		t.Errorf("after the bad messages: %s", types(evs))
	}
	if n := len(h.logs.find(map[string]string{"msg": "ws error", "ask": "nope", "code": CodeBadRequest})); n != 1 {
		t.Errorf("%d log lines for the unknown cancel, want 1", n)
	}
}

func TestWSTenMegabyteMessageClosesWith1009(t *testing.T) {
	noLeaks(t)
	h := start(t, Config{})
	bystander := h.dial(nil)
	ws := h.dial(nil)
	big := `{"type":"ask","id":"big","question":"` + strings.Repeat("a", 10<<20) + `"}`
	if err := ws.WriteMessage(websocket.TextMessage, []byte(big)); err != nil {
		t.Fatalf("writing 10 MB: %v", err)
	}
	if code := expectClose(t, ws); code != websocket.CloseMessageTooBig {
		t.Fatalf("close code %d, want 1009", code)
	}
	if len(h.logs.find(map[string]string{"msg": "ws error", "code": CodeTooLarge})) != 1 {
		t.Errorf("want one too_large log line")
	}
	send(t, bystander, `{"type":"ask","id":"b","question":"Unaffected?"}`)
	if evs := readUntil(t, bystander, "b"); evs[len(evs)-1].Type != "done" {
		t.Errorf("another connection: %s", types(evs))
	}
}

func TestWSClientThatNeverReadsLosesItsAnswerNotOthers(t *testing.T) {
	noLeaks(t)
	h := start(t, Config{SendWait: 100 * time.Millisecond, WriteWait: 300 * time.Millisecond})
	slow := h.dial(nil)
	send(t, slow, `{"type":"ask","id":"flood","question":"flood me"}`) // and never read

	fast := h.dial(nil)
	send(t, fast, `{"type":"ask","id":"f","question":"Am I blocked?"}`)
	if evs := readUntil(t, fast, "f"); evs[len(evs)-1].Type != "done" {
		t.Fatalf("the other connection: %s", types(evs))
	}
	if cause := <-h.fake.stopped; !errors.Is(cause, errTooSlow) {
		t.Errorf("flooding answer stopped by %v, want errTooSlow", cause)
	}
	eventually(t, "the slow connection to close", func() bool { return h.s.conns.count() == 1 })
	if len(h.logs.find(map[string]string{"msg": "ws error", "ask": "flood", "code": CodeTooSlow})) != 1 {
		t.Errorf("want one too_slow log line for the flooding ask")
	}
	send(t, fast, `{"type":"ask","id":"g","question":"Still fine?"}`)
	readUntil(t, fast, "g")
}

func TestWSClientVanishingMidAnswerCancelsIt(t *testing.T) {
	noLeaks(t)
	h := start(t, Config{})
	ws := h.dial(nil)
	send(t, ws, `{"type":"ask","id":"v","question":"block until I vanish"}`)
	read(t, ws) // sources
	ws.NetConn().Close()
	if cause := <-h.fake.stopped; !errors.Is(cause, errGone) {
		t.Errorf("answer stopped by %v, want errGone", cause)
	}
	eventually(t, "the connection to be released", func() bool { return h.s.conns.count() == 0 })
}

func TestWSOriginsAndConnectionLimits(t *testing.T) {
	h := start(t, Config{MaxConnsPerAddr: 2})
	for _, origin := range []string{"http://" + h.addr, "http://localhost:3000", "http://[::1]:8080"} {
		ws := h.dial(http.Header{"Origin": {origin}})
		ws.Close()
		eventually(t, "the connection to be released", func() bool { return h.s.conns.count() == 0 })
	}
	_, resp, err := websocket.DefaultDialer.Dial("ws://"+h.addr+"/ws", http.Header{"Origin": {"https://evil.example"}})
	if err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
		t.Fatalf("evil origin: err %v, response %v; want 403", err, resp)
	}
	if len(h.logs.find(map[string]string{"msg": "http error", "code": CodeForbidden})) != 1 {
		t.Errorf("want one log line for the refused origin")
	}

	h.dial(nil)
	h.dial(nil)
	_, resp, err = websocket.DefaultDialer.Dial("ws://"+h.addr+"/ws", nil)
	if err == nil || resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("third connection from one address: err %v, response %v; want 429 with Retry-After", err, resp)
	}
}
