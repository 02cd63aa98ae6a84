package retrieval

import "slices"

// topHits keeps the n best hits seen so far, so that ranking 100k scored
// chunks costs O(N log n) rather than a full sort. Until n hits have come it
// only appends; from then on it keeps them in a min-heap with the worst at
// the root. Ties break by id, which makes every ranking deterministic. (A
// hand-written heap: container/heap boxes every element in an interface.)
type topHits struct {
	n int
	h []lexHit
}

func newTopHits(n int) *topHits { return &topHits{n: n, h: make([]lexHit, 0, min(n, 1024))} }

// better reports whether a ranks above b.
func better(a, b lexHit) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.id < b.id
}

// wouldTake reports whether a hit with this score could enter; it lets a
// scan skip building hits that cannot.
func (t *topHits) wouldTake(score float64) bool {
	return len(t.h) < t.n || score >= t.h[0].score
}

func (t *topHits) offer(x lexHit) {
	switch {
	case t.n <= 0:
	case len(t.h) < t.n:
		t.h = append(t.h, x)
		if len(t.h) == t.n { // full: order it as a heap once
			for i := len(t.h)/2 - 1; i >= 0; i-- {
				t.down(i)
			}
		}
	case better(x, t.h[0]):
		t.h[0] = x
		t.down(0)
	}
}

// down restores the heap below i: each parent worse than its children.
func (t *topHits) down(i int) {
	h := t.h
	for {
		worst, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && better(h[worst], h[l]) {
			worst = l
		}
		if r < len(h) && better(h[worst], h[r]) {
			worst = r
		}
		if worst == i {
			return
		}
		h[i], h[worst] = h[worst], h[i]
		i = worst
	}
}

// sorted returns the hits, best first.
func (t *topHits) sorted() []lexHit {
	sortHits(t.h)
	return t.h
}

func sortHits(hits []lexHit) {
	slices.SortFunc(hits, func(a, b lexHit) int {
		switch {
		case better(a, b):
			return -1
		case better(b, a):
			return 1
		}
		return 0
	})
}
