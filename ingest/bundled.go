package ingest

import (
	"embed"
	"io/fs"
)

//go:embed corpus
var bundled embed.FS

// Bundled returns the report that ships with citechat (its default
// collection) and its SOURCE.md note, as a read-only file system rooted at
// the corpus directory: LoadFS(ctx, Bundled(), ".") ingests it.
func Bundled() fs.FS {
	sub, err := fs.Sub(bundled, "corpus")
	if err != nil {
		panic("ingest: bundled corpus missing: " + err.Error()) // cannot happen: go:embed checked it at build time
	}
	return sub
}
