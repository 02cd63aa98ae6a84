package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"time"

	"github.com/citechat/citechat/chat"
	"github.com/citechat/citechat/retrieval"
)

// Codes a client can see: the "code" of an error event on the websocket and
// SSE, and error.code in a REST error body.
const (
	CodeBadRequest  = "bad_request"  // 400: the input is wrong; the message says how
	CodeTooLarge    = "too_large"    // 413: a body, message or question over its limit
	CodeRateLimited = "rate_limited" // 429: over a limit; retry later (Retry-After, retry_after)
	CodeUnavailable = "unavailable"  // 503: not ready yet, shutting down, or the answer took too long
	CodeInternal    = "internal"     // 500: our fault; the details are only in the log
	CodeNotFound    = "not_found"    // 404 (REST)
	CodeForbidden   = "forbidden"    // 403: origin or key refused by the Gate
	CodeCancelled   = "cancelled"    // the client cancelled the ask (websocket)
	CodeTooSlow     = "too_slow"     // the client did not read fast enough; the answer was stopped
)

// Error is an error with a wire code and a message that is safe to show the
// client. Err, the cause, is logged but never shown. Gate implementations
// return one to choose what a refused client is told.
type Error struct {
	Code       string
	Message    string
	RetryAfter time.Duration // rate_limited: when to try again
	Err        error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Code + ": " + e.Message + ": " + e.Err.Error()
	}
	return e.Code + ": " + e.Message
}

func (e *Error) Unwrap() error { return e.Err }

func errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Causes of a stopped answer or a closed connection. They travel as context
// causes (context.Cause) so the place that reports the error knows why.
var (
	errCancelled     = errors.New("cancelled by the client")
	errTooSlow       = errors.New("the client did not read its messages in time")
	errGone          = errors.New("the client went away")
	errShuttingDown  = errors.New("the server is shutting down")
	errAnswerTimeout = errors.New("the answer took too long")
	errNotReady      = errors.New("the collection is not loaded yet")
)

// wireError is an error as a client sees it.
type wireError struct {
	Status     int
	Code       string
	Message    string
	RetryAfter time.Duration
}

// causes gives each sentinel cause its code; the sentinel's text is the
// message.
var causes = []struct {
	err  error
	code string
}{
	{errCancelled, CodeCancelled},
	{errTooSlow, CodeTooSlow},
	{errShuttingDown, CodeUnavailable},
	{errAnswerTimeout, CodeUnavailable},
	{errNotReady, CodeUnavailable},
	{errGone, CodeCancelled},
	{chat.ErrEmptyQuestion, CodeBadRequest},
	{retrieval.ErrEmbedderUnavailable, CodeUnavailable},
}

// toWire decides what a client is told about err, and whether err is a
// fault of ours (logged as an error, detail hidden from the client).
func toWire(err error) (w wireError, fault bool) {
	w = wireError{Code: CodeInternal, Message: "internal error"}
	var e *Error
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &e):
		w = wireError{Code: e.Code, Message: e.Message, RetryAfter: e.RetryAfter}
	case errors.As(err, &tooBig):
		w = wireError{Code: CodeTooLarge, Message: fmt.Sprintf("the request body is larger than %d bytes", tooBig.Limit)}
	case errors.Is(err, context.Canceled):
		w = wireError{Code: CodeCancelled, Message: errGone.Error()}
	}
	for _, c := range causes {
		if e == nil && errors.Is(err, c.err) {
			w = wireError{Code: c.code, Message: c.err.Error()}
			break
		}
	}
	w.Status = statusOf(w.Code)
	return w, w.Code == CodeInternal
}

func statusOf(code string) int {
	switch code {
	case CodeBadRequest:
		return http.StatusBadRequest
	case CodeTooLarge:
		return http.StatusRequestEntityTooLarge
	case CodeRateLimited:
		return http.StatusTooManyRequests
	case CodeNotFound:
		return http.StatusNotFound
	case CodeForbidden:
		return http.StatusForbidden
	case CodeUnavailable, CodeTooSlow:
		return http.StatusServiceUnavailable
	case CodeCancelled:
		return 499 // client closed request: only ever seen in logs and metrics
	}
	return http.StatusInternalServerError
}

// fail is the one place an error is turned into what goes on the wire. It
// logs one line (at error level with the full error for our faults) and
// counts the error by code. Every transport calls it.
func (s *Server) fail(log *slog.Logger, msg string, err error) wireError {
	w, fault := toWire(err)
	s.metrics.errors.WithLabelValues(w.Code).Inc()
	switch {
	case fault:
		log.Error(msg, "code", w.Code, "err", err)
	case w.Code == CodeCancelled:
		log.Debug(msg, "code", w.Code, "err", err)
	default:
		log.Info(msg, "code", w.Code, "err", err)
	}
	return w
}

// retryAfterSeconds rounds d up to whole seconds, at least one, as the
// Retry-After header wants.
func retryAfterSeconds(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}

// errorEvent is the error event on the websocket and SSE:
// {"type":"error","id","code","message"} plus retry_after (seconds) when
// rate limited.
type errorEvent struct {
	Type       string `json:"type"`
	ID         string `json:"id"`
	Code       string `json:"code"`
	Message    string `json:"message"`
	RetryAfter int    `json:"retry_after,omitempty"`
}

func newErrorEvent(id string, w wireError) errorEvent {
	ev := errorEvent{Type: "error", ID: id, Code: w.Code, Message: w.Message}
	if w.RetryAfter > 0 {
		ev.RetryAfter = retryAfterSeconds(w.RetryAfter)
	}
	return ev
}
