package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/citechat/citechat/ingest"
	"github.com/citechat/citechat/retrieval"
)

// parsedArticle is one element of `ingest --dry-run --json` (shared/BRIEF.md).
type parsedArticle struct {
	ID       string             `json:"id"`
	Title    string             `json:"title"`
	Authors  []retrieval.Author `json:"authors"`
	Part     string             `json:"part"`
	Sections []string           `json:"sections"`
	Chars    int                `json:"chars"`
	Chunks   int                `json:"chunks"`
	Source   string             `json:"source"`
}

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var c Config
	fs := newFlags("ingest", "usage: citechat ingest [--dry-run] [--json] [--replace] PATH...\n\nParses articles (report text, Markdown, text, HTML, PDF, JSONL; directories recursively)\nand adds them to the store in --data. Unchanged articles cost nothing; changed ones are\nreplaced; articles whose files under PATH are gone are removed. Exit status 3 means some\nfiles were skipped.", stderr)
	c.registerCommon(fs)
	dry := fs.Bool("dry-run", false, "parse and report, write nothing")
	asJSON := fs.Bool("json", false, "print the parsed articles as JSON (with --dry-run)")
	replace := fs.Bool("replace", false, "remove every stored article not found in PATHs (default: only those under PATHs)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	if err := c.validate(); err != nil {
		fmt.Fprintln(stderr, "citechat ingest:", err)
		return exitUsage
	}
	start := time.Now()
	articles, problems, err := ingest.Load(ctx, fs.Args()...)
	for _, p := range problems {
		if p.Skipped() {
			fmt.Fprintln(stderr, "skipped:", p.Error())
		} else {
			fmt.Fprintln(stderr, "warning:", p.Error())
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "citechat ingest:", err)
		return exitFailure
	}
	if *dry {
		if *asJSON {
			return printParsed(stdout, stderr, articles, problems)
		}
		fmt.Fprintf(stdout, "parsed %d articles (dry run, nothing written)\n", len(articles))
		return partialIf(problems)
	}
	roots := fs.Args()
	if *replace {
		roots = []string{"/"}
	}
	return ingestInto(ctx, &c, roots, articles, problems, start, stdout, stderr)
}

func printParsed(stdout, stderr io.Writer, articles []retrieval.Article, problems []ingest.Problem) int {
	out := make([]parsedArticle, 0, len(articles))
	for _, a := range articles {
		heads := make([]string, 0, len(a.Sections))
		for _, s := range a.Sections {
			if s.Heading != "" {
				heads = append(heads, s.Heading)
			}
		}
		authors := a.Authors
		if authors == nil {
			authors = []retrieval.Author{}
		}
		out = append(out, parsedArticle{a.ID, a.Title, authors, a.Part, heads, len([]rune(a.Text)), len(ingest.ChunkArticle(a)), a.Source})
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(stderr, "citechat ingest:", err)
		return exitFailure
	}
	return partialIf(problems)
}

// ingestInto syncs the articles into the store and saves it atomically:
// any failure before the rename leaves the previous store file as it was.
func ingestInto(ctx context.Context, c *Config, roots []string, articles []retrieval.Article, problems []ingest.Problem, start time.Time, stdout, stderr io.Writer) int {
	st, _, err := openStore(c)
	if err != nil {
		fmt.Fprintln(stderr, "citechat ingest:", err)
		return exitFailure
	}
	bar := newProgress(stderr, "embedding")
	rep, err := ingest.Sync(ctx, st, roots, articles, bar.update)
	bar.finish()
	if err != nil {
		fmt.Fprintln(stderr, "citechat ingest: nothing saved:", err)
		return exitFailure
	}
	if err := saveStore(st, c); err != nil {
		fmt.Fprintln(stderr, "citechat ingest: nothing saved:", err)
		return exitFailure
	}
	authors := map[string]bool{}
	for _, a := range articles {
		for _, au := range a.Authors {
			authors[au.Name] = true
		}
	}
	fmt.Fprintf(stdout, "%d articles (%d added, %d updated, %d unchanged, %d removed), %d authors, %d new chunks, %d problems, %s\nstore: %s (%d chunks)\n",
		len(articles), rep.Added, rep.Updated, rep.Unchanged, rep.Removed, len(authors), rep.Chunks, len(problems),
		time.Since(start).Round(time.Millisecond), storePath(c), st.Count())
	return partialIf(problems)
}

// partialIf returns exitPartial when a source was skipped.
func partialIf(problems []ingest.Problem) int {
	for _, p := range problems {
		if p.Skipped() {
			return exitPartial
		}
	}
	return exitOK
}

// isTerminal reports whether w is a character device (a terminal), where a
// progress bar helps; in pipes and CI logs it would be noise.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
