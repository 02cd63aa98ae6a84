package chat

import (
	"math"
	"sort"
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// An article summary, for readers browsing the collection before they ask
// or brief: the article's key sentences, verbatim and in its own order,
// each with its section and byte offsets into Article.Text (so a reader can
// be taken to it). A sentence is key when its words are the article's
// recurring words: each term weighs by how many of the article's sentences
// hold it, less for terms nearly every sentence holds, and a sentence
// scores the mean weight of its terms, a little more when it opens its
// section. Each section gives its best sentence first, then the best of
// the rest fill up; questions, and sentences that lean on the one before
// or announce a list, are left out as in a brief (brief_topic.go).

// SummaryLen is the number of key sentences Summarize gives by default.
const SummaryLen = 5

const (
	openerBonus     = 0.25 // for a section's first sentence: it often states the theme
	commonShare     = 0.5  // a term in more than this share of sentences says little
	maxSummaryWords = 60   // longer sentences read poorly as a summary
)

// Summary is an article's extractive summary.
type Summary struct {
	ArticleID string             `json:"article_id"`
	Title     string             `json:"title"`
	Authors   []retrieval.Author `json:"authors"`
	Sentences []KeySentence      `json:"sentences"`
}

// KeySentence is one key sentence: Text == Article.Text[Start:End].
type KeySentence struct {
	N       int    `json:"n"`
	Text    string `json:"text"`
	Section string `json:"section"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// Summarize returns up to n key sentences of a (SummaryLen when n <= 0).
func Summarize(a retrieval.Article, n int) Summary {
	if n <= 0 {
		n = SummaryLen
	}
	sum := Summary{ArticleID: a.ID, Title: a.Title, Authors: a.Authors, Sentences: []KeySentence{}}
	if sum.Authors == nil {
		sum.Authors = []retrieval.Author{}
	}
	sents := keyCandidates(a)
	var picked []KeySentence
	for _, pass := range []bool{true, false} {
		for _, s := range sents {
			if len(picked) < n && s.first == pass && !s.taken {
				s.taken = true
				picked = append(picked, s.KeySentence)
			}
		}
	}
	sort.Slice(picked, func(i, j int) bool { return picked[i].Start < picked[j].Start })
	for i := range picked {
		picked[i].N = i + 1
	}
	sum.Sentences = append(sum.Sentences, picked...)
	return sum
}

// keySentence is a sentence that may summarise, with its score; first marks
// the best of its section.
type keySentence struct {
	KeySentence
	score        float64
	first, taken bool
}

// keyCandidates returns the article's summarising sentences, best first.
func keyCandidates(a retrieval.Article) []*keySentence {
	var out []*keySentence
	var terms []map[string]bool
	df := map[string]int{}
	lastSection := -1
	for _, sp := range splitSentences(a.Text) {
		text := a.Text[sp.start:sp.end]
		if !isProse(text) || !startsUpper(text) || !standsAlone(text) ||
			strings.HasSuffix(text, "?") || len(strings.Fields(text)) > maxSummaryWords {
			continue
		}
		sec := sectionAt(a.Sections, sp.start)
		opens := sec != lastSection
		lastSection = sec
		k := &keySentence{KeySentence: KeySentence{Text: text, Start: sp.start, End: sp.end}}
		if sec >= 0 {
			k.Section = a.Sections[sec].Heading
		}
		if opens {
			k.score = openerBonus
		}
		ts := termSet(text)
		for t := range ts {
			df[t]++
		}
		out, terms = append(out, k), append(terms, ts)
	}
	for i, k := range out {
		k.score += meanWeight(terms[i], df, len(out))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	seen := map[string]bool{}
	for _, k := range out {
		k.first = !seen[k.Section]
		seen[k.Section] = true
	}
	return out
}

// meanWeight is the mean weight of a sentence's terms (see above).
func meanWeight(ts map[string]bool, df map[string]int, n int) float64 {
	if len(ts) == 0 || n == 0 {
		return 0
	}
	var w float64
	for t := range ts {
		if share := float64(df[t]) / float64(n); share <= commonShare && !isNumber(t) {
			w += math.Log1p(float64(df[t]))
		}
	}
	return w / float64(len(ts))
}

// sectionAt returns the index of the section holding offset i, or -1.
func sectionAt(secs []retrieval.Section, i int) int {
	for k, s := range secs {
		if s.Start <= i && i < s.End {
			return k
		}
	}
	return -1
}
