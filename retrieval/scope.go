package retrieval

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// scope is the part of the store a query may see: everything, or the chunks
// of a set of articles chosen by the article and author filters.
type scope struct {
	all      bool
	articles []string // the allowed article ids, sorted, when !all
	allowed  map[string]bool
	size     int // chunks in scope
}

// scope resolves q's filters. Article ids must exist; author names match
// the personal names of articles' authors ignoring case, spacing and
// punctuation. Both filters set: an article must pass both. The caller holds
// s.mu.
func (s *Store) scope(q Query) (scope, error) {
	if len(q.Articles) == 0 && len(q.Authors) == 0 {
		return scope{all: true, size: len(s.entries)}, nil
	}
	var allowed map[string]bool
	if len(q.Articles) > 0 {
		allowed = make(map[string]bool)
		for _, id := range q.Articles {
			if _, ok := s.arts[id]; !ok {
				return scope{}, fmt.Errorf("filter: article %q: %w", id, ErrUnknownArticle)
			}
			allowed[id] = true
		}
	}
	if len(q.Authors) > 0 {
		byAuthor, err := s.articlesBy(q.Authors)
		if err != nil {
			return scope{}, err
		}
		if allowed == nil {
			allowed = byAuthor
		} else {
			for id := range allowed {
				if !byAuthor[id] {
					delete(allowed, id)
				}
			}
		}
	}
	sc := scope{allowed: allowed}
	for id := range allowed {
		sc.articles = append(sc.articles, id)
		sc.size += len(s.arts[id].chunkIDs)
	}
	sort.Strings(sc.articles)
	return sc, nil
}

// articlesBy returns the ids of the articles any of names wrote.
func (s *Store) articlesBy(names []string) (map[string]bool, error) {
	ids := make(map[string]bool)
	for _, name := range names {
		key := nameKey(name)
		found := false
		for id, e := range s.arts {
			for _, au := range e.a.Authors {
				if key != "" && nameKey(au.Name) == key {
					ids[id] = true
					found = true
				}
			}
		}
		if !found {
			return nil, fmt.Errorf("filter: author %q: %w", name, ErrUnknownAuthor)
		}
	}
	return ids, nil
}

// nameKey folds a personal name for comparison: "Ge  Hongliang",
// "ge hongliang" and "Ge-Hongliang" agree.
func nameKey(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// contains reports whether the scope holds a chunk of the article.
func (sc *scope) contains(articleID string) bool {
	return sc.all || sc.allowed[articleID]
}
