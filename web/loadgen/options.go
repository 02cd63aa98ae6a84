package loadgen

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Bounds that keep a run from outliving its purpose or the machine.
const (
	MaxClients  = 20000
	MaxDuration = 10 * time.Minute
)

// Options describe one run. Zero fields take the defaults shown.
type Options struct {
	URL       string   // server base URL: http://127.0.0.1:8080 (loopback hosts only)
	Clients   int      // concurrent sessions (connections in Idle mode): 10
	SSE       bool     // ask over POST /api/ask/stream instead of /ws
	Idle      bool     // only open Clients websockets and hold them for Duration
	Questions []string // asked in turn, each session starting at its own offset

	// Interval is the mean pause before each of a session's asks; zero asks
	// back to back. Each pause is Interval × (1 ± Jitter·u), u uniform in
	// [0,1]; a session's first pause is uniform in [0, Interval), so the
	// sessions do not ask in lock step.
	Interval time.Duration
	Jitter   float64 // 0..1: 0.5

	Duration      time.Duration // how long sessions keep asking (or idle ones stay): 30s
	Count         int           // stop after this many asks in all; 0: no limit
	AnswerTimeout time.Duration // one answer, ask to done: 30s
	Header        http.Header   // added to every request: Origin, a partner key
	Dials         int           // connections opened at once: 64
	Settle        time.Duration // how long to wait for the server to return to baseline: 15s
	Hold          time.Duration // Idle: wait this long after connecting before measuring: 3s
}

func (o Options) withDefaults() Options {
	if o.Clients <= 0 {
		o.Clients = 10
	}
	if o.Jitter <= 0 || o.Jitter > 1 {
		o.Jitter = 0.5
	}
	if o.Duration <= 0 {
		o.Duration = 30 * time.Second
	}
	if o.AnswerTimeout <= 0 {
		o.AnswerTimeout = 30 * time.Second
	}
	if o.Dials <= 0 {
		o.Dials = 64
	}
	if o.Settle <= 0 {
		o.Settle = 15 * time.Second
	}
	if o.Hold <= 0 {
		o.Hold = 3 * time.Second
	}
	return o
}

// ErrBadOptions is wrapped by every error of Options.check.
var ErrBadOptions = errors.New("loadgen: bad options")

func (o Options) check() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrBadOptions, fmt.Sprintf(format, args...))
	}
	switch {
	case o.Clients > MaxClients:
		return bad("%d clients; at most %d", o.Clients, MaxClients)
	case o.Duration > MaxDuration:
		return bad("duration %v; at most %v", o.Duration, MaxDuration)
	case o.Idle && o.SSE:
		return bad("idle mode holds websockets; it cannot be combined with SSE")
	case !o.Idle && len(o.Questions) == 0:
		return bad("no questions to ask")
	case o.Interval < 0 || o.Count < 0:
		return bad("negative interval or count")
	}
	return CheckLoopback(o.URL)
}
