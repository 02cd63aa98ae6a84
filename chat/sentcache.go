package chat

import (
	"strings"
	"sync"
)

// sentence is what the answerer knows of one sentence of a passage, worked
// out once: its span, its terms and word pairs, whether it reads as prose,
// its numbers, and the words it writes in lower case. It is never changed
// after it is made, so one copy serves every request.
type sentence struct {
	sp      span // byte range in the passage text
	text    string
	terms   map[string]bool
	bigrams map[string]bool
	prose   bool             // a full sentence, not a heading or a cut-off fragment
	nums    numbers          // the numbers it gives
	lower   []string         // words it writes in lower case after its first
	upper   []string         // words it writes with a capital after its first (lower-cased), if it is prose
	pos     map[string][]int // the token positions of each term
	leans   bool             // its first words refer back to the sentence before ("By 2012, it reached …")
}

// analyseSentences cuts a passage into sentences and reads each.
func analyseSentences(text string) []*sentence {
	var out []*sentence
	for _, sp := range splitSentences(text) {
		t := text[sp.start:sp.end]
		s := &sentence{sp: sp, text: t, terms: map[string]bool{}, bigrams: map[string]bool{}, pos: map[string][]int{},
			prose: isProse(t) && startsUpper(t), nums: numbersIn(t), leans: leansBackRe.MatchString(t)}
		prev := ""
		for i, w := range tokens(t) {
			low := strings.ToLower(w)
			if i > 0 && low == w && w[0] >= 'a' && w[0] <= 'z' {
				s.lower = append(s.lower, w)
			} else if i > 0 && s.prose && low != w {
				s.upper = append(s.upper, low)
			}
			if stopword[low] {
				prev = ""
				continue
			}
			st := stem(low)
			s.terms[st] = true
			s.pos[st] = append(s.pos[st], i)
			if prev != "" {
				s.bigrams[prev+" "+st] = true
			}
			prev = st
		}
		out = append(out, s)
	}
	expandAcronyms(out, acronyms(text))
	return out
}

// maxCached bounds the sentence cache; past it the cache starts afresh
// (a collection's passages are far fewer; this only guards memory).
const maxCached = 20000

// sentenceCache keeps the sentences of passages by chunk ID. Retrieval
// returns the same chunks again and again, and reading their sentences is
// most of the extractive answerer's work. An entry is used only while the
// chunk's text is unchanged (a re-ingest may reuse an ID for new text).
type sentenceCache struct {
	mu sync.Mutex
	m  map[string]cachedChunk
}

type cachedChunk struct {
	text  string
	sents []*sentence
}

// sentences returns the sentences of a chunk's text, from the cache when it
// has them. A nil cache reads the text every time.
func (c *sentenceCache) sentences(id, text string) []*sentence {
	if c == nil || id == "" {
		return analyseSentences(text)
	}
	c.mu.Lock()
	e, ok := c.m[id]
	c.mu.Unlock()
	if ok && e.text == text {
		return e.sents
	}
	sents := analyseSentences(text)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCached {
		c.m = map[string]cachedChunk{}
	}
	c.m[id] = cachedChunk{text, sents}
	c.mu.Unlock()
	return sents
}
