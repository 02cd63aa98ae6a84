package ingest

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestBadInput: each kind of bad file gives exactly one Problem naming it,
// with an error the caller can branch on, and the good file next to them
// is still ingested.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "good.md", "---\ntitle: Harbour Cranes\nauthor: Ana Sousa\n---\n\nElectric cranes cut harbour emissions by forty percent.\n")
	cases := map[string]error{
		write(t, dir, "binary.txt", "PK\x03\x04\x00\x00binary zip"):                           ErrBinary,
		write(t, dir, "latin1.txt", "Title\n\nCaf\xe9 au lait.\n"):                            ErrInvalidUTF8,
		write(t, dir, "empty.md", ""):                                                         ErrEmpty,
		write(t, dir, "blank.txt", " \n\n\t\n"):                                               ErrEmpty,
		write(t, dir, "unclosed.md", "---\ntitle: Never closed\n\nBody text.\n"):              ErrFrontMatter,
		write(t, dir, "badyaml.md", "---\ntitle: [unbalanced\n---\n\nBody text.\n"):           ErrFrontMatter,
		write(t, dir, "badauthor.md", "---\ntitle: T\nauthors: {a: 1}\n---\n\nBody.\n"):       ErrFrontMatter,
		write(t, dir, "only-front-matter.md", "---\ntitle: Nothing else\n---\n"):              ErrEmpty,
		write(t, dir, "fake.pdf", "this is not a PDF at all"):                                 ErrBadPDF,
		write(t, dir, "cut.pdf", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog"):                      ErrBadPDF,
		write(t, dir, "scan.pdf", string(buildPDF("Scanned", "Nobody", pdfPage{}))):           ErrNoTextLayer,
		write(t, dir, "records.jsonl", `{"title": "T", "text": "Fine."}`+"\n"+`{"title": 3}`): ErrBadRecord,
	}
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil { // sparse: 1 GB that takes no disk
		t.Fatal(err)
	}
	f.Close()
	cases[huge] = ErrTooLarge
	missing := filepath.Join(dir, "missing.md")
	cases[missing] = fs.ErrNotExist

	articles, problems, err := Load(context.Background(), dir, missing)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]error{}
	for _, p := range problems {
		path := strings.TrimSuffix(p.Path, ":2") // the JSONL problem names its line
		if _, dup := got[path]; dup {
			t.Errorf("two problems for %s", path)
		}
		got[path] = p.Err
		if !strings.HasPrefix(p.Error(), p.Path+": ") {
			t.Errorf("Problem.Error() = %q does not start with the path", p.Error())
		}
	}
	for path, want := range cases {
		if err, ok := got[path]; !ok || !errors.Is(err, want) {
			t.Errorf("%s: problem %v, want %v", filepath.Base(path), err, want)
		}
	}
	if len(problems) != len(cases) {
		t.Errorf("%d problems, want %d: %v", len(problems), len(cases), problems)
	}
	titles := map[string]bool{}
	for _, a := range articles {
		titles[a.Title] = true
	}
	if !titles["Harbour Cranes"] || !titles["T"] {
		t.Errorf("the good file and the good record should be ingested; got %v", titles)
	}
	if strings.Contains(got[huge].Error(), "1.0 GB") == false {
		t.Errorf("the size problem should say how big: %v", got[huge])
	}
}

// TestUnreadable: a file that cannot be opened is a problem, not a failure.
func TestUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode")
	}
	dir := t.TempDir()
	p := write(t, dir, "secret.txt", "Secret\n\nText.\n")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	_, problems, _ := Load(context.Background(), dir)
	if len(problems) != 1 || !errors.Is(problems[0].Err, fs.ErrPermission) {
		t.Errorf("problems %v", problems)
	}
}

// TestTooLargeReader: the size cap holds even when a file system does not
// report sizes (an fs.FS may not).
func TestTooLargeReader(t *testing.T) {
	_, err := readAllLimited(zeroReader{})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err %v", err)
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestWalk: directories are walked recursively in lexical order; hidden
// files, notes and unknown formats are skipped silently; a named file of an
// unknown format is a problem. Sources are the given path joined with the
// file's path.
func TestWalk(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b/second.txt", "Second\n\nThe second article.\n")
	write(t, dir, "a/first.md", "# First\n\nThe first article.\n")
	write(t, dir, ".git/HEAD.txt", "Hidden\n\nNot an article.\n")
	write(t, dir, "README.md", "# About these files\n\nNot an article.\n")
	write(t, dir, "SOURCE.md", "# Where they came from\n\nNot an article.\n")
	write(t, dir, "logo.png", "\x89PNG")
	sheet := write(t, t.TempDir(), "sheet.xlsx", "PK")
	articles, problems, err := Load(context.Background(), dir, sheet)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range articles {
		got = append(got, a.Title+" @ "+a.Source)
	}
	want := []string{"First @ " + filepath.Join(dir, "a", "first.md"), "Second @ " + filepath.Join(dir, "b", "second.txt")}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("articles:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(problems) != 1 || problems[0].Path != sheet || !errors.Is(problems[0].Err, ErrUnsupported) {
		t.Errorf("problems %v", problems)
	}
}

// TestIDsAndHashes: IDs are slugs of titles, unique in a collection and
// the same on every load; the hash changes with the text and only then.
func TestIDsAndHashes(t *testing.T) {
	fsys := fstest.MapFS{
		"one.txt":   {Data: []byte("What's \"New\" in Ports?\n\nCranes are electric now.\n")},
		"two.txt":   {Data: []byte("What's New in Ports\n\nShips plug in at the quay.\n")},
		"three.txt": {Data: []byte("Ports: A Very Long Title That Goes On and On About Harbours, Cranes, Ships and the Grid Beyond\n\nText.\n")},
	}
	load := func() map[string]string {
		articles, problems, err := LoadFS(context.Background(), fsys, ".")
		if err != nil || len(problems) > 0 {
			t.Fatal(err, problems)
		}
		out := map[string]string{}
		for _, a := range articles {
			out[a.Source] = a.ID + " " + a.Hash
		}
		return out
	}
	first := load()
	ids := map[string]string{}
	for src, v := range first {
		ids[src] = strings.Fields(v)[0]
	}
	if ids["one.txt"] != "whats-new-in-ports" || ids["two.txt"] != "whats-new-in-ports-2" {
		t.Errorf("ids %v", ids)
	}
	if id := ids["three.txt"]; len(id) > maxSlug || strings.HasSuffix(id, "-") || !strings.HasPrefix(id, "ports-a-very-long-title") {
		t.Errorf("long title id %q", id)
	}
	if again := load(); !equalMaps(first, again) {
		t.Errorf("a second load differs: %v vs %v", first, again)
	}
	fsys["two.txt"] = &fstest.MapFile{Data: []byte("What's New in Ports\n\nShips plug in at the quay at night.\n")}
	changed := load()
	if changed["two.txt"] == first["two.txt"] || changed["one.txt"] != first["one.txt"] {
		t.Errorf("only two.txt's hash should change: %v -> %v", first, changed)
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestLoadCancelled: a cancelled context stops the load with its error.
func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Load(ctx, "testdata/formats"); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v", err)
	}
	if _, _, err := LoadFS(ctx, Bundled(), "."); !errors.Is(err, context.Canceled) {
		t.Errorf("LoadFS err %v", err)
	}
}
