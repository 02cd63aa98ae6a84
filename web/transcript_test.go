package web

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/transcript.golden")

// TestTranscript records a websocket conversation with the fake answerer
// and compares it with testdata/transcript.golden, which docs/protocol.md
// quotes. Regenerate with: go test ./web -run TestTranscript -update
func TestTranscript(t *testing.T) {
	h := start(t, Config{})
	ws := h.dial(nil)
	var b strings.Builder
	say := func(msg string) {
		b.WriteString("> " + msg + "\n")
		send(t, ws, msg)
	}
	hear := func(id string) {
		for _, ev := range readUntil(t, ws, id) {
			b.WriteString("< " + ev.raw + "\n")
		}
	}
	say(`{"type":"ask","id":"q1","question":"Why write tests?"}`)
	hear("q1")
	say(`{"type":"ask","id":"q2","question":"Who says so?"}`)
	hear("q2")
	say(`{"type":"ask","id":"q3","question":"block: a long answer"}`)
	b.WriteString("< " + read(t, ws).raw + "\n< " + read(t, ws).raw + "\n")
	say(`{"type":"cancel","id":"q3"}`)
	hear("q3")
	say(`{"type":"ask","id":"q4","question":""}`)
	hear("q4")
	say(`{"type":"ask","question":"Where is my id?"}`)
	hear("")

	got := b.String()
	path := filepath.Join("testdata", "transcript.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("transcript differs from %s (run with -update if the change is intended):\n%s", path, got)
	}
}
