package retrieval

import (
	"context"
	"runtime"
	"sync"
)

// The dense ranking is exhaustive, like chromem-go's own query, but it does
// not go through chromem: chromem hands each document to its workers over a
// channel and takes a mutex per document, which at 10k chunks was most of
// the search time (docs/benchmarks.md). It computes the same similarities
// (TestDenseScanMatchesChromem).
//
// A question's vector is sparse, so the usual path scans the quantised
// columns of its non-zero dimensions (colindex.go) and ranks the best
// rescoreFactor×pool of those approximate scores exactly with the stored
// vectors. A filtered search, or a dense query vector (a long text, or a
// networked model's vector), multiplies the stored vectors directly.
const (
	scanBlock     = 4096 // vectors a worker scores between looks at ctx
	rescoreFactor = 4
)

// denseHits returns the pool chunks in scope most similar to qvec, best
// first. The caller holds s.mu.
func (s *Store) denseHits(ctx context.Context, qvec []float32, sc scope, pool int) ([]lexHit, error) {
	q := sparseOf(qvec)
	if !sc.all {
		var list []*chunkEntry
		for _, id := range sc.articles {
			for _, cid := range s.arts[id].chunkIDs {
				list = append(list, s.entries[cid])
			}
		}
		return rowScan(ctx, q, list, pool)
	}
	if q.dense != nil || len(s.list) <= rescoreFactor*pool {
		// a small store is ranked exactly at once: the first pass would
		// pick every vector for rescoring anyway
		return rowScan(ctx, q, s.list, pool)
	}
	approx, err := parallel(ctx, len(s.list), min(len(s.list), rescoreFactor*pool), func(lo, hi int, top *topHits) {
		for d, score := range s.cols.scores(q, lo, hi) {
			if top.wouldTake(float64(score)) {
				top.offer(lexHit{id: s.list[lo+d].c.ID, score: float64(score)})
			}
		}
	})
	if err != nil {
		return nil, err
	}
	exact := make([]lexHit, len(approx))
	for i, h := range approx {
		exact[i] = lexHit{id: h.id, score: q.dot(s.entries[h.id].vec)}
	}
	sortHits(exact)
	return exact[:min(pool, len(exact))], nil
}

// rowScan multiplies the query with each listed vector.
func rowScan(ctx context.Context, q sparseVec, list []*chunkEntry, pool int) ([]lexHit, error) {
	return parallel(ctx, len(list), pool, func(lo, hi int, top *topHits) {
		for _, e := range list[lo:hi] {
			if score := q.dot(e.vec); top.wouldTake(score) {
				top.offer(lexHit{id: e.c.ID, score: score})
			}
		}
	})
}

// parallel splits n items into blocks, scores them on up to GOMAXPROCS
// workers (inline when one block), and merges the workers' n best.
func parallel(ctx context.Context, n, keep int, score func(lo, hi int, top *topHits)) ([]lexHit, error) {
	workers := min(runtime.GOMAXPROCS(0), (n+scanBlock-1)/scanBlock)
	if workers <= 1 {
		top := newTopHits(keep)
		score(0, n, top)
		return top.sorted(), ctx.Err()
	}
	tops := make([]*topHits, workers)
	var wg sync.WaitGroup
	for w := range workers {
		tops[w] = newTopHits(keep)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for lo := w * scanBlock; lo < n && ctx.Err() == nil; lo += workers * scanBlock {
				score(lo, min(lo+scanBlock, n), tops[w])
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var hits []lexHit
	for _, t := range tops {
		hits = append(hits, t.sorted()...)
	}
	sortHits(hits)
	return hits[:min(keep, len(hits))], nil
}

// sparseVec is a query vector as its non-zero entries. A question has a
// few dozen features, hence a few dozen non-zero dimensions; multiplying
// only those cuts the work several times over. A vector with many
// non-zeros stays dense.
type sparseVec struct {
	dense []float32 // set when more than a quarter of the entries are non-zero
	idx   []int32
	val   []float32
	dims  int
}

func sparseOf(v []float32) sparseVec {
	sv := sparseVec{dims: len(v)}
	for i, x := range v {
		if x != 0 {
			sv.idx = append(sv.idx, int32(i))
			sv.val = append(sv.val, x)
		}
	}
	if len(sv.idx) > len(v)/4 {
		return sparseVec{dense: v, dims: len(v)}
	}
	return sv
}

func (q sparseVec) dot(v []float32) float64 {
	if q.dense != nil {
		return dot(q.dense, v)
	}
	if len(v) != q.dims {
		return 0
	}
	var s float32
	for k, i := range q.idx {
		s += q.val[k] * v[i]
	}
	return float64(s)
}
