package retrieval

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// synth makes deterministic synthetic articles for benchmarks: English-like
// pseudo-words drawn with a Zipf distribution (a few very common words, a
// long tail of rare ones), sentences of 8 to 24 words, chunks of about 900
// bytes — the size ingest makes — and 20 chunks an article.
type synth struct {
	r     *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

const (
	synthVocab         = 30000
	synthChunkBytes    = 900
	synthChunksPerDoc  = 20
	synthWordsPerTitle = 6
)

func newSynth(seed uint64) *synth {
	r := rand.New(rand.NewPCG(seed, 42))
	syll := []string{"ka", "lo", "mi", "ren", "tas", "vo", "pri", "gen", "dul", "sha", "ber", "ton", "qui", "mar", "est", "ion", "ing", "ed"}
	vocab := make([]string, synthVocab)
	seen := map[string]bool{}
	for i := range vocab {
		for {
			var b strings.Builder
			for n := 2 + r.IntN(3); n > 0; n-- {
				b.WriteString(syll[r.IntN(len(syll))])
			}
			if w := b.String(); !seen[w] {
				seen[w] = true
				vocab[i] = w
				break
			}
		}
	}
	return &synth{r: r, zipf: rand.NewZipf(r, 1.1, 2, synthVocab-1), vocab: vocab}
}

func (s *synth) word() string { return s.vocab[s.zipf.Uint64()] }

// text returns sentences until about n bytes.
func (s *synth) text(n int) string {
	var b strings.Builder
	for b.Len() < n {
		words := 8 + s.r.IntN(17)
		for i := 0; i < words; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s.word())
		}
		b.WriteString(". ")
	}
	return strings.TrimSpace(b.String())
}

// doc returns article number i with its chunks.
func (s *synth) doc(i int) fixtureDoc {
	id := fmt.Sprintf("a%06d", i)
	title := s.text(1)
	if f := strings.Fields(title); len(f) > synthWordsPerTitle {
		title = strings.Join(f[:synthWordsPerTitle], " ")
	}
	a := Article{ID: id, Title: title, Authors: []Author{{Name: "Author " + id}}, Source: "synthetic", Seq: i, Hash: id}
	var text strings.Builder
	var chunks []Chunk
	for c := 0; c < synthChunksPerDoc; c++ {
		if c > 0 {
			text.WriteString("\n\n")
		}
		start := text.Len()
		text.WriteString(s.text(synthChunkBytes))
		chunks = append(chunks, Chunk{ID: fmt.Sprintf("%s.c%d", id, c), ArticleID: id, Title: title,
			Authors: []string{"Author " + id}, Start: start, End: text.Len()})
	}
	a.Text = text.String()
	for c := range chunks {
		chunks[c].Text = a.Text[chunks[c].Start:chunks[c].End]
	}
	return fixtureDoc{a: a, chunks: chunks}
}

// query returns a question-like query: a handful of words from a random
// chunk of the first n articles, with a few common words mixed in.
func (s *synth) query(docs []fixtureDoc) string {
	d := docs[s.r.IntN(len(docs))]
	words := strings.Fields(d.chunks[s.r.IntN(len(d.chunks))].Text)
	start := s.r.IntN(max(1, len(words)-8))
	q := append([]string{s.word(), s.word()}, words[start:min(len(words), start+6)]...)
	return strings.Join(q, " ") + "?"
}
