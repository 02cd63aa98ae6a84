package chat

import (
	"context"
	"strings"

	"github.com/tmc/langchaingo/llms"
)

// With an LLM, a follow-up question is rewritten by the model into one that
// stands alone ("And what did they propose?" → "What did Xu Liping and Fan
// Jiaqi propose for China-ASEAN security cooperation?"). The call is short
// and bounded by RewriteTimeout; a failure, a timeout or an implausible
// rewrite falls back to the heuristic of followup.go.

const rewriteSystem = `Rewrite the reader's last question so that it can be understood without the conversation: replace pronouns and references such as "it", "they", "that mechanism" or "the authors" with what they refer to. Keep the question's meaning and wording otherwise. Reply with the rewritten question only, on one line, without quotes or commentary.`

// rewrite asks the model for a standalone form of the question. It returns
// the query, the words it added, and whether the rewrite is usable.
func (b *Bot) rewrite(ctx context.Context, question string, turns []Turn) (string, []string, bool) {
	ctx, cancel := context.WithTimeout(ctx, b.cfg.RewriteTimeout)
	defer cancel()
	var conv strings.Builder
	for _, t := range turns {
		conv.WriteString("Q: " + oneLine(t.Q) + "\nA: " + oneLine(t.A) + "\n")
	}
	msgs := []llms.MessageContent{
		llms.TextParts(llms.ChatMessageTypeSystem, rewriteSystem),
		llms.TextParts(llms.ChatMessageTypeHuman, "Conversation:\n"+conv.String()+"\nLast question: "+oneLine(question)),
	}
	resp, err := b.cfg.LLM.GenerateContent(ctx, msgs, llms.WithTemperature(0), llms.WithMaxTokens(200))
	if err != nil || resp == nil || len(resp.Choices) == 0 {
		return "", nil, false
	}
	q := strings.Trim(oneLine(resp.Choices[0].Content), `"'“”`)
	if len(q) < 3 || len(q) > b.cfg.MaxQuestion || len(contentTerms(q)) == 0 {
		return "", nil, false
	}
	have := termSet(question)
	var extra []string
	for _, w := range words(q) {
		if !stopword[w] && !have[stem(w)] {
			have[stem(w)] = true
			extra = append(extra, w)
		}
	}
	return q, extra, true
}
