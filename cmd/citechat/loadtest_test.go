package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/citechat/citechat/web/loadgen"
)

// runLoad runs `citechat loadtest --json` against l and decodes its report.
func runLoad(t *testing.T, l *live, args ...string) (int, loadgen.Report) {
	t.Helper()
	args = append([]string{"loadtest", "--url", l.base, "--json", "--settle", "10s",
		"--questions", "../../testdata/eval/dev.jsonl"}, args...)
	code, stdout, stderr := runCmd(t, args...)
	var rep loadgen.Report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("exit %d, report %v:\n%s\n%s", code, err, stdout, stderr)
	}
	return code, rep
}

func TestLoadtestWebsocketAndSSE(t *testing.T) {
	noLeak(t)
	l := startLive(t, Config{})
	for _, mode := range [][]string{{"--clients", "8"}, {"--clients", "4", "--sse"}} {
		code, rep := runLoad(t, l, append(mode, "--count", "30")...)
		if code != exitOK || rep.Answers != 30 || rep.ErrorCount != 0 || rep.FirstDelta.N == 0 || rep.Done.N != 30 {
			t.Fatalf("%v: exit %d, %d answers, errors %v, first delta %+v", mode, code, rep.Answers, rep.Errors, rep.FirstDelta)
		}
		if !rep.Server.Baseline || rep.Server.After.Answers-rep.Server.Before.Answers != 30 {
			t.Fatalf("%v: server %+v", mode, rep.Server)
		}
	}
}

func TestLoadtestIdleConnections(t *testing.T) {
	noLeak(t)
	l := startLive(t, Config{})
	code, rep := runLoad(t, l, "--idle", "40", "--duration", "1s", "--hold", "200ms")
	if code != exitOK || rep.Mode != "idle" || rep.Held != 40 || rep.Server.Peak.OpenConns != 40 || rep.PerConnection == nil {
		t.Fatalf("exit %d: %+v", code, rep)
	}
	if rep.Server.After.OpenConns != 0 || !rep.Server.Baseline {
		t.Fatalf("after: %+v", rep.Server.After)
	}
}

func TestLoadtestRefusesOtherMachines(t *testing.T) {
	for _, url := range []string{"http://example.com:8080", "http://192.0.2.7"} {
		code, _, stderr := runCmd(t, "loadtest", "--url", url, "--count", "1")
		if code != exitUsage || !strings.Contains(stderr, "loopback") {
			t.Errorf("%s: exit %d, %q", url, code, stderr)
		}
	}
}
