package chat

import (
	"context"
	"time"

	"github.com/citechat/citechat/retrieval"
	"github.com/tmc/langchaingo/llms"
)

// Retriever finds the passages that may answer a query, best first.
// *retrieval.Store satisfies it.
type Retriever interface {
	Search(ctx context.Context, q retrieval.Query) ([]retrieval.Passage, error)
}

// Library looks up an article's metadata. *retrieval.Store satisfies it. A
// Library that can also list its articles (Articles() []retrieval.Article)
// lets author questions match any contributor's affiliation, not only those
// of the articles retrieved.
type Library interface {
	Article(id string) (retrieval.Article, bool)
}

// lister is the optional Library capability described above.
type lister interface {
	Articles() []retrieval.Article
}

// Config tunes a Bot. Zero values take the defaults named below.
type Config struct {
	K int // passages retrieved per question; default 8

	// LLM writes the answers when set; nil means the offline extractive
	// answerer. Concrete clients are built by the caller (cmd).
	LLM llms.Model
	// LLMTimeout bounds a whole LLM answer (default 60s); LLMFirstToken
	// bounds the wait for its first token (default min(LLMTimeout, 20s)).
	// Past either, the answer falls back to the extractive one.
	LLMTimeout    time.Duration
	LLMFirstToken time.Duration
	// RewriteTimeout bounds the LLM rewrite of a follow-up question into a
	// standalone one (default 5s); past it the heuristic rewrite is used.
	RewriteTimeout time.Duration

	MaxQuestion int // bytes of a question used; default 2,000
	MaxTurns    int // turns of history used; default 6
	MaxTurnText int // bytes of each turn's question and answer; default 1,000
}

// Bot answers questions from a collection. It is safe for concurrent use:
// the only state it keeps between requests is a cache of the passages'
// sentences, keyed by chunk ID and checked against the chunk's text.
type Bot struct {
	r     Retriever
	lib   Library
	cfg   Config
	cache *sentenceCache // the passages' sentences, read once
}

// NewBot returns a Bot searching r and reading article metadata from lib
// (which may be nil: then passages' own metadata is used).
func NewBot(r Retriever, lib Library, cfg Config) *Bot {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&cfg.K, 8)
	def(&cfg.MaxQuestion, defaultMaxQuestion)
	def(&cfg.MaxTurns, defaultMaxTurns)
	def(&cfg.MaxTurnText, defaultMaxTurnText)
	if cfg.LLMTimeout <= 0 {
		cfg.LLMTimeout = 60 * time.Second
	}
	if cfg.LLMFirstToken <= 0 || cfg.LLMFirstToken > cfg.LLMTimeout {
		cfg.LLMFirstToken = min(cfg.LLMTimeout, 20*time.Second)
	}
	if cfg.RewriteTimeout <= 0 {
		cfg.RewriteTimeout = 5 * time.Second
	}
	return &Bot{r: r, lib: lib, cfg: cfg, cache: &sentenceCache{}}
}

// sinceMS is the time since t in milliseconds, for TimingsMS.
func sinceMS(t time.Time) float64 {
	return float64(time.Since(t).Microseconds()) / 1000
}
