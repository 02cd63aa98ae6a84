// Package retrieval finds the passages of a collection that answer a question.
//
// It owns the records every other package shares — Article (what a reader can
// be shown), Chunk (a quotable passage of one article) and Passage (a chunk
// with its ranking scores) — and the machinery that ranks them.
//
// The parts, and why they are shaped so:
//
//   - Embedders make unit vectors. LocalEmbedder (the default) is offline and
//     deterministic: stems, stem pairs and character 4-grams, feature-hashed
//     into LocalDimensions. A text's vector depends on that text alone, so
//     articles ingested later are comparable with earlier ones; corpus
//     statistics (IDF) weight only the query. NewLangchainEmbedder adapts
//     networked models (OpenAI-compatible, Ollama).
//   - Store keeps chunks, their vectors and the article catalogue in one
//     chromem-go DB, which Save exports as one gzip file (temp file, fsync,
//     rename) and OpenStore imports, refusing a file made by another embedder
//     or damaged in any way. A manifest document records format, embedder and
//     counts.
//   - A BM25 index over stems and stem pairs, with each chunk's article
//     title, section heading and byline, is kept in step with the chunks and
//     rebuilt on open.
//   - Search fuses the dense and BM25 scores (a weighted sum of each divided
//     by its best), then picks passages that cover the question's parts
//     without repeating each other. Filters restrict it to articles or
//     authors.
//
// Tokenising and stemming are shared by the embedder and the index, so both
// rankings agree on what a word is. Tuning was done on the development
// questions and on a second question set written for the purpose, for
// causes rather than for particular questions; docs/benchmarks.md has the
// numbers.
//
// Concurrency: searches run in parallel; Put, Remove and Save are
// serialised, and Put embeds before it takes the lock searches wait on.
//
// retrieval sits at the bottom of the dependency graph: it imports no other
// package of citechat, so ingest, chat and web can all depend on it.
package retrieval
