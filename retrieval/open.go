package retrieval

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"

	chromem "github.com/philippgille/chromem-go"
)

// OpenStore loads a store saved by Save, for use with embedder e.
// Outcomes:
//   - the store, with its BM25 index rebuilt from the chunks;
//   - an error wrapping fs.ErrNotExist when there is no file at path;
//   - ErrEmbedderMismatch when another embedder (name, model or
//     dimensions) made the file's vectors — re-ingest to rebuild;
//   - ErrStoreVersion for a file of another store format — re-ingest;
//   - ErrCorruptStore, naming the file, when it is truncated, damaged, not a
//     citechat store, or its documents disagree with its manifest.
//
// It never returns a silently empty store for a file that held data.
func OpenStore(path string, e Embedder) (s *Store, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("open store %s: %w: is a directory", path, ErrCorruptStore)
	}
	defer func() {
		// gob decodes untrusted bytes; whatever it does with them, a bad
		// file must be an error, never a crash.
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("open store %s: %w: %v", path, ErrCorruptStore, r)
		}
	}()
	raw, err := readGzip(path)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w: %v (re-ingest to rebuild it)", path, ErrCorruptStore, err)
	}
	db := chromem.NewDB()
	if err := db.ImportFromReader(bytes.NewReader(raw), ""); err != nil {
		return nil, fmt.Errorf("open store %s: %w: %v (re-ingest to rebuild it)", path, ErrCorruptStore, err)
	}
	s = newStore(e, db)
	if err := s.load(); err != nil {
		var cause *loadError
		if errors.As(err, &cause) {
			err = fmt.Errorf("%w: %v (re-ingest to rebuild it)", ErrCorruptStore, err)
		}
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// loadError marks an inconsistency found while loading, which OpenStore
// reports as ErrCorruptStore.
type loadError struct{ msg string }

func (e *loadError) Error() string { return e.msg }

func corrupt(format string, args ...any) error {
	return &loadError{msg: fmt.Sprintf(format, args...)}
}

// load attaches the imported collections and checks the manifest: format,
// then embedder, then contents.
func (s *Store) load() error {
	s.chunks = s.db.GetCollection(collChunks, s.embedOne)
	s.articles = s.db.GetCollection(collArticles, placeholderEmbedding)
	s.meta = s.db.GetCollection(collMeta, placeholderEmbedding)
	if s.chunks == nil || s.articles == nil || s.meta == nil {
		return corrupt("not a citechat store (collections missing)")
	}
	doc, err := s.meta.GetByID(bg, manifestID)
	if err != nil {
		return corrupt("no manifest")
	}
	if f := doc.Metadata["format"]; f != storeFormat {
		return fmt.Errorf("%w: file has format %q, this build reads %q: re-ingest to rebuild it",
			ErrStoreVersion, f, storeFormat)
	}
	m, err := manifestFromDoc(doc.Metadata)
	if err != nil {
		return corrupt("%v", err)
	}
	if m.Embedder != s.info {
		return fmt.Errorf("%w: its vectors were made by %s, the configured embedder is %s: "+
			"re-ingest to rebuild the store with the configured embedder, or configure %s",
			ErrEmbedderMismatch, m.Embedder, s.info, m.Embedder)
	}
	return s.loadContents(m)
}

// readGzip decompresses a whole file. Reading to the end makes gzip check
// its length and CRC trailer, which catches a file truncated anywhere —
// chromem's own import stops once the gob value is decoded and would accept
// a file missing its last bytes.
func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	return raw, zr.Close()
}
