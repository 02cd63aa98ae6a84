package retrieval

// lexFields are the texts the index reads for a chunk. Fields are
// tokenised apart so that no pair spans two of them.
type lexFields [4]string

func fieldsOf(e *chunkEntry) lexFields {
	return lexFields{e.c.Text, e.c.Title, e.c.Section, e.byline}
}

// termFreqs returns the term frequencies and length (in words) of a chunk.
func termFreqs(f lexFields) (map[term]float32, float32) {
	tf := make(map[term]float32)
	var length float32
	for _, field := range f {
		toks := tokenize(field)
		for i, t := range toks {
			tf[stemTerm(t.stem)]++
			length++
			if i > 0 {
				tf[pairTerm(toks[i-1].stem, t.stem)]++
			}
		}
	}
	return tf, length
}

// term identifies a stem or a pair of adjacent stems by a 64-bit FNV-1a
// hash, its low bit set for a pair. Hashes rather than strings keep the
// index small: most pairs occur once in a collection, and a string key
// would cost more than the posting it labels. Two terms sharing a hash is
// vanishingly rare at 64 bits.
type term uint64

func stemTerm(stem string) term { return term(fnvAdd(fnvOffset, stem) &^ 1) }

func pairTerm(a, b string) term {
	return term(fnvAdd(fnvByte(fnvAdd(fnvOffset, a), ' '), b) | 1)
}

func (t term) isPair() bool { return t&1 == 1 }
