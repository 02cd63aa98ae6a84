package retrieval

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// The fixture is a small collection written for these tests
// (testdata/articles.json): five short articles from three source files on
// unrelated topics, one of them long, with sections, multi-author articles
// and affiliations. Chunks are whole paragraphs.

type fixtureArticle struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Source   string   `json:"source"`
	Seq      int      `json:"seq"`
	Authors  []Author `json:"authors"`
	Sections []struct {
		Heading    string   `json:"heading"`
		Paragraphs []string `json:"paragraphs"`
	} `json:"sections"`
}

type fixtureDoc struct {
	a      Article
	chunks []Chunk
}

// loadFixture returns the fixture's articles with their chunks.
func loadFixture(t testing.TB) []fixtureDoc {
	t.Helper()
	b, err := os.ReadFile("testdata/articles.json")
	if err != nil {
		t.Fatal(err)
	}
	var raw []fixtureArticle
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	docs := make([]fixtureDoc, len(raw))
	for i, r := range raw {
		docs[i] = buildDoc(r)
	}
	return docs
}

// buildDoc lays an article's paragraphs out as its Text, one chunk each.
func buildDoc(r fixtureArticle) fixtureDoc {
	a := Article{ID: r.ID, Title: r.Title, Authors: r.Authors, Source: r.Source, Seq: r.Seq}
	var text strings.Builder
	type span struct{ start, end int }
	var spans []span
	var heads []string
	for _, sec := range r.Sections {
		secStart := text.Len()
		for _, p := range sec.Paragraphs {
			if text.Len() > 0 {
				text.WriteString("\n\n")
			}
			start := text.Len()
			text.WriteString(p)
			spans = append(spans, span{start, text.Len()})
			heads = append(heads, sec.Heading)
		}
		a.Sections = append(a.Sections, Section{Heading: sec.Heading, Start: secStart, End: text.Len()})
	}
	a.Text = text.String()
	a.Hash = fmt.Sprintf("h%x", len(a.Text)*31+len(a.Title))
	doc := fixtureDoc{a: a}
	for i, sp := range spans {
		doc.chunks = append(doc.chunks, Chunk{
			ID: fmt.Sprintf("%s-%d", r.ID, i), ArticleID: r.ID, Title: r.Title,
			Authors: a.AuthorNames(), Section: heads[i],
			Start: sp.start, End: sp.end, Text: a.Text[sp.start:sp.end],
		})
	}
	return doc
}

// fixtureStore returns a store (local embedder) holding the whole fixture.
func fixtureStore(t testing.TB) *Store {
	t.Helper()
	s, err := NewStore(NewLocalEmbedder())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range loadFixture(t) {
		if _, err := s.Put(context.Background(), d.a, d.chunks); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// search runs a query that must succeed.
func search(t testing.TB, s *Store, q Query) []Passage {
	t.Helper()
	ps, err := s.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%q): %v", q.Text, err)
	}
	return ps
}

// articleIDs lists the article of each passage.
func articleIDs(ps []Passage) []string {
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.ArticleID
	}
	return ids
}
