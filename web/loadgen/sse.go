package loadgen

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// newSSEClient keeps one keep-alive connection per session, dials loopback
// only and ignores proxy settings from the environment.
func newSSEClient(sessions int) *http.Client {
	return &http.Client{Transport: &http.Transport{
		DialContext:         dialContext,
		Proxy:               nil,
		MaxIdleConns:        sessions,
		MaxIdleConnsPerHost: sessions,
		IdleConnTimeout:     90 * time.Second,
	}}
}

// askSSE posts one question to /api/ask/stream and reads its events until
// done or error. It reports false when the session cannot go on.
func askSSE(ctx context.Context, c *http.Client, o *Options, t *tally, id, question string) bool {
	ctx, cancel := context.WithTimeout(ctx, o.AnswerTimeout)
	defer cancel()
	body, _ := json.Marshal(askMessage{ID: id, Question: question})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimSuffix(o.URL, "/")+"/api/ask/stream", bytes.NewReader(body))
	if err != nil {
		t.failed("bad_request_url")
		return false
	}
	for k, vs := range o.Header {
		req.Header[k] = vs
	}
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	t.asked()
	resp, err := c.Do(req)
	if err != nil {
		t.failed(netCode("http_", err))
		return false
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.failed(refusalCode("http_", resp))
		return true // refused, but the session may ask again
	}
	return readSSE(resp, t, id, start)
}

func readSSE(resp *http.Response, t *tally, id string, start time.Time) bool {
	ask := askTimer{start: start}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 4<<20) // a done event carries every source's text
	for sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data: ")
		if !ok {
			continue
		}
		var ev event
		if json.Unmarshal([]byte(data), &ev) != nil || ev.ID != id {
			t.failed("malformed_event")
			return false
		}
		if ask.see(t, ev) {
			return true
		}
	}
	if err := sc.Err(); err != nil {
		t.failed(netCode("", err))
	} else {
		t.failed("sse_ended_early")
	}
	return false
}
