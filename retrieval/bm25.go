package retrieval

import (
	"math"
	"sync"
)

// lexIndex is an Okapi BM25 index over chunks, in memory, rebuilt from the
// chromem documents when a store is opened. A chunk is indexed together
// with its article's title, its section heading and its article's byline
// (author names and affiliations), so that a question naming a title, an
// author or an author's institution finds that article's chunks. The terms
// are word stems and pairs of adjacent stems: a pair matches a phrase the
// question shares with the passage ("free trade", "fully established"),
// which single words scattered over a passage do not.
//
// Removal leaves a tombstone: postings of removed chunks are skipped and
// swept out by compact once they are a large share of the index, which keeps
// Remove cheap for words that occur in most chunks.
type lexIndex struct {
	terms    map[term]postingList
	docs     []lexDoc
	byID     map[string]int32
	live     int
	totalLen float64
	scratch  sync.Pool // *accumulator, one per concurrent search
}

type lexDoc struct {
	id     string
	length float32 // weighted number of tokens
	live   bool
}

type postingList struct {
	postings []posting
	df       int // live documents containing the term
}

type posting struct {
	doc int32
	tf  float32 // weighted term frequency
}

// BM25 parameters: the usual k1 and b, and the weight of a stem pair
// relative to a single stem (a pair's IDF is high; at full weight one
// shared phrase outvotes the rest of the question).
const (
	bm25K1     = 1.2
	bm25B      = 0.75
	pairWeight = 0.5
)

func newLexIndex() *lexIndex {
	return &lexIndex{terms: make(map[term]postingList), byID: make(map[string]int32)}
}

// add indexes a chunk; an id already present is replaced.
func (x *lexIndex) add(id string, f lexFields) {
	if _, ok := x.byID[id]; ok {
		x.remove(id, f)
	}
	tf, length := termFreqs(f)
	doc := int32(len(x.docs))
	x.docs = append(x.docs, lexDoc{id: id, length: length, live: true})
	x.byID[id] = doc
	x.live++
	x.totalLen += float64(length)
	for t, n := range tf {
		pl := x.terms[t]
		pl.postings = append(pl.postings, posting{doc: doc, tf: n})
		pl.df++
		x.terms[t] = pl
	}
}

// remove forgets a chunk; f must be the fields it was added with, so that
// the document frequencies of its terms can be decremented.
func (x *lexIndex) remove(id string, f lexFields) {
	doc, ok := x.byID[id]
	if !ok {
		return
	}
	tf, _ := termFreqs(f)
	for t := range tf {
		if pl, ok := x.terms[t]; ok {
			pl.df--
			x.terms[t] = pl
		}
	}
	x.docs[doc].live = false
	delete(x.byID, id)
	x.live--
	x.totalLen -= float64(x.docs[doc].length)
	if dead := len(x.docs) - x.live; dead > 256 && dead > x.live {
		x.compact()
	}
}

// compact drops removed documents and renumbers the rest.
func (x *lexIndex) compact() {
	renum := make([]int32, len(x.docs))
	docs := x.docs[:0:0]
	for i, d := range x.docs {
		renum[i] = -1
		if d.live {
			renum[i] = int32(len(docs))
			x.byID[d.id] = int32(len(docs))
			docs = append(docs, d)
		}
	}
	x.docs = docs
	for t, pl := range x.terms {
		kept := pl.postings[:0]
		for _, p := range pl.postings {
			if n := renum[p.doc]; n >= 0 {
				kept = append(kept, posting{doc: n, tf: p.tf})
			}
		}
		if len(kept) == 0 {
			delete(x.terms, t)
			continue
		}
		pl.postings = kept
		x.terms[t] = pl
	}
}

// df is the number of live chunks holding t.
func (x *lexIndex) df(t term) int { return x.terms[t].df }

// idf is BM25's inverse document frequency, never negative.
func (x *lexIndex) idf(df int) float64 {
	n := float64(x.live)
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// lexHit is a chunk and its score in one ranking.
type lexHit struct {
	id    string
	score float64
	terms uint64 // which query terms the chunk holds (BM25 hits only)
}
