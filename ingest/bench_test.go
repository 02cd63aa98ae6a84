package ingest

import (
	"io/fs"
	"testing"
)

// BenchmarkParseAndChunk measures parse + chunk throughput on the bundled
// report, in MB of source text per second of wall time (MB/s) and of the
// process's CPU time (cpu-MB/s, which includes the garbage collector and is
// not inflated by other processes on the machine):
//
//	go test -run '^$' -bench ParseAndChunk -benchtime 3s -cpu 1 ./ingest
func BenchmarkParseAndChunk(b *testing.B) {
	data, err := fs.ReadFile(Bundled(), "pioneering-practices-asean-china.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0, n := cpuTime(), 0
	for b.Loop() {
		res := parseText(normalizeNewlines(string(data)), "report.txt")
		if len(res.articles) != 9 {
			b.Fatalf("%d articles", len(res.articles))
		}
		for _, a := range res.articles {
			ChunkArticle(a)
		}
		n++
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(len(data))*float64(n)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
}
