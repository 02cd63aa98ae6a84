package ingest

import (
	"strings"
	"testing"
)

// TestHostileInputs feeds the parsers inputs built to defeat naive
// scanning — thousands of unclosed brackets, hyphen breaks, continuation
// lines, contents entries that never appear — and checks the results keep
// their invariants. A quadratic path would make this test time out rather
// than fail an assertion.
func TestHostileInputs(t *testing.T) {
	var distinct strings.Builder
	for i := range 5000 {
		distinct.WriteString("self-\n\nx" + strings.Repeat("q", i%40) + " ")
	}
	for name, doc := range map[string]string{
		"bangs":            strings.Repeat("!", 200_000),
		"no spaces":        strings.Repeat("x", 200_000),
		"hyphen breaks":    strings.Repeat("self-\n\nsufficient a-\n\nb ", 10_000),
		"distinct hyphens": distinct.String(),
		"brackets":         strings.Repeat("[", 100_000) + "]",
		"angles":           strings.Repeat("<a", 50_000),
		"backticks":        strings.Repeat("` ``", 25_000),
		"continuations":    strings.Repeat("and more\n\n", 20_000),
		"missing titles":   "CONTENTS\n\n" + strings.Repeat("1.1 A Title Never Seen /02\n\nAnn Lee\n\n", 2000) + strings.Repeat("Some Heading\n\nText.\n\n", 2000),
	} {
		t.Run(name, func(t *testing.T) {
			for _, res := range []result{parseText(doc, "h.txt"), parseMarkdown(doc, "h.md"), parseHTML(doc, "h.html")} {
				for _, a := range res.articles {
					checkArticle(t, a)
				}
			}
		})
	}
}
