package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citechat/citechat/chat"
)

// `citechat brief` on a fresh data directory (the bundled report is
// ingested first), in each format, to stdout and to a file, for a topic
// and for a list of questions.
func TestBriefCommand(t *testing.T) {
	data := t.TempDir()
	code, stdout, stderr := runCmd(t, "brief", "--data", data, "security cooperation")
	if code != exitOK || !strings.HasPrefix(stdout, "# Briefing: Security cooperation\n") ||
		!strings.Contains(stdout, "\n## Who argues what\n") || !strings.Contains(stdout, "\n## Sources\n") {
		t.Fatalf("md: exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
	}

	page := filepath.Join(t.TempDir(), "brief.html")
	code, stdout, stderr = runCmd(t, "brief", "--data", data, "--format", "html", "--out", page, "the digital economy")
	html, err := os.ReadFile(page)
	if code != exitOK || err != nil || stdout != "" || !strings.HasPrefix(string(html), "<!DOCTYPE html>") ||
		!strings.Contains(string(html), "<h1>The digital economy</h1>") {
		t.Fatalf("html: exit %d, stderr %q, stdout %q, file err %v", code, stderr, stdout, err)
	}

	code, stdout, stderr = runCmd(t, "brief", "--data", data, "--format", "json", "quantum computing in Antarctica")
	var ans chat.Answer
	if err := json.Unmarshal([]byte(stdout), &ans); code != exitOK || err != nil || !ans.Abstained ||
		ans.Brief == nil || ans.Brief.NotCovered == "" {
		t.Fatalf("json: exit %d, stderr %q, err %v, answer %+v", code, stderr, err, ans)
	}
}

func TestBriefCommandQuestions(t *testing.T) {
	dir := t.TempDir()
	qs := filepath.Join(dir, "asean-questions.txt")
	lines := "# questions for the meeting\n" +
		"When did China and ASEAN establish dialogue relations?\n\n" +
		`{"id":"trade","question":"How large is trade between China and ASEAN?"}` + "\n" +
		"{not json\n"
	if err := os.WriteFile(qs, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(t, "brief", "--data", t.TempDir(), "--format", "json", "--questions", qs)
	if code != exitPartial || !strings.Contains(stderr, "asean-questions.txt:5: not a JSON question line") {
		t.Fatalf("exit %d (want %d for the bad line), stderr %q", code, exitPartial, stderr)
	}
	var ans chat.Answer
	if err := json.Unmarshal([]byte(stdout), &ans); err != nil || ans.Brief == nil {
		t.Fatalf("not an answer object with a brief: %v\n%s", err, stdout)
	}
	qs2 := ans.Brief.Questions
	if ans.Brief.Title != "Briefing: Asean questions" || len(qs2) != 2 || qs2[0].ID != "q2" || qs2[1].ID != "trade" {
		t.Fatalf("title %q, questions %+v", ans.Brief.Title, qs2)
	}
	for _, q := range qs2 {
		if q.Abstained || len(q.Answer.Cites) == 0 || !strings.Contains(ans.Answer, "## "+q.Question+"\n") {
			t.Errorf("question %q: abstained %v, cites %v", q.Question, q.Abstained, q.Answer.Cites)
		}
	}
}

func TestBriefCommandUsage(t *testing.T) {
	for _, args := range [][]string{
		{"brief"},
		{"brief", "--questions", "q.txt", "a topic"},
		{"brief", "--format", "pdf", "a topic"},
	} {
		if code, _, stderr := runCmd(t, args...); code != exitUsage || !strings.Contains(stderr, "usage: citechat brief") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
	code, _, stderr := runCmd(t, "brief", "--data", t.TempDir(), "--questions", filepath.Join(t.TempDir(), "missing.txt"))
	if code != exitFailure || !strings.Contains(stderr, "missing.txt") {
		t.Errorf("missing file: exit %d, stderr %q", code, stderr)
	}
}
