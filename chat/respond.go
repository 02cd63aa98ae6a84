package chat

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Answer answers req and streams its events to emit: one sources event
// (with the standalone query searched), delta events whose texts
// concatenate exactly to the answer, then a done event with the whole
// Answer, which it also returns. emit may be nil.
//
// Outcomes:
//   - a question that is empty or white space: ErrEmptyQuestion (wrapped),
//     nothing emitted;
//   - the search fails: "answer: retrieve: …", nothing emitted;
//   - ctx is cancelled or emit returns an error: Answer stops at once (the
//     search and any LLM call are cancelled with it) and returns that error
//     wrapped; the events already emitted stand, no done event follows;
//   - otherwise the answer, grounded and cited or plainly abstaining. A
//     degradation (the LLM failed and the answer is extractive) is reported
//     in Answer.Notice, never as an error.
func (b *Bot) Answer(ctx context.Context, req Request, emit Emit) (*Answer, error) {
	question, err := cleanQuestion(req.Question, b.cfg.MaxQuestion)
	if err != nil {
		return nil, fmt.Errorf("answer: %w", err)
	}
	if emit == nil {
		emit = func(Event) error { return nil }
	}
	if req.Mode == ModeBrief {
		return b.brief(ctx, req, question, emit)
	}
	turns := recentTurns(req.History, b.cfg.MaxTurns, b.cfg.MaxTurnText)
	ans := &Answer{ID: req.ID, Question: question, TimingsMS: map[string]float64{}}

	start := time.Now()
	query, extra := b.resolve(ctx, question, turns)
	q := analyse(question, stems(extra))
	found, err := b.retrieve(ctx, &q, query, turns, extra != nil, req.Filters)
	if err != nil {
		return nil, fmt.Errorf("answer: retrieve: %w", err)
	}
	ans.Query, ans.Sources = query, b.sources(found.passages)
	ans.TimingsMS["retrieve"] = sinceMS(start)
	if err := emit(Event{Type: EventSources, ID: req.ID, Query: query, Sources: ans.Sources}); err != nil {
		return nil, fmt.Errorf("answer: emit: %w", err)
	}

	start = time.Now()
	w := &writer{ctx: ctx, emit: emit, id: req.ID}
	if b.cfg.LLM != nil {
		err = b.generate(ctx, &q, found, ans.Sources, ans, w)
	} else {
		err = w.sayDraft(b.extract(&q, found, ans.Sources), ans)
	}
	if err != nil {
		return nil, err
	}
	ans.Answer = w.text.String()
	ans.TimingsMS["answer"] = sinceMS(start)
	if ans.Citations == nil {
		ans.Citations = []Citation{}
	}
	if err := emit(Event{Type: EventDone, ID: req.ID, Answer: ans}); err != nil {
		return nil, fmt.Errorf("answer: emit: %w", err)
	}
	return ans, nil
}

// writer streams the answer text as delta events and keeps what it sent,
// so the done answer is exactly the concatenation of the deltas.
type writer struct {
	ctx  context.Context
	emit Emit
	id   string
	text strings.Builder
	sent int   // deltas emitted
	err  error // the first failure to emit: nothing more is said after it
}

// say emits one delta. It stops at once when the request is cancelled.
func (w *writer) say(s string) error {
	if w.err != nil || s == "" {
		return w.err
	}
	if err := w.ctx.Err(); err != nil {
		w.err = fmt.Errorf("answer: %w", context.Cause(w.ctx))
		return w.err
	}
	if err := w.emit(Event{Type: EventDelta, ID: w.id, Text: s}); err != nil {
		w.err = fmt.Errorf("answer: emit: %w", err)
		return w.err
	}
	w.text.WriteString(s)
	w.sent++
	return nil
}

// draft is an answer composed before it is streamed: its parts are the
// delta texts (a separating space starts every part but the first).
type draft struct {
	parts     []string
	cites     []Citation
	abstained bool
	mode      string
	notice    string
}

// sayDraft streams a draft and records it in ans.
func (w *writer) sayDraft(d draft, ans *Answer) error {
	for _, p := range d.parts {
		if err := w.say(p); err != nil {
			return err
		}
	}
	ans.Citations, ans.Abstained, ans.Mode = d.cites, d.abstained, d.mode
	ans.Notice = joinNotice(ans.Notice, d.notice)
	return nil
}

// joinNotice adds a notice to any already given.
func joinNotice(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + " " + b
}
