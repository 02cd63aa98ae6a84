package retrieval

// queryTerms returns the distinct stems of a query in order of appearance,
// then the distinct pairs of adjacent stems. A repeated word counts once:
// readers repeat words for grammar, not weight.
func queryTerms(q string) []term {
	seen := make(map[term]bool)
	var terms []term
	toks := tokenize(q)
	for _, t := range toks {
		if st := stemTerm(t.stem); !seen[st] {
			seen[st] = true
			terms = append(terms, st)
		}
	}
	for i := 1; i < len(toks); i++ {
		p := pairTerm(toks[i-1].stem, toks[i].stem)
		if !seen[p] {
			seen[p] = true
			terms = append(terms, p)
		}
	}
	return terms
}

// search scores every live chunk that holds a query term and is allowed
// (nil: all). It returns the n best, best first, and the hits for the
// chunks named in also (score 0 for those without a query term), so that a
// chunk the dense ranking found still gets its BM25 score. Each hit says
// which query terms its chunk holds (bit i for terms[i], up to 64 terms).
func (x *lexIndex) search(terms []term, allowed func(id string) bool, n int, also []string) ([]lexHit, map[string]lexHit) {
	extra := make(map[string]lexHit, len(also))
	if x.live == 0 || len(terms) == 0 {
		return nil, extra
	}
	acc := x.accumulator()
	defer x.scratch.Put(acc)
	touched := x.accumulate(terms, acc)
	for _, id := range also {
		if d, ok := x.byID[id]; ok {
			extra[id] = lexHit{id: id, score: float64(acc.scores[d]), terms: acc.terms[d]}
		}
	}
	top := newTopHits(n)
	for _, d := range touched {
		id := x.docs[d].id
		if allowed == nil || allowed(id) {
			top.offer(lexHit{id: id, score: float64(acc.scores[d]), terms: acc.terms[d]})
		}
		acc.scores[d], acc.terms[d] = 0, 0
	}
	return top.sorted(), extra
}

// accumulate adds each query term's BM25 contribution to the accumulator
// and returns the documents it touched.
func (x *lexIndex) accumulate(terms []term, acc *accumulator) []int32 {
	var touched []int32
	avg := float32(x.totalLen / float64(x.live))
	for i, t := range terms {
		pl := x.terms[t]
		if pl.df == 0 {
			continue
		}
		idf := float32(x.idf(pl.df))
		if t.isPair() {
			idf *= pairWeight
		}
		bit := termBit(i)
		for _, p := range pl.postings {
			d := &x.docs[p.doc]
			if !d.live {
				continue
			}
			norm := bm25K1 * (1 - bm25B + bm25B*d.length/avg)
			if acc.scores[p.doc] == 0 {
				touched = append(touched, p.doc)
			}
			acc.scores[p.doc] += idf * p.tf * (bm25K1 + 1) / (p.tf + norm)
			acc.terms[p.doc] |= bit
		}
	}
	return touched
}

// termBit is the bit of the i-th query term; terms past the 64th share none.
func termBit(i int) uint64 {
	if i >= 64 {
		return 0
	}
	return 1 << i
}

// accumulator holds a search's per-document scores and term sets, as long
// as the document table. They are pooled because a search at 100k chunks
// would otherwise allocate over a megabyte; search leaves them zeroed.
type accumulator struct {
	scores []float32
	terms  []uint64
}

func (x *lexIndex) accumulator() *accumulator {
	if a, ok := x.scratch.Get().(*accumulator); ok && len(a.scores) >= len(x.docs) {
		return a
	}
	return &accumulator{scores: make([]float32, len(x.docs)), terms: make([]uint64, len(x.docs))}
}
