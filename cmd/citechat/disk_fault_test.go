package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Write faults: a data directory that cannot be written and a disk that
// fills up during an ingest.
//
// How they are simulated. The tests run as root, for whom chmod does not
// stop writes, and mounting a read-only or tiny filesystem needs
// privileges a test should not use. What matters is the syscall that
// fails and what the program does then, so:
//
//   - read-only: the store's temporary file (store.gob.gz.tmp, which Save
//     creates next to the store) is a non-empty directory, so creating it
//     fails as on a read-only directory (EISDIR instead of EROFS/EACCES;
//     the same open(2), the same error path); and a data directory whose
//     parent is a regular file cannot be created at all (ENOTDIR);
//   - disk full: the temporary file is a symlink to /dev/full, so the
//     first write fails with the real ENOSPC; and, for a write that fails
//     half-way, a child process ingests under RLIMIT_FSIZE = 64 KiB, so
//     write(2) stops with EFBIG after 64 KiB of the new store is on disk.
//
// In every case the previous store must be byte-for-byte intact, no
// temporary file may be left, and the user must be told plainly.

// blockTemp makes the store's temporary file uncreatable.
func blockTemp(t *testing.T, dir string) {
	t.Helper()
	tmp := filepath.Join(dir, storeFile+".tmp")
	if err := os.MkdirAll(filepath.Join(tmp, "keep"), 0o755); err != nil {
		t.Fatal(err)
	}
}

// newArticleDir holds one article the bundled store does not have.
func newArticleDir(t *testing.T) string {
	src := t.TempDir()
	writeArticle(t, src, "tides.md", "Tidal Energy in Small Harbours", "Mira Okafor",
		"Tidal turbines in small harbours produced steady power for three winters.")
	return src
}

func TestReadOnlyDataDirectory(t *testing.T) {
	noLeak(t)
	dir := t.TempDir()
	seedStore(t, dir)
	blockTemp(t, dir)

	// Serving needs no writes.
	l := startLive(t, Config{DataDir: dir})
	if evs := wsExchange(t, l.wsOpen(nil), "q", rice); evs[len(evs)-1].Type != "done" {
		t.Fatalf("serving from a read-only directory: %s", evs[len(evs)-1].raw)
	}
	// An ingest fails plainly and changes nothing.
	code, _, stderr := runCmd(t, "ingest", "--data", dir, newArticleDir(t))
	if code != exitFailure || !strings.Contains(stderr, "nothing saved") || !strings.Contains(stderr, storeFile+".tmp") {
		t.Fatalf("ingest into a read-only directory: exit %d, %q", code, stderr)
	}
	sameFiles(t, dir, map[string][]byte{storeFile: bundledStore, storeFile + ".tmp": nil})
}

// A first start in a directory that cannot be written still serves, from
// memory, and says so in the log.
func TestReadOnlyDataDirectoryOnFirstStart(t *testing.T) {
	noLeak(t)
	dir := t.TempDir()
	blockTemp(t, dir)
	l := startLive(t, Config{DataDir: dir})
	if !strings.Contains(l.logs.String(), "serving from memory") {
		t.Fatalf("no warning in the log:\n%s", l.logs)
	}
	if evs := wsExchange(t, l.wsOpen(nil), "q", rice); evs[len(evs)-1].Type != "done" {
		t.Fatalf("answer: %s", evs[len(evs)-1].raw)
	}
	sameFiles(t, dir, map[string][]byte{storeFile + ".tmp": nil})
}

// A data directory that cannot exist (its parent is a file) is refused at
// start-up with the path in the message.
func TestDataDirectoryThatCannotExist(t *testing.T) {
	noLeak(t)
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(file, "data")
	m := &Main{Config: Config{Addr: "127.0.0.1:0", DataDir: dir, Embedder: "local", LLM: "none"}, Log: slog.New(slog.DiscardHandler)}
	err := m.Run(context.Background())
	m.Close()
	if err == nil || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "not a directory") {
		t.Fatalf("start in %s: %v", dir, err)
	}
}

func TestDiskFullDuringIngest(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	noLeak(t)
	dir := t.TempDir()
	seedStore(t, dir)
	if err := os.Symlink("/dev/full", filepath.Join(dir, storeFile+".tmp")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "ingest", "--data", dir, newArticleDir(t))
	if code != exitFailure || !strings.Contains(stderr, "nothing saved") || !strings.Contains(stderr, "no space left on device") {
		t.Fatalf("ingest onto a full disk: exit %d, %q", code, stderr)
	}
	sameFiles(t, dir, map[string][]byte{storeFile: bundledStore})
}

// The child process of TestDiskFillsMidWrite: it runs the command line in
// CITECHAT_FAULT_ARGS with files limited to CITECHAT_FAULT_FSIZE bytes.
func TestFaultChild(t *testing.T) {
	args := os.Getenv("CITECHAT_FAULT_ARGS")
	if args == "" {
		t.Skip("only run as TestDiskFillsMidWrite's child")
	}
	var argv []string
	if err := json.Unmarshal([]byte(args), &argv); err != nil {
		t.Fatal(err)
	}
	lim := syscall.Rlimit{Cur: 64 << 10, Max: 64 << 10}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	// The Go runtime ignores SIGXFSZ, so the write returns EFBIG.
	os.Exit(run(context.Background(), argv, os.Stdout, os.Stderr))
}

func TestDiskFillsMidWrite(t *testing.T) {
	noLeak(t)
	dir := t.TempDir()
	seedStore(t, dir)
	if len(bundledStore) <= 64<<10 {
		t.Fatalf("the store (%d bytes) fits under the limit: the test would prove nothing", len(bundledStore))
	}
	argv, _ := json.Marshal([]string{"ingest", "--data", dir, newArticleDir(t)})
	cmd := exec.Command(os.Args[0], "-test.run=^TestFaultChild$")
	cmd.Env = append(os.Environ(), "CITECHAT_FAULT_ARGS="+string(argv))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFailure {
		t.Fatalf("child: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "nothing saved") || !strings.Contains(stderr.String(), "file too large") {
		t.Fatalf("the user is not told: %q", stderr.String())
	}
	sameFiles(t, dir, map[string][]byte{storeFile: bundledStore})
}
