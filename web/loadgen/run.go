package loadgen

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// runner holds one run's shared state.
type runner struct {
	o      Options
	t      *tally
	scrape *http.Client
	left   atomic.Int64 // asks still allowed when Count is set
}

// Run performs one load run and reports on it. It returns an error only
// when the run could not take place (bad options, server unreachable);
// failed connections and answers are counted in the report. It stops when
// ctx ends, at the latest Duration + AnswerTimeout + Settle after the
// sessions are connected.
func Run(ctx context.Context, o Options) (*Report, error) {
	o = o.withDefaults()
	if err := o.check(); err != nil {
		return nil, err
	}
	r := &runner{o: o, t: newTally(), scrape: &http.Client{Transport: &http.Transport{DialContext: dialContext, Proxy: nil}}}
	defer r.scrape.CloseIdleConnections()
	r.left.Store(int64(o.Count))
	before, err := Scrape(ctx, r.scrape, o.URL)
	if err != nil {
		return nil, fmt.Errorf("loadgen: the server's /metrics: %w", err)
	}
	rep := newReport(o, before)
	cpu0, cpuOK := readMachineCPU()
	switch {
	case o.Idle:
		r.idle(ctx, rep)
	case o.SSE:
		r.loadSSE(ctx, rep)
	default:
		r.loadWS(ctx, rep)
	}
	cpu1, _ := readMachineCPU() // before settling: its idle wait is not the run's
	rep.Server.After, rep.Server.Settled, rep.Server.Baseline = r.settle(ctx, before)
	if cpuOK {
		rep.Machine = machineUsage(cpu0, cpu1, rep.Server.After.CPUSeconds-before.CPUSeconds)
	}
	rep.finish(r.t)
	return rep, nil
}

// connect opens Clients websockets, Dials at a time.
func (r *runner) connect(ctx context.Context) []*wsSession {
	d := newWSDialer()
	out := make([]*wsSession, r.o.Clients)
	sem := make(chan struct{}, r.o.Dials)
	var wg sync.WaitGroup
	for i := range out {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Go(func() {
			defer func() { <-sem }()
			s, code := dialWS(ctx, d, &r.o)
			if s == nil {
				r.t.failed(code)
				return
			}
			r.t.opened()
			out[i] = s
		})
	}
	wg.Wait()
	live := out[:0]
	for _, s := range out {
		if s != nil {
			live = append(live, s)
		}
	}
	return live
}

// closeAll closes sessions in parallel, Dials at a time.
func (r *runner) closeAll(sessions []*wsSession) {
	sem := make(chan struct{}, r.o.Dials)
	var wg sync.WaitGroup
	for _, s := range sessions {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			s.close()
			r.t.closed()
		})
	}
	wg.Wait()
}

// loadWS connects every session, then lets each ask until the window ends.
func (r *runner) loadWS(ctx context.Context, rep *Report) {
	sessions := r.connect(ctx)
	r.window(ctx, rep, func(stop context.Context, i int) {
		if i >= len(sessions) {
			return
		}
		s := sessions[i]
		r.asks(stop, i, func(id, q string) bool { return s.ask(r.t, id, q, r.o.AnswerTimeout) })
	}, len(sessions))
	r.closeAll(sessions)
}

// loadSSE runs Clients sessions that each hold a keep-alive connection.
func (r *runner) loadSSE(ctx context.Context, rep *Report) {
	c := newSSEClient(r.o.Clients)
	defer c.CloseIdleConnections()
	r.window(ctx, rep, func(stop context.Context, i int) {
		r.t.opened()
		defer r.t.closed()
		r.asks(stop, i, func(id, q string) bool { return askSSE(ctx, c, &r.o, r.t, id, q) })
	}, r.o.Clients)
}

// window runs n sessions for Duration, sampling the server meanwhile, and
// records how long it took until the last answer came back.
func (r *runner) window(ctx context.Context, rep *Report, session func(stop context.Context, i int), n int) {
	stop, cancel := context.WithTimeout(ctx, r.o.Duration)
	defer cancel()
	peak := r.sample(stop)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { session(stop, i) })
	}
	wg.Wait()
	rep.Elapsed = time.Since(start).Seconds()
	cancel()
	rep.Server.Peak = <-peak
}

// asks is one session's loop: pause, ask, until the window closes, the ask
// budget is spent or the session cannot go on.
func (r *runner) asks(stop context.Context, i int, ask func(id, q string) bool) {
	rng := rand.New(rand.NewPCG(uint64(i), uint64(time.Now().UnixNano())))
	for n := 0; ; n++ {
		if !r.pause(stop, rng, n == 0) || !r.take() {
			return
		}
		q := r.o.Questions[(i+n)%len(r.o.Questions)]
		if !ask(fmt.Sprintf("c%d-%d", i, n), q) {
			return
		}
	}
}

// pause waits before an ask; it reports false when the window closed.
func (r *runner) pause(stop context.Context, rng *rand.Rand, first bool) bool {
	if r.o.Interval <= 0 {
		return stop.Err() == nil
	}
	d := time.Duration(float64(r.o.Interval) * (1 + r.o.Jitter*(2*rng.Float64()-1)))
	if first {
		d = time.Duration(rng.Int64N(int64(r.o.Interval)))
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return stop.Err() == nil
	case <-stop.Done():
		return false
	}
}

// take claims one ask of the Count budget.
func (r *runner) take() bool {
	return r.o.Count == 0 || r.left.Add(-1) >= 0
}
