// Package loadgen is citechat's load-generating client: many concurrent
// widget sessions on websockets (or Server-Sent Events) against one server,
// each asking questions at a set pace, with latency, throughput, errors and
// the server's own memory and goroutines (scraped from /metrics) reported.
//
// It lives under web because web is the only part of citechat allowed to
// speak gorilla/websocket; it imports nothing else of ours, so it measures
// the server strictly from the outside, through the wire protocol of
// docs/protocol.md.
//
// The design, in the order a run goes:
//
//   - Options are checked first; the target must be a loopback host and the
//     dialer refuses any other address again at connect time (a redirect or a
//     DNS answer cannot take load traffic off the machine).
//   - All sessions connect first, a bounded number at a time, so the measured
//     window has every session open; failed connections are counted by code.
//   - Each session then asks one question at a time: it waits its pause
//     (Interval with jitter; none when back to back), sends the ask and reads
//     events until done or error. Time to first delta and to done are
//     measured from just before the ask is written.
//   - Asking stops when Duration ends or Count asks have been started;
//     answers in flight are awaited (bounded by AnswerTimeout), then every
//     session closes with 1000.
//   - The server is scraped before, at the peak, and after a settle loop that
//     waits for its open connections and goroutines to return to baseline.
//
// Every loop is bounded in time: Duration is capped at MaxDuration and every
// wait has a deadline.
package loadgen
