package retrieval

import "sync"

// A feature is identified by a 64-bit FNV-1a hash of its text, with its
// kind in the two low bits (so a stem and an identical n-gram never share a
// key). Two distinct features sharing a key is vanishingly rare at 64 bits.
type featureKind uint8

const (
	kindStem  featureKind = iota // a word stem: "cooper"
	kindPair                     // two adjacent stems: "disast manag"
	kindGram                     // a character n-gram of a word: "<dro", "ough"
	kindEmpty                    // the reserved feature of a text without words
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func fnvByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func featureKey(h uint64, k featureKind) uint64 { return h&^3 | uint64(k) }

func kindOf(key uint64) featureKind { return featureKind(key & 3) }

// feature is a feature of a text: how often it occurs and the summed
// weight of the words it came from (1 each in a document; a query weights
// its words).
type feature struct {
	key  uint64
	n, w float32
}

// featureSet counts a text's features in order of first appearance. The
// embedder adds them up in that order, never in map order, so that a text's
// vector is the same down to the last bit every time.
type featureSet struct {
	at   map[uint64]int32
	list []feature
}

func (fs *featureSet) add(key uint64, w float32) {
	i, ok := fs.at[key]
	if !ok {
		i = int32(len(fs.list))
		fs.at[key] = i
		fs.list = append(fs.list, feature{key: key})
	}
	fs.list[i].n++
	fs.list[i].w += w
}

// featureSets recycles the sets: their maps are the embedder's main
// allocation.
var featureSets = sync.Pool{New: func() any { return &featureSet{at: make(map[uint64]int32, 2048)} }}

func (fs *featureSet) release() {
	clear(fs.at)
	fs.list = fs.list[:0]
	featureSets.Put(fs)
}

// features counts the features of a token sequence: each stem, each pair of
// adjacent stems, and the character n-grams (sizes gramMin..gramMax) of each
// word wrapped in boundary marks ("<drought>"), so that prefixes and
// suffixes are features of their own. weight gives each word's weight; nil
// weighs all 1.
func (e *LocalEmbedder) features(toks []token, weight func(stem string) float64) *featureSet {
	fs := featureSets.Get().(*featureSet)
	var prevW float32
	for i, t := range toks {
		w := float32(1)
		if weight != nil {
			w = float32(weight(t.stem))
		}
		fs.add(featureKey(fnvAdd(fnvOffset, t.stem), kindStem), w)
		if i > 0 {
			h := fnvAdd(fnvOffset, toks[i-1].stem)
			h = fnvAdd(fnvByte(h, ' '), t.stem)
			fs.add(featureKey(h, kindPair), (prevW+w)/2)
		}
		e.addGrams(fs, t.word, w)
		prevW = w
	}
	return fs
}

// addGrams counts the character n-grams of "<word>" (bytes, not runes: a
// gram cut inside a multi-byte letter is still a consistent feature).
func (e *LocalEmbedder) addGrams(fs *featureSet, word string, w float32) {
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
	for size := e.gramMin; size > 0 && size <= e.gramMax; size++ {
		for start := 0; start+size <= n; start++ {
			h := uint64(fnvOffset)
			for i := start; i < start+size; i++ {
				h = fnvByte(h, at(i))
			}
			fs.add(featureKey(h, kindGram), w)
		}
	}
}
