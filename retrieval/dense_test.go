package retrieval

import (
	"context"
	"testing"
)

// The store's own scan ranks exactly as chromem-go's QueryEmbedding over
// the same collection: same chunks, same similarities.
func TestDenseScanMatchesChromem(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	for _, q := range []string{"flood irrigation", "cooperative banks vote", "coral heat", "ships wait at the port"} {
		qvec, err := s.embedQuery(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		n := s.Count()
		mine, err := s.denseHits(ctx, qvec, scope{all: true, size: n}, n)
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := s.chunks.QueryEmbedding(ctx, qvec, n, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(mine) != len(theirs) {
			t.Fatalf("%q: %d hits, chromem %d", q, len(mine), len(theirs))
		}
		sim := make(map[string]float64)
		for _, r := range theirs {
			sim[r.ID] = float64(r.Similarity)
		}
		for i, h := range mine {
			if d := h.score - sim[h.id]; d > 1e-5 || d < -1e-5 {
				t.Errorf("%q: %s: similarity %.6f, chromem %.6f", q, h.id, h.score, sim[h.id])
			}
			if i > 0 && h.score > mine[i-1].score {
				t.Errorf("%q: not sorted at %d", q, i)
			}
			if d := float64(theirs[i].Similarity) - h.score; d > 1e-5 || d < -1e-5 {
				t.Errorf("%q: rank %d: %s %.6f, chromem %s %.6f", q, i, h.id, h.score, theirs[i].ID, theirs[i].Similarity)
			}
		}
	}
}

// The quantised first pass picks the same best chunks as multiplying every
// stored vector exactly, also after removals have moved slots around.
func TestColumnScanMatchesRowScan(t *testing.T) {
	s, _ := NewStore(NewLocalEmbedder())
	syn := newSynth(3)
	ctx := context.Background()
	var docs []fixtureDoc
	for i := 0; i < 60; i++ {
		d := syn.doc(i)
		docs = append(docs, d)
		if _, err := s.Put(ctx, d.a, d.chunks); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 60; i += 7 { // holes all over the slot table
		if err := s.Remove(ctx, docs[i].a.ID); err != nil {
			t.Fatal(err)
		}
	}
	all := scope{all: true, size: s.Count()}
	for i := 0; i < 20; i++ {
		qvec, err := s.embedQuery(ctx, syn.query(docs))
		if err != nil {
			t.Fatal(err)
		}
		q := sparseOf(qvec)
		if q.dense != nil {
			t.Fatal("a short query should make a sparse vector")
		}
		got, err := s.denseHits(ctx, qvec, all, 20)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := rowScan(ctx, q, s.list, 20)
		for j := range want {
			if got[j].id != want[j].id || got[j].score != want[j].score {
				t.Fatalf("query %d, rank %d: column scan %v, row scan %v", i, j, got[j], want[j])
			}
		}
	}
}
