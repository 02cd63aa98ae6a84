package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citechat/citechat/retrieval"
)

var update = flag.Bool("update", false, "rewrite the golden files (and generated fixtures) in testdata")

// goldenArticle is what a golden file records of an article: all of it,
// and where its chunks fall.
type goldenArticle struct {
	retrieval.Article
	Chunks []goldenChunk `json:"chunks"`
}

type goldenChunk struct {
	ID      string `json:"id"`
	Section string `json:"section"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

type golden struct {
	Articles []goldenArticle `json:"articles"`
	Problems []string        `json:"problems"`
}

// TestGolden loads each fixture under testdata/formats and compares the
// articles, chunks and problems with FILE.golden.json. Run with -update to
// rewrite the golden files after a deliberate change, then read the diff.
func TestGolden(t *testing.T) {
	if *update {
		writePDFFixture(t)
	}
	files, err := filepath.Glob("testdata/formats/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".golden.json") {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			got := goldenOf(t, f)
			want, err := os.ReadFile(f + ".golden.json")
			if *update {
				if err := os.WriteFile(f+".golden.json", got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s.golden.json; run go test -update and review the diff:\n%s", f, f, firstDiff(got, want))
			}
		})
	}
}

func goldenOf(t *testing.T, path string) []byte {
	t.Helper()
	articles, problems, err := Load(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	g := golden{Articles: []goldenArticle{}, Problems: []string{}}
	for _, a := range articles {
		ga := goldenArticle{Article: a, Chunks: []goldenChunk{}}
		for _, c := range ChunkArticle(a) {
			ga.Chunks = append(ga.Chunks, goldenChunk{c.ID, c.Section, c.Start, c.End})
		}
		g.Articles = append(g.Articles, ga)
	}
	for _, p := range problems {
		g.Problems = append(g.Problems, filepath.ToSlash(p.Error()))
	}
	out, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}

// firstDiff shows the first differing line of two outputs.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// writePDFFixture (re)generates testdata/formats/text.pdf, a PDF with a
// text layer whose lines wrap mid-word and whose paragraph crosses a page.
func writePDFFixture(t *testing.T) {
	t.Helper()
	pdf := buildPDF("Harbour Notes", "Ana Sousa and Ben Ode",
		pdfPage{
			"Electric cranes cut harbour emissions by forty",
			"percent in two years, and the battery store took the",
			"peaks off the grid connection.",
			"",
			"Operators report that maintenance is simpler, be-",
			"cause electric drives have fewer moving parts than",
		},
		pdfPage{
			"diesel engines do. Noise at night fell as well.",
		})
	if err := os.WriteFile("testdata/formats/text.pdf", pdf, 0o644); err != nil {
		t.Fatal(err)
	}
}
