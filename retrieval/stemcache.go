package retrieval

import "sync"

// stemCache remembers the stems of words seen before: a collection's
// vocabulary is small next to its word count, and stemming dominated the
// embedder's time. The cache stops growing at stemCacheMax words; later
// new words are stemmed every time, which bounds memory on any input.
var stemCache = struct {
	sync.RWMutex
	m map[string]string
}{m: make(map[string]string)}

const stemCacheMax = 200_000

func cachedStem(word string) string {
	stemCache.RLock()
	s, ok := stemCache.m[word]
	stemCache.RUnlock()
	if ok {
		return s
	}
	s = stemWord(word)
	stemCache.Lock()
	if len(stemCache.m) < stemCacheMax {
		stemCache.m[word] = s
	}
	stemCache.Unlock()
	return s
}
