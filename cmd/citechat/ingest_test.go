package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeArticle(t *testing.T, dir, name, title, author, body string) {
	t.Helper()
	md := "---\ntitle: " + title + "\nauthor: " + author + "\n---\n\n## Findings\n\n" + body + "\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestIngestIsIncremental: unchanged articles are left alone, changed ones
// replaced, deleted files removed; a first ingest starts an empty store.
func TestIngestIsIncremental(t *testing.T) {
	data, src := t.TempDir(), t.TempDir()
	writeArticle(t, src, "tides.md", "Tidal Energy in Small Harbours", "Mira Okafor", "Tidal turbines in small harbours produced steady power for three winters. Maintenance costs fell by a third after the second year.")
	writeArticle(t, src, "bees.md", "Urban Beekeeping and Pollination", "Jonas Lindqvist", "Rooftop hives raised the pollination of city gardens. Beekeepers reported healthier colonies where flowering plants were diverse.")

	code, out, stderr := runCmd(t, "ingest", "--data", data, src)
	if code != exitOK || !strings.Contains(out, "2 added") {
		t.Fatalf("first ingest: exit %d\n%s\n%s", code, out, stderr)
	}
	code, out, _ = runCmd(t, "ingest", "--data", data, src)
	if code != exitOK || !strings.Contains(out, "2 unchanged") || !strings.Contains(out, "0 new chunks") {
		t.Fatalf("second ingest should do no work: exit %d\n%s", code, out)
	}
	writeArticle(t, src, "bees.md", "Urban Beekeeping and Pollination", "Jonas Lindqvist", "Rooftop hives doubled the pollination of allotments.")
	if err := os.Remove(filepath.Join(src, "tides.md")); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCmd(t, "ingest", "--data", data, src)
	if code != exitOK || !strings.Contains(out, "1 updated") || !strings.Contains(out, "1 removed") {
		t.Fatalf("third ingest: exit %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "ask", "--data", data, "--json", "How much did rooftop hives raise the pollination of allotments?")
	if code != exitOK || !strings.Contains(out, "doubled") {
		t.Fatalf("ask after update: exit %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "ask", "--data", data, "--json", "What did the foreword say about the China-ASEAN relationship?")
	if code != exitOK || !strings.Contains(out, `"abstained":true`) {
		t.Fatalf("a publisher's own store must not contain the bundled report: exit %d\n%s", code, out)
	}
}

// TestIngestSkipsBadFiles: a bad file is named with its problem, the good
// ones are still ingested, and the exit status says something was skipped.
func TestIngestSkipsBadFiles(t *testing.T) {
	data, src := t.TempDir(), t.TempDir()
	writeArticle(t, src, "good.md", "Harbour Cranes", "Ana Sousa", "Electric cranes cut harbour emissions by forty percent.")
	if err := os.WriteFile(filepath.Join(src, "bad.jsonl"), []byte("{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCmd(t, "ingest", "--data", data, src, filepath.Join(src, "missing.md"))
	if code != exitPartial {
		t.Fatalf("exit %d, want %d\n%s\n%s", code, exitPartial, out, stderr)
	}
	if !strings.Contains(stderr, "bad.jsonl") || !strings.Contains(stderr, "missing.md") {
		t.Errorf("stderr should name both bad inputs:\n%s", stderr)
	}
	if !strings.Contains(out, "1 added") {
		t.Errorf("the good file should be ingested:\n%s", out)
	}
}
