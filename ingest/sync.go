package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// Sink is what Sync needs of a store. *retrieval.Store satisfies it.
type Sink interface {
	Articles() []retrieval.Article
	Put(ctx context.Context, a retrieval.Article, chunks []retrieval.Chunk) (changed bool, err error)
	Remove(ctx context.Context, articleID string) error
}

// SyncReport says what a Sync changed.
type SyncReport struct {
	Added, Updated, Unchanged, Removed int
	Chunks                             int // chunks of the added and updated articles
}

// Sync makes the sink hold exactly these articles for the given roots:
// unchanged articles (same Hash) cost nothing, changed ones are replaced,
// and articles previously read from a file under one of roots that this run
// no longer produced are removed. Articles from other roots are kept, so
// ingesting one new file adds to a collection instead of replacing it.
//
// Sync changes only the sink (in memory); the caller saves the store
// afterwards, so a failure part-way leaves the file on disk as it was.
// progress, when not nil, is called after each article.
func Sync(ctx context.Context, sink Sink, roots []string, articles []retrieval.Article, progress func(done, total int)) (SyncReport, error) {
	var rep SyncReport
	before := make(map[string]bool)
	for _, a := range sink.Articles() {
		before[a.ID] = true
	}
	seen := make(map[string]bool, len(articles))
	for i, a := range articles {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		seen[a.ID] = true
		chunks := ChunkArticle(a)
		changed, err := sink.Put(ctx, a, chunks)
		if err != nil {
			return rep, fmt.Errorf("sync %s: %w", a.Source, err)
		}
		switch {
		case !changed:
			rep.Unchanged++
		case before[a.ID]:
			rep.Updated++
			rep.Chunks += len(chunks)
		default:
			rep.Added++
			rep.Chunks += len(chunks)
		}
		if progress != nil {
			progress(i+1, len(articles))
		}
	}
	for _, a := range sink.Articles() {
		if seen[a.ID] || !underAny(a.Source, roots) {
			continue
		}
		if err := sink.Remove(ctx, a.ID); err != nil {
			return rep, fmt.Errorf("sync: remove %s: %w", a.ID, err)
		}
		rep.Removed++
	}
	return rep, nil
}

// underAny reports whether path is one of roots or inside one of them,
// comparing absolute paths so "./articles" and "articles/x.md" agree.
func underAny(path string, roots []string) bool {
	p := absClean(path)
	for _, r := range roots {
		r = absClean(r)
		if p == r || strings.HasPrefix(p, strings.TrimSuffix(r, string(filepath.Separator))+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

func absClean(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}
