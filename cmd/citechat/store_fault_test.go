package main

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/citechat/citechat/retrieval"
)

// Store faults: a store file that is damaged or absent at start-up, or
// replaced by a damaged one while serving; a data directory that cannot be
// written. Nothing is ever lost: a store that cannot be read is left
// byte-for-byte as it was, for the operator to inspect or restore.

// damages are ways a store file can be broken.
var damages = map[string]func(good []byte) []byte{
	"junk":      func([]byte) []byte { return []byte("this is not a store") },
	"empty":     func([]byte) []byte { return nil },
	"truncated": func(b []byte) []byte { return b[:len(b)/2] },
	"bit flip": func(b []byte) []byte {
		b = bytes.Clone(b)
		b[len(b)/2] ^= 0x20 // the gzip checksum catches it
		return b
	},
}

func TestStartupRefusesDamagedStoreAndKeepsIt(t *testing.T) {
	for name, damage := range damages {
		t.Run(name, func(t *testing.T) {
			noLeak(t)
			dir := t.TempDir()
			seedStore(t, dir)
			path := filepath.Join(dir, storeFile)
			bad := damage(bundledStore)
			if err := os.WriteFile(path, bad, 0o644); err != nil {
				t.Fatal(err)
			}
			m := &Main{Config: Config{Addr: "127.0.0.1:0", DataDir: dir, Embedder: "local", LLM: "none"},
				Log: slog.New(slog.DiscardHandler)}
			err := m.Run(context.Background())
			if cerr := m.Close(); cerr != nil {
				t.Errorf("close after a failed start: %v", cerr)
			}
			if !errors.Is(err, retrieval.ErrCorruptStore) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "re-ingest") {
				t.Fatalf("start on a %s store: %v; want ErrCorruptStore naming %s and saying what to do", name, err, path)
			}
			sameFiles(t, dir, map[string][]byte{storeFile: bad})
		})
	}
}

// A store replaced by a damaged one while serving is refused by the
// reload; the server keeps answering from the store it has.
func TestReloadKeepsServingWhenTheNewStoreIsDamaged(t *testing.T) {
	noLeak(t)
	dir := t.TempDir()
	seedStore(t, dir)
	l := &live{t: t, logs: &logSink{}}
	l.m = &Main{Config: Config{Addr: "127.0.0.1:0", DataDir: dir, Embedder: "local", LLM: "none"},
		Log: slog.New(slog.NewJSONHandler(l.logs, nil)), ReloadEvery: 20 * time.Millisecond}
	if err := l.m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.m.Close() })
	l.addr = l.m.Addr()

	// As `citechat ingest` would, but with a broken file: write, rename.
	tmp := filepath.Join(dir, "incoming")
	if err := os.WriteFile(tmp, bundledStore[:1000], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, storeFile)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the reload to refuse the damaged store", func() bool {
		return strings.Contains(l.logs.String(), "keeping the current one")
	})
	evs := wsExchange(t, l.wsOpen(nil), "after", rice)
	if done := evs[len(evs)-1]; done.Type != "done" || done.Abstained {
		t.Fatalf("after a bad reload: %s", done.raw)
	}
}

func TestStartupWithoutStoreBootstraps(t *testing.T) {
	noLeak(t)
	dir := filepath.Join(t.TempDir(), "not", "yet", "there")
	l := startLive(t, Config{DataDir: dir})
	if _, err := os.Stat(filepath.Join(dir, storeFile)); err != nil {
		t.Fatalf("no store saved: %v", err)
	}
	resp, err := http.Get(l.base + "/readyz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("readyz: %v %v", resp, err)
	}
	resp.Body.Close()
	if evs := wsExchange(t, l.wsOpen(nil), "q", rice); evs[len(evs)-1].Type != "done" {
		t.Fatalf("answer: %s", evs[len(evs)-1].raw)
	}
}

// sameFiles checks that dir holds exactly the given files with exactly
// these contents: nothing overwritten, no temporary file left behind.
func sameFiles(t *testing.T, dir string, want map[string][]byte) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, e := range entries {
		got[e.Name()] = true
		w, ok := want[e.Name()]
		if !ok {
			t.Errorf("unexpected %s in the data directory", e.Name())
			continue
		}
		if w == nil && e.IsDir() {
			continue // a directory the test put there
		}
		if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err != nil || !bytes.Equal(b, w) {
			t.Errorf("%s changed (%d bytes, want %d; %v)", e.Name(), len(b), len(w), err)
		}
	}
	for name := range want {
		if !got[name] {
			t.Errorf("%s is gone", name)
		}
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}
