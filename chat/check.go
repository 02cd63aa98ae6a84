package chat

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Checking an LLM's answer, one sentence at a time, before it is streamed:
//
//   - markers that point to no source ([7] with four sources) are removed;
//   - a marker is kept only if its passage supports the sentence: at least
//     minCiteSupport of the sentence's content terms occur in the passage;
//   - a sentence left without a supporting marker is re-cited to the passage
//     that supports it best if that one holds minRepairSupport of its terms,
//     and otherwise dropped — a sentence the sources do not bear out is not
//     shown to the reader at all (flagging it inline would still present it
//     as part of a grounded answer). Drops are counted for the notice;
//   - a sentence saying the collection does not cover the question is kept
//     without a marker; an answer made only of such sentences abstains.
//
// The quote of each citation is the passage's sentence that shares most
// terms with the first sentence citing it: verbatim, and the best support.
const (
	minCiteSupport   = 0.5
	minRepairSupport = 0.7
)

// citeRe matches "[2]" and "[2, 3]"; notCoveredRe an answer's admission that
// the passages do not answer the question.
var (
	citeRe       = regexp.MustCompile(`\s*\[(\d+(?:\s*,\s*\d+)*)\]`)
	notCoveredRe = regexp.MustCompile(`(?i)\b(does not|doesn't|do not|don't|cannot|can't|did not) (cover|address|mention|say|contain|provide|specify|discuss|answer|find|state)|\bnot (covered|addressed|mentioned|specified|stated|discussed)\b|\bno (information|mention)\b`)
)

// checker checks sentences against the passages and gathers citations.
type checker struct {
	ev      *evidence
	srcs    []Source
	cites   []Citation
	cited   map[int]bool
	kept    int // sentences kept with citations
	refusal int // sentences kept that say the question is not covered
	dropped int
}

func newChecker(ev *evidence, srcs []Source) *checker {
	return &checker{ev: ev, srcs: srcs, cited: map[int]bool{}}
}

// check returns the sentence as it may be shown, with its markers, or ""
// when it must be dropped.
func (c *checker) check(sentence string) string {
	bare, marks := stripMarkers(sentence)
	terms := contentTerms(bare)
	if bare == "" || len(terms) == 0 {
		return ""
	}
	var keep []int
	for _, n := range marks {
		if n >= 1 && n <= len(c.srcs) && !slices.Contains(keep, n) && c.supportBy(terms, n) >= minCiteSupport {
			keep = append(keep, n)
		}
	}
	if len(keep) == 0 {
		if len(marks) == 0 && notCoveredRe.MatchString(bare) {
			c.refusal++
			return bare
		}
		if n, s := c.bestSource(terms); s >= minRepairSupport {
			keep = []int{n}
		}
	}
	if len(keep) == 0 {
		c.dropped++
		return ""
	}
	for _, n := range keep {
		c.cite(n, terms)
	}
	c.kept++
	return withMarkers(bare, keep)
}

// supportBy is the share of terms found in source n's passage.
func (c *checker) supportBy(terms []string, n int) float64 {
	in := 0
	for _, t := range terms {
		if c.ev.passageTerms(n - 1)[t] {
			in++
		}
	}
	return float64(in) / float64(len(terms))
}

// bestSource returns the source that supports the terms best, and how well.
func (c *checker) bestSource(terms []string) (int, float64) {
	best, bestS := 0, 0.0
	for n := 1; n <= len(c.srcs); n++ {
		if s := c.supportBy(terms, n); s > bestS {
			best, bestS = n, s
		}
	}
	return best, bestS
}

// cite records a citation of source n, quoting its sentence closest to terms.
func (c *checker) cite(n int, terms []string) {
	if c.cited[n] {
		return
	}
	c.cited[n] = true
	c.cites = append(c.cites, citation(c.srcs[n-1], c.ev.closest(n-1, terms)))
}

// stripMarkers removes every marker from a sentence and returns the numbers
// they held, in order.
func stripMarkers(s string) (string, []int) {
	var marks []int
	for _, m := range citeRe.FindAllStringSubmatch(s, -1) {
		for _, f := range strings.Split(m[1], ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil {
				marks = append(marks, n)
			}
		}
	}
	bare := citeRe.ReplaceAllString(s, "")
	bare = strings.NewReplacer(" .", ".", " ,", ",", " ;", ";", " :", ":").Replace(bare)
	return strings.TrimSpace(bare), marks
}

// withMarkers puts "[a][b]" before the sentence's final full stop.
func withMarkers(s string, ns []int) string {
	var m strings.Builder
	for _, n := range ns {
		m.WriteString("[" + strconv.Itoa(n) + "]")
	}
	if s == "" {
		return m.String()
	}
	if last := s[len(s)-1]; last == '.' || last == '!' || last == '?' {
		return s[:len(s)-1] + " " + m.String() + s[len(s)-1:]
	}
	return s + " " + m.String()
}
