package main

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

func TestRedactingHandlerScrubsEveryPlace(t *testing.T) {
	const key = "sk-abcdef123456"
	var buf bytes.Buffer
	c := Config{LLMAPIKey: key, EmbedAPIKey: "short"}
	log := slog.New(redacting(slog.NewJSONHandler(&buf, nil), c.secrets()))
	log = log.With("conn", "with "+key).WithGroup("g")
	log.Info("message "+key, "err", errors.New("401: "+key), "s", key, "n", 3,
		slog.Group("inner", "k", key), "any", map[string]string{"k": key})
	out := buf.String()
	if strings.Contains(out, key) || strings.Count(out, redacted) != 6 || !strings.Contains(out, `"n":3`) {
		t.Fatalf("%s", out)
	}
	if got := c.secrets(); len(got) != 1 {
		t.Fatalf("secrets %q: a 5-character value is not worth scrubbing", got)
	}
}
