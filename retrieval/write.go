package retrieval

import (
	"context"
	"fmt"

	chromem "github.com/philippgille/chromem-go"
)

// apply swaps an article's new chunks in for its old ones in chromem and in
// the BM25 index. The caller holds s.mu for writing. chromem is given
// finished vectors, so adding cannot fail on a model; the background context
// keeps a caller's cancellation from leaving half an article behind.
func (s *Store) apply(a Article, chunks []Chunk, vecs [][]float32) error {
	ctx := context.Background()
	keep := make(map[string]bool, len(chunks))
	for _, c := range chunks {
		keep[c.ID] = true
	}
	if old, ok := s.arts[a.ID]; ok {
		var gone []string
		for _, id := range old.chunkIDs {
			if !keep[id] {
				gone = append(gone, id)
			}
		}
		if err := s.dropChunks(ctx, gone); err != nil {
			return err
		}
	}
	by := byline(&a)
	docs := make([]chromem.Document, len(chunks))
	ids := make([]string, len(chunks))
	for i, c := range chunks {
		vec := normalize(vecs[i])
		docs[i] = chunkDoc(c, i, vec)
		ids[i] = c.ID
		if old, ok := s.entries[c.ID]; ok {
			s.lex.remove(c.ID, fieldsOf(old))
		}
		e := &chunkEntry{c: c, vec: vec, ord: i, byline: by}
		s.addEntry(e)
		s.lex.add(c.ID, fieldsOf(e))
	}
	if len(docs) > 0 {
		if err := s.chunks.AddDocuments(ctx, docs, addConcurrency); err != nil {
			return fmt.Errorf("add chunks: %w", err)
		}
	}
	doc, err := articleDoc(a, len(chunks))
	if err != nil {
		return err
	}
	if err := s.articles.AddDocument(ctx, doc); err != nil {
		return fmt.Errorf("add article: %w", err)
	}
	s.arts[a.ID] = &articleEntry{a: a, chunkIDs: ids}
	return s.writeManifest()
}

// Remove deletes an article and all its chunks. Removing an id the store
// does not hold is an error wrapping ErrUnknownArticle.
func (s *Store) Remove(ctx context.Context, articleID string) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.arts[articleID]
	if !ok {
		return fmt.Errorf("remove %q: %w", articleID, ErrUnknownArticle)
	}
	if err := s.dropChunks(ctx, old.chunkIDs); err != nil {
		return fmt.Errorf("remove %q: %w", articleID, err)
	}
	if err := s.articles.Delete(ctx, nil, nil, articleID); err != nil {
		return fmt.Errorf("remove %q: delete article: %w", articleID, err)
	}
	delete(s.arts, articleID)
	if err := s.writeManifest(); err != nil {
		return fmt.Errorf("remove %q: %w", articleID, err)
	}
	return nil
}

// dropChunks removes chunks from chromem, the BM25 index and the entries.
func (s *Store) dropChunks(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	if err := s.chunks.Delete(ctx, nil, nil, ids...); err != nil {
		return fmt.Errorf("delete chunks: %w", err)
	}
	for _, id := range ids {
		if e, ok := s.entries[id]; ok {
			s.lex.remove(id, fieldsOf(e))
			s.dropEntry(e)
		}
	}
	return nil
}

// writeManifest records the format, the embedder and the counts, which
// OpenStore checks against the documents it finds.
func (s *Store) writeManifest() error {
	m := manifest{Format: storeFormat, Embedder: s.info, Articles: len(s.arts), Chunks: len(s.entries)}
	if err := s.meta.AddDocument(context.Background(), m.doc()); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	return nil
}
