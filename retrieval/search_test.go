package retrieval

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// Each question names none of its article's distinctive words verbatim in
// the same form, so stemming and n-grams must do the matching.
func TestSearchFindsTheAnsweringPassage(t *testing.T) {
	s := fixtureStore(t)
	cases := []struct{ q, chunk string }{
		{"Which irrigation technique lets paddies dry between floods?", "rice-1"},
		{"Who decides when fields get flooded?", "rice-2"},
		{"How long did ships wait outside the port?", "ports-0"},
		{"Why do corals bleach when the sea is too warm?", "reefs-1"},
		{"How many transplanted coral fragments survive?", "reefs-2"},
		{"How do remote clinics keep vaccines refrigerated?", "clinics-0"},
		{"voting rights of members in cooperative banks", "banks-1"},
	}
	for _, method := range []string{MethodHybrid, MethodBM25, MethodDense} {
		for _, c := range cases {
			ps := search(t, s, Query{Text: c.q, K: 3, Method: method})
			if len(ps) == 0 || ps[0].ID != c.chunk {
				t.Errorf("%s: %q: top = %v, want %s first", method, c.q, ids(ps), c.chunk)
			}
		}
	}
}

func ids(ps []Passage) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func TestSearchPassagesCarryMetadata(t *testing.T) {
	s := fixtureStore(t)
	ps := search(t, s, Query{Text: "shipping lanes to island economies", K: 1})
	if len(ps) != 1 {
		t.Fatalf("got %d passages", len(ps))
	}
	p := ps[0]
	a, _ := s.Article(p.ArticleID)
	if p.ID != "ports-2" || p.Title != a.Title || !slices.Equal(p.Authors, []string{"Tomas Berg", "Mei Chen"}) ||
		p.Section != "New Routes" || a.Text[p.Start:p.End] != p.Text {
		t.Errorf("passage = %+v", p)
	}
	if p.Score <= 0 || p.Dense <= 0 || p.Lexical <= 0 {
		t.Errorf("scores = %v, %v, %v; want all positive", p.Score, p.Dense, p.Lexical)
	}
}

// A long article matching a question broadly must not take every place from
// a short one that matches it too.
func TestSearchDiversifies(t *testing.T) {
	s := fixtureStore(t)
	ps := search(t, s, Query{Text: "cooperative of farmers", K: 4})
	if !slices.Contains(articleIDs(ps), "rice") {
		t.Errorf("articles = %v: the rice farmers' cooperative was crowded out", articleIDs(ps))
	}
}

func TestSearchFilters(t *testing.T) {
	s := fixtureStore(t)
	q := "cooperative members vote"
	for _, p := range search(t, s, Query{Text: q, Articles: []string{"rice", "ports"}, K: 50}) {
		if p.ArticleID != "rice" && p.ArticleID != "ports" {
			t.Errorf("article filter let %s through", p.ID)
		}
	}
	ps := search(t, s, Query{Text: q, Authors: []string{"mei  CHEN"}, K: 50})
	if len(ps) != 3 {
		t.Errorf("author filter: %d passages, want the 3 of Mei Chen's article", len(ps))
	}
	for _, p := range ps {
		if p.ArticleID != "ports" {
			t.Errorf("author filter let %s through", p.ID)
		}
	}
	if ps := search(t, s, Query{Text: q, Articles: []string{"rice"}, Authors: []string{"Ravi Patel"}}); len(ps) != 0 {
		t.Errorf("disjoint filters: %v, want nothing", ids(ps))
	}
	_, err := s.Search(context.Background(), Query{Text: q, Articles: []string{"rice", "atlantis"}})
	if !errors.Is(err, ErrUnknownArticle) || !strings.Contains(err.Error(), "atlantis") {
		t.Errorf("unknown article: err = %v", err)
	}
	_, err = s.Search(context.Background(), Query{Text: q, Authors: []string{"Nobody"}})
	if !errors.Is(err, ErrUnknownAuthor) {
		t.Errorf("unknown author: err = %v", err)
	}
}

func TestSearchK(t *testing.T) {
	s := fixtureStore(t)
	q := "cooperative banks"
	if n := len(search(t, s, Query{Text: q})); n != DefaultK {
		t.Errorf("K=0: %d passages, want %d", n, DefaultK)
	}
	if n := len(search(t, s, Query{Text: q, K: -3})); n != DefaultK {
		t.Errorf("K=-3: %d passages, want %d", n, DefaultK)
	}
	for _, method := range []string{MethodHybrid, MethodDense} {
		if n := len(search(t, s, Query{Text: q, K: 1 << 30, Method: method})); n != s.Count() {
			t.Errorf("%s: huge K: %d passages, want all %d", method, n, s.Count())
		}
	}
	if n := len(search(t, s, Query{Text: q, K: 100, Articles: []string{"reefs"}})); n != 3 {
		t.Errorf("K beyond a filtered scope: %d passages, want 3", n)
	}
}

func TestSearchBadQueries(t *testing.T) {
	s := fixtureStore(t)
	for _, q := range []string{"", "   \n\t "} {
		if _, err := s.Search(context.Background(), Query{Text: q}); !errors.Is(err, ErrEmptyQuery) {
			t.Errorf("%q: err = %v, want ErrEmptyQuery", q, err)
		}
	}
	huge := "How do clinics keep vaccines cold? " + strings.Repeat("é", 60_000)
	if ps := search(t, s, Query{Text: huge, K: 1}); len(ps) != 1 || ps[0].ArticleID != "clinics" {
		t.Errorf("100 KB query: %v", ids(ps))
	}
	if _, err := s.Search(context.Background(), Query{Text: "x", Method: "magic"}); err == nil {
		t.Error("unknown method accepted")
	}
	// Only stop words: nothing lexical matches, and nothing crashes.
	if _, err := s.Search(context.Background(), Query{Text: "what is it?"}); err != nil {
		t.Errorf("stop-word query: %v", err)
	}
}

func TestSearchEmptyStore(t *testing.T) {
	s, _ := NewStore(NewLocalEmbedder())
	if ps := search(t, s, Query{Text: "anything"}); len(ps) != 0 {
		t.Errorf("empty store returned %v", ps)
	}
}

func TestTruncateQuery(t *testing.T) {
	q := strings.Repeat("ab€", 3000)
	got := truncateQuery(q)
	if len(got) > MaxQueryBytes || !strings.HasPrefix(q, got) || !utf8Valid(got) {
		t.Errorf("truncated to %d bytes, valid %v", len(got), utf8Valid(got))
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "?") == s }

// A filter naming nothing fails before the query costs an embedding (a
// networked model's time and money).
func TestSearchBadFilterDoesNotEmbed(t *testing.T) {
	emb := &countingEmbedder{LocalEmbedder: NewLocalEmbedder()}
	s, _ := NewStore(emb)
	d := loadFixture(t)[0]
	s.Put(context.Background(), d.a, d.chunks)
	before := emb.texts.Load()
	_, err := s.Search(context.Background(), Query{Text: "floods", Articles: []string{"nope"}})
	if !errors.Is(err, ErrUnknownArticle) || emb.texts.Load() != before {
		t.Errorf("err = %v, embedded %d texts", err, emb.texts.Load()-before)
	}
}
