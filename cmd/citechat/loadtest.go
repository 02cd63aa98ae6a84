package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/citechat/citechat/web/loadgen"
)

// runLoadtest is `citechat loadtest`: concurrent widget sessions against a
// running server on this machine, reported as text or JSON. Traffic never
// leaves the machine: non-loopback targets are refused.
func runLoadtest(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var o loadgen.Options
	fs := newFlags("loadtest", "usage: citechat loadtest [--url http://127.0.0.1:8080] [--clients N] [--sse] [--interval 5s] [--duration 60s] [--count N] [--json]\n       citechat loadtest --idle N [--duration 30s]\n\nRuns concurrent widget sessions against a running `citechat serve` on this machine and reports\nconnections held, answers/s, time to first delta and to done (p50/p95/p99), errors by code and\nthe server's memory and goroutines before, at the peak and after. Start the server with a high\n--max-conns-per-addr: every session comes from 127.0.0.1.", stderr)
	fs.StringVar(&o.URL, "url", "http://127.0.0.1:8080", "server base URL; loopback hosts only")
	fs.IntVar(&o.Clients, "clients", 10, "concurrent sessions")
	fs.BoolVar(&o.SSE, "sse", false, "ask over POST /api/ask/stream (Server-Sent Events) instead of websockets")
	idle := fs.Int("idle", 0, "only open N websockets and hold them for --duration (memory per connection)")
	questions := fs.String("questions", "testdata/eval/dev.jsonl", "questions: JSONL with a \"question\" field, or one per line")
	fs.DurationVar(&o.Interval, "interval", 0, "mean pause between a session's asks, with jitter; 0 asks back to back")
	fs.Float64Var(&o.Jitter, "jitter", 0.5, "pause = interval × (1 ± jitter·u), u uniform in [0,1]")
	fs.DurationVar(&o.Duration, "duration", 30*time.Second, "how long sessions ask (or idle ones stay open); at most 10m")
	fs.IntVar(&o.Count, "count", 0, "stop after this many asks in all (0: only --duration stops)")
	fs.DurationVar(&o.AnswerTimeout, "answer-timeout", 30*time.Second, "give up on one answer after this long")
	fs.IntVar(&o.Dials, "dials", 64, "connections opened at once while connecting")
	fs.DurationVar(&o.Settle, "settle", 15*time.Second, "how long to wait afterwards for the server to return to baseline")
	fs.DurationVar(&o.Hold, "hold", 3*time.Second, "with --idle: wait this long after connecting before measuring")
	origin := fs.String("origin", "", "Origin header to send (as a browser on that site would)")
	key := fs.String("key", "", "partner key to send (X-Citechat-Key header)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return exitUsage
	}
	if *idle > 0 {
		o.Idle, o.Clients = true, *idle
	}
	if err := loadgen.CheckLoopback(o.URL); err != nil {
		fmt.Fprintln(stderr, "citechat loadtest:", err)
		return exitUsage
	}
	o.Header = http.Header{}
	if *origin != "" {
		o.Header.Set("Origin", *origin)
	}
	if *key != "" {
		o.Header.Set("X-Citechat-Key", *key)
	}
	if !o.Idle {
		qs, err := loadgen.ReadQuestions(*questions)
		if err != nil {
			fmt.Fprintln(stderr, "citechat loadtest:", err)
			return exitUsage
		}
		o.Questions = qs
	}
	// Each session is a socket; leave room for the scrapes and the runtime.
	if _, err := loadgen.RaiseFileLimit(uint64(o.Clients) + 256); err != nil {
		fmt.Fprintln(stderr, "citechat loadtest: warning:", err)
	}
	rep, err := loadgen.Run(ctx, o)
	if err != nil {
		fmt.Fprintln(stderr, "citechat loadtest:", err)
		return exitFailure
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return exitFailure
		}
	} else {
		rep.WriteText(stdout)
	}
	if rep.ErrorCount > 0 || !rep.Server.Baseline {
		return exitPartial // the run happened; something in it did not hold
	}
	return exitOK
}
