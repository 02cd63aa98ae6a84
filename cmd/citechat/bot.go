package main

import (
	"context"
	"log/slog"

	"github.com/citechat/citechat/chat"
	"github.com/citechat/citechat/retrieval"
)

// newBot opens the library and builds the answerer the configuration asks
// for: extractive offline by default, an LLM when one is configured.
func newBot(ctx context.Context, c *Config, log *slog.Logger) (*chat.Bot, *retrieval.Store, error) {
	st, err := openLibrary(ctx, c, log)
	if err != nil {
		return nil, nil, err
	}
	bot, err := botFor(c, st)
	return bot, st, err
}

func botFor(c *Config, st *retrieval.Store) (*chat.Bot, error) {
	model, err := newLLM(c)
	if err != nil {
		return nil, err
	}
	return chat.NewBot(st, st, chat.Config{LLM: model, LLMTimeout: c.LLMTimeout}), nil
}
