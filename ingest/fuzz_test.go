package ingest

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citechat/citechat/retrieval"
)

// The fuzz targets feed the parsers arbitrary input: they must not panic,
// and what they return must keep the package's promises — valid UTF-8,
// sections inside the text, chunks that are verbatim spans. Seeds are the
// fixtures plus testdata/fuzz/FuzzX (crashers found are kept there).

func FuzzParseReport(f *testing.F) {
	for _, p := range []string{"testdata/formats/report2.txt", "testdata/formats/plain.txt"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("CONTENTS\n\n1 A /2\n\nAnn Lee\n\nA\n\nAnn Lee\n\nText.")
	f.Fuzz(func(t *testing.T, doc string) {
		if !utf8.ValidString(doc) {
			return // Load rejects invalid UTF-8 before parsing
		}
		res := parseText(normalizeNewlines(doc), "fuzz.txt")
		for _, a := range res.articles {
			checkArticle(t, a)
		}
	})
}

func FuzzFrontMatter(f *testing.F) {
	for _, p := range []string{"testdata/formats/article.md", "testdata/formats/authors-string.md"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("---\nauthors:\n  - {name: A B}\n  - [x]\n---\n")
	f.Add("---\n*anchor: &a [*a]\n---\nx")
	f.Fuzz(func(t *testing.T, doc string) {
		if !utf8.ValidString(doc) {
			return
		}
		res := parseMarkdown(normalizeNewlines(doc), "fuzz.md")
		for _, a := range res.articles {
			checkArticle(t, a)
		}
	})
}

func FuzzHTML(f *testing.F) {
	for _, p := range []string{"testdata/formats/article.html", "testdata/formats/byline.html"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("<p>By A B<p><h2>x</h2><br><script>y")
	f.Fuzz(func(t *testing.T, doc string) {
		if !utf8.ValidString(doc) {
			return
		}
		res := parseHTML(doc, "fuzz.html")
		for _, a := range res.articles {
			checkArticle(t, a)
		}
	})
}

func FuzzJSONL(f *testing.F) {
	if data, err := os.ReadFile("testdata/formats/articles.jsonl"); err == nil {
		f.Add(string(data))
	}
	f.Add(`{"title":"t","authors":[{"name":""}],"text":"x"}`)
	f.Fuzz(func(t *testing.T, doc string) {
		if !utf8.ValidString(doc) {
			return
		}
		res := parseJSONL(normalizeNewlines(doc), "fuzz.jsonl")
		for _, a := range res.articles {
			checkArticle(t, a)
		}
	})
}

// FuzzChunk chunks arbitrary text cut into arbitrary sections.
func FuzzChunk(f *testing.F) {
	f.Add("One. Two! Three?\n\nFour U.S. five 3.5 No. 6.", 3, 9)
	f.Add(strings.Repeat("word ", 700), 0, 10)
	f.Fuzz(func(t *testing.T, text string, cut1, cut2 int) {
		if !utf8.ValidString(text) {
			return
		}
		cut1, cut2 = boundary(text, cut1), boundary(text, cut2)
		if cut1 > cut2 {
			cut1, cut2 = cut2, cut1
		}
		a := retrieval.Article{ID: "f", Text: text, Sections: []retrieval.Section{
			{Start: 0, End: cut1}, {Heading: "h", Start: cut1, End: cut2}, {Start: cut2, End: len(text)}}}
		checkChunks(t, a)
	})
}

// boundary maps an int onto a rune boundary of s.
func boundary(s string, i int) int {
	if len(s) == 0 {
		return 0
	}
	i %= len(s) + 1
	if i < 0 {
		i = -i
	}
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

func checkArticle(t *testing.T, a retrieval.Article) {
	t.Helper()
	if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
		t.Fatalf("invalid UTF-8 in %q", a.Title)
	}
	if strings.TrimSpace(a.Title) == "" {
		t.Fatalf("empty title")
	}
	prev := 0
	for _, s := range a.Sections {
		if s.Start < prev || s.End < s.Start || s.End > len(a.Text) {
			t.Fatalf("section %+v out of order or outside the %d bytes of text", s, len(a.Text))
		}
		prev = s.End
	}
	a.ID = slug(a.Title)
	checkChunks(t, a)
}

func checkChunks(t *testing.T, a retrieval.Article) {
	t.Helper()
	for _, c := range ChunkArticle(a) {
		if c.Start < 0 || c.End > len(a.Text) || c.Start >= c.End || c.Text != a.Text[c.Start:c.End] {
			t.Fatalf("chunk [%d,%d] is not a span of the %d-byte text", c.Start, c.End, len(a.Text))
		}
		if !utf8.ValidString(c.Text) {
			t.Fatalf("chunk cuts a character: %q", c.Text)
		}
	}
}
