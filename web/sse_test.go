package web

import (
	"bufio"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// readSSE parses an event stream into events, checking that each event's
// name matches its JSON type.
func readSSE(t *testing.T, resp *http.Response) []event {
	t.Helper()
	var evs []event
	var name string
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			ev := event{raw: strings.TrimPrefix(line, "data: ")}
			if err := json.Unmarshal([]byte(ev.raw), &ev); err != nil || ev.Type != name {
				t.Fatalf("event %q with data %s (%v)", name, ev.raw, err)
			}
			evs = append(evs, ev)
		case line != "":
			t.Fatalf("unexpected line %q", line)
		}
	}
	return evs
}

func postStream(t *testing.T, h *harness, body string) *http.Response {
	t.Helper()
	resp, err := h.client.Post(h.url("/api/ask/stream"), "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func TestSSEStreamsTheSameEvents(t *testing.T) {
	noLeaks(t)
	h := start(t, Config{})
	resp := postStream(t, h, `{"id":"s1","question":"Why test?"}`)
	for k, want := range map[string]string{"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no"} {
		if got := resp.Header.Get(k); got != want {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
	evs := readSSE(t, resp)
	got := types(evs)
	if !strings.HasPrefix(got, "s1:sources s1:delta") || !strings.HasSuffix(got, "s1:delta s1:done") {
		t.Fatalf("events: %s", got)
	}
	var text strings.Builder
	for _, ev := range evs {
		text.WriteString(ev.Text)
	}
	if done := evs[len(evs)-1]; done.Answer != fakeText || text.String() != fakeText {
		t.Errorf("done %s; deltas %q", done.raw, text.String())
	}
}

func TestSSEErrorAfterTheStreamStarted(t *testing.T) {
	h := start(t, Config{})
	resp := postStream(t, h, `{"id":"p1","question":"panic"}`)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	got := readSSE(t, resp)
	if last := got[len(got)-1]; types(got) != "p1:sources p1:error" || last.Code != CodeInternal {
		t.Errorf("events %s, last %s", types(got), last.raw)
	}
}
