package ingest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/citechat/citechat/retrieval"
)

// Chunk sizes, in bytes of text. A chunk is a quotable passage: big enough
// to carry an argument with its context, small enough that a reader sees
// why it was retrieved and an embedder sees one topic.
const (
	chunkMin     = 600  // a chunk may end at a paragraph end once this long
	chunkTarget  = 900  // a chunk ends before the sentence that would pass this
	chunkMax     = 1500 // nothing but a single longer sentence passes this
	overlapMax   = 400  // the overlap sentence is dropped when longer than this
	tailMin      = 250  // a section's last chunk smaller than this joins the previous one
	sentenceHard = 2 * chunkMax
)

// ChunkArticle cuts an article into chunks for retrieval. Chunks follow the
// article's sections (a chunk never spans two, nor two articles) and
// sentence boundaries; consecutive chunks of a section share one sentence,
// so a passage cut between chunks is still found whole in one of them.
// Each chunk's Text is exactly a.Text[Start:End]. Chunk IDs are the article
// ID and the chunk's ordinal, so the same article text always yields the
// same IDs.
func ChunkArticle(a retrieval.Article) []retrieval.Chunk {
	var chunks []retrieval.Chunk
	names := a.AuthorNames()
	for _, sec := range sectionsOf(a) {
		for _, sp := range packSentences(a.Text, sec.Start, sec.End) {
			chunks = append(chunks, retrieval.Chunk{
				ID:        fmt.Sprintf("%s.c%d", a.ID, len(chunks)),
				ArticleID: a.ID,
				Title:     a.Title,
				Authors:   names,
				Section:   sec.Heading,
				Start:     sp.Start,
				End:       sp.End,
				Text:      a.Text[sp.Start:sp.End],
			})
		}
	}
	return chunks
}

// sectionsOf returns the article's sections clamped to its text, or one
// section covering the whole text when it has none. Text outside every
// section is not chunked: parsers put all prose in a section.
func sectionsOf(a retrieval.Article) []retrieval.Section {
	if len(a.Sections) == 0 {
		return []retrieval.Section{{Start: 0, End: len(a.Text)}}
	}
	out := make([]retrieval.Section, 0, len(a.Sections))
	for _, s := range a.Sections {
		s.Start = max(0, min(s.Start, len(a.Text)))
		s.End = max(s.Start, min(s.End, len(a.Text)))
		out = append(out, s)
	}
	return out
}

// packSentences groups the sentences of text[from:to] into chunk spans.
func packSentences(text string, from, to int) []retrieval.Span {
	sents := splitLong(text, retrieval.Sentences(text, from, to))
	var out []retrieval.Span
	for i := 0; i < len(sents); {
		start, j := sents[i].Start, i
		for j+1 < len(sents) && !chunkFull(text, start, sents[j], sents[j+1]) {
			j++
		}
		if rest := sents[len(sents)-1].End; j+1 < len(sents) && rest-sents[j+1].Start < tailMin && rest-start <= chunkMax {
			j = len(sents) - 1
		}
		out = append(out, retrieval.Span{Start: start, End: sents[j].End})
		switch {
		case j+1 >= len(sents):
			return out
		case j > i && sents[j].End-sents[j].Start <= overlapMax:
			i = j // the last sentence opens the next chunk too
		default:
			i = j + 1
		}
	}
	return out
}

// chunkFull reports whether a chunk from start whose last sentence is cur
// should end rather than take next.
func chunkFull(text string, start int, cur, next retrieval.Span) bool {
	size := cur.End - start
	switch {
	case next.End-start > chunkMax:
		return true
	case size >= chunkMin && next.End-start > chunkTarget:
		return true
	case size >= chunkMin && paragraphBreak(text, cur.End, next.Start):
		return true
	}
	return false
}

func paragraphBreak(text string, from, to int) bool {
	for i := from; i+1 < to; i++ {
		if text[i] == '\n' && text[i+1] == '\n' {
			return true
		}
	}
	return false
}

// splitLong cuts sentences longer than sentenceHard at spaces (or, in text
// without any, between characters), so text without punctuation (tables,
// lists, damaged extractions) still makes chunks an embedder can take.
func splitLong(text string, sents []retrieval.Span) []retrieval.Span {
	const spaces = " \n\t\r"
	out := sents[:0:0]
	for _, s := range sents {
		for s.End-s.Start > sentenceHard {
			cut := s.Start + chunkTarget
			if k := strings.IndexAny(text[cut:s.Start+sentenceHard+1], spaces); k >= 0 {
				cut += k
			} else { // no space at all: cut between characters
				for !utf8.RuneStart(text[cut]) {
					cut--
				}
			}
			out = append(out, retrieval.Span{Start: s.Start, End: cut})
			s.Start = s.End - len(strings.TrimLeft(text[cut:s.End], spaces))
		}
		out = append(out, s)
	}
	return out
}
