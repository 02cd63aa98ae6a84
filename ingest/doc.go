// Package ingest turns publishers' source files into clean, attributed
// articles and then into chunks for retrieval.
//
// # Formats
//
// Load and LoadFS read files and directories (recursively; hidden files and
// a corpus's README/SOURCE/LICENSE/NOTICE notes are skipped) and pick a
// parser by extension:
//
//   - .txt: the report format when the text has a CONTENTS list (report.go),
//     plain text otherwise (plain.go);
//   - .md: Markdown with YAML front matter (title, author or authors, date, url);
//   - .html: article pages (meta tags, byline, <article>/<main> text);
//   - .pdf: the text layer, then parsed as a .txt file would be;
//   - .jsonl: one {"title","authors","url","date","text"} article per line.
//
// # The report format and its repair
//
// A report is the text a PDF extractor made of a multi-author publication.
// Its structure is derived from the document alone, never from names or
// titles written into the code: the contents list gives titles, authors and
// parts; each title is then found in the body in order; front matter such
// as a foreword becomes an article when it opens with its own heading.
// Bylines give affiliations; biography lines at an article's end are moved
// out of the text into affiliations.
//
// Extraction damage is repaired on the way: Markdown escapes and emphasis
// (clean.go), words hyphenated across line and page breaks, judged against
// the document's own vocabulary (hyphen.go), and paragraphs cut by page
// breaks (repair.go). Headings are told from paragraphs by their shape
// (shape.go); they are not part of an article's Text but Sections.
//
// # Problems
//
// A file that cannot be used — missing, unreadable, binary, not UTF-8,
// empty, over MaxFileSize, a PDF without text, broken front matter, a bad
// JSONL line — gives one Problem naming it, and the other files are still
// read. A report whose contents list is unusable is ingested as one
// plain-text article, with a Problem (ErrNoContents) saying so; a .txt file
// without any CONTENTS heading is simply plain text.
//
// # Chunks
//
// ChunkArticle cuts an article at section and sentence boundaries into
// passages of about 600–900 bytes (at most 1500 unless one sentence is
// longer) with one sentence of overlap. Every chunk records the byte range
// of the article's Text it is, so a quote from it is verbatim.
package ingest
