package web

import (
	"log/slog"
	"time"
)

// Timing of a websocket connection, named together. Config can override
// them (tests use short ones); pingPeriod is always derived from PongWait.
const (
	// defaultWriteWait bounds writing one frame (or ping, or close) to a
	// client; a write that takes longer closes the connection.
	defaultWriteWait = 10 * time.Second
	// defaultPongWait is how long a connection may stay silent: the client
	// must answer our ping within it.
	defaultPongWait = 60 * time.Second
	// defaultSendWait is how long an answer waits for room in a slow
	// client's outgoing queue before it is cancelled (backpressure).
	defaultSendWait = 5 * time.Second
	// defaultCloseGrace is how long we wait for the client's reply to our
	// close frame before dropping the connection.
	defaultCloseGrace = 2 * time.Second
)

// pingPeriod sends pings often enough that one arrives, and is answered,
// before the read deadline set from pongWait passes. Half the wait (rather
// than gorilla's example of nine tenths) leaves a client half a minute to
// answer: under load tests on a starved 2-core machine, clients given six
// seconds missed their pong and were dropped.
func pingPeriod(pongWait time.Duration) time.Duration { return pongWait / 2 }

// Config holds the server's collaborators, limits and timeouts. Zero fields
// take the defaults shown.
type Config struct {
	Logger *slog.Logger // default slog.Default()
	Gate   Gate         // default LocalGate{}

	// TrustedProxies are the addresses (IPs or CIDRs) of reverse proxies
	// whose X-Forwarded-For is believed when working out a client's
	// address. Default none: the peer address is the client's. An invalid
	// entry is logged and all are ignored.
	TrustedProxies []string

	MaxBodyBytes     int64 // REST request body: 64 KiB (413 above)
	MaxMessageBytes  int64 // websocket message: 64 KiB (close 1009 above)
	MaxQuestionChars int   // question length in characters: 2000 (too_large above)
	MaxHistoryTurns  int   // turns of history kept and passed on: 10 (the latest)
	MaxAsksPerConn   int   // asks running at once on one websocket: 4
	MaxConnsPerAddr  int   // open websockets per client address: 64 (429 above)
	MaxConns         int   // open websockets in all: 10000 (503 above)
	QueueLen         int   // outgoing frames queued per websocket: 32

	AnswerTimeout time.Duration // one answer, end to end: 60s
	HeaderTimeout time.Duration // request headers: 10s
	BodyTimeout   time.Duration // reading a REST body: 10s
	IdleTimeout   time.Duration // idle keep-alive HTTP connection: 120s
	WriteWait     time.Duration // see defaultWriteWait
	PongWait      time.Duration // see defaultPongWait
	SendWait      time.Duration // see defaultSendWait
	CloseGrace    time.Duration // see defaultCloseGrace
}

func (c Config) withDefaults() Config {
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Gate == nil {
		c.Gate = LocalGate{}
	}
	setDefault(&c.MaxBodyBytes, 64<<10)
	setDefault(&c.MaxMessageBytes, 64<<10)
	setDefault(&c.MaxQuestionChars, 2000)
	setDefault(&c.MaxHistoryTurns, 10)
	setDefault(&c.MaxAsksPerConn, 4)
	setDefault(&c.MaxConnsPerAddr, 64)
	setDefault(&c.MaxConns, 10000)
	setDefault(&c.QueueLen, 32)
	setDefault(&c.AnswerTimeout, 60*time.Second)
	setDefault(&c.HeaderTimeout, 10*time.Second)
	setDefault(&c.BodyTimeout, 10*time.Second)
	setDefault(&c.IdleTimeout, 120*time.Second)
	setDefault(&c.WriteWait, defaultWriteWait)
	setDefault(&c.PongWait, defaultPongWait)
	setDefault(&c.SendWait, defaultSendWait)
	setDefault(&c.CloseGrace, defaultCloseGrace)
	return c
}

func setDefault[T int | int64 | time.Duration](p *T, def T) {
	if *p <= 0 {
		*p = def
	}
}
