// Package evalset reads a gold question set (the JSONL format of
// testdata/eval/dev.jsonl) and scores ranked sources against it with the
// retrieval metrics of testdata/eval/README.md: recall@1/3/5, MRR and
// evidence-in-top-5. Articles are matched by normalised title, exactly as
// the product owner's score.py does, so a project's own article ids never
// matter.
package evalset

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// Question is one line of a question set.
type Question struct {
	ID         string   `json:"id"`
	Question   string   `json:"question"`
	History    []Turn   `json:"history,omitempty"`
	Answerable bool     `json:"answerable"`
	Articles   []string `json:"articles"` // gold article numbers ("1.1", "foreword")
	Titles     []string `json:"titles"`   // their exact titles, parallel to Articles
	Authors    []string `json:"authors"`
	Evidence   string   `json:"evidence"`
	Keywords   []string `json:"keywords"`
	Kind       string   `json:"kind"`
}

// Turn is an earlier question and its answer, for follow-ups.
type Turn struct {
	Q string `json:"q"`
	A string `json:"a"`
}

// Load reads a question set file.
func Load(path string) ([]Question, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load question set: %w", err)
	}
	defer f.Close()
	qs, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("load question set %s: %w", path, err)
	}
	return qs, nil
}

// Read parses a question set: one JSON object a line, blank lines skipped.
// A line that does not parse, or a question without id or text, is an
// error naming the line.
func Read(r io.Reader) ([]Question, error) {
	var qs []Question
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var q Question
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if q.ID == "" || strings.TrimSpace(q.Question) == "" {
			return nil, fmt.Errorf("line %d: question without id or text", n)
		}
		if len(q.Titles) != len(q.Articles) {
			return nil, fmt.Errorf("line %d: %d titles for %d articles", n, len(q.Titles), len(q.Articles))
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return qs, nil
}

// SearchText is what a retrieval-only evaluation searches for: the
// question, preceded for a follow-up by the earlier turns, whose words say
// what "it" and "they" refer to.
func (q Question) SearchText() string {
	var parts []string
	for _, t := range q.History {
		parts = append(parts, t.Q, t.A)
	}
	return strings.Join(append(parts, q.Question), " ")
}
