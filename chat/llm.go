package chat

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tmc/langchaingo/llms"
)

// The LLM answerer streams the model's answer through the assembler
// (assemble.go), which checks each sentence (check.go) and releases it as a
// delta. The model may fail in many ways — unreachable, an error status,
// no first token before LLMFirstToken, not done before LLMTimeout, a stream
// cut mid-way or made of malformed JSON, an answer with nothing the sources
// support — and the reader still gets an answer:
//
//   - if nothing was shown yet, the extractive answer is streamed instead,
//     with a notice (fallbackNotice);
//   - if some checked sentences were already shown, they stand (they are
//     grounded and cited) and the notice says the answer may be incomplete.
//
// Either way the done answer is exactly what was streamed. Only the
// request's own cancellation (or an emit error) is returned as an error.

// Notices shown to the reader when the model fails.
const (
	fallbackNotice = "The language model was unavailable; this answer was extracted from the sources."
	partialNotice  = "The language model stopped before finishing; this answer may be incomplete."
)

// Why a model call was cut short by the answerer itself.
var (
	errFirstToken = errors.New("no first token before the deadline")
	errLLMTimeout = errors.New("answer not finished before the deadline")
)

// generate writes the answer with the LLM, streaming checked sentences.
func (b *Bot) generate(ctx context.Context, q *question, f found, srcs []Source, ans *Answer, w *writer) error {
	if len(f.passages) == 0 {
		return w.sayDraft(b.extract(q, f, srcs), ans) // nothing to give the model
	}
	chk := newChecker(gatherWith(f.passages, b.cache), srcs)
	asm := &assembler{chk: chk, w: w}
	failure := b.stream(ctx, answerMessages(q.text, ans.Query, srcs), asm)
	if w.err != nil {
		return w.err // emit failed or the request was cancelled while streaming
	}
	if ctx.Err() != nil {
		return fmt.Errorf("answer: generate: %w", context.Cause(ctx))
	}
	if failure == nil && chk.kept == 0 && chk.refusal == 0 {
		failure = errors.New("no supported sentence in the model's answer")
	}
	if failure != nil && w.sent == 0 {
		d := b.extract(q, f, srcs)
		d.notice = fallbackNotice
		return w.sayDraft(d, ans)
	}
	ans.Mode, ans.Citations = "llm", chk.cites
	ans.Abstained = chk.kept == 0
	if failure != nil {
		ans.Notice = joinNotice(ans.Notice, partialNotice)
	}
	if chk.dropped > 0 {
		ans.Notice = joinNotice(ans.Notice, fmt.Sprintf(
			"%d sentence(s) of the model's answer were left out because the sources do not support them.", chk.dropped))
	}
	return nil
}

// stream runs the model with the first-token and total deadlines, feeding
// its output to the assembler. It returns why the model failed, or nil.
func (b *Bot) stream(ctx context.Context, msgs []llms.MessageContent, asm *assembler) error {
	total, cancelTotal := context.WithTimeoutCause(ctx, b.cfg.LLMTimeout, errLLMTimeout)
	defer cancelTotal()
	llmCtx, cancel := context.WithCancelCause(total)
	defer cancel(nil)
	first := time.AfterFunc(b.cfg.LLMFirstToken, func() { cancel(errFirstToken) })
	defer first.Stop()

	streamed := 0 // bytes
	onChunk := func(_ context.Context, chunk []byte) error {
		if len(chunk) == 0 {
			return nil
		}
		first.Stop()
		streamed += len(chunk)
		return asm.feed(string(chunk))
	}
	resp, err := b.cfg.LLM.GenerateContent(llmCtx, msgs,
		llms.WithStreamingFunc(onChunk), llms.WithTemperature(0))
	if asm.w.err != nil {
		return asm.w.err
	}
	if err != nil {
		if cause := context.Cause(llmCtx); cause != nil && ctx.Err() == nil {
			return fmt.Errorf("llm: %w", cause)
		}
		return fmt.Errorf("llm: %w", err)
	}
	final := ""
	if resp != nil && len(resp.Choices) > 0 {
		final = resp.Choices[0].Content
	}
	switch {
	case streamed == 0:
		// A model that does not stream hands over its whole text at the end.
		if err := asm.feed(final); err != nil {
			return err
		}
	case len(final) < streamed:
		// The stream ended without the provider's closing message (the
		// Ollama client reports a cut connection as a normal end): the
		// unfinished sentence is not released.
		return errors.New("llm: stream ended early")
	}
	return asm.finish()
}
