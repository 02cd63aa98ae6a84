package evalset

import (
	"regexp"
	"strings"
)

// Catalogue maps titles to gold article ids the way score.py's Articles
// class does: exact normalised title first, "foreword"/"preface"/
// "introduction" for the foreword, else the best word-set Jaccard overlap
// of at least 0.6.
type Catalogue struct {
	ids    []string
	titles []string // normalised
}

// CatalogueOf builds the catalogue from the gold titles named in a set.
func CatalogueOf(qs []Question) *Catalogue {
	c := &Catalogue{}
	seen := make(map[string]bool)
	for _, q := range qs {
		for i, id := range q.Articles {
			if !seen[id] {
				seen[id] = true
				c.ids = append(c.ids, id)
				c.titles = append(c.titles, normTitle(q.Titles[i]))
			}
		}
	}
	return c
}

// Match returns the gold id of a title a project reported, or "".
func (c *Catalogue) Match(title string) string {
	t := normTitle(title)
	if t == "" {
		return ""
	}
	best, score := "", 0.0
	tw := wordSet(t)
	for i, g := range c.titles {
		if t == g {
			return c.ids[i]
		}
		if c.ids[i] == "foreword" && (t == "foreword" || t == "preface" || t == "introduction") {
			return c.ids[i]
		}
		if j := jaccard(tw, wordSet(g)); j > score {
			best, score = c.ids[i], j
		}
	}
	if score >= 0.6 {
		return best
	}
	return ""
}

var (
	dashes    = regexp.MustCompile(`[\x{2010}-\x{2015}-]`)
	nonWord   = regexp.MustCompile(`[^\p{L}\p{N}_\s]`)
	spaceRuns = regexp.MustCompile(`\s+`)
)

// normTitle is score.py's norm: lowercase, quotes and dashes folded,
// punctuation to spaces, spaces collapsed. (score.py applies NFKC first;
// the titles of a collection's articles rarely hold compatibility
// characters, and x/text is not worth a dependency for them.)
func normTitle(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
	s = dashes.ReplaceAllString(s, "-")
	s = nonWord.ReplaceAllString(s, " ")
	return strings.TrimSpace(spaceRuns.ReplaceAllString(s, " "))
}

// normTokens is score.py's tokens: the set of words of the normalised text.
func normTokens(s string) map[string]bool { return wordSet(normTitle(s)) }

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}
