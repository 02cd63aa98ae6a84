package loadgen

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// wsSession is one websocket: the session's goroutine writes asks and
// reads events from the channel; a reader goroutine (the only reader)
// decodes frames into it and, inside ReadMessage, answers the server's
// pings, so idle sessions stay open past the server's pong wait.
type wsSession struct {
	ws      *websocket.Conn
	events  chan event
	quit    chan struct{} // closed when the session ends: the reader stops handing events over
	gone    chan struct{} // closed when the reader has stopped
	readErr error         // why it stopped; read after gone is closed
}

// newWSDialer refuses proxies (they would take traffic off the machine)
// and keeps per-connection buffers small: ten thousand idle sessions
// should cost the load tool little.
func newWSDialer() *websocket.Dialer {
	return &websocket.Dialer{
		NetDialContext:   dialContext,
		Proxy:            nil,
		HandshakeTimeout: 10 * time.Second,
		ReadBufferSize:   1024,
		WriteBufferSize:  1024,
		WriteBufferPool:  &sync.Pool{},
	}
}

func wsURL(base string) string {
	base = strings.TrimSuffix(base, "/")
	if rest, ok := strings.CutPrefix(base, "https://"); ok {
		return "wss://" + rest + "/ws"
	}
	return "ws://" + strings.TrimPrefix(base, "http://") + "/ws"
}

// dialWS opens a session, or returns the code of why it could not.
func dialWS(ctx context.Context, d *websocket.Dialer, o *Options) (*wsSession, string) {
	ws, resp, err := d.DialContext(ctx, wsURL(o.URL), o.Header)
	if err != nil {
		if resp != nil {
			defer resp.Body.Close()
			return nil, refusalCode("dial_", resp)
		}
		return nil, netCode("dial_", err)
	}
	s := &wsSession{ws: ws, events: make(chan event, 16), quit: make(chan struct{}), gone: make(chan struct{})}
	go s.read()
	return s, ""
}

func (s *wsSession) read() {
	defer close(s.gone)
	for {
		_, data, err := s.ws.ReadMessage()
		if err != nil {
			s.readErr = err
			return
		}
		var ev event
		if json.Unmarshal(data, &ev) != nil {
			ev = event{Type: "error", Code: "malformed_event"}
		}
		select {
		case s.events <- ev:
		case <-s.quit:
			return
		}
	}
}

// ask sends one question and waits for its done or error event. It
// reports false when the session cannot go on (connection lost, no answer
// in time).
func (s *wsSession) ask(t *tally, id, question string, timeout time.Duration) bool {
	start := time.Now()
	_ = s.ws.SetWriteDeadline(start.Add(10 * time.Second))
	t.asked()
	if err := s.ws.WriteJSON(askMessage{Type: "ask", ID: id, Question: question}); err != nil {
		t.failed(netCode("write_", err))
		return false
	}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	ask := askTimer{start: start}
	for {
		select {
		case ev := <-s.events:
			if ev.ID != id && ev.Code != "malformed_event" {
				continue
			}
			if ask.see(t, ev) {
				return true
			}
		case <-s.gone:
			t.failed(netCode("", s.readErr))
			return false
		case <-timer.C:
			t.failed("timeout")
			return false
		}
	}
}

// close says goodbye (1000), waits briefly for the server's echo so the
// server sees a clean close rather than a reset, and releases the socket.
func (s *wsSession) close() {
	close(s.quit)
	msg := websocket.FormatCloseMessage(websocket.CloseNormalClosure, "")
	if s.ws.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second)) == nil {
		select {
		case <-s.gone:
		case <-time.After(2 * time.Second):
		}
	}
	s.ws.Close()
	<-s.gone
}

// alive reports whether the server still holds the session open.
func (s *wsSession) alive() bool {
	select {
	case <-s.gone:
		return false
	default:
		return true
	}
}
