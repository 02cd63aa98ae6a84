package loadgen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// ReadQuestions reads the questions to ask from a file: JSONL with a
// "question" field per line (the eval sets' format; other fields are
// ignored) or plain text, one question per line. Blank lines and lines
// starting with # are skipped.
func ReadQuestions(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("questions: %w", err)
	}
	defer f.Close()
	qs, err := ParseQuestions(f)
	if err != nil {
		return nil, fmt.Errorf("questions: %s: %w", path, err)
	}
	return qs, nil
}

// ParseQuestions is ReadQuestions on a reader.
func ParseQuestions(r io.Reader) ([]string, error) {
	var qs []string
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "{") {
			var l struct {
				Question string `json:"question"`
			}
			if err := json.Unmarshal([]byte(line), &l); err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			if line = strings.TrimSpace(l.Question); line == "" {
				return nil, fmt.Errorf("line %d: no \"question\"", n)
			}
		}
		qs = append(qs, line)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("no questions")
	}
	return qs, nil
}
