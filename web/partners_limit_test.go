package web

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var limitT0 = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// hammerLimiter makes tries concurrent asks per address and counts those allowed.
func hammerLimiter(l *limiter, addrs []string, tries int, perVisitor, perKey rate, now time.Time) int64 {
	var passed atomic.Int64
	var wg sync.WaitGroup
	for _, addr := range addrs {
		for range tries {
			wg.Go(func() {
				if _, ok := l.allow("pk_k", addr, perVisitor, perKey, now); ok {
					passed.Add(1)
				}
			})
		}
	}
	wg.Wait()
	return passed.Load()
}

func TestLimiterExactlyTheLimitPassesUnderConcurrency(t *testing.T) {
	l := newLimiter()
	perMinute, perDay := rate{7, time.Minute}, rate{1000, 24 * time.Hour}
	if got := hammerLimiter(l, []string{"10.0.0.1"}, 200, perMinute, perDay, limitT0); got != 7 {
		t.Fatalf("one visitor, 200 concurrent asks: %d passed, want 7", got)
	}
	addrs := make([]string, 20)
	for i := range addrs {
		addrs[i] = fmt.Sprintf("10.0.1.%d", i)
	}
	if got := hammerLimiter(l, addrs, 20, perMinute, perDay, limitT0); got != 20*7 {
		t.Fatalf("20 visitors, 20 asks each: %d passed, want %d", got, 20*7)
	}
}

func TestLimiterPerKeyLimitSpansVisitors(t *testing.T) {
	l := newLimiter()
	addrs := []string{"a", "b", "c", "d", "e"}
	if got := hammerLimiter(l, addrs, 10, rate{3, time.Minute}, rate{8, 24 * time.Hour}, limitT0); got != 8 {
		t.Fatalf("5 visitors × 10 asks against 8/day: %d passed, want 8", got)
	}
	wait, ok := l.allow("pk_k", "f", rate{3, time.Minute}, rate{8, 24 * time.Hour}, limitT0)
	if ok || wait != 3*time.Hour {
		t.Fatalf("a fresh visitor on a spent key: ok=%v wait=%v, want refused for 3h (24h/8)", ok, wait)
	}
}

func TestLimiterRetryTimeIsWhenTheNextAskFits(t *testing.T) {
	l := newLimiter()
	perMinute, perDay := rate{3, time.Minute}, rate{100, 24 * time.Hour}
	for i := range 3 {
		if _, ok := l.allow("pk_k", "v", perMinute, perDay, limitT0); !ok {
			t.Fatalf("ask %d refused", i+1)
		}
	}
	wait, ok := l.allow("pk_k", "v", perMinute, perDay, limitT0.Add(5*time.Second))
	if ok || wait != 15*time.Second {
		t.Fatalf("4th ask 5s later: ok=%v wait=%v, want refused for 15s", ok, wait)
	}
	if _, ok := l.allow("pk_k", "v", perMinute, perDay, limitT0.Add(20*time.Second-time.Nanosecond)); ok {
		t.Fatal("allowed a nanosecond before the retry time")
	}
	if _, ok := l.allow("pk_k", "v", perMinute, perDay, limitT0.Add(20*time.Second)); !ok {
		t.Fatal("refused at the retry time")
	}
}

func TestLimiterRefusedAskTakesNothing(t *testing.T) {
	l := newLimiter()
	perMinute, perDay := rate{1, time.Minute}, rate{2, 24 * time.Hour}
	l.allow("pk_k", "a", perMinute, perDay, limitT0)
	if _, ok := l.allow("pk_k", "a", perMinute, perDay, limitT0); ok {
		t.Fatal("second ask in a minute allowed")
	}
	// a's refused ask must not have used the key's second ask of the day
	if _, ok := l.allow("pk_k", "b", perMinute, perDay, limitT0); !ok {
		t.Fatal("b refused: a's refused ask was charged to the key")
	}
}

func TestLimiterForgetsIdleVisitors(t *testing.T) {
	l := newLimiter()
	for _, addr := range []string{"a", "b", "c"} {
		l.allow("pk_k", addr, rate{10, time.Minute}, rate{100, 24 * time.Hour}, limitT0)
	}
	l.allow("pk_k", "d", rate{10, time.Minute}, rate{100, 24 * time.Hour}, limitT0.Add(2*time.Minute))
	if len(l.visitors) != 1 {
		t.Fatalf("%d visitors kept after two idle minutes, want only the new one", len(l.visitors))
	}
}
