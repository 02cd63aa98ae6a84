package main

import (
	"fmt"

	"github.com/tmc/langchaingo/embeddings"
	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/anthropic"
	"github.com/tmc/langchaingo/llms/ollama"
	"github.com/tmc/langchaingo/llms/openai"

	"github.com/citechat/citechat/retrieval"
)

// newEmbedder picks the embedder the configuration names. The local one is
// the default: offline, deterministic, no keys.
func newEmbedder(c *Config) (retrieval.Embedder, error) {
	switch c.Embedder {
	case "local":
		return retrieval.NewLocalEmbedder(), nil
	case "openai":
		opts := []openai.Option{openai.WithEmbeddingModel(c.EmbedModel), openai.WithToken(tokenOrPlaceholder(c.EmbedAPIKey))}
		if c.EmbedURL != "" {
			opts = append(opts, openai.WithBaseURL(c.EmbedURL))
		}
		if c.EmbedDims > 0 {
			opts = append(opts, openai.WithEmbeddingDimensions(c.EmbedDims))
		}
		client, err := openai.New(opts...)
		if err != nil {
			return nil, fmt.Errorf("embedder openai: %w", err)
		}
		return langchainEmbedder(client, c)
	case "ollama":
		opts := []ollama.Option{ollama.WithModel(c.EmbedModel)}
		if c.EmbedURL != "" {
			opts = append(opts, ollama.WithServerURL(c.EmbedURL))
		}
		client, err := ollama.New(opts...)
		if err != nil {
			return nil, fmt.Errorf("embedder ollama: %w", err)
		}
		return langchainEmbedder(client, c)
	}
	return nil, fmt.Errorf("unknown embedder %q", c.Embedder)
}

func langchainEmbedder(client embeddings.EmbedderClient, c *Config) (retrieval.Embedder, error) {
	e, err := embeddings.NewEmbedder(client, embeddings.WithBatchSize(64))
	if err != nil {
		return nil, fmt.Errorf("embedder %s: %w", c.Embedder, err)
	}
	return retrieval.NewLangchainEmbedder(e, retrieval.EmbedderInfo{Name: c.Embedder, Model: c.EmbedModel, Dimensions: c.EmbedDims}), nil
}

// newLLM returns the configured model, or nil for the offline extractive
// answerer.
func newLLM(c *Config) (llms.Model, error) {
	var (
		m   llms.Model
		err error
	)
	switch c.LLM {
	case "", "none":
		return nil, nil
	case "openai":
		opts := []openai.Option{openai.WithModel(c.LLMModel), openai.WithToken(tokenOrPlaceholder(c.LLMAPIKey))}
		if c.LLMURL != "" {
			opts = append(opts, openai.WithBaseURL(c.LLMURL))
		}
		m, err = openai.New(opts...)
	case "ollama":
		opts := []ollama.Option{ollama.WithModel(c.LLMModel)}
		if c.LLMURL != "" {
			opts = append(opts, ollama.WithServerURL(c.LLMURL))
		}
		m, err = ollama.New(opts...)
	case "anthropic":
		opts := []anthropic.Option{anthropic.WithModel(c.LLMModel), anthropic.WithToken(c.LLMAPIKey)}
		if c.LLMURL != "" {
			opts = append(opts, anthropic.WithBaseURL(c.LLMURL))
		}
		m, err = anthropic.New(opts...)
	default:
		return nil, fmt.Errorf("unknown llm %q", c.LLM)
	}
	if err != nil {
		// The error may quote the options; never the key, which we keep out.
		return nil, fmt.Errorf("llm %s: %w", c.LLM, err)
	}
	return m, nil
}

// tokenOrPlaceholder lets OpenAI-compatible local servers (llama.cpp, vLLM,
// LM Studio) that need no key work: langchaingo's client refuses an empty
// token, so we hand it an inert one.
func tokenOrPlaceholder(key string) string {
	if key == "" {
		return "no-key"
	}
	return key
}
