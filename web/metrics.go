package web

import (
	"time"

	"github.com/citechat/citechat/chat"
	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus series, in a registry of its own (not
// the global one) so that two servers in one process, as in tests, do not
// collide. Labels are bounded: routes are gin's patterns, never raw paths,
// and no label carries a key, an origin or a question.
type metrics struct {
	reg         *prometheus.Registry
	requests    *prometheus.CounterVec // route, status
	openConns   prometheus.Gauge
	answers     *prometheus.CounterVec // transport
	abstentions *prometheus.CounterVec // transport
	errors      *prometheus.CounterVec // code
	firstDelta  prometheus.Histogram
	retrieval   prometheus.Histogram
	answerTime  prometheus.Histogram
}

// latencyBuckets run from 0.25 ms to about 8 s, doubling.
var latencyBuckets = prometheus.ExponentialBuckets(0.00025, 2, 16)

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "citechat_http_requests_total", Help: "HTTP requests by route pattern and status."},
			[]string{"route", "status"}),
		openConns: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "citechat_websocket_connections", Help: "Open websocket connections."}),
		answers: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "citechat_answers_total", Help: "Answers completed, by transport (ws, sse, rest)."},
			[]string{"transport"}),
		abstentions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "citechat_abstentions_total", Help: "Answers that said the collection does not cover the question."},
			[]string{"transport"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "citechat_errors_total", Help: "Errors sent to clients, by wire code."},
			[]string{"code"}),
		firstDelta: histogram("citechat_time_to_first_delta_seconds",
			"From accepting a question to its first answer text."),
		retrieval: histogram("citechat_retrieval_seconds",
			"Retrieval time reported by the answerer (timings_ms.retrieve)."),
		answerTime: histogram("citechat_answer_seconds",
			"Answer time reported by the answerer (timings_ms.answer)."),
	}
	m.reg.MustRegister(m.requests, m.openConns, m.answers, m.abstentions, m.errors,
		m.firstDelta, m.retrieval, m.answerTime,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func histogram(name, help string) prometheus.Histogram {
	return prometheus.NewHistogram(prometheus.HistogramOpts{Name: name, Help: help, Buckets: latencyBuckets})
}

// answered records a completed answer.
func (m *metrics) answered(transport string, a *chat.Answer) {
	m.answers.WithLabelValues(transport).Inc()
	if a.Abstained {
		m.abstentions.WithLabelValues(transport).Inc()
	}
	if ms, ok := a.TimingsMS["retrieve"]; ok {
		m.retrieval.Observe(ms / 1000)
	}
	if ms, ok := a.TimingsMS["answer"]; ok {
		m.answerTime.Observe(ms / 1000)
	}
}

func (m *metrics) sinceFirstDelta(start time.Time) {
	m.firstDelta.Observe(time.Since(start).Seconds())
}

func (m *metrics) handler() gin.HandlerFunc {
	return gin.WrapH(promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
}
