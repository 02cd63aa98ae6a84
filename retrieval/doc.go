// Package retrieval finds the passages of a collection that answer a question.
//
// It owns the records every other package shares — Article (what a reader can
// be shown), Chunk (a quotable passage of one article) and Passage (a chunk
// with its ranking scores) — and the machinery that ranks them: embedders
// (a local, offline one by default), a chromem-go vector store persisted as a
// single file, a BM25 lexical index kept in step with it, and hybrid search
// that fuses the two rankings and diversifies the result.
//
// retrieval sits at the bottom of the dependency graph: it imports no other
// package of citechat, so ingest, chat and web can all depend on it.
package retrieval
