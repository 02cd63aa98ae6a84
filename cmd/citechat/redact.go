package main

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
)

// Secrets never reach a log line. Providers may quote the key they were
// sent in an error body ("Incorrect API key provided: sk-…"), and such an
// error travels up through the layers into the server's logs; only cmd
// knows the keys, so cmd scrubs them from every record, whatever the layer
// that logged it.

// secrets are the configured keys worth scrubbing (very short values would
// match ordinary words).
func (c *Config) secrets() []string {
	var out []string
	for _, s := range []string{c.LLMAPIKey, c.EmbedAPIKey} {
		if len(s) >= 8 {
			out = append(out, s)
		}
	}
	return out
}

const redacted = "[REDACTED]"

// redactHandler replaces every occurrence of a secret in a record's
// message and attributes (errors and other values included, as text).
type redactHandler struct {
	slog.Handler
	secrets []string
}

func redacting(h slog.Handler, secrets []string) slog.Handler {
	if len(secrets) == 0 {
		return h
	}
	return &redactHandler{Handler: h, secrets: secrets}
}

func (h *redactHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, h.scrub(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.Handler.Handle(ctx, out)
}

func (h *redactHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		clean[i] = h.attr(a)
	}
	return &redactHandler{Handler: h.Handler.WithAttrs(clean), secrets: h.secrets}
}

func (h *redactHandler) WithGroup(name string) slog.Handler {
	return &redactHandler{Handler: h.Handler.WithGroup(name), secrets: h.secrets}
}

func (h *redactHandler) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, h.scrub(v.String()))
	case slog.KindAny:
		s := fmt.Sprint(v.Any())
		if c := h.scrub(s); c != s {
			return slog.String(a.Key, c)
		}
	case slog.KindGroup:
		g := v.Group()
		clean := make([]any, len(g))
		for i, ga := range g {
			clean[i] = h.attr(ga)
		}
		return slog.Group(a.Key, clean...)
	}
	return slog.Attr{Key: a.Key, Value: v}
}

func (h *redactHandler) scrub(s string) string {
	for _, secret := range h.secrets {
		s = strings.ReplaceAll(s, secret, redacted)
	}
	return s
}
