package retrieval

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

var persistQueries = []Query{
	{Text: "alternate wetting and drying irrigation"},
	{Text: "How long did ships wait outside the port?", K: 3},
	{Text: "cooperative members vote", Authors: []string{"Julia Novak"}},
	{Text: "coral fragments survive", Method: MethodBM25},
	{Text: "vaccines cold chain", Method: MethodDense, K: 20},
}

func savedStore(t *testing.T) (*Store, string) {
	t.Helper()
	s := fixtureStore(t)
	path := filepath.Join(t.TempDir(), "store.gob.gz")
	if err := s.Save(path); err != nil {
		t.Fatal(err)
	}
	return s, path
}

// A store saved and opened again holds the same articles and answers every
// query exactly as before.
func TestRestartAnswersTheSame(t *testing.T) {
	s, path := savedStore(t)
	r, err := OpenStore(path, NewLocalEmbedder())
	if err != nil {
		t.Fatal(err)
	}
	if r.Count() != s.Count() || !reflect.DeepEqual(r.Articles(), s.Articles()) {
		t.Fatalf("reopened store: %d chunks, articles equal %v", r.Count(), reflect.DeepEqual(r.Articles(), s.Articles()))
	}
	for _, q := range persistQueries {
		before, after := search(t, s, q), search(t, r, q)
		if len(before) == 0 || !reflect.DeepEqual(before, after) {
			t.Errorf("%+v:\nbefore %v\nafter  %v", q, ids(before), ids(after))
		}
	}
	// The reopened store keeps working: a Put and a Remove, saved again.
	ctx := context.Background()
	if err := r.Remove(ctx, "ports"); err != nil {
		t.Fatal(err)
	}
	if err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	r2, err := OpenStore(path, NewLocalEmbedder())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r2.Article("ports"); ok || r2.Count() != s.Count()-3 {
		t.Errorf("after Remove and Save: %d chunks, ports present %v", r2.Count(), ok)
	}
}

func TestOpenMissingFile(t *testing.T) {
	_, err := OpenStore(filepath.Join(t.TempDir(), "none.gob.gz"), NewLocalEmbedder())
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want fs.ErrNotExist", err)
	}
}

// A failed save leaves the previous file intact and loadable.
func TestCrashDuringSaveKeepsOldStore(t *testing.T) {
	s, path := savedStore(t)
	old, _ := os.ReadFile(path)

	// The save cannot create its temporary file (a directory squats on the
	// name), as if the disk failed mid-write.
	if err := os.Mkdir(path+".tmp", 0o755); err != nil {
		t.Fatal(err)
	}
	s.Remove(context.Background(), "rice")
	if err := s.Save(path); err == nil {
		t.Fatal("Save succeeded without its temp file")
	}
	if now, _ := os.ReadFile(path); string(now) != string(old) {
		t.Fatal("a failed save changed the store file")
	}
	os.Remove(path + ".tmp")

	// A process killed mid-write leaves a truncated temp file; opening
	// ignores it and the next save replaces it.
	if err := os.WriteFile(path+".tmp", old[:len(old)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := OpenStore(path, NewLocalEmbedder())
	if err != nil {
		t.Fatalf("old store after interrupted save: %v", err)
	}
	if _, ok := r.Article("rice"); !ok {
		t.Error("old store lost an article")
	}
	if err := s.Save(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".tmp"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("temp file left behind: %v", err)
	}
	if r, err := OpenStore(path, NewLocalEmbedder()); err != nil || r.Count() != s.Count() {
		t.Errorf("new store: %v", err)
	}
}

// A damaged file is refused with ErrCorruptStore naming it — never opened
// as an empty or partial index, never a panic.
func TestOpenCorruptStore(t *testing.T) {
	_, path := savedStore(t)
	good, _ := os.ReadFile(path)
	flipped := []byte(string(good))
	flipped[len(flipped)/2] ^= 0xff
	cases := map[string][]byte{
		"empty":       {},
		"garbage":     []byte("this is not a store"),
		"gzip header": good[:10],
		"flipped":     flipped,
	}
	for _, cut := range []int{20, len(good) / 4, len(good) / 2, len(good) - 9} {
		cases["truncated "+strconv.Itoa(cut)] = good[:cut]
	}
	for name, data := range cases {
		bad := filepath.Join(t.TempDir(), "bad.gob.gz")
		os.WriteFile(bad, data, 0o644)
		s, err := OpenStore(bad, NewLocalEmbedder())
		if !errors.Is(err, ErrCorruptStore) || !strings.Contains(err.Error(), bad) {
			t.Errorf("%s: store %v, err = %v; want ErrCorruptStore naming the file", name, s != nil, err)
		}
	}
	if _, err := OpenStore(t.TempDir(), NewLocalEmbedder()); !errors.Is(err, ErrCorruptStore) {
		t.Errorf("directory: err = %v", err)
	}
}

// A store made by another embedder is refused with a message that says to
// re-ingest.
func TestOpenWithOtherEmbedder(t *testing.T) {
	_, path := savedStore(t)
	others := []Embedder{
		&LocalEmbedder{dims: 2 * LocalDimensions, w: NewLocalEmbedder().w},
		NewLangchainEmbedder(nil, EmbedderInfo{Name: "openai", Model: "text-embedding-3-small", Dimensions: LocalDimensions}),
	}
	for _, e := range others {
		_, err := OpenStore(path, e)
		if !errors.Is(err, ErrEmbedderMismatch) || !strings.Contains(err.Error(), "re-ingest") {
			t.Errorf("%s: err = %v", e.Info(), err)
		}
	}
}

// A file whose documents disagree with its manifest, or of another format
// version, is refused too.
func TestOpenInconsistentStore(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	// Drop a chunk behind the store's back: the manifest still counts it.
	if err := s.chunks.Delete(ctx, nil, nil, "rice-0"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "s.gob.gz")
	s.Save(path)
	if _, err := OpenStore(path, NewLocalEmbedder()); !errors.Is(err, ErrCorruptStore) {
		t.Errorf("missing chunk: err = %v", err)
	}

	s = fixtureStore(t)
	m := manifest{Format: "999", Embedder: s.info}
	s.meta.AddDocument(ctx, m.doc())
	s.Save(path)
	if _, err := OpenStore(path, NewLocalEmbedder()); !errors.Is(err, ErrStoreVersion) || !strings.Contains(err.Error(), "re-ingest") {
		t.Errorf("format 999: err = %v", err)
	}
}

func TestSaveEmptyStore(t *testing.T) {
	s, _ := NewStore(NewLocalEmbedder())
	path := filepath.Join(t.TempDir(), "empty.gob.gz")
	if err := s.Save(path); err != nil {
		t.Fatal(err)
	}
	r, err := OpenStore(path, NewLocalEmbedder())
	if err != nil || r.Count() != 0 || len(r.Articles()) != 0 {
		t.Fatalf("empty store reopened: %v", err)
	}
}
