package ingest

import (
	"fmt"
	"strings"

	"github.com/citechat/citechat/retrieval"
	"gopkg.in/yaml.v3"
)

// frontMatter is the metadata block of a Markdown article:
//
//	---
//	title: Tidal Energy in Small Harbours
//	authors: [Mira Okafor, Jonas Lindqvist]   # or author: "A and B", or
//	date: 2024-05-01                          # a list of {name, affiliation}
//	url: https://example.org/tides
//	---
type frontMatter struct {
	Title, Date, URL string
	Authors          []retrieval.Author
}

// splitFrontMatter separates the front matter from the body. A document
// without a leading "---" line has none; one that opens the block but never
// closes it is broken.
func splitFrontMatter(doc string) (fm frontMatter, body string, err error) {
	rest, ok := strings.CutPrefix(doc, "---\n")
	if !ok {
		return fm, doc, nil
	}
	end, after := -1, 0
	for i := 0; i < len(rest); {
		j := strings.IndexByte(rest[i:], '\n')
		line := rest[i:]
		if j >= 0 {
			line = rest[i : i+j]
		}
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			end, after = i, i+len(line)
			break
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	if end < 0 {
		return fm, "", fmt.Errorf("%w: no closing \"---\" line", ErrFrontMatter)
	}
	fm, err = decodeFrontMatter(rest[:end])
	return fm, strings.TrimPrefix(rest[after:], "\n"), err
}

func decodeFrontMatter(src string) (fm frontMatter, err error) {
	defer func() {
		if r := recover(); r != nil { // yaml.v3 has panicked on hostile input before
			err = fmt.Errorf("%w: %v", ErrFrontMatter, r)
		}
	}()
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		return fm, fmt.Errorf("%w: %v", ErrFrontMatter, err)
	}
	if root.Kind == 0 {
		return fm, nil // empty block
	}
	m := &root
	if m.Kind == yaml.DocumentNode && len(m.Content) == 1 {
		m = m.Content[0]
	}
	if m.Kind != yaml.MappingNode {
		return fm, fmt.Errorf("%w: expected \"key: value\" lines", ErrFrontMatter)
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, val := strings.ToLower(m.Content[i].Value), m.Content[i+1]
		switch key {
		case "title", "date", "url", "link", "canonical_url":
			if val.Kind != yaml.ScalarNode {
				return fm, fmt.Errorf("%w: line %d: %s must be a single value", ErrFrontMatter, val.Line+1, key)
			}
			switch key {
			case "title":
				fm.Title = cleanText(val.Value, true)
			case "date":
				fm.Date = val.Value
			default:
				fm.URL = val.Value
			}
		case "author", "authors":
			authors, err := yamlAuthors(val)
			if err != nil {
				return fm, fmt.Errorf("%w: line %d: %s: %v", ErrFrontMatter, val.Line+1, key, err)
			}
			fm.Authors = append(fm.Authors, authors...)
		}
	}
	return fm, nil
}

// yamlAuthors reads "A", "A and B", "A, B", a list of names, or a list of
// {name, affiliation} maps.
func yamlAuthors(n *yaml.Node) ([]retrieval.Author, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return splitAuthorList(n.Value), nil
	case yaml.SequenceNode:
		var out []retrieval.Author
		for _, item := range n.Content {
			switch item.Kind {
			case yaml.ScalarNode:
				out = append(out, splitAuthorList(item.Value)...)
			case yaml.MappingNode:
				var a struct{ Name, Affiliation string }
				if err := item.Decode(&a); err != nil || strings.TrimSpace(a.Name) == "" {
					return nil, fmt.Errorf("each author needs a name")
				}
				out = append(out, retrieval.Author{Name: strings.TrimSpace(a.Name), Affiliation: strings.TrimSpace(a.Affiliation)})
			default:
				return nil, fmt.Errorf("expected a name or a list of names")
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("expected a name or a list of names")
}

// splitAuthorList splits metadata that names several people in one string.
// Metadata is trusted: the pieces are not checked for the shape of a name.
func splitAuthorList(s string) []retrieval.Author {
	var out []retrieval.Author
	for _, p := range splitNameList(s) {
		if p != "" {
			out = append(out, retrieval.Author{Name: p})
		}
	}
	return out
}
