package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/citechat/citechat/web"
)

// Main is the server program as a value, so tests can run the real thing
// on port 0 against a temporary data directory (after benbjohnson/wtf's
// cmd/wtfd). Run starts it; Close stops it gracefully.
type Main struct {
	Config Config
	Log    *slog.Logger
	// ReloadEvery is how often the store file is checked for a newer
	// version written by `citechat ingest`; zero disables reloading.
	ReloadEvery time.Duration

	server *web.Server
	ln     net.Listener
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	m := &Main{ReloadEvery: 2 * time.Second}
	fs := newFlags("serve", "usage: citechat serve [--addr HOST:PORT] [flags]\n\nServes the websocket, REST/SSE API, metrics and the chat widget. On first start it\ningests the bundled report into --data. It reloads the store when `citechat ingest`\nrewrites it, without downtime.", stderr)
	m.Config.registerCommon(fs)
	m.Config.registerLLM(fs)
	fs.StringVar(&m.Config.Addr, "addr", envOr("CITECHAT_ADDR", ":8080"), "listen address HOST:PORT (env CITECHAT_ADDR)")
	fs.StringVar(&m.Config.PartnersFile, "partners", envOr("CITECHAT_PARTNERS", ""), "partners file (YAML or JSON) with keys, origins and limits; empty allows only same-origin and localhost (env CITECHAT_PARTNERS)")
	fs.DurationVar(&m.Config.ShutdownGrace, "shutdown-grace", envDuration("CITECHAT_SHUTDOWN_GRACE", 10*time.Second), "how long in-flight answers may finish on shutdown (env CITECHAT_SHUTDOWN_GRACE)")
	fs.IntVar(&m.Config.MaxConns, "max-conns", envInt("CITECHAT_MAX_CONNS", 0), "open websockets in all (env CITECHAT_MAX_CONNS; 0 = 10000)")
	fs.IntVar(&m.Config.MaxConnsPerAddr, "max-conns-per-addr", envInt("CITECHAT_MAX_CONNS_PER_ADDR", 0), "open websockets per client address (env CITECHAT_MAX_CONNS_PER_ADDR; 0 = 64)")
	fs.StringVar(&m.Config.TrustedProxies, "trusted-proxies", envOr("CITECHAT_TRUSTED_PROXIES", ""), "comma-separated proxy IPs/CIDRs whose X-Forwarded-For is believed (env CITECHAT_TRUSTED_PROXIES)")
	fs.DurationVar(&m.Config.AnswerTimeout, "answer-timeout", envDuration("CITECHAT_ANSWER_TIMEOUT", 0), "deadline for one answer, end to end (env CITECHAT_ANSWER_TIMEOUT; 0 = 60s)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if err := m.Config.validate(); err != nil {
		fmt.Fprintln(stderr, "citechat serve:", err)
		return exitUsage
	}
	m.Log = newLogger(&m.Config, stderr)
	if err := m.Run(ctx); err != nil {
		m.Log.Error("serve", "err", err)
		m.Close()
		return exitFailure
	}
	<-ctx.Done()
	m.Log.Info("shutting down", "grace", m.Config.ShutdownGrace)
	if err := m.Close(); err != nil {
		m.Log.Error("shutdown", "err", err)
		return exitFailure
	}
	return exitOK
}

// Run listens, starts serving at once (so /healthz answers and /readyz says
// 503 while the store loads), loads the store and then marks the server
// ready. It returns when the server is ready or failed to become so.
func (m *Main) Run(ctx context.Context) error {
	if m.Log == nil {
		m.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	m.Log = slog.New(redacting(m.Log.Handler(), m.Config.secrets())) // redact.go
	gate, err := newGate(&m.Config)
	if err != nil {
		return err
	}
	m.server = web.New(web.Config{
		Logger:          m.Log,
		Gate:            gate,
		MaxConns:        m.Config.MaxConns,
		MaxConnsPerAddr: m.Config.MaxConnsPerAddr,
		TrustedProxies:  splitList(m.Config.TrustedProxies),
		AnswerTimeout:   m.Config.AnswerTimeout,
	})
	ln, err := net.Listen("tcp", m.Config.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	m.ln = ln
	m.Log.Info("listening", "addr", ln.Addr().String())
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		if err := m.server.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.Log.Error("serve", "err", err)
		}
	}()
	runCtx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	if err := m.load(ctx); err != nil {
		return err
	}
	if m.ReloadEvery > 0 {
		m.wg.Add(1)
		last := modTime(storePath(&m.Config)) // now, not when the goroutine starts: a change after Run returns is seen
		go func() { defer m.wg.Done(); m.watchStore(runCtx, last) }()
	}
	return nil
}

// load opens the library and hands the server its backend.
func (m *Main) load(ctx context.Context) error {
	st, err := openLibrary(ctx, &m.Config, m.Log)
	if err != nil {
		return err
	}
	bot, err := botFor(&m.Config, st)
	if err != nil {
		return err
	}
	m.server.SetBackend(bot, st)
	m.Log.Info("ready", "articles", len(st.Articles()), "chunks", st.Count())
	return nil
}

// Addr is the address the server listens on (useful with port 0).
func (m *Main) Addr() string { return m.ln.Addr().String() }

// Close stops accepting, lets in-flight answers finish within the grace
// period, closes the remaining websockets with 1001 and waits for every
// goroutine Run started.
func (m *Main) Close() error {
	if m.cancel != nil {
		m.cancel()
	}
	var err error
	if m.server != nil {
		grace := m.Config.ShutdownGrace
		if grace <= 0 {
			grace = 10 * time.Second
		}
		ctx, cancel := context.WithTimeout(context.Background(), grace)
		err = m.server.Shutdown(ctx)
		cancel()
	}
	m.wg.Wait()
	return err
}

// watchStore swaps in a new store when `citechat ingest` has replaced the
// file (the rename makes the change atomic). Readers keep using the old
// store until the swap; a store that fails to load is logged and skipped,
// so a bad ingest never takes the server down.
func (m *Main) watchStore(ctx context.Context, last time.Time) {
	path := storePath(&m.Config)
	t := time.NewTicker(m.ReloadEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		mt := modTime(path)
		if mt.IsZero() || mt.Equal(last) {
			continue
		}
		last = mt
		if err := m.load(ctx); err != nil {
			m.Log.Error("reload store: keeping the current one", "err", err)
		}
	}
}

func modTime(path string) time.Time {
	fi, err := os.Stat(path)
	if err != nil {
		return time.Time{}
	}
	return fi.ModTime()
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
