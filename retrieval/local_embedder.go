package retrieval

import (
	"context"
	"math"
)

// LocalEmbedder is the default embedder: pure Go, deterministic, offline,
// with no model files. A text becomes a bag of features — word stems,
// adjacent stem pairs and character 4-grams of the words — each hashed
// (signed feature hashing) into a fixed number of dimensions with a
// sublinear term weight, then normalised to unit length.
//
// Stems make "cooperation" meet "cooperate"; character n-grams give partial
// credit where the stemmer keeps related words apart ("Vietnamese",
// "Vietnam"); stem pairs reward matching phrases over scattered words.
//
// The vector of a text depends on that text alone, never on the other texts
// in the store, so articles ingested later get vectors comparable with the
// earlier ones. Corpus statistics (IDF) enter only at query time: EmbedQuery
// weights the question's words, and BM25 has its own.
type LocalEmbedder struct {
	dims             int
	w                featureWeights
	gramMin, gramMax int // n-gram sizes; 0 for none
}

// featureWeights are the relative weights of the three feature kinds.
type featureWeights struct{ stem, pair, gram float64 }

// defaultWeights: stems carry the meaning; a stem pair adds a quarter of a
// word for each phrase shared; each character 4-gram adds little (a word
// has several), enough to let "Vietnamese" meet "Vietnam" without drowning
// the stems in hash collisions.
var defaultWeights = featureWeights{stem: 1, pair: 0.25, gram: 0.05}

// LocalDimensions is the size of the local embedder's vectors; see
// docs/benchmarks.md for the measurements behind the choice.
const LocalDimensions = 512

// localModel names the feature set; change it whenever features or weights
// change, so that stores built by an older version are refused.
const localModel = "hash-v2"

// NewLocalEmbedder returns the local embedder with its default settings.
func NewLocalEmbedder() *LocalEmbedder {
	return &LocalEmbedder{dims: LocalDimensions, w: defaultWeights, gramMin: 4, gramMax: 4}
}

// Info names the embedder, its feature set and dimensions.
func (e *LocalEmbedder) Info() EmbedderInfo {
	return EmbedderInfo{Name: "local", Model: localModel, Dimensions: e.dims}
}

// Embed returns one unit vector per text. It never fails except when ctx is
// done. A text without content words gets the vector of a reserved feature,
// so that every vector has unit length as the store requires.
func (e *LocalEmbedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	for i, t := range texts {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		out[i] = e.embed(t, nil)
	}
	return out, nil
}

// EmbedQuery embeds a query whose words weigh weight(stem) each — the
// store passes the words' inverse document frequency, so that a rare word
// of the question counts for more than one every passage shares. Weighting
// the query alone keeps stored vectors independent of the corpus.
func (e *LocalEmbedder) EmbedQuery(ctx context.Context, text string, weight func(stem string) float64) ([]float32, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return e.embed(text, weight), nil
}

func (e *LocalEmbedder) embed(text string, weight func(string) float64) []float32 {
	fs := e.features(tokenize(text), weight)
	defer fs.release()
	if len(fs.list) == 0 {
		fs.add(featureKey(fnvByte(fnvOffset, 0), kindEmpty), 1)
	}
	v := make([]float32, e.dims)
	for _, f := range fs.list {
		// sublinear term frequency, times the mean weight of the words
		n := float64(f.n)
		w := e.kindWeight(kindOf(f.key)) * (1 + math.Log(n)) * float64(f.w) / n
		if f.key>>63 == 1 {
			w = -w
		}
		v[(f.key>>2)%uint64(e.dims)] += float32(w)
	}
	return normalize(v)
}

func (e *LocalEmbedder) kindWeight(k featureKind) float64 {
	switch k {
	case kindPair:
		return e.w.pair
	case kindGram:
		return e.w.gram
	}
	return e.w.stem
}
