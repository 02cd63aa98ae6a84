package retrieval_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/citechat/citechat/retrieval"
)

// FuzzOpenStore feeds OpenStore damaged store files. The gzip layer catches
// random damage, so the fuzzer mutates what is inside it — the gob'd
// chromem-go export — and gzips that. A damaged file must come back as one
// of OpenStore's documented errors, and a file that opens must answer a
// search; never a panic, a runaway allocation or a hang.
//
//	go test -run '^$' -fuzz '^FuzzOpenStore$' -fuzztime 45s -parallel 2 ./retrieval
func FuzzOpenStore(f *testing.F) {
	f.Add(storeExport(f))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, raw []byte) {
		path := filepath.Join(t.TempDir(), "store.gob.gz")
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(raw)
		zw.Close()
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		// A hang is a failure too: the fuzzer has no deadline of its own,
		// and a panic in another goroutine makes it keep the input.
		hung := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("OpenStore still running after 10s on %d bytes", len(raw))) })
		defer hung.Stop()
		s, err := retrieval.OpenStore(path, retrieval.NewLocalEmbedder())
		if err != nil {
			if !errors.Is(err, retrieval.ErrCorruptStore) && !errors.Is(err, retrieval.ErrStoreVersion) && !errors.Is(err, retrieval.ErrEmbedderMismatch) {
				t.Fatalf("undocumented error: %v", err)
			}
			return
		}
		if _, err := s.Search(context.Background(), retrieval.Query{Text: "harbour power", K: 3}); err != nil {
			t.Fatalf("an opened store cannot search: %v", err)
		}
	})
}

// storeExport is the uncompressed content of a small saved store.
func storeExport(f *testing.F) []byte {
	s, err := retrieval.NewStore(retrieval.NewLocalEmbedder())
	if err != nil {
		f.Fatal(err)
	}
	text := "Tidal turbines produced steady power. Costs fell by a third."
	a := retrieval.Article{ID: "tides", Title: "Tides", Text: text, Authors: []retrieval.Author{{Name: "Mira Okafor"}}}
	chunks := []retrieval.Chunk{{ID: "tides#0", ArticleID: "tides", Title: "Tides", Start: 0, End: 37, Text: text[:37]},
		{ID: "tides#1", ArticleID: "tides", Title: "Tides", Start: 38, End: len(text), Text: text[38:]}}
	if _, err := s.Put(context.Background(), a, chunks); err != nil {
		f.Fatal(err)
	}
	path := filepath.Join(f.TempDir(), "store.gob.gz")
	if err := s.Save(path); err != nil {
		f.Fatal(err)
	}
	file, err := os.Open(path)
	if err != nil {
		f.Fatal(err)
	}
	defer file.Close()
	zr, err := gzip.NewReader(file)
	if err != nil {
		f.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		f.Fatal(err)
	}
	return raw
}
