package web

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/citechat/citechat/chat"
)

const (
	maxIDBytes     = 128 // an ask id
	maxFilterItems = 100 // article ids plus author names in filters
)

// checkRequest validates a question from any transport and normalises it in
// place: the question trimmed, the history cut to the latest turns. It
// returns an *Error with a message the client can act on.
func (s *Server) checkRequest(req *chat.Request) error {
	if len(req.ID) > maxIDBytes {
		return errorf(CodeBadRequest, "id longer than %d bytes", maxIDBytes)
	}
	req.Question = strings.TrimSpace(req.Question)
	if req.Question == "" {
		return errorf(CodeBadRequest, "empty question")
	}
	if n := utf8.RuneCountInString(req.Question); n > s.cfg.MaxQuestionChars {
		return errorf(CodeTooLarge, "question of %d characters; the limit is %d", n, s.cfg.MaxQuestionChars)
	}
	switch req.Mode {
	case "", chat.ModeAnswer, chat.ModeBrief:
	default:
		return errorf(CodeBadRequest, "unknown mode %.40q (want %q or %q)", req.Mode, chat.ModeAnswer, chat.ModeBrief) // bounded echo
	}
	if len(req.Filters.Articles)+len(req.Filters.Authors) > maxFilterItems {
		return errorf(CodeBadRequest, "more than %d filters", maxFilterItems)
	}
	if n := len(req.History); n > s.cfg.MaxHistoryTurns {
		// Older turns do not help resolve "it" in a follow-up; keeping the
		// latest lets a long conversation go on.
		req.History = req.History[n-s.cfg.MaxHistoryTurns:]
	}
	return nil
}

// run answers a checked request on the installed backend, for any
// transport. It gives every event the ask's id, holds the answer to
// Config.AnswerTimeout, records metrics, and turns a panic in the answerer
// into an internal error. emit receives sources, deltas and exactly one
// done (run sends it if the answerer did not); errors never reach emit — run
// returns them, with the context's cause when the context ended, for the
// transport to report through fail.
func (s *Server) run(ctx context.Context, req chat.Request, transport string, emit chat.Emit) (ans *chat.Answer, err error) {
	b := s.backend.Load()
	if b == nil {
		return nil, errNotReady
	}
	ctx, cancel := context.WithTimeoutCause(ctx, s.cfg.AnswerTimeout, errAnswerTimeout)
	defer cancel()

	st := &stream{id: req.ID, emit: emit, start: time.Now(), m: s.metrics}
	ans, err = answerSafely(ctx, b.answerer, req, st.forward)
	switch {
	case err != nil && ctx.Err() != nil:
		err = fmt.Errorf("%w (answerer: %v)", context.Cause(ctx), err)
	case st.failed != nil:
		err = st.failed
	case err == nil && ans == nil:
		err = fmt.Errorf("answerer returned neither an answer nor an error")
	}
	if err != nil {
		return nil, err
	}
	if st.answer == nil {
		if err := st.forward(chat.Event{Type: chat.EventDone, Answer: ans}); err != nil {
			return nil, err
		}
	}
	s.metrics.answered(transport, st.answer)
	return st.answer, nil
}

// answerSafely calls the answerer, recovering a panic into an error.
func answerSafely(ctx context.Context, a Answerer, req chat.Request, emit chat.Emit) (ans *chat.Answer, err error) {
	defer func() {
		if p := recover(); p != nil {
			ans, err = nil, fmt.Errorf("answerer panicked: %v\n%s", p, debug.Stack())
		}
	}()
	return a.Answer(ctx, req, emit)
}

// stream sits between the answerer and a transport's emit.
type stream struct {
	id     string
	emit   chat.Emit
	start  time.Time
	m      *metrics
	deltas int
	answer *chat.Answer // the done event's answer, once sent
	failed error        // an error event the answerer emitted instead of returning
}

// answererCodes are the codes of an answerer's error event that pass to the
// client as they are; any other becomes "internal".
var answererCodes = map[string]bool{
	CodeBadRequest: true, CodeTooLarge: true, CodeRateLimited: true, CodeUnavailable: true,
}

func (st *stream) forward(ev chat.Event) error {
	ev.ID = st.id
	switch ev.Type {
	case chat.EventError:
		// The transport reports errors itself, through fail; keep this one.
		e := &Error{Code: ev.Code, Message: ev.Message, Err: fmt.Errorf("answerer error event: %s: %s", ev.Code, ev.Message)}
		if !answererCodes[e.Code] {
			e.Code, e.Message = CodeInternal, "internal error"
		}
		st.failed = e
		return e
	case chat.EventDelta:
		if st.deltas == 0 {
			st.m.sinceFirstDelta(st.start)
		}
		st.deltas++
	case chat.EventDone:
		if ev.Answer == nil {
			return nil // run sends the returned answer instead
		}
		a := *ev.Answer // copy at the boundary: the id is ours to set
		a.ID = st.id
		ev.Answer = &a
		st.answer = &a
	}
	return st.emit(ev)
}
