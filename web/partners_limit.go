package web

import (
	"sync"
	"time"
)

// rate is n events per period, with bursts of up to n.
type rate struct {
	n   int
	per time.Duration
}

// interval is the steady-state time between two events.
func (r rate) interval() time.Duration { return r.per / time.Duration(r.n) }

// gcra is one token bucket kept as a single time, the "theoretical arrival
// time" of the generic cell rate algorithm: the bucket is full when tat is
// not after now, and each event pushes tat one interval later. Integer
// arithmetic on durations makes "exactly n pass" exact, which a float
// token count would only approximate.
type gcra struct{ tat time.Time }

// next returns the tat after one more event at now, and how long the caller
// must wait first (0 when the event fits in the bucket).
func (g gcra) next(r rate, now time.Time) (time.Time, time.Duration) {
	tat := g.tat
	if tat.Before(now) {
		tat = now
	}
	tat = tat.Add(r.interval())
	if over := tat.Sub(now) - r.per; over > 0 {
		return g.tat, over
	}
	return tat, 0
}

// limiter holds the buckets of every visitor (per minute) and every key (per
// day) behind one mutex: an ask takes from both or from neither, and a
// single lock is far below the cost of answering the ask it guards.
type limiter struct {
	mu        sync.Mutex
	visitors  map[string]gcra // key + "\x00" + client address
	keys      map[string]gcra
	lastSweep time.Time
}

func newLimiter() *limiter {
	return &limiter{visitors: map[string]gcra{}, keys: map[string]gcra{}}
}

// allow takes one ask from the visitor's bucket and the key's bucket. When
// either is empty it takes nothing and returns how long until both have
// room again.
func (l *limiter) allow(key, addr string, perVisitor, perKey rate, now time.Time) (time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	vid := key + "\x00" + addr
	vTat, vWait := l.visitors[vid].next(perVisitor, now)
	kTat, kWait := l.keys[key].next(perKey, now)
	if wait := max(vWait, kWait); wait > 0 {
		return wait, false
	}
	l.visitors[vid] = gcra{vTat}
	l.keys[key] = gcra{kTat}
	return 0, true
}

// sweep forgets visitors whose bucket has refilled completely, at most once
// a minute, so the map holds only recently active visitors. Key buckets are
// few (one per partner) and stay.
func (l *limiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < time.Minute {
		return
	}
	l.lastSweep = now
	for id, g := range l.visitors {
		if !g.tat.After(now) {
			delete(l.visitors, id)
		}
	}
}
