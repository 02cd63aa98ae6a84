package web

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/citechat/citechat/chat"
	"github.com/citechat/citechat/retrieval"
	"github.com/gin-gonic/gin"
	"github.com/gorilla/websocket"
)

func init() {
	// Gin's debug mode prints every route and a warning to stdout; the
	// server logs through slog instead.
	gin.SetMode(gin.ReleaseMode)
}

// Answerer answers one question, streaming its events to emit
// (*chat.Bot satisfies it).
type Answerer interface {
	Answer(ctx context.Context, req chat.Request, emit chat.Emit) (*chat.Answer, error)
}

// Library is the article catalogue (*retrieval.Store satisfies it).
type Library interface {
	Articles() []retrieval.Article
	Article(id string) (retrieval.Article, bool)
}

// backend is what SetBackend installs; it is swapped atomically so an
// ingest can replace the store without a restart.
type backend struct {
	answerer Answerer
	lib      Library
}

// Server is the HTTP server. Create it with New, install the backend with
// SetBackend, serve with Serve (or mount Handler), stop with Shutdown.
type Server struct {
	cfg      Config
	log      *slog.Logger
	gate     Gate
	metrics  *metrics
	handler  http.Handler
	upgrader websocket.Upgrader
	backend  atomic.Pointer[backend]

	work  work        // answers in flight, for Shutdown to wait on
	conns connTracker // live websockets, for Shutdown to close

	// answers is the parent of every request's context (http.Server's
	// BaseContext) and of every websocket answer; cancelling it stops all
	// answers when Shutdown's deadline passes.
	answers     context.Context
	stopAnswers context.CancelCauseFunc

	mu      sync.Mutex
	servers []*http.Server
	closed  bool
}

// New returns a server with cfg's zero fields set to their defaults. It is
// not ready (/readyz 503, answers unavailable) until SetBackend.
func New(cfg Config) *Server {
	cfg = cfg.withDefaults()
	s := &Server{cfg: cfg, log: cfg.Logger, gate: cfg.Gate, metrics: newMetrics()}
	s.answers, s.stopAnswers = context.WithCancelCause(context.Background())
	s.conns.init()
	s.upgrader = websocket.Upgrader{
		HandshakeTimeout: cfg.WriteWait,
		// Zero ReadBufferSize reuses net/http's buffer; the pool lends write
		// buffers only while a frame is written, so idle connections hold none.
		WriteBufferPool: &sync.Pool{},
		CheckOrigin:     checkOrigin,
		Error:           s.upgradeError,
	}
	s.handler = s.routes()
	return s
}

// SetBackend installs the answerer and the catalogue; the server is ready
// from then on. Calling it again swaps both atomically (answers already
// running finish on the old ones). SetBackend(nil, nil) makes the server
// unready again.
func (s *Server) SetBackend(a Answerer, lib Library) {
	if a == nil || lib == nil {
		s.backend.Store(nil)
		return
	}
	s.backend.Store(&backend{answerer: a, lib: lib})
}

// Handler returns the server's routes as an http.Handler. Shutdown's
// guarantee that REST and SSE answers stop at the deadline holds only for
// Serve, which gives requests the server's context.
func (s *Server) Handler() http.Handler { return s.handler }

// Serve accepts connections on ln until Shutdown. It returns nil after
// Shutdown, http.ErrServerClosed if Shutdown had already been called, and
// otherwise the error that stopped it. Timeouts: request headers must arrive
// within Config.HeaderTimeout; bodies are read under Config.BodyTimeout by
// the handlers; there is no server-wide write timeout because SSE streams
// set a deadline per event instead.
func (s *Server) Serve(ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: s.cfg.HeaderTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    32 << 10,
		BaseContext:       func(net.Listener) context.Context { return s.answers },
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ln.Close() // as http.Server.Serve does: Serve always closes ln
		return http.ErrServerClosed
	}
	s.servers = append(s.servers, srv)
	s.mu.Unlock()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
