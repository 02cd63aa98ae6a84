package ingest

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citechat/citechat/retrieval"
)

func testArticles(t *testing.T) []retrieval.Article {
	t.Helper()
	articles := loadBundled(t)
	more, _, err := Load(context.Background(), "testdata/formats")
	if err != nil {
		t.Fatal(err)
	}
	return append(articles, more...)
}

// TestChunkInvariants: every chunk is a verbatim span of its article inside
// one section, starts and ends on sentence boundaries, is no bigger than
// chunkMax unless it is a single sentence, and the chunks of a section cover
// all of its sentences, consecutive ones sharing one sentence.
func TestChunkInvariants(t *testing.T) {
	for _, a := range testArticles(t) {
		chunks := ChunkArticle(a)
		ids := map[string]bool{}
		for i, c := range chunks {
			if c.Text != a.Text[c.Start:c.End] || c.ArticleID != a.ID || c.Title != a.Title || !reflect.DeepEqual(c.Authors, a.AuthorNames()) {
				t.Fatalf("%s: chunk %d does not match its article", a.ID, i)
			}
			if ids[c.ID] || !strings.HasPrefix(c.ID, a.ID+".") {
				t.Errorf("%s: chunk id %q repeated or not of the article", a.ID, c.ID)
			}
			ids[c.ID] = true
			sec := sectionAt(a, c.Start)
			if sec == nil || c.End > sec.End || c.Section != sec.Heading {
				t.Errorf("%s: chunk %d [%d,%d] %q is not inside one section", a.ID, i, c.Start, c.End, c.Section)
				continue
			}
			sents := retrieval.Sentences(a.Text, sec.Start, sec.End)
			if !startsSentence(sents, c.Start) || !endsSentence(sents, c.End) {
				t.Errorf("%s: chunk %d does not follow sentence boundaries: %.80q", a.ID, i, c.Text)
			}
			if len(c.Text) > chunkMax && len(retrieval.Sentences(a.Text, c.Start, c.End)) > 1 {
				t.Errorf("%s: chunk %d has %d bytes", a.ID, i, len(c.Text))
			}
			if i > 0 && chunks[i-1].Section == c.Section && chunks[i-1].End > c.Start {
				if shared := retrieval.Sentences(a.Text, c.Start, chunks[i-1].End); len(shared) != 1 {
					t.Errorf("%s: chunks %d and %d share %d sentences", a.ID, i-1, i, len(shared))
				}
			}
		}
		for _, sec := range a.Sections {
			for _, s := range retrieval.Sentences(a.Text, sec.Start, sec.End) {
				if !covered(chunks, s) {
					t.Errorf("%s: sentence not in any chunk: %.80q", a.ID, a.Text[s.Start:s.End])
				}
			}
		}
	}
}

// TestChunkSizes: the bundled report's chunks are of the modest size asked
// for, and consecutive chunks overlap.
func TestChunkSizes(t *testing.T) {
	var sizes []int
	overlaps, pairs := 0, 0
	for _, a := range loadBundled(t) {
		chunks := ChunkArticle(a)
		for i, c := range chunks {
			sizes = append(sizes, len(c.Text))
			if i > 0 && chunks[i-1].Section == c.Section {
				pairs++
				if c.Start < chunks[i-1].End {
					overlaps++
				}
			}
		}
	}
	sort.Ints(sizes)
	if median := sizes[len(sizes)/2]; median < 550 || median > 950 {
		t.Errorf("median chunk %d bytes, want about 600-900", median)
	}
	if sizes[len(sizes)-1] > chunkMax {
		t.Errorf("largest chunk %d bytes", sizes[len(sizes)-1])
	}
	if overlaps < pairs*9/10 {
		t.Errorf("only %d of %d consecutive chunks overlap", overlaps, pairs)
	}
}

// TestChunkStable: the same text gives the same chunks and IDs.
func TestChunkStable(t *testing.T) {
	a := loadBundled(t)[1]
	first, again := ChunkArticle(a), ChunkArticle(loadBundled(t)[1])
	if !reflect.DeepEqual(first, again) {
		t.Fatal("chunks differ between two loads of the same text")
	}
	if first[0].ID != a.ID+".c0" {
		t.Errorf("first chunk id %q", first[0].ID)
	}
}

// TestChunkLongSentence: text without sentence ends is still cut into
// pieces an embedder can take, at spaces, or between characters when it
// has no spaces either.
func TestChunkLongSentence(t *testing.T) {
	for _, text := range []string{strings.Repeat("word ", 2000) + "end.", strings.Repeat("é", 5000)} {
		a := retrieval.Article{ID: "x", Text: text, Sections: []retrieval.Section{{Start: 0, End: len(text)}}}
		chunks := ChunkArticle(a)
		if len(chunks) < 3 {
			t.Fatalf("%d chunks for %d bytes", len(chunks), len(text))
		}
		for _, c := range chunks {
			if len(c.Text) > sentenceHard+chunkMax || strings.HasPrefix(c.Text, " ") || strings.HasSuffix(c.Text, " ") || !utf8.ValidString(c.Text) {
				t.Errorf("chunk [%d,%d] of %d bytes", c.Start, c.End, len(c.Text))
			}
		}
	}
}

// TestChunkNoSections: an article without sections is chunked whole; bad
// section offsets (from a hand-made article) are clamped, not a panic.
func TestChunkNoSections(t *testing.T) {
	a := retrieval.Article{ID: "y", Text: "One sentence. Two sentences."}
	if c := ChunkArticle(a); len(c) != 1 || c[0].Text != a.Text {
		t.Errorf("chunks %+v", c)
	}
	a.Sections = []retrieval.Section{{Heading: "H", Start: 5, End: 999}, {Start: -3, End: 2}}
	for _, c := range ChunkArticle(a) {
		if c.Text != a.Text[c.Start:c.End] {
			t.Errorf("chunk %+v", c)
		}
	}
}

func sectionAt(a retrieval.Article, off int) *retrieval.Section {
	for i := range a.Sections {
		if s := &a.Sections[i]; off >= s.Start && off < s.End {
			return s
		}
	}
	return nil
}

func startsSentence(sents []retrieval.Span, off int) bool {
	for _, s := range sents {
		if s.Start == off {
			return true
		}
	}
	return false
}

func endsSentence(sents []retrieval.Span, off int) bool {
	for _, s := range sents {
		if s.End == off {
			return true
		}
	}
	return false
}

func covered(chunks []retrieval.Chunk, s retrieval.Span) bool {
	for _, c := range chunks {
		if c.Start <= s.Start && s.End <= c.End {
			return true
		}
	}
	return false
}
