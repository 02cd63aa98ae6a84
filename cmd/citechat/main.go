// Command citechat answers questions about a collection of articles with
// cited, grounded answers.
//
//	citechat serve   [--addr :8080]           the HTTP/websocket server and widget
//	citechat ingest  [--dry-run] [--json] PATH...
//	citechat ask     [--json] [--mode answer|brief] "question" | --batch FILE.jsonl
//	citechat brief   [--format md|html|json] [--out FILE] "topic" | --questions FILE
//	citechat eval    [--set FILE.jsonl] [--json]
//
// This package is the only place that reads flags and the environment and
// picks concrete providers (embedder, LLM); everything else receives them.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit statuses. exitPartial tells scripts that a command did its work but
// skipped something (e.g. an unreadable file during ingest).
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
	exitPartial = 3
)

// command is one subcommand: it parses its own flags from args.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

func commands() map[string]command {
	return map[string]command{
		"serve":  {"run the HTTP, websocket and widget server", runServe},
		"ingest": {"parse articles and add them to the store", runIngest},
		"ask":    {"answer a question (or a batch of them) with citations", runAsk},
		"brief":  {"write a cited briefing on a topic (or a list of questions)", runBrief},
		"eval":   {"measure retrieval and answer quality on a question set", runEval},

		"loadtest": {"load a running server on this machine with concurrent sessions and report latency", runLoadtest},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "citechat: unknown command %q\n\n", args[0])
		usage(stderr)
		return exitUsage
	}
	return cmd.run(ctx, args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: citechat COMMAND [flags]\n\ncommands:")
	for _, name := range []string{"serve", "ingest", "ask", "brief", "eval", "loadtest"} {
		if c, ok := commands()[name]; ok {
			fmt.Fprintf(w, "  %-8s %s\n", name, c.summary)
		}
	}
	fmt.Fprintln(w, "\nRun `citechat COMMAND --help` for a command's flags.")
}

// newFlags starts a command's flag set: parse errors and usage go to
// stderr, and usage prints the command's synopsis before its flags.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, synopsis+"\n\nflags:")
		fs.PrintDefaults()
	}
	return fs
}
