package loadgen

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// ServerStats is what the server says about itself on /metrics.
type ServerStats struct {
	HeapInuse  float64        `json:"heap_inuse_bytes"`      // go_memstats_heap_inuse_bytes
	RSS        float64        `json:"resident_bytes"`        // process_resident_memory_bytes
	CPUSeconds float64        `json:"cpu_seconds"`           // process_cpu_seconds_total
	Goroutines int            `json:"goroutines"`            // go_goroutines
	OpenConns  int            `json:"websocket_connections"` // citechat_websocket_connections
	Answers    int            `json:"answers_total"`         // citechat_answers_total, all transports
	Errors     map[string]int `json:"errors_total"`          // citechat_errors_total by code
}

// Scrape reads the server's /metrics (Prometheus text format) under
// baseURL.
func Scrape(ctx context.Context, client *http.Client, baseURL string) (ServerStats, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(baseURL, "/")+"/metrics", nil)
	if err != nil {
		return ServerStats{}, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return ServerStats{}, fmt.Errorf("scrape: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return ServerStats{}, fmt.Errorf("scrape: %s", resp.Status)
	}
	return parseMetrics(resp.Body)
}

// parseMetrics reads the few series ServerStats wants from the text
// exposition format: "name{labels} value" lines, # comments skipped.
func parseMetrics(r io.Reader) (ServerStats, error) {
	st := ServerStats{Errors: map[string]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		sp := strings.LastIndexByte(line, ' ')
		if sp < 0 {
			continue
		}
		v, err := strconv.ParseFloat(line[sp+1:], 64)
		if err != nil {
			continue
		}
		name, labels, _ := strings.Cut(line[:sp], "{")
		switch name {
		case "go_memstats_heap_inuse_bytes":
			st.HeapInuse = v
		case "process_resident_memory_bytes":
			st.RSS = v
		case "process_cpu_seconds_total":
			st.CPUSeconds = v
		case "go_goroutines":
			st.Goroutines = int(v)
		case "citechat_websocket_connections":
			st.OpenConns = int(v)
		case "citechat_answers_total":
			st.Answers += int(v)
		case "citechat_errors_total":
			st.Errors[label(labels, "code")] += int(v)
		}
	}
	return st, sc.Err()
}

// label returns the value of name in a `a="x",b="y"}` label list.
func label(labels, name string) string {
	for _, kv := range strings.Split(strings.TrimSuffix(labels, "}"), ",") {
		if k, v, ok := strings.Cut(kv, "="); ok && k == name {
			return strings.Trim(v, `"`)
		}
	}
	return ""
}

// delta is the server's error counts added between two scrapes.
func (after ServerStats) delta(before ServerStats) map[string]int {
	d := map[string]int{}
	for code, n := range after.Errors {
		if n -= before.Errors[code]; n > 0 {
			d[code] = n
		}
	}
	return d
}
