package loadgen

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/citechat/citechat/chat"
	"github.com/citechat/citechat/retrieval"
	"github.com/citechat/citechat/web"
)

// scripted answers every question with sources, two deltas and done; a
// question containing "boom" fails.
type scripted struct{}

func (scripted) Answer(ctx context.Context, req chat.Request, emit chat.Emit) (*chat.Answer, error) {
	if strings.Contains(req.Question, "boom") {
		return nil, errors.New("scripted failure")
	}
	if err := emit(chat.Event{Type: chat.EventSources}); err != nil {
		return nil, err
	}
	for _, t := range []string{"An answer ", "[1]."} {
		if err := emit(chat.Event{Type: chat.EventDelta, Text: t}); err != nil {
			return nil, err
		}
	}
	a := &chat.Answer{Question: req.Question, Answer: "An answer [1].", Mode: "extractive"}
	return a, emit(chat.Event{Type: chat.EventDone, Answer: a})
}

type emptyLibrary struct{}

func (emptyLibrary) Articles() []retrieval.Article            { return nil }
func (emptyLibrary) Article(string) (retrieval.Article, bool) { return retrieval.Article{}, false }

// serve runs a real web.Server on a loopback port and returns its URL.
func serve(t *testing.T, cfg web.Config) string {
	t.Helper()
	cfg.Logger = slog.New(slog.DiscardHandler)
	s := web.New(cfg)
	s.SetBackend(scripted{}, emptyLibrary{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := s.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		<-done
	})
	return "http://" + ln.Addr().String()
}

// settled fails the test if goroutines started during it outlive it (a
// settle loop: goroutines exit asynchronously).
func settled(t *testing.T) {
	base := runtime.NumGoroutine()
	t.Cleanup(func() {
		for deadline := time.Now().Add(10 * time.Second); runtime.NumGoroutine() > base; time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Errorf("goroutines: %d before, %d after", base, runtime.NumGoroutine())
				return
			}
		}
	})
}

func quick(url string) Options {
	return Options{URL: url, Questions: []string{"What is it?", "Who wrote it?"}, Duration: 20 * time.Second,
		Settle: 5 * time.Second, Hold: 100 * time.Millisecond}
}

func TestWebsocketSessionsBackToBack(t *testing.T) {
	settled(t)
	o := quick(serve(t, web.Config{}))
	o.Clients, o.Count = 20, 200
	rep, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Held != 20 || rep.Asks != 200 || rep.Answers != 200 || rep.ErrorCount != 0 {
		t.Fatalf("held %d, asks %d, answers %d, errors %v", rep.Held, rep.Asks, rep.Answers, rep.Errors)
	}
	if rep.FirstDelta.N != 200 || rep.Done.N != 200 || rep.FirstDelta.P50 > rep.Done.P50 || rep.AnswersPerSec <= 0 {
		t.Fatalf("first delta %+v, done %+v, %.1f/s", rep.FirstDelta, rep.Done, rep.AnswersPerSec)
	}
	if !rep.Server.Baseline || rep.Server.After.Answers-rep.Server.Before.Answers != 200 {
		t.Fatalf("server: %+v", rep.Server)
	}
}

func TestSSESessions(t *testing.T) {
	settled(t)
	o := quick(serve(t, web.Config{}))
	o.Clients, o.Count, o.SSE = 4, 20, true
	rep, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Mode != "sse" || rep.Answers != 20 || rep.FirstDelta.N != 20 || rep.ErrorCount != 0 || !rep.Server.Baseline {
		t.Fatalf("report: %+v", rep)
	}
}

func TestIdleConnectionsAreMeasuredAndReleased(t *testing.T) {
	settled(t)
	o := quick(serve(t, web.Config{MaxConnsPerAddr: 100}))
	o.Idle, o.Clients, o.Duration = true, 60, 300*time.Millisecond
	rep, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Held != 60 || rep.Server.Peak.OpenConns != 60 || rep.Asks != 0 || rep.ErrorCount != 0 {
		t.Fatalf("held %d, server saw %d, asks %d, errors %v", rep.Held, rep.Server.Peak.OpenConns, rep.Asks, rep.Errors)
	}
	// A connection costs the server its reader and its writer goroutine.
	if pc := rep.PerConnection; pc == nil || pc.Goroutines < 1.5 || pc.RSS <= 0 && pc.HeapInuse <= 0 {
		t.Fatalf("per connection: %+v", rep.PerConnection)
	}
	if !rep.Server.Baseline || rep.Server.After.OpenConns != 0 {
		t.Fatalf("after: %+v", rep.Server)
	}
}

