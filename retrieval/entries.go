package retrieval

import "strings"

// chunkEntry is a chunk with its vector (the slice chromem holds too).
type chunkEntry struct {
	c      Chunk
	vec    []float32
	ord    int    // position in the article's chunk list
	byline string // the article's authors and affiliations, for BM25
	slot   int    // index in Store.list
}

// addEntry puts an entry in the store's map and scan list, replacing any
// entry with the same chunk id.
func (s *Store) addEntry(e *chunkEntry) {
	if old, ok := s.entries[e.c.ID]; ok {
		s.dropEntry(old)
	}
	e.slot = len(s.list)
	s.list = append(s.list, e)
	s.cols.push(e.vec)
	s.entries[e.c.ID] = e
}

// dropEntry removes an entry, moving the last of the list into its slot.
func (s *Store) dropEntry(e *chunkEntry) {
	last := s.list[len(s.list)-1]
	s.list[e.slot], last.slot = last, e.slot
	s.list[len(s.list)-1] = nil
	s.list = s.list[:len(s.list)-1]
	s.cols.pop(e.slot)
	delete(s.entries, e.c.ID)
}

// byline lists an article's authors with their affiliations: "Ge
// Hongliang, Deputy Dean, College of ASEAN Studies; ...".
func byline(a *Article) string {
	parts := make([]string, len(a.Authors))
	for i, au := range a.Authors {
		parts[i] = au.Name
		if au.Affiliation != "" {
			parts[i] += ", " + au.Affiliation
		}
	}
	return strings.Join(parts, "; ")
}
