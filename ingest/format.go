package ingest

import (
	"path"
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// result is what a format's parser makes of one file.
type result struct {
	articles []retrieval.Article
	err      error     // the file's one problem, if any (articles may still be set)
	records  []Problem // problems of single records (JSONL), Path = line number
}

type parser func(data []byte, name string) result

// formatOf picks the parser for a file by its extension, or nil.
func formatOf(name string) parser {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text":
		return textual(parseText)
	case ".md", ".markdown":
		return textual(parseMarkdown)
	case ".html", ".htm", ".xhtml":
		return textual(parseHTML)
	case ".jsonl", ".ndjson":
		return textual(parseJSONL)
	case ".pdf":
		return parsePDF
	}
	return nil
}

// textual wraps a parser of a text format with the checks every text
// file gets first.
func textual(p func(doc, name string) result) parser {
	return func(data []byte, name string) result {
		if err := checkText(data); err != nil {
			return result{err: err}
		}
		return p(normalizeNewlines(string(data)), name)
	}
}

// parseText reads a .txt file: the report format when it has a contents
// list, plain text otherwise. A report whose list is unusable is still
// ingested, as plain text, with a problem saying so.
func parseText(doc, name string) result {
	articles, isReport, err := parseReport(doc)
	if !isReport {
		return result{articles: []retrieval.Article{parsePlain(doc, name)}}
	}
	if articles == nil {
		return result{articles: []retrieval.Article{parsePlain(doc, name)}, err: err}
	}
	return result{articles: articles, err: err}
}
