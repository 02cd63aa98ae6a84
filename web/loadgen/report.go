package loadgen

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// Report is the outcome of a run; its JSON form is `loadtest --json`.
type Report struct {
	Mode          string         `json:"mode"` // ws, sse or idle
	URL           string         `json:"url"`
	Clients       int            `json:"clients"`
	Interval      float64        `json:"interval_seconds"` // 0: back to back
	Duration      float64        `json:"duration_seconds"`
	Held          int            `json:"connections_held"` // most sessions open at once
	Asks          int            `json:"asks"`
	Answers       int            `json:"answers"`
	Abstained     int            `json:"abstained"`
	Elapsed       float64        `json:"elapsed_seconds"` // first ask to last answer (idle: connect to close)
	AnswersPerSec float64        `json:"answers_per_second"`
	FirstDelta    Latency        `json:"time_to_first_delta_ms"`
	Done          Latency        `json:"time_to_done_ms"`
	Errors        map[string]int `json:"errors"` // client-side, by code
	// CPUPerAnswer is the server's CPU time per answer in milliseconds
	// (process_cpu_seconds_total before and after): what an answer costs,
	// whatever else the machine was doing.
	CPUPerAnswer float64 `json:"server_cpu_ms_per_answer,omitempty"`
	ErrorCount   int     `json:"error_count"`

	// Machine is where the CPU went during the run (Linux only).
	Machine *Machine `json:"machine,omitempty"`

	ConnectSeconds float64  `json:"connect_seconds,omitempty"` // idle: opening them all
	PerConnection  *PerConn `json:"per_connection,omitempty"`  // idle

	Server struct {
		Before   ServerStats    `json:"before"`
		Peak     ServerStats    `json:"peak"`
		After    ServerStats    `json:"after"`
		Settled  float64        `json:"settle_seconds"`
		Baseline bool           `json:"back_to_baseline"` // open connections and goroutines
		Errors   map[string]int `json:"errors"`           // the server's error counts during the run
	} `json:"server"`
}

// Machine is the CPU used during a run, in cores (1.0 = one core all the
// time): by the whole machine, the load tool, the server (from its
// process_cpu_seconds_total; only when it runs on this machine, as the
// loopback rule ensures) and the rest — other people's work on a shared
// machine.
type Machine struct {
	Cores    int     `json:"cores"`
	Seconds  float64 `json:"seconds"`
	Busy     float64 `json:"busy_cores"`
	Server   float64 `json:"server_cores"`
	LoadTool float64 `json:"loadtool_cores"`
	Others   float64 `json:"other_cores"`
}

// PerConn is the server's cost of one idle websocket: the growth while
// they were all held, divided by their number.
type PerConn struct {
	HeapInuse  float64 `json:"heap_inuse_bytes"`
	RSS        float64 `json:"resident_bytes"`
	Goroutines float64 `json:"goroutines"`
}

func newReport(o Options, before ServerStats) *Report {
	rep := &Report{Mode: "ws", URL: o.URL, Clients: o.Clients, Interval: o.Interval.Seconds(), Duration: o.Duration.Seconds()}
	switch {
	case o.Idle:
		rep.Mode = "idle"
	case o.SSE:
		rep.Mode = "sse"
	}
	rep.Server.Before = before
	return rep
}

func (rep *Report) perConnection(held ServerStats, n int) {
	if n == 0 {
		return
	}
	b, f := rep.Server.Before, float64(n)
	rep.PerConnection = &PerConn{HeapInuse: (held.HeapInuse - b.HeapInuse) / f, RSS: (held.RSS - b.RSS) / f,
		Goroutines: float64(held.Goroutines-b.Goroutines) / f}
}

func (rep *Report) finish(t *tally) {
	t.mu.Lock()
	defer t.mu.Unlock()
	rep.Held, rep.Asks, rep.Answers, rep.Abstained = t.peak, t.asks, t.answers, t.abstained
	rep.FirstDelta, rep.Done = summarise(t.firstDelta), summarise(t.done)
	rep.Errors = maps.Clone(t.errors)
	for _, n := range t.errors {
		rep.ErrorCount += n
	}
	if rep.Elapsed > 0 && rep.Mode != "idle" {
		rep.AnswersPerSec = float64(rep.Answers) / rep.Elapsed
	}
	rep.Server.Errors = rep.Server.After.delta(rep.Server.Before)
	if rep.Answers > 0 {
		rep.CPUPerAnswer = 1000 * (rep.Server.After.CPUSeconds - rep.Server.Before.CPUSeconds) / float64(rep.Answers)
	}
}

// WriteText writes the report for a person.
func (rep *Report) WriteText(w io.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	pace := "back to back"
	if rep.Interval > 0 {
		pace = fmt.Sprintf("one ask every %gs on average", rep.Interval)
	}
	switch rep.Mode {
	case "idle":
		p("loadtest: %d idle websockets against %s, held %gs", rep.Clients, rep.URL, rep.Duration)
		p("connections  %d held (opened in %.1fs)", rep.Held, rep.ConnectSeconds)
	default:
		p("loadtest: %d %s sessions against %s, %s, for %gs", rep.Clients, rep.Mode, rep.URL, pace, rep.Duration)
		p("connections  %d held", rep.Held)
		p("answers      %d of %d asks (%d abstained), %.1f answers/s over %.1fs", rep.Answers, rep.Asks, rep.Abstained, rep.AnswersPerSec, rep.Elapsed)
		p("server cpu   %.2f ms per answer", rep.CPUPerAnswer)
		p("first delta  %s", rep.FirstDelta)
		p("done         %s", rep.Done)
	}
	p("errors       %s", codes(rep.Errors))
	if m := rep.Machine; m != nil {
		p("machine      %.2f of %d cores busy: server %.2f, load tool %.2f, others %.2f", m.Busy, m.Cores, m.Server, m.LoadTool, m.Others)
	}
	if pc := rep.PerConnection; pc != nil {
		p("per conn     %s heap, %s resident, %.2f goroutines (server)", size(pc.HeapInuse), size(pc.RSS), pc.Goroutines)
	}
	s := rep.Server
	p("server       before %s", s.Before)
	p("             peak   %s", s.Peak)
	p("             after  %s (%s after %.1fs)", s.After, map[bool]string{true: "back to baseline", false: "NOT back to baseline"}[s.Baseline], s.Settled)
	p("server errs  %s", codes(s.Errors))
}

func (l Latency) String() string {
	if l.N == 0 {
		return "none"
	}
	return fmt.Sprintf("p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.1f ms  (n=%d)", l.P50, l.P95, l.P99, l.Max, l.N)
}

func (s ServerStats) String() string {
	return fmt.Sprintf("heap %s, rss %s, %d goroutines, %d websockets", size(s.HeapInuse), size(s.RSS), s.Goroutines, s.OpenConns)
}

func codes(m map[string]int) string {
	if len(m) == 0 {
		return "none"
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

func size(n float64) string {
	switch {
	case n >= 1<<20 || n <= -(1<<20):
		return fmt.Sprintf("%.1f MiB", n/(1<<20))
	case n >= 1<<10 || n <= -(1<<10):
		return fmt.Sprintf("%.1f KiB", n/(1<<10))
	}
	return fmt.Sprintf("%.0f B", n)
}
