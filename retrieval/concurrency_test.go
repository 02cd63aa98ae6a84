package retrieval

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

// Searches, writers and saves at once: run with -race. Every search must
// succeed and see each article either whole or not at all, and the file
// saved under load must open.
func TestConcurrentUse(t *testing.T) {
	s := fixtureStore(t)
	docs := loadFixture(t)
	path := filepath.Join(t.TempDir(), "store.gob.gz")
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				method := []string{MethodHybrid, MethodBM25, MethodDense}[i%3]
				q := Query{Text: "cooperative farmers flood irrigation", K: 50, Method: method}
				ps, err := s.Search(ctx, q)
				if err != nil {
					errs <- err
					return
				}
				if err := wholeArticles(ps, method, docs); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 20; i++ {
			d := docs[i%len(docs)]
			if err := s.Remove(ctx, d.a.ID); err != nil {
				errs <- err
				return
			}
			d.a.Hash = fmt.Sprint("v", i)
			if _, err := s.Put(ctx, d.a, d.chunks); err != nil {
				errs <- err
				return
			}
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 5; i++ {
			if err := s.Save(path); err != nil {
				errs <- err
				return
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if _, err := OpenStore(path, NewLocalEmbedder()); err != nil {
		t.Errorf("store saved under load: %v", err)
	}
}

// wholeArticles checks that a search asking for more passages than the
// store holds got every chunk of each article it saw: a writer's swap is
// atomic, so no search sees half an article.
func wholeArticles(ps []Passage, method string, docs []fixtureDoc) error {
	if method == MethodBM25 {
		return nil // BM25 returns only chunks holding a query word
	}
	per := make(map[string]int)
	for _, p := range ps {
		per[p.ArticleID]++
	}
	for _, d := range docs {
		if n := per[d.a.ID]; n != 0 && n != len(d.chunks) {
			return fmt.Errorf("%s: saw %d of %d chunks of %s", method, n, len(d.chunks), d.a.ID)
		}
	}
	return nil
}
