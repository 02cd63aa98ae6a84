// Package web serves citechat over HTTP: a websocket protocol for the chat
// widget, REST and Server-Sent Events for clients that cannot hold a socket,
// the article catalogue, health, readiness and Prometheus metrics.
//
// It is the only package that imports Gin and gorilla/websocket. It depends
// on chat and retrieval only through their record types and two small
// interfaces it declares itself (Answerer, Library); cmd/citechat wires the
// concrete bot and store in with SetBackend.
//
// The design, in the order a question travels:
//
//   - Every request passes the observe middleware (request id, access log,
//     per-route metrics) and the recovery middleware. Requests to /api and
//     /ws then pass the Gate (origin and partner key); questions pass the
//     Gate's per-ask limit.
//   - All transports answer through Server.run, which adds what every one of
//     them needs: the ask id on every event, the answer deadline, metrics, and
//     a recovered panic turned into an internal error.
//   - Errors reach the wire in exactly one place, Server.fail (errors.go): a
//     user-safe message for input errors, a generic message and a log line
//     for our own faults.
//   - A websocket has one reader (the handler goroutine) and one writer
//     (conn.writePump). Answers hand frames to the writer through a bounded
//     queue; an answer that cannot get its frame into the queue within
//     Config.SendWait is cancelled rather than having frames dropped.
//   - Answers on a websocket run under the connection's context, never the
//     gin request's, and stop on a cancel message, when the connection ends
//     and when Shutdown's deadline passes.
//   - Shutdown stops accepting, lets answers finish until its deadline, then
//     closes every websocket with 1001 itself, because http.Server.Shutdown
//     neither closes nor waits for hijacked connections.
//
// docs/protocol.md describes the wire protocol for client authors.
package web
