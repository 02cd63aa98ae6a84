package loadgen

import (
	"slices"
	"sync"
	"time"
)

// Latency summarises a set of durations, in milliseconds. Percentiles are
// exact (nearest rank over every sample), not bucketed.
type Latency struct {
	N   int     `json:"n"`
	P50 float64 `json:"p50"`
	P95 float64 `json:"p95"`
	P99 float64 `json:"p99"`
	Max float64 `json:"max"`
}

func summarise(ds []time.Duration) Latency {
	if len(ds) == 0 {
		return Latency{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := func(p float64) float64 {
		i := int(p*float64(len(s))+0.999999) - 1 // nearest rank: ceil(p·n)
		return ms(s[max(0, min(i, len(s)-1))])
	}
	return Latency{N: len(s), P50: rank(0.50), P95: rank(0.95), P99: rank(0.99), Max: ms(s[len(s)-1])}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// tally is what the sessions record, from many goroutines.
type tally struct {
	mu         sync.Mutex
	asks       int
	answers    int
	abstained  int
	firstDelta []time.Duration
	done       []time.Duration
	errors     map[string]int
	open, peak int // connections open now and at most
}

func newTally() *tally { return &tally{errors: map[string]int{}} }

func (t *tally) asked() {
	t.mu.Lock()
	t.asks++
	t.mu.Unlock()
}

// answered records a completed answer; first is zero when it had no delta
// (an abstention may stream none).
func (t *tally) answered(first, done time.Duration, abstained bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.answers++
	if abstained {
		t.abstained++
	}
	if first > 0 {
		t.firstDelta = append(t.firstDelta, first)
	}
	t.done = append(t.done, done)
}

func (t *tally) failed(code string) {
	t.mu.Lock()
	t.errors[code]++
	t.mu.Unlock()
}

func (t *tally) opened() {
	t.mu.Lock()
	t.open++
	t.peak = max(t.peak, t.open)
	t.mu.Unlock()
}

func (t *tally) closed() {
	t.mu.Lock()
	t.open--
	t.mu.Unlock()
}

// askTimer follows the events of one ask, by websocket or SSE alike: it
// notes when the first delta came and records the ask in the tally when
// its done or error event arrives.
type askTimer struct {
	start time.Time
	first time.Duration
}

// see takes one event of the ask and reports whether the ask is over.
func (a *askTimer) see(t *tally, ev event) bool {
	switch ev.Type {
	case "delta":
		if a.first == 0 {
			a.first = time.Since(a.start)
		}
	case "done":
		t.answered(a.first, time.Since(a.start), ev.Abstained)
		return true
	case "error":
		t.failed(ev.Code)
		return true
	}
	return false
}
