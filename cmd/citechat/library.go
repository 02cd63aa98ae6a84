package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/citechat/citechat/ingest"
	"github.com/citechat/citechat/retrieval"
)

// storeFile is the single file that holds a collection in the data dir.
const storeFile = "store.gob.gz"

func storePath(c *Config) string { return filepath.Join(c.DataDir, storeFile) }

// bundledRoot names the embedded report as an article source, so Sync can
// tell its articles from those of the operator's own files.
const bundledRoot = "bundled"

// openLibrary opens the store in the data directory. When the directory
// holds no store yet it ingests the bundled report first, so that serve,
// ask and eval work on a fresh clone. If that first store cannot be saved
// (a read-only directory), the in-memory store is still returned, with a
// warning: the user gets answers, and the next start tries again.
func openLibrary(ctx context.Context, c *Config, log *slog.Logger) (*retrieval.Store, error) {
	st, fresh, err := openStore(c)
	if err != nil || !fresh {
		return st, err
	}
	log.Info("no store yet: ingesting the bundled report", "data", c.DataDir)
	articles, problems, err := ingest.LoadFS(ctx, ingest.Bundled(), ".")
	if err != nil {
		return nil, fmt.Errorf("ingest bundled report: %w", err)
	}
	for _, p := range problems {
		log.Warn("bundled report", "problem", p.Error())
	}
	if _, err := ingest.Sync(ctx, st, []string{bundledRoot}, articles, nil); err != nil {
		return nil, fmt.Errorf("ingest bundled report: %w", err)
	}
	if err := saveStore(st, c); err != nil {
		log.Warn("could not save the store; serving from memory", "err", err)
	}
	return st, nil
}

// openStore opens the data directory's store, or returns an empty one
// (fresh is true) when there is none yet. A publisher's first `ingest` starts
// from this empty store: their collection is not mixed with the bundled one.
func openStore(c *Config) (st *retrieval.Store, fresh bool, err error) {
	emb, err := newEmbedder(c)
	if err != nil {
		return nil, false, err
	}
	st, err = retrieval.OpenStore(storePath(c), emb)
	switch {
	case err == nil:
		return st, false, nil
	case errors.Is(err, fs.ErrNotExist):
		st, err = retrieval.NewStore(emb)
		return st, true, err
	}
	return nil, false, err // retrieval names the file and the problem
}

func saveStore(st *retrieval.Store, c *Config) error {
	if err := os.MkdirAll(c.DataDir, 0o755); err != nil {
		return fmt.Errorf("save store: %w", err)
	}
	return st.Save(storePath(c))
}

// newLogger writes text logs to w at the configured level.
func newLogger(c *Config, w io.Writer) *slog.Logger {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(strings.ToUpper(c.LogLevel))); err != nil {
		lvl = slog.LevelInfo
	}
	return slog.New(redacting(slog.NewTextHandler(w, &slog.HandlerOptions{Level: lvl}), c.secrets()))
}
