package evalset

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/citechat/citechat/chat"
)

var (
	hyphenBreakRE = regexp.MustCompile(`(\w)-\s*\n\s*\n?\s*(\w)`)
	spaceRE       = regexp.MustCompile(`\s+`)
	quoteFolder   = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, `\$`, "$", "**", "")
)

// normText is score.py's norm_text: repaired hyphenation, folded quotes and
// whitespace, lower case.
func normText(s string) string {
	s = quoteFolder.Replace(s)
	s = hyphenBreakRE.ReplaceAllString(s, "$1$2")
	return strings.ToLower(strings.TrimSpace(spaceRE.ReplaceAllString(s, " ")))
}

// goldAuthors maps a gold article id to its authors' name keys, learned from
// the questions that name a single article.
func goldAuthors(qs []Question) map[string]string {
	out := map[string]string{}
	for _, q := range qs {
		if len(q.Articles) == 1 && len(q.Authors) > 0 {
			out[q.Articles[0]] = nameKeys(q.Authors)
		}
	}
	return out
}

// nameKeys is a set of names compared the way score.py compares them.
func nameKeys(names []string) string {
	keys := make([]string, len(names))
	for i, n := range names {
		keys[i] = strings.ReplaceAll(normTitle(n), " ", "")
	}
	sort.Strings(keys)
	return strings.Join(keys, "|")
}

// markersWithout counts [n] markers with no citation n.
func markersWithout(a *chat.Answer) int {
	ns := map[int]bool{}
	for _, c := range a.Citations {
		ns[c.N] = true
	}
	bad := 0
	for _, m := range markerRE.FindAllStringSubmatch(a.Answer, -1) {
		n, _ := strconv.Atoi(m[1])
		if !ns[n] {
			bad++
		}
	}
	return bad
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if s != "" && x == s {
			return true
		}
	}
	return false
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
