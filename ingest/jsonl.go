package ingest

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// record is one line of a JSONL file. authors may be a list of names, a
// list of {"name","affiliation"} objects, or one string ("A and B").
type record struct {
	Title   string          `json:"title"`
	Authors json.RawMessage `json:"authors"`
	Author  json.RawMessage `json:"author"`
	URL     string          `json:"url"`
	Date    string          `json:"date"`
	Text    string          `json:"text"`
}

// parseJSONL reads one article per line. A bad line is a problem of its
// own, named by its line number; the other lines are still read. Blank
// lines are skipped.
func parseJSONL(doc, name string) result {
	var res result
	for n, line := range strings.Split(doc, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		a, err := parseRecord(line)
		if err != nil {
			res.records = append(res.records, Problem{Path: strconv.Itoa(n + 1), Err: fmt.Errorf("%w: %v", ErrBadRecord, err)})
			continue
		}
		res.articles = append(res.articles, a)
	}
	return res
}

func parseRecord(line string) (retrieval.Article, error) {
	var r record
	dec := json.NewDecoder(strings.NewReader(line))
	if err := dec.Decode(&r); err != nil {
		return retrieval.Article{}, fmt.Errorf("invalid JSON: %v", err)
	}
	if dec.More() {
		return retrieval.Article{}, fmt.Errorf("more than one JSON value on the line")
	}
	title := cleanText(r.Title, false)
	if title == "" {
		return retrieval.Article{}, fmt.Errorf("no \"title\"")
	}
	raw := r.Authors
	if len(raw) == 0 {
		raw = r.Author
	}
	authors, err := jsonAuthors(raw)
	if err != nil {
		return retrieval.Article{}, err
	}
	body := normalizeNewlines(r.Text)
	hy := newHyphens(body)
	a := retrieval.Article{Title: title, Authors: authors, URL: r.URL, Date: r.Date}
	a.Text, a.Sections = compose(paragraphs(splitBlocks(body, hy), hy))
	if a.Text == "" {
		return retrieval.Article{}, fmt.Errorf("no \"text\"")
	}
	return a, nil
}

func jsonAuthors(raw json.RawMessage) ([]retrieval.Author, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return splitAuthorList(one), nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, fmt.Errorf("\"authors\" must be a list of names")
	}
	var out []retrieval.Author
	for _, it := range items {
		var name string
		if json.Unmarshal(it, &name) == nil {
			if name = strings.TrimSpace(name); name != "" {
				out = append(out, retrieval.Author{Name: name})
			}
			continue
		}
		var a retrieval.Author
		if err := json.Unmarshal(it, &a); err != nil || strings.TrimSpace(a.Name) == "" {
			return nil, fmt.Errorf("\"authors\": each entry needs a name")
		}
		a.Name, a.Affiliation = strings.TrimSpace(a.Name), strings.TrimSpace(a.Affiliation)
		out = append(out, a)
	}
	return out, nil
}
