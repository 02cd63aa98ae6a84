package retrieval

import (
	"context"
	"encoding/json"
	"sort"
	"strconv"

	chromem "github.com/philippgille/chromem-go"
)

var bg = context.Background()

// allDocs lists every document of a collection. chromem has no iterator, so
// this asks for the Count() nearest documents to a unit probe: the results
// share their vectors and metadata with the collection, nothing is copied.
// A document whose vector has another length makes the query fail.
func allDocs(c *chromem.Collection, dims int) ([]chromem.Result, error) {
	n := c.Count()
	if n == 0 {
		return nil, nil
	}
	probe := make([]float32, dims)
	probe[0] = 1
	return c.QueryEmbedding(bg, probe, n, nil, nil)
}

// loadContents rebuilds the catalogue, the chunk entries and the BM25 index
// from the imported documents, checking them against the manifest and each
// other.
func (s *Store) loadContents(m manifest) error {
	want, err := s.loadArticles()
	if err != nil {
		return err
	}
	if len(s.arts) != m.Articles {
		return corrupt("manifest lists %d articles, file holds %d", m.Articles, len(s.arts))
	}
	docs, err := allDocs(s.chunks, max(1, s.info.Dimensions))
	if err != nil {
		return corrupt("chunks: %v", err)
	}
	if len(docs) != m.Chunks {
		return corrupt("manifest lists %d chunks, file holds %d", m.Chunks, len(docs))
	}
	for _, d := range docs {
		if err := s.loadChunk(d); err != nil {
			return err
		}
	}
	ids := make([]string, 0, len(s.arts))
	for id := range s.arts {
		ids = append(ids, id)
	}
	sort.Strings(ids) // a fixed order makes the rebuilt index identical
	for _, id := range ids {
		e := s.arts[id]
		if len(e.chunkIDs) != want[id] {
			return corrupt("article %q: %d chunks listed, %d found", id, want[id], len(e.chunkIDs))
		}
		sort.Slice(e.chunkIDs, func(i, j int) bool {
			return s.entries[e.chunkIDs[i]].ord < s.entries[e.chunkIDs[j]].ord
		})
		for _, cid := range e.chunkIDs {
			s.lex.add(cid, fieldsOf(s.entries[cid]))
		}
	}
	return nil
}

// loadArticles decodes the catalogue and returns each article's recorded
// chunk count.
func (s *Store) loadArticles() (map[string]int, error) {
	docs, err := allDocs(s.articles, 1)
	if err != nil {
		return nil, corrupt("articles: %v", err)
	}
	want := make(map[string]int, len(docs))
	for _, d := range docs {
		var a Article
		if err := json.Unmarshal([]byte(d.Content), &a); err != nil || a.ID != d.ID {
			return nil, corrupt("article %q: undecodable record", d.ID)
		}
		n, err := strconv.Atoi(d.Metadata["chunks"])
		if err != nil {
			return nil, corrupt("article %q: chunk count: %v", d.ID, err)
		}
		want[a.ID] = n
		s.arts[a.ID] = &articleEntry{a: a}
	}
	return want, nil
}

// loadChunk checks one chunk document and makes its entry.
func (s *Store) loadChunk(d chromem.Result) error {
	c, ord, err := chunkFromDoc(d.ID, d.Metadata, d.Content)
	if err != nil {
		return corrupt("%v", err)
	}
	art, ok := s.arts[c.ArticleID]
	if !ok {
		return corrupt("chunk %q: unknown article %q", c.ID, c.ArticleID)
	}
	text := art.a.Text
	if c.Start < 0 || c.End < c.Start || c.End > len(text) || text[c.Start:c.End] != c.Text {
		return corrupt("chunk %q: text does not match its article", c.ID)
	}
	if len(d.Embedding) != s.info.Dimensions {
		return corrupt("chunk %q: vector has %d dimensions, manifest says %d", c.ID, len(d.Embedding), s.info.Dimensions)
	}
	if _, dup := s.entries[c.ID]; dup {
		return corrupt("chunk %q twice", c.ID)
	}
	s.addEntry(&chunkEntry{c: c, vec: d.Embedding, ord: ord, byline: byline(&art.a)})
	art.chunkIDs = append(art.chunkIDs, c.ID)
	return nil
}
