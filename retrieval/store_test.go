package retrieval

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

func TestStoreCatalogue(t *testing.T) {
	s := fixtureStore(t)
	docs := loadFixture(t)
	want := 0
	for _, d := range docs {
		want += len(d.chunks)
	}
	if s.Count() != want {
		t.Errorf("Count() = %d, want %d", s.Count(), want)
	}
	var order []string
	for _, a := range s.Articles() {
		order = append(order, a.ID)
	}
	// by source file, then position in it
	if w := []string{"rice", "ports", "banks", "reefs", "clinics"}; !slices.Equal(order, w) {
		t.Errorf("Articles() order = %v, want %v", order, w)
	}
	a, ok := s.Article("ports")
	if !ok || a.Title != "Ports and Shipping Lanes" || len(a.Authors) != 2 || a.Authors[1].Affiliation != "Maritime Policy Centre" {
		t.Fatalf("Article(ports) = %+v, %v", a, ok)
	}
	a.Authors[0].Name = "changed by caller"
	if b, _ := s.Article("ports"); b.Authors[0].Name != "Tomas Berg" {
		t.Error("Article returned the store's own slice")
	}
	if _, ok := s.Article("nope"); ok {
		t.Error("Article(nope) found something")
	}
}

// countingEmbedder counts the texts it embeds and can be made to fail.
type countingEmbedder struct {
	*LocalEmbedder
	texts atomic.Int64
	fail  atomic.Bool
}

func (c *countingEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	if c.fail.Load() {
		return nil, errors.New("model unavailable")
	}
	c.texts.Add(int64(len(texts)))
	return c.LocalEmbedder.Embed(ctx, texts)
}

func (c *countingEmbedder) EmbedQuery(ctx context.Context, text string, weight func(string) float64) ([]float32, error) {
	if c.fail.Load() {
		return nil, errors.New("model unavailable")
	}
	c.texts.Add(1)
	return c.LocalEmbedder.EmbedQuery(ctx, text, weight)
}

func TestPutUnchangedIsNoOp(t *testing.T) {
	emb := &countingEmbedder{LocalEmbedder: NewLocalEmbedder()}
	s, _ := NewStore(emb)
	d := loadFixture(t)[0]
	ctx := context.Background()
	if changed, err := s.Put(ctx, d.a, d.chunks); err != nil || !changed {
		t.Fatalf("first Put = %v, %v", changed, err)
	}
	n := emb.texts.Load()
	if changed, err := s.Put(ctx, d.a, d.chunks); err != nil || changed {
		t.Fatalf("second Put = %v, %v; want unchanged", changed, err)
	}
	if emb.texts.Load() != n {
		t.Error("unchanged Put embedded again")
	}
}

func TestPutReplacesChunks(t *testing.T) {
	s := fixtureStore(t)
	d := loadFixture(t)[0] // rice
	d.a.Text = "Farmers now grow sorghum instead of rice on the upland terraces."
	d.a.Hash = "v2"
	d.a.Sections = []Section{{Start: 0, End: len(d.a.Text)}}
	d.chunks = []Chunk{{ID: "rice-new", ArticleID: "rice", Title: d.a.Title, Start: 0, End: len(d.a.Text), Text: d.a.Text}}
	before := s.Count()
	if changed, err := s.Put(context.Background(), d.a, d.chunks); err != nil || !changed {
		t.Fatalf("Put = %v, %v", changed, err)
	}
	if got, want := s.Count(), before-4+1; got != want {
		t.Errorf("Count() = %d, want %d", got, want)
	}
	for _, method := range []string{MethodHybrid, MethodBM25, MethodDense} {
		for _, p := range search(t, s, Query{Text: "alternate wetting and drying irrigation", K: 20, Method: method}) {
			if strings.HasPrefix(p.ID, "rice-") && p.ID != "rice-new" {
				t.Errorf("%s: old chunk %s still found", method, p.ID)
			}
		}
	}
	if ps := search(t, s, Query{Text: "sorghum terraces", K: 1}); len(ps) != 1 || ps[0].ID != "rice-new" {
		t.Errorf("new chunk not found: %v", ps)
	}
}

func TestRemove(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	if err := s.Remove(ctx, "reefs"); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Article("reefs"); ok {
		t.Error("article still there")
	}
	for _, p := range search(t, s, Query{Text: "coral bleaching heatwave", K: 100}) {
		if p.ArticleID == "reefs" {
			t.Errorf("chunk %s of a removed article found", p.ID)
		}
	}
	if err := s.Remove(ctx, "reefs"); !errors.Is(err, ErrUnknownArticle) {
		t.Errorf("second Remove: err = %v, want ErrUnknownArticle", err)
	}
}

func TestPutRejectsBadChunks(t *testing.T) {
	s := fixtureStore(t)
	d := loadFixture(t)[1]
	bad := map[string]func(c []Chunk){
		"no id":         func(c []Chunk) { c[0].ID = "" },
		"duplicate id":  func(c []Chunk) { c[1].ID = c[0].ID },
		"other article": func(c []Chunk) { c[0].ArticleID = "rice" },
		"text mismatch": func(c []Chunk) { c[0].Text = "not the article's text" },
		"offsets":       func(c []Chunk) { c[0].End = len(d.a.Text) + 5 },
		"taken id":      func(c []Chunk) { c[0].ID = "rice-0" },
	}
	for name, spoil := range bad {
		chunks := slices.Clone(d.chunks)
		spoil(chunks)
		a := d.a
		a.Hash = "new"
		if _, err := s.Put(context.Background(), a, chunks); !errors.Is(err, ErrBadChunk) {
			t.Errorf("%s: err = %v, want ErrBadChunk", name, err)
		}
	}
}

// A failing embedder leaves the store as it was.
func TestPutEmbedFailureChangesNothing(t *testing.T) {
	emb := &countingEmbedder{LocalEmbedder: NewLocalEmbedder()}
	s, _ := NewStore(emb)
	docs := loadFixture(t)
	ctx := context.Background()
	s.Put(ctx, docs[0].a, docs[0].chunks)
	emb.fail.Store(true)
	a := docs[0].a
	a.Hash = "v2"
	if _, err := s.Put(ctx, a, docs[0].chunks[:1]); err == nil || !strings.Contains(err.Error(), "model unavailable") {
		t.Fatalf("err = %v, want the embedder's error", err)
	}
	if s.Count() != len(docs[0].chunks) {
		t.Errorf("Count() = %d after a failed Put, want %d", s.Count(), len(docs[0].chunks))
	}
	if got, _ := s.Article(a.ID); got.Hash != docs[0].a.Hash {
		t.Errorf("article hash = %q, want the old one", got.Hash)
	}
}
