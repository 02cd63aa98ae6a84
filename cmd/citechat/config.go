package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"
)

// Config is everything citechat can be told, from flags and the
// environment. It is read here and nowhere else: packages receive the
// values (or the providers built from them), never the environment.
type Config struct {
	DataDir string // --data, CITECHAT_DATA_DIR
	Addr    string // --addr, CITECHAT_ADDR

	Embedder      string // local | openai | ollama
	EmbedModel    string
	EmbedURL      string
	EmbedAPIKey   string // env only: never a flag, so it stays out of `ps`
	EmbedDims     int
	LLM           string // none | openai | ollama | anthropic
	LLMModel      string
	LLMURL        string
	LLMAPIKey     string // env only
	LLMTimeout    time.Duration
	PartnersFile  string
	LogLevel      string
	ShutdownGrace time.Duration

	// Server limits (serve only); zero keeps web's defaults.
	MaxConns        int
	MaxConnsPerAddr int
	TrustedProxies  string // comma-separated IPs or CIDRs
	AnswerTimeout   time.Duration
}

// envOr returns the environment variable's value, or def when unset/empty.
func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(name)); err == nil {
		return d
	}
	return def
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return n
	}
	return def
}

// registerCommon adds the flags every command takes. Flags win over the
// environment, which wins over the defaults.
func (c *Config) registerCommon(fs *flag.FlagSet) {
	fs.StringVar(&c.DataDir, "data", envOr("CITECHAT_DATA_DIR", "./data"), "data directory holding the store (env CITECHAT_DATA_DIR)")
	fs.StringVar(&c.Embedder, "embedder", envOr("CITECHAT_EMBEDDER", "local"), "embedder: local | openai | ollama (env CITECHAT_EMBEDDER)")
	fs.StringVar(&c.EmbedModel, "embed-model", envOr("CITECHAT_EMBED_MODEL", ""), "embedding model for openai/ollama (env CITECHAT_EMBED_MODEL)")
	fs.StringVar(&c.EmbedURL, "embed-url", envOr("CITECHAT_EMBED_URL", ""), "embedding server base URL (env CITECHAT_EMBED_URL)")
	fs.IntVar(&c.EmbedDims, "embed-dims", envInt("CITECHAT_EMBED_DIMS", 0), "embedding dimensions requested from openai (env CITECHAT_EMBED_DIMS; 0 = model default)")
	fs.StringVar(&c.LogLevel, "log-level", envOr("CITECHAT_LOG_LEVEL", "info"), "log level: debug | info | warn | error (env CITECHAT_LOG_LEVEL)")
	c.EmbedAPIKey = envOr("CITECHAT_EMBED_API_KEY", os.Getenv("OPENAI_API_KEY"))
}

// registerLLM adds the flags of the commands that answer questions.
func (c *Config) registerLLM(fs *flag.FlagSet) {
	fs.StringVar(&c.LLM, "llm", envOr("CITECHAT_LLM", "none"), "answerer LLM: none (extractive) | openai | ollama | anthropic (env CITECHAT_LLM)")
	fs.StringVar(&c.LLMModel, "llm-model", envOr("CITECHAT_LLM_MODEL", ""), "LLM model name (env CITECHAT_LLM_MODEL)")
	fs.StringVar(&c.LLMURL, "llm-url", envOr("CITECHAT_LLM_URL", ""), "LLM server base URL, e.g. http://localhost:11434 or an OpenAI-compatible /v1 URL (env CITECHAT_LLM_URL)")
	fs.DurationVar(&c.LLMTimeout, "llm-timeout", envDuration("CITECHAT_LLM_TIMEOUT", 30*time.Second), "deadline for an LLM answer before falling back to the extractive one (env CITECHAT_LLM_TIMEOUT)")
}

// validate rejects combinations that cannot work, before anything starts,
// and resolves the API key of the chosen LLM provider (known only once the
// flags are parsed).
func (c *Config) validate() error {
	c.LLMAPIKey = os.Getenv("CITECHAT_LLM_API_KEY")
	if c.LLMAPIKey == "" {
		c.LLMAPIKey = os.Getenv(map[string]string{"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}[c.LLM])
	}
	switch c.Embedder {
	case "local":
	case "openai", "ollama":
		if c.EmbedModel == "" {
			return fmt.Errorf("--embedder %s needs --embed-model (or CITECHAT_EMBED_MODEL)", c.Embedder)
		}
	default:
		return fmt.Errorf("unknown --embedder %q: want local, openai or ollama", c.Embedder)
	}
	switch c.LLM {
	case "", "none":
	case "openai", "ollama", "anthropic":
		if c.LLMModel == "" {
			return fmt.Errorf("--llm %s needs --llm-model (or CITECHAT_LLM_MODEL)", c.LLM)
		}
	default:
		return fmt.Errorf("unknown --llm %q: want none, openai, ollama or anthropic", c.LLM)
	}
	return nil
}
