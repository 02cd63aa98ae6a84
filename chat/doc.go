// Package chat turns a question (with optional history) into a grounded,
// cited answer, streamed as events: the sources, the answer text in pieces,
// and a final Answer whose every [n] marker was checked against the sources.
//
// It depends only on retrieval, through the small interfaces it declares
// (Retriever, Library); *retrieval.Store satisfies both.
//
// A request goes through Bot.Answer (respond.go):
//
//   - the question is cleaned and cut to a useful length, and the last few
//     turns of history kept (request.go);
//   - a follow-up is made standalone — by the LLM when there is one
//     (rewrite.go), else by carrying the previous turn's salient words
//     (followup.go) — and searched; a two-part question is also searched
//     part by part (retrieve.go). The sources event shows the query searched;
//   - the answer is written either by the offline extractive answerer
//     (extractive.go: verbatim sentences of the passages, scored, chosen,
//     attributed, or a plain abstention when they do not support an answer)
//     or by an LLM whose streamed output is checked sentence by sentence
//     against the passages before it is shown (llm.go, assemble.go,
//     check.go), falling back to the extractive answer when the model fails.
//
// Citation markers are source ranks: [3] cites the third source listed, and
// its quote is a verbatim sentence of that passage. The delta events of a
// request always concatenate exactly to the done answer.
package chat
