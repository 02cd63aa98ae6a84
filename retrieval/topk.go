package retrieval

import (
	"container/heap"
	"sort"
)

// topHits keeps the n best hits seen so far in a min-heap, so that ranking
// 100k scored chunks costs O(N log n) rather than a full sort. Ties break by
// id, which makes every ranking deterministic.
type topHits struct {
	n int
	h hitHeap
}

func newTopHits(n int) *topHits { return &topHits{n: n, h: make(hitHeap, 0, n)} }

// better reports whether a ranks above b.
func better(a, b lexHit) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.id < b.id
}

// wouldTake reports whether a hit with this score could enter the heap; it
// lets a scan skip building hits that cannot.
func (t *topHits) wouldTake(score float64) bool {
	return len(t.h) < t.n || score >= t.h[0].score
}

func (t *topHits) offer(x lexHit) {
	if t.n <= 0 {
		return
	}
	if len(t.h) < t.n {
		heap.Push(&t.h, x)
		return
	}
	if better(x, t.h[0]) {
		t.h[0] = x
		heap.Fix(&t.h, 0)
	}
}

// sorted empties the heap and returns its hits, best first.
func (t *topHits) sorted() []lexHit {
	out := make([]lexHit, len(t.h))
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(&t.h).(lexHit)
	}
	return out
}

func sortHits(hits []lexHit) {
	sort.Slice(hits, func(i, j int) bool { return better(hits[i], hits[j]) })
}

// hitHeap is a min-heap: the worst kept hit is at the root.
type hitHeap []lexHit

func (h hitHeap) Len() int           { return len(h) }
func (h hitHeap) Less(i, j int) bool { return better(h[j], h[i]) }
func (h hitHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *hitHeap) Push(x any)        { *h = append(*h, x.(lexHit)) }
func (h *hitHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
