package loadgen

import (
	"strings"
	"testing"
)

// The load tool's own parsers: the questions file and the Prometheus text
// it scrapes. Neither may panic; a parsed question is one trimmed line.

func FuzzParseQuestions(f *testing.F) {
	f.Add("{\"id\":\"d1\",\"question\":\"Who?\"}\n# note\n\nWhat is it?\n")
	f.Add("{\"question\":")
	f.Add("{\"question\":\"\\u2028x\"}")
	f.Fuzz(func(t *testing.T, s string) {
		qs, err := ParseQuestions(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, q := range qs {
			if q == "" || strings.TrimSpace(q) != q {
				t.Fatalf("question %q", q)
			}
		}
	})
}

func FuzzParseMetrics(f *testing.F) {
	f.Add("# HELP go_goroutines x\ngo_goroutines 12\ncitechat_errors_total{code=\"too_slow\"} 3\nprocess_resident_memory_bytes 4.5e+07\n")
	f.Add("citechat_errors_total{code=\"a\",x=\"b\"} NaN\ncitechat_answers_total{transport=\"ws\"} +Inf\n{ 1\n")
	f.Fuzz(func(t *testing.T, s string) {
		st, err := parseMetrics(strings.NewReader(s))
		if err == nil && st.Errors == nil {
			t.Fatal("nil error map")
		}
	})
}
