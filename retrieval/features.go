package retrieval

// featureKind tells the embedder how much a feature weighs. Kinds are mixed
// into the hash too, so a stem never collides with an identical n-gram by
// construction.
type featureKind uint8

const (
	kindStem  featureKind = iota + 1 // a word stem: "cooper"
	kindPair                         // two adjacent stems: "disast manag"
	kindGram                         // a character n-gram of a word: "<dro", "ough"
	kindEmpty                        // the reserved feature of a text without words
)

// featureKey identifies a feature by the 64-bit FNV-1a hash of its kind and
// text; two distinct features sharing a hash is vanishingly rare at 64 bits.
type featureKey struct {
	kind featureKind
	h    uint64
}

func (f featureKey) hash() uint64 { return f.h }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	minGram   = 3
	maxGram   = 5
)

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func fnvByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

// featureCount is how often a feature occurs and the sum of the weights of
// the words it came from (1 each in a document; a query may weight words).
type featureCount struct{ n, w float64 }

func (c *featureCount) add(w float64) { c.n++; c.w += w }

// features counts the features of a token sequence: each stem, each pair of
// adjacent stems, and the character 3- to 5-grams of each word wrapped in
// boundary marks ("<drought>"), so that prefixes and suffixes are features of
// their own. weight gives each token's weight; nil weighs all 1.
func features(toks []token, weight func(stem string) float64) map[featureKey]*featureCount {
	counts := make(map[featureKey]*featureCount, len(toks)*8)
	add := func(k featureKey, w float64) {
		c := counts[k]
		if c == nil {
			c = &featureCount{}
			counts[k] = c
		}
		c.add(w)
	}
	w := make([]float64, len(toks))
	for i, t := range toks {
		w[i] = 1
		if weight != nil {
			w[i] = weight(t.stem)
		}
		add(featureKey{kindStem, fnvAdd(fnvByte(fnvOffset, byte(kindStem)), t.stem)}, w[i])
		if i > 0 {
			h := fnvAdd(fnvByte(fnvOffset, byte(kindPair)), toks[i-1].stem)
			h = fnvAdd(fnvByte(h, ' '), t.stem)
			add(featureKey{kindPair, h}, (w[i-1]+w[i])/2)
		}
		addGrams(t.word, func(k featureKey) { add(k, w[i]) })
	}
	return counts
}

// addGrams yields the character n-grams of "<word>" (bytes, not runes: a
// gram cut inside a multi-byte letter is still a consistent feature).
func addGrams(word string, add func(featureKey)) {
	n := len(word) + 2
	at := func(i int) byte {
		switch i {
		case 0:
			return '<'
		case n - 1:
			return '>'
		}
		return word[i-1]
	}
	for size := minGram; size <= maxGram; size++ {
		for start := 0; start+size <= n; start++ {
			h := fnvByte(fnvOffset, byte(kindGram))
			for i := start; i < start+size; i++ {
				h = fnvByte(h, at(i))
			}
			add(featureKey{kindGram, h})
		}
	}
}