func TestErrorsAreCountedByCode(t *testing.T) {
	settled(t)
	o := quick(serve(t, web.Config{MaxConnsPerAddr: 3}))
	o.Clients, o.Count, o.Questions = 5, 6, []string{"boom"}
	rep, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"dial_rate_limited": 2, "internal": 6}
	if rep.Held != 3 || len(rep.Errors) != 2 || rep.Errors["dial_rate_limited"] != 2 || rep.Errors["internal"] != 6 {
		t.Fatalf("held %d, errors %v, want %v", rep.Held, rep.Errors, want)
	}
	if rep.Server.Errors["internal"] != 6 || rep.Server.Errors["rate_limited"] != 2 {
		t.Fatalf("server errors %v", rep.Server.Errors)
	}
}

// With a 1 s mean pause and a 1.5 s window, each session's first pause is
// under 1 s and its second at least 0.5 s: one or two asks each.
func TestPacedSessionsAskAtTheirInterval(t *testing.T) {
	settled(t)
	o := quick(serve(t, web.Config{}))
	o.Clients, o.Interval, o.Duration = 5, time.Second, 1500*time.Millisecond
	rep, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Asks < 5 || rep.Asks > 10 || rep.Answers != rep.Asks {
		t.Fatalf("asks %d, answers %d", rep.Asks, rep.Answers)
	}
}

func TestRefusesTargetsOffThisMachine(t *testing.T) {
	for _, u := range []string{"http://example.com", "http://10.0.0.1:8080", "http://127.0.0.1.nip.io", "http://[2001:db8::1]:80", "ftp://127.0.0.1"} {
		_, err := Run(context.Background(), Options{URL: u, Questions: []string{"q"}})
		if err == nil {
			t.Errorf("%s: accepted", u)
		}
	}
	if err := CheckLoopback("http://example.com"); !errors.Is(err, ErrNotLoopback) {
		t.Errorf("example.com: %v", err)
	}
	for _, u := range []string{"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:8080", "http://127.9.9.9"} {
		if err := CheckLoopback(u); err != nil {
			t.Errorf("%s: %v", u, err)
		}
	}
	// The dialer checks the address itself, whatever the URL said; the
	// documentation range 192.0.2.0/24 is never routed.
	if _, err := dialContext(context.Background(), "tcp", "192.0.2.1:80"); !errors.Is(err, ErrNotLoopback) {
		t.Errorf("dial 192.0.2.1: %v", err)
	}
}

func TestParseQuestions(t *testing.T) {
	qs, err := ParseQuestions(strings.NewReader(`{"id":"d1","question":" Who? ","answerable":true}
# a comment

What is plain text?
`))
	if err != nil || len(qs) != 2 || qs[0] != "Who?" || qs[1] != "What is plain text?" {
		t.Fatalf("%q, %v", qs, err)
	}
	for _, bad := range []string{"", "# only\n", `{"id":"x"}`, `{"question":`} {
		if _, err := ParseQuestions(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: accepted", bad)
		}
	}
	if qs, err := ReadQuestions("../../testdata/eval/dev.jsonl"); err != nil || len(qs) < 10 {
		t.Fatalf("dev set: %d questions, %v", len(qs), err)
	}
}

func TestPercentilesAreNearestRank(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	l := summarise(ds)
	if l.N != 100 || l.P50 != 50 || l.P95 != 95 || l.P99 != 99 || l.Max != 100 {
		t.Fatalf("%+v", l)
	}
	if l := summarise([]time.Duration{7 * time.Millisecond}); l.P50 != 7 || l.P99 != 7 {
		t.Fatalf("one sample: %+v", l)
	}
}
