package loadgen

import (
	"context"
	"time"
)

// sampleEvery is how often the server is scraped during a run; each scrape
// is one small HTTP request, negligible next to the load.
const sampleEvery = time.Second

// sample scrapes the server until stop ends and sends the highest values
// seen (each series its own maximum).
func (r *runner) sample(stop context.Context) <-chan ServerStats {
	out := make(chan ServerStats, 1)
	go func() {
		var peak ServerStats
		t := time.NewTicker(sampleEvery)
		defer t.Stop()
		for {
			select {
			case <-stop.Done():
				out <- peak
				return
			case <-t.C:
			}
			if st, err := Scrape(stop, r.scrape, r.o.URL); err == nil {
				peak = higher(peak, st)
			}
		}
	}()
	return out
}

func higher(a, b ServerStats) ServerStats {
	a.HeapInuse = max(a.HeapInuse, b.HeapInuse)
	a.RSS = max(a.RSS, b.RSS)
	a.Goroutines = max(a.Goroutines, b.Goroutines)
	a.OpenConns = max(a.OpenConns, b.OpenConns)
	a.Answers, a.Errors = b.Answers, b.Errors
	return a
}

// baselineSlack is how many goroutines above the starting count still
// count as back to baseline: net/http may keep a goroutine or two for an
// idle keep-alive connection (ours, scraping) a little longer.
const baselineSlack = 2

// settle waits, at most Settle, for the server's open websockets and
// goroutines to come back to where they were before the run, and returns
// the last scrape, how long it took and whether they did.
func (r *runner) settle(ctx context.Context, before ServerStats) (ServerStats, float64, bool) {
	start := time.Now()
	deadline := start.Add(r.o.Settle)
	var last ServerStats
	for {
		st, err := Scrape(ctx, r.scrape, r.o.URL)
		if err == nil {
			last = st
			if st.OpenConns <= before.OpenConns && st.Goroutines <= before.Goroutines+baselineSlack {
				return st, time.Since(start).Seconds(), true
			}
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return last, time.Since(start).Seconds(), false
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// idle opens Clients websockets, measures the server once they are all
// open and Hold has passed, keeps them for the rest of Duration, then
// closes them.
func (r *runner) idle(ctx context.Context, rep *Report) {
	start := time.Now()
	sessions := r.connect(ctx)
	rep.ConnectSeconds = time.Since(start).Seconds()
	hold := time.NewTimer(r.o.Hold)
	select {
	case <-hold.C:
	case <-ctx.Done():
	}
	if st, err := Scrape(ctx, r.scrape, r.o.URL); err == nil {
		rep.Server.Peak = st
		rep.perConnection(st, len(sessions))
	}
	rest := time.NewTimer(max(0, r.o.Duration-time.Since(start)))
	select {
	case <-rest.C:
	case <-ctx.Done():
	}
	for _, s := range sessions {
		if !s.alive() { // the server dropped it while it was held
			r.t.failed(netCode("lost_", s.readErr))
		}
	}
	rep.Elapsed = time.Since(start).Seconds()
	r.closeAll(sessions)
}
