// Package chat turns a question (with optional history) into a grounded,
// cited answer, streamed as events: the sources, the answer text in pieces,
// and a final Answer whose every [n] marker was checked against the sources.
//
// It depends only on retrieval, through the small interfaces it declares.
package chat
