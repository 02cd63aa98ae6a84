package retrieval

import "errors"

// Errors callers branch on. They are always wrapped with detail (the file,
// the article id, the two embedders), so match them with errors.Is.
var (
	// ErrEmptyQuery: the query has no text (empty or only whitespace).
	ErrEmptyQuery = errors.New("empty query")
	// ErrUnknownArticle: a filter or Remove named an article the store does
	// not hold.
	ErrUnknownArticle = errors.New("unknown article")
	// ErrUnknownAuthor: an author filter matched no article's author.
	ErrUnknownAuthor = errors.New("unknown author")
	// ErrEmbedderMismatch: the store's vectors were made by another embedder
	// (name, model or dimensions) than the configured one. Re-ingest to
	// rebuild the store with the configured embedder.
	ErrEmbedderMismatch = errors.New("store was built with a different embedder")
	// ErrCorruptStore: the store file cannot be read (truncated, damaged,
	// not a citechat store, or inconsistent). Re-ingest to rebuild it.
	ErrCorruptStore = errors.New("corrupt store file")
	// ErrStoreVersion: the store file has a format this build cannot read.
	ErrStoreVersion = errors.New("unsupported store format")
	// ErrEmbedderUnavailable: a networked embedder could not be reached or
	// refused the request (connection refused, timeout, error status). At
	// query time it means the question cannot be searched until the
	// embedding service is back; its text is safe to show a reader.
	ErrEmbedderUnavailable = errors.New("the embedding service is unavailable")
	// ErrBadChunk: Put was given a chunk that breaks the Chunk contract
	// (empty or duplicate id, other article, offsets not matching the text).
	ErrBadChunk = errors.New("bad chunk")
)
