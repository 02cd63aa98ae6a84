package evalset

import (
	"context"
	"runtime"
	"testing"

	"github.com/citechat/citechat/ingest"
	"github.com/citechat/citechat/retrieval"
)

// Search latency at the report's size, on the report itself with the
// development questions as queries (docs/benchmarks.md):
//
//	go test -run '^$' -bench SearchReport -benchtime 2000x ./cmd/internal/evalset
func BenchmarkSearchReport(b *testing.B) {
	ctx := context.Background()
	articles, _, err := ingest.LoadFS(ctx, ingest.Bundled(), ".")
	if err != nil {
		b.Fatal(err)
	}
	qs, err := Load("../../../testdata/eval/dev.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	before := heapAlloc()
	st, err := retrieval.NewStore(retrieval.NewLocalEmbedder())
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range articles {
		if _, err := st.Put(ctx, a, ingest.ChunkArticle(a)); err != nil {
			b.Fatal(err)
		}
	}
	perChunk := float64(heapAlloc()-before) / float64(st.Count())
	for _, method := range []string{retrieval.MethodHybrid, retrieval.MethodBM25, retrieval.MethodDense} {
		b.Run(method, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				q := retrieval.Query{Text: qs[i%len(qs)].SearchText(), K: retrieval.DefaultK, Method: method}
				if _, err := st.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(st.Count()), "chunks")
			b.ReportMetric(perChunk, "heapB/chunk")
		})
	}
}

func heapAlloc() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
