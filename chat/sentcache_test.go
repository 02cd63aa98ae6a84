package chat

import "testing"

// The cache serves a chunk's sentences again while its text is unchanged,
// and reads them anew when a re-ingest gave the same ID other text.
func TestSentenceCache(t *testing.T) {
	c := &sentenceCache{}
	a := c.sentences("doc.c0", "First one here. Second one here.")
	if b := c.sentences("doc.c0", "First one here. Second one here."); len(b) != 2 || a[0] != b[0] {
		t.Fatalf("second read not served from the cache")
	}
	changed := c.sentences("doc.c0", "Only one now.")
	if len(changed) != 1 || changed[0].text != "Only one now." {
		t.Errorf("changed text served stale sentences: %+v", changed)
	}
	if got := (*sentenceCache)(nil).sentences("x", "A b c. D e f."); len(got) != 2 {
		t.Errorf("nil cache: %d sentences", len(got))
	}
}
