package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs the citechat command line in-process.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestHelpForEveryCommand(t *testing.T) {
	for name := range commands() {
		code, _, stderr := runCmd(t, name, "--help")
		if code != exitUsage || !strings.Contains(stderr, "usage: citechat "+name) {
			t.Errorf("%s --help: code %d, stderr %q", name, code, stderr)
		}
	}
	if code, _, stderr := runCmd(t, "frobnicate"); code != exitUsage || !strings.Contains(stderr, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: code %d, stderr %q", code, stderr)
	}
}

// TestIngestDryRunJSONBundledReport checks the parsed report against the
// reference list of articles, titles and authors.
func TestIngestDryRunJSONBundledReport(t *testing.T) {
	data := t.TempDir()
	code, stdout, stderr := runCmd(t, "ingest", "--data", data, "--dry-run", "--json", filepath.Join("..", "..", "ingest", "corpus"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got []parsedArticle
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("output is not a JSON array of articles: %v\n%s", err, stdout)
	}
	var want []struct {
		Title   string   `json:"title"`
		Authors []string `json:"authors"`
	}
	readJSON(t, filepath.Join("..", "..", "testdata", "eval", "articles.json"), &want)
	if len(got) != len(want) {
		t.Fatalf("got %d articles, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if !strings.EqualFold(g.Title, w.Title) && !(i == 0 && strings.EqualFold(g.Title, "foreword")) {
			t.Errorf("article %d: title %q, want %q", i, g.Title, w.Title)
		}
		var names []string
		for _, a := range g.Authors {
			names = append(names, a.Name)
		}
		if strings.Join(names, "|") != strings.Join(w.Authors, "|") {
			t.Errorf("%s: authors %q, want %q", w.Title, names, w.Authors)
		}
		if g.Chunks == 0 || g.Chars == 0 || g.ID == "" {
			t.Errorf("%s: id %q, %d chars, %d chunks", w.Title, g.ID, g.Chars, g.Chunks)
		}
	}
	if entries, _ := os.ReadDir(data); len(entries) != 0 {
		t.Errorf("dry run wrote %d entries to the data dir", len(entries))
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
