package evalset

import (
	"context"
	"testing"

	"github.com/citechat/citechat/ingest"
	"github.com/citechat/citechat/retrieval"
)

// The development set and the extra set (testdata/README.md), ranked over
// the bundled report as ingest parses and chunks it, with the offline local
// embedder: the bar for hybrid search is recall@5 ≥ 0.97, MRR ≥ 0.90
// and evidence-in-top-5 ≥ 0.95. BM25 and dense alone are reported for
// comparison (go test -v).
func TestDevSetRetrieval(t *testing.T) {
	ctx := context.Background()
	articles, problems, err := ingest.LoadFS(ctx, ingest.Bundled(), ".")
	if err != nil || len(problems) > 0 {
		t.Fatalf("load bundled report: %v %v", err, problems)
	}
	s, err := retrieval.NewStore(retrieval.NewLocalEmbedder())
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range articles {
		if _, err := s.Put(ctx, a, ingest.ChunkArticle(a)); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d articles, %d chunks", len(articles), s.Count())
	for _, set := range []string{"../../../testdata/eval/dev.jsonl", "testdata/extra.jsonl"} {
		qs, err := Load(set)
		if err != nil {
			t.Fatal(err)
		}
		t.Log(set)
		rankSet(ctx, t, s, qs)
	}
}

func rankSet(ctx context.Context, t *testing.T, s *retrieval.Store, qs []Question) {
	for _, method := range []string{retrieval.MethodHybrid, retrieval.MethodBM25, retrieval.MethodDense} {
		ranked, err := Rank(ctx, s, qs, method, 8)
		if err != nil {
			t.Fatal(err)
		}
		m := Score(qs, ranked)
		t.Logf("%-6s recall@1 %.3f  @3 %.3f  @5 %.3f  MRR %.3f  evidence@5 %.3f  misses %v",
			method, m.RecallAt1, m.RecallAt3, m.RecallAt5, m.MRR, m.EvidenceInTop5, m.Misses)
		if method == retrieval.MethodHybrid && (m.RecallAt5 < 0.97 || m.MRR < 0.90 || m.EvidenceInTop5 < 0.95) {
			t.Errorf("hybrid below the bar: %+v", m)
		}
	}
}
