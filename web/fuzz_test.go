package web

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/citechat/citechat/chat"
)

// Fuzz targets for every parser of untrusted input in web: websocket
// messages, REST bodies, Origin headers, and the partners file (trusted, but
// a typo must be an error, never a crash). Run one with, e.g.
//
//	go test -run '^$' -fuzz '^FuzzDecodeMessage$' -fuzztime 45s -parallel 2 ./web
//
// Seeds and every input that once failed live in testdata/fuzz/FuzzX.
//
// The invariant they share: bad input is the client's mistake, so it is
// reported with a client code (bad_request, too_large), never as our fault
// ("internal"), and nothing the client sent is echoed back unbounded.

func FuzzDecodeMessage(f *testing.F) {
	for _, s := range []string{
		`{"type":"ask","id":"q1","question":"Who wrote the foreword?"}`,
		`{"type":"ask","id":"q2","question":"And it?","history":[{"q":"a","a":"b"}],"mode":"brief","filters":{"articles":["x"],"authors":["y"]}}`,
		`{"type":"cancel","id":"q1"}`,
		`{"type":"ask","id":1}`, `{"type":"","id":"x"}`, `{"id":"x"}`, `{"type":"ask"}`, `{"type":"ask","id":"x","Question":"q"}`,
		`{"type":"ask","id":"x","extra":true}`, `{"type":"ask","id":"x"} {}`, `null`, `[]`, `"ask"`, ``, `{`,
		`{"type":"ask","id":"` + strings.Repeat("i", 200) + `"}`,
		`{"type":"ask","id":"n","history":` + strings.Repeat("[", 12000) + `}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := decodeMessage(data)
		if len(m.ID) > maxIDBytes {
			t.Fatalf("id of %d bytes would be echoed back", len(m.ID))
		}
		if err != nil {
			clientFault(t, err)
			return
		}
		if (m.Type != msgAsk && m.Type != msgCancel) || m.ID == "" {
			t.Fatalf("accepted %+v", m)
		}
	})
}

func FuzzDecodeBody(f *testing.F) {
	for _, s := range []string{
		`{"id":"r1","question":"Who?"}`, `{"question":"  x  ","history":[{"q":"a","a":"b"}]}`,
		`{"question":"q","mode":"nope"}`, `{"question":"q","filters":{"articles":[]}}`, `{"question":""}`,
		`{"question":"q"}{}`, `{"question":1}`, `[1]`, `{"question":"q","unknown":1}`, ``, `{"question":"\ud800"}`,
	} {
		f.Add([]byte(s))
	}
	s := New(Config{Logger: discardLogger()})
	f.Fuzz(func(t *testing.T, data []byte) {
		var req chat.Request
		if err := decodeStrict(bytes.NewReader(data), &req); err != nil {
			clientFault(t, err)
			return
		}
		if err := s.checkRequest(&req); err != nil {
			clientFault(t, err)
			return
		}
		n := utf8.RuneCountInString(req.Question)
		if req.Question == "" || strings.TrimSpace(req.Question) != req.Question || n > s.cfg.MaxQuestionChars {
			t.Fatalf("accepted question %q", req.Question)
		}
		if len(req.History) > s.cfg.MaxHistoryTurns || len(req.ID) > maxIDBytes {
			t.Fatalf("accepted %d turns, id of %d bytes", len(req.History), len(req.ID))
		}
	})
}

// clientFault checks that err is told to the client as its own mistake.
func clientFault(t *testing.T, err error) {
	t.Helper()
	w, fault := toWire(err)
	var e *Error
	if fault || !errors.As(err, &e) || (w.Code != CodeBadRequest && w.Code != CodeTooLarge) {
		t.Fatalf("%v reported as %s (fault %v)", err, w.Code, fault)
	}
	if len(w.Message) > 1000 {
		t.Fatalf("a %d-byte message goes back to the client", len(w.Message))
	}
}

// FuzzOrigin: an Origin header that parses is one a browser could send,
// prints back to an equal entry, and is allowed by that entry.
func FuzzOrigin(f *testing.F) {
	for _, s := range []string{"https://news.example.org", "http://localhost:3000", "https://[::1]:8443", "null",
		"https://*.example.org", "https://a.example.org/", "HTTPS://A.EXAMPLE.ORG:443", "http://user@x.org", "ftp://x.org", "https://x.org?q"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o, err := parseRequestOrigin(s)
		if err != nil {
			return
		}
		again, err := parseOrigin(o.String())
		if err != nil || again != o {
			t.Fatalf("%q → %+v → %q → %+v, %v", s, o, o.String(), again, err)
		}
		if !o.matches(o) {
			t.Fatalf("%q does not match itself", s)
		}
	})
}

// FuzzPartnersFile: a file that loads is a valid set of partners; one that
// does not gives an error, never a panic.
func FuzzPartnersFile(f *testing.F) {
	yamlSeed := "partners:\n  - key: pk_examplenews_7f3a\n    name: Example News\n    origins:\n      - https://news.example.org\n      - https://*.example.org\n    limits:\n      asks_per_minute: 10\n      asks_per_day: 5000\n"
	jsonSeed := `{"partners":[{"key":"pk_examplenews_7f3a","name":"Example News","origins":["https://news.example.org"],"limits":{"asks_per_minute":10}}]}`
	f.Add([]byte(yamlSeed), true)
	f.Add([]byte(jsonSeed), false)
	f.Add([]byte("partners:\n  - key: k\n    key: j\n"), true)
	f.Add([]byte(`{"partners":[{"Key":"pk_aaaa","key":"pk_bbbb"}]}`), false)
	f.Add([]byte("*a: &a [*a]\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, yaml bool) {
		ext := ".json"
		if yaml {
			ext = ".yaml"
		}
		ps, err := parsePartners(ext, data)
		if err != nil {
			return
		}
		keys := map[string]bool{}
		for _, p := range ps {
			if !keySyntax.MatchString(p.Key) || keys[p.Key] || p.Name == "" || len(p.origins) == 0 {
				t.Fatalf("accepted partner %+v", p)
			}
			keys[p.Key] = true
			if p.AsksPerMinute < 1 || p.AsksPerMinute > maxLimit || p.AsksPerDay < 1 || p.AsksPerDay > maxLimit {
				t.Fatalf("accepted limits %d/min, %d/day", p.AsksPerMinute, p.AsksPerDay)
			}
			for _, o := range p.origins {
				if again, err := parseOrigin(o.String()); err != nil || again != o {
					t.Fatalf("origin %+v prints as %q, which reads back as %+v (%v)", o, o.String(), again, err)
				}
			}
		}
	})
}
