package chat

import (
	"context"
	"fmt"
	"time"

	"github.com/citechat/citechat/retrieval"
)

// brief answers a ModeBrief request (see Answer for the outcomes, which are
// the same): the topic's passages are gathered from every article, the
// brief is composed — by the LLM when one is configured, falling back to
// the extractive brief — and numbered, then streamed as Markdown lines.
// The history is not used: a brief's topic stands on its own. The sources
// event follows composition, because the sources are listed in the order
// the brief cites them.
func (b *Bot) brief(ctx context.Context, req Request, topic string, emit Emit) (*Answer, error) {
	ans := &Answer{ID: req.ID, Question: topic, Query: topic, TimingsMS: map[string]float64{}}
	start := time.Now()
	ps, err := b.gatherBrief(ctx, topic, req.Filters)
	if err != nil {
		return nil, fmt.Errorf("answer: brief: retrieve: %w", err)
	}
	srcs := b.sources(ps)
	ans.TimingsMS["retrieve"] = sinceMS(start)

	start = time.Now()
	d, err := b.composeBrief(ctx, topic, ps, srcs, ans)
	if err != nil {
		return nil, err
	}
	if err := emit(Event{Type: EventSources, ID: req.ID, Query: topic, Sources: ans.Sources}); err != nil {
		return nil, fmt.Errorf("answer: emit: %w", err)
	}
	w := &writer{ctx: ctx, emit: emit, id: req.ID}
	if err := w.sayDraft(d, ans); err != nil {
		return nil, err
	}
	ans.Answer = w.text.String()
	ans.TimingsMS["answer"] = sinceMS(start)
	if err := emit(Event{Type: EventDone, ID: req.ID, Answer: ans}); err != nil {
		return nil, fmt.Errorf("answer: emit: %w", err)
	}
	return ans, nil
}

// composed is a brief ready to stream: numbered, with its citations, the
// sources in citation order, how it was written and any notice.
type composed struct {
	br     *Brief
	cites  []Citation
	srcs   []Source
	mode   string
	notice string
}

// composeBrief writes the brief into ans (Brief and Sources) and returns
// the draft to stream: the Markdown lines with their citations.
func (b *Bot) composeBrief(ctx context.Context, topic string, ps []retrieval.Passage, srcs []Source, ans *Answer) (draft, error) {
	var c composed
	if b.cfg.LLM != nil && len(ps) > 0 {
		var err error
		c, err = b.generateBrief(ctx, topic, ps, srcs)
		if ctx.Err() != nil {
			return draft{}, fmt.Errorf("answer: brief: %w", context.Cause(ctx))
		}
		if err != nil {
			c = composed{notice: fallbackNotice}
		}
	}
	if c.br == nil {
		c.mode, c.srcs, c.cites = "extractive", srcs, []Citation{}
		var ok bool
		if c.br, ok = b.extractBrief(topic, ps); ok {
			c.cites, c.srcs = number(c.br, srcs, firstQuote)
		} else {
			c.br.NotCovered = abstention(srcs)
		}
	}
	c.br.fill()
	ans.Brief, ans.Sources = c.br, c.srcs
	return draft{parts: markdownLines(c.br, c.cites), cites: c.cites, abstained: c.br.NotCovered != "",
		mode: c.mode, notice: c.notice}, nil
}
