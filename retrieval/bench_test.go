package retrieval

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"
)

// Benchmarks (results and their reading in docs/benchmarks.md):
//
//	go test -run '^$' -bench . -benchtime 200x ./retrieval
//
// -short skips the 100k-chunk store, whose build takes a while.

func BenchmarkLocalEmbed(b *testing.B) {
	s := newSynth(1)
	texts := make([]string, embedBatchSize)
	var size int64
	for i := range texts {
		texts[i] = s.text(synthChunkBytes)
		size += int64(len(texts[i]))
	}
	e := NewLocalEmbedder()
	ctx := context.Background()
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Embed(ctx, texts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "chunks/s")
}

// benchStore is a synthetic store with the memory it took.
type benchStore struct {
	s        *Store
	docs     []fixtureDoc
	perChunk float64 // heap bytes per chunk
	build    float64 // chunks stored per second
}

var (
	benchMu     sync.Mutex
	benchStores = map[int]*benchStore{}
)

// storeOf builds (once per process) a store of n synthetic chunks.
func storeOf(b *testing.B, n int) *benchStore {
	benchMu.Lock()
	defer benchMu.Unlock()
	if bs, ok := benchStores[n]; ok {
		return bs
	}
	s := newSynth(7)
	docs := make([]fixtureDoc, n/synthChunksPerDoc)
	for i := range docs {
		docs[i] = s.doc(i)
	}
	before := heapInUse()
	st, err := NewStore(NewLocalEmbedder())
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	start := nowSeconds()
	for _, d := range docs {
		if _, err := st.Put(ctx, d.a, d.chunks); err != nil {
			b.Fatal(err)
		}
	}
	elapsed := nowSeconds() - start
	// The article texts are the caller's; what the store adds is the rest.
	bs := &benchStore{s: st, docs: docs, build: float64(n) / elapsed}
	bs.perChunk = float64(heapInUse()-before) / float64(n)
	benchStores[n] = bs
	return bs
}

func heapInUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

func BenchmarkSearch(b *testing.B) {
	for _, n := range []int{200, 10_000, 100_000} {
		for _, method := range []string{MethodHybrid, MethodBM25, MethodDense} {
			b.Run(fmt.Sprintf("chunks=%d/%s", n, method), func(b *testing.B) {
				if n > 10_000 && testing.Short() {
					b.Skip("100k-chunk store skipped under -short")
				}
				bs := storeOf(b, n)
				s := newSynth(99)
				queries := make([]string, 64)
				for i := range queries {
					queries[i] = s.query(bs.docs)
				}
				ctx := context.Background()
				b.ResetTimer()
				cpu := cpuTime()
				for i := 0; i < b.N; i++ {
					q := Query{Text: queries[i%len(queries)], K: DefaultK, Method: method}
					if _, err := bs.s.Search(ctx, q); err != nil {
						b.Fatal(err)
					}
				}
				// CPU time (all threads) per search: unlike ns/op, it does
				// not grow when other processes share the machine.
				b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
				b.ReportMetric(bs.perChunk, "heapB/chunk")
				b.ReportMetric(bs.build, "stored-chunks/s")
			})
		}
	}
}

func nowSeconds() float64 { return float64(time.Now().UnixNano()) / 1e9 }
