package retrieval

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"

	chromem "github.com/philippgille/chromem-go"
)

// Store holds a collection's articles and chunks: the chunks and their
// vectors in a chromem-go DB (which is also what Save writes to disk), the
// article catalogue beside them in the same DB, and a BM25 index kept in
// step with the chunks.
//
// A Store is safe for concurrent use. Searches run in parallel with each
// other; writers (Put, Remove) are serialised, and they embed before taking
// the lock that excludes searches, so a slow embedding model never stalls
// readers.
type Store struct {
	emb      Embedder
	info     EmbedderInfo
	db       *chromem.DB
	chunks   *chromem.Collection // one document per chunk, with its vector
	articles *chromem.Collection // one document per article: its JSON
	meta     *chromem.Collection // the manifest: format, embedder, counts

	writeMu sync.Mutex // serialises Put, Remove and Save, embedding included

	mu      sync.RWMutex // guards what follows and the collections' contents
	arts    map[string]*articleEntry
	entries map[string]*chunkEntry
	list    []*chunkEntry // the entries again, for scanning; entry.slot is the index
	cols    *colIndex     // their vectors, quantised, by dimension; slots as list
	lex     *lexIndex
}

// articleEntry is an article and the ids of its chunks, in article order.
type articleEntry struct {
	a        Article
	chunkIDs []string
}

// NewStore returns an empty in-memory store whose vectors e makes.
func NewStore(e Embedder) (*Store, error) {
	s := newStore(e, chromem.NewDB())
	var err error
	if s.chunks, err = s.db.CreateCollection(collChunks, nil, s.embedOne); err != nil {
		return nil, fmt.Errorf("new store: %w", err)
	}
	if s.articles, err = s.db.CreateCollection(collArticles, nil, placeholderEmbedding); err != nil {
		return nil, fmt.Errorf("new store: %w", err)
	}
	if s.meta, err = s.db.CreateCollection(collMeta, nil, placeholderEmbedding); err != nil {
		return nil, fmt.Errorf("new store: %w", err)
	}
	if err := s.writeManifest(); err != nil {
		return nil, fmt.Errorf("new store: %w", err)
	}
	return s, nil
}

func newStore(e Embedder, db *chromem.DB) *Store {
	return &Store{
		emb: e, info: e.Info(), db: db,
		arts:    make(map[string]*articleEntry),
		entries: make(map[string]*chunkEntry),
		cols:    newColIndex(e.Info().Dimensions),
		lex:     newLexIndex(),
	}
}

// embedOne is the chunk collection's embedding func. The store always hands
// chromem finished vectors, so chromem never calls it; it is set because a
// collection without one would fall back to OpenAI.
func (s *Store) embedOne(ctx context.Context, text string) ([]float32, error) {
	v, err := s.emb.Embed(ctx, []string{text})
	if err != nil {
		return nil, err
	}
	return v[0], nil
}

// placeholderEmbedding is the vector of catalogue and manifest documents,
// which are looked up by id and never searched by similarity.
func placeholderEmbedding(context.Context, string) ([]float32, error) {
	return []float32{1}, nil
}

// Embedder returns the store's embedder.
func (s *Store) Embedder() Embedder { return s.emb }

// Count returns the number of chunks in the store.
func (s *Store) Count() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.entries)
}

// Article returns a copy of the article with the given id.
func (s *Store) Article(id string) (Article, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	e, ok := s.arts[id]
	if !ok {
		return Article{}, false
	}
	return cloneArticle(e.a), true
}

// Articles returns copies of all articles, ordered by source file, then
// position in it, then id.
func (s *Store) Articles() []Article {
	s.mu.RLock()
	out := make([]Article, 0, len(s.arts))
	for _, e := range s.arts {
		out = append(out, cloneArticle(e.a))
	}
	s.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.Seq != b.Seq {
			return a.Seq < b.Seq
		}
		return a.ID < b.ID
	})
	return out
}

// cloneArticle copies the slices of an article, so that neither the store
// nor its caller sees the other's later changes.
func cloneArticle(a Article) Article {
	a.Authors = slices.Clone(a.Authors)
	a.Sections = slices.Clone(a.Sections)
	return a
}

func cloneChunk(c Chunk) Chunk {
	c.Authors = slices.Clone(c.Authors)
	return c
}
