package ingest

import (
	"errors"
	"fmt"
)

// Problem is a file (or one line of a JSONL file) that was skipped or only
// partly understood. Load reports one Problem per such source and goes on
// with the other files.
type Problem struct {
	Path string // the file, or "file:line" for one record of a JSONL file
	Err  error
}

func (p Problem) Error() string { return p.Path + ": " + p.Err.Error() }

func (p Problem) Unwrap() error { return p.Err }

// Skipped reports whether the source was left out. Structure problems
// (ErrNoContents, ErrMissingTitles) are warnings: the text was still
// ingested, only less well understood.
func (p Problem) Skipped() bool {
	return !errors.Is(p.Err, ErrNoContents) && !errors.Is(p.Err, ErrMissingTitles)
}

// Errors a caller can branch on with errors.Is(problem.Err, ...). Problems
// for missing or unreadable paths wrap the os error (fs.ErrNotExist,
// fs.ErrPermission) instead.
var (
	ErrUnsupported   = errors.New("unsupported file type")
	ErrTooLarge      = errors.New("file too large")
	ErrBinary        = errors.New("binary file, not text")
	ErrInvalidUTF8   = errors.New("invalid UTF-8")
	ErrEmpty         = errors.New("empty file")
	ErrNoTextLayer   = errors.New("PDF has no text layer (scanned images?); run OCR first")
	ErrBadPDF        = errors.New("unreadable PDF")
	ErrFrontMatter   = errors.New("broken front matter")
	ErrBadRecord     = errors.New("bad JSONL record")
	ErrNoContents    = errors.New("report without a usable contents list; ingested as one plain-text article")
	ErrMissingTitles = errors.New("contents entries not found in the body")
)

// MaxFileSize caps what Load reads of one file. Articles are text; a file
// this large is almost certainly not one, and reading it would hold the
// whole process's memory hostage.
const MaxFileSize = 64 << 20

func tooLarge(size int64) error {
	return fmt.Errorf("%w: %s, the limit is %s", ErrTooLarge, humanSize(size), humanSize(MaxFileSize))
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
