package retrieval

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
)

// Put stores an article and its chunks, replacing any earlier version of the
// article and all of its chunks. Outcomes:
//   - the stored article has the same non-empty Hash and the same chunk ids
//     and offsets: nothing is done, changed is false;
//   - otherwise the chunks are embedded (in batches; the first failure
//     cancels the rest) and swapped in at once, changed is true;
//   - an invalid chunk (ErrBadChunk) or an embedding failure: an error, and
//     the store is unchanged.
//
// Every chunk must belong to a, with Text == a.Text[Start:End].
func (s *Store) Put(ctx context.Context, a Article, chunks []Chunk) (changed bool, err error) {
	if err := validateChunks(a, chunks); err != nil {
		return false, fmt.Errorf("put %s: %w", a.ID, err)
	}
	a = cloneArticle(a)
	chunks = slices.Clone(chunks)
	for i := range chunks {
		chunks[i] = cloneChunk(chunks[i])
	}

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.unchanged(a, chunks) {
		return false, nil
	}
	if err := s.checkOwnership(a.ID, chunks); err != nil {
		return false, fmt.Errorf("put %s: %w", a.ID, err)
	}
	texts := make([]string, len(chunks))
	for i := range chunks {
		texts[i] = denseText(&chunks[i])
	}
	vecs, err := embedBatches(ctx, s.emb, texts)
	if err != nil {
		return false, fmt.Errorf("put %s: embed: %w", a.ID, err)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.apply(a, chunks, vecs); err != nil {
		return false, fmt.Errorf("put %s: %w", a.ID, err)
	}
	return true, nil
}

// denseText is what the embedder reads for a chunk: the article title and
// section heading give a passage the context its sentences leave implicit
// ("the two sides" of which article). The chunk's own Text stays verbatim.
func denseText(c *Chunk) string {
	var b strings.Builder
	for _, part := range []string{c.Title, c.Section} {
		if part = strings.TrimSpace(part); part != "" {
			b.WriteString(part)
			b.WriteString(". ")
		}
	}
	b.WriteString(c.Text)
	return b.String()
}

func validateChunks(a Article, chunks []Chunk) error {
	if strings.TrimSpace(a.ID) == "" {
		return fmt.Errorf("%w: article has no id", ErrBadChunk)
	}
	seen := make(map[string]bool, len(chunks))
	for i, c := range chunks {
		switch {
		case c.ID == "":
			return fmt.Errorf("%w: chunk %d has no id", ErrBadChunk, i)
		case seen[c.ID]:
			return fmt.Errorf("%w: duplicate chunk id %q", ErrBadChunk, c.ID)
		case c.ArticleID != a.ID:
			return fmt.Errorf("%w: chunk %q belongs to article %q", ErrBadChunk, c.ID, c.ArticleID)
		case c.Start < 0 || c.End < c.Start || c.End > len(a.Text) || a.Text[c.Start:c.End] != c.Text:
			return fmt.Errorf("%w: chunk %q: text is not article text [%d:%d]", ErrBadChunk, c.ID, c.Start, c.End)
		}
		seen[c.ID] = true
	}
	return nil
}

// unchanged reports whether the store already holds this version of a.
func (s *Store) unchanged(a Article, chunks []Chunk) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	old, ok := s.arts[a.ID]
	if !ok || a.Hash == "" || old.a.Hash != a.Hash || len(old.chunkIDs) != len(chunks) {
		return false
	}
	for i, id := range old.chunkIDs {
		e := s.entries[id]
		if id != chunks[i].ID || e.c.Start != chunks[i].Start || e.c.End != chunks[i].End {
			return false
		}
	}
	return true
}

// checkOwnership refuses chunk ids that another article already uses.
func (s *Store) checkOwnership(articleID string, chunks []Chunk) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, c := range chunks {
		if e, ok := s.entries[c.ID]; ok && e.c.ArticleID != articleID {
			return fmt.Errorf("%w: chunk id %q already belongs to article %q", ErrBadChunk, c.ID, e.c.ArticleID)
		}
	}
	return nil
}

// addConcurrency is how many goroutines chromem uses to add documents; they
// only normalise-check vectors, so the CPU count is plenty.
var addConcurrency = runtime.NumCPU()
