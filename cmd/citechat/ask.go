package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/citechat/citechat/chat"
)

func runAsk(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var c Config
	fs := newFlags("ask", "usage: citechat ask [--json] [--mode answer|brief] \"question\"\n       citechat ask --json --batch FILE.jsonl", stderr)
	c.registerCommon(fs)
	c.registerLLM(fs)
	asJSON := fs.Bool("json", false, "print the answer object as one JSON line")
	batch := fs.String("batch", "", "answer each line of a JSONL file {\"id\",\"question\",\"history\"}; one answer object per line")
	mode := fs.String("mode", chat.ModeAnswer, "answer | brief")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	question := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if (*batch == "") == (question == "") {
		fs.Usage()
		return exitUsage
	}
	if err := c.validate(); err != nil {
		fmt.Fprintln(stderr, "citechat ask:", err)
		return exitUsage
	}
	log := newLogger(&c, stderr)
	bot, _, err := newBot(ctx, &c, log)
	if err != nil {
		fmt.Fprintln(stderr, "citechat ask:", err)
		return exitFailure
	}
	if *batch != "" {
		return askBatch(ctx, bot, *batch, *mode, stdout, stderr)
	}
	req := chat.Request{ID: "q1", Question: question, Mode: *mode}
	if *asJSON {
		ans, err := bot.Answer(ctx, req, func(chat.Event) error { return nil })
		if err != nil {
			fmt.Fprintln(stderr, "citechat ask:", err)
			return exitFailure
		}
		return writeJSONLine(stdout, stderr, ans)
	}
	return askStream(ctx, bot, req, stdout, stderr)
}

// askStream prints the answer as it streams, then the numbered sources.
func askStream(ctx context.Context, bot *chat.Bot, req chat.Request, stdout, stderr io.Writer) int {
	ans, err := bot.Answer(ctx, req, func(e chat.Event) error {
		if e.Type == chat.EventDelta {
			_, err := io.WriteString(stdout, e.Text)
			return err
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(stderr, "\ncitechat ask:", err)
		return exitFailure
	}
	fmt.Fprintln(stdout)
	if ans.Notice != "" {
		fmt.Fprintln(stdout, "\nNote:", ans.Notice)
	}
	if ans.Brief != nil {
		return exitOK // a brief's Markdown ends with its own numbered sources
	}
	if len(ans.Citations) > 0 {
		fmt.Fprintln(stdout, "\nSources:")
	}
	for _, ci := range ans.Citations {
		fmt.Fprintf(stdout, "  [%d] %s — %s", ci.N, ci.Title, strings.Join(ci.Authors, ", "))
		if ci.Section != "" {
			fmt.Fprintf(stdout, " (%s)", ci.Section)
		}
		fmt.Fprintln(stdout)
	}
	return exitOK
}

// batchLine is one line of `ask --batch` input (shared/BRIEF.md).
type batchLine struct {
	ID       string      `json:"id"`
	Question string      `json:"question"`
	History  []chat.Turn `json:"history"`
	Mode     string      `json:"mode"`
}

// askBatch answers every line; a bad line gets an error line on stderr and
// the run goes on, ending with exitPartial.
func askBatch(ctx context.Context, bot *chat.Bot, path, mode string, stdout, stderr io.Writer) int {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(stderr, "citechat ask:", err)
		return exitFailure
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	code := exitOK
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var line batchLine
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			fmt.Fprintf(stderr, "%s:%d: not a JSON question line: %v\n", path, n, err)
			code = exitPartial
			continue
		}
		if line.Mode == "" {
			line.Mode = mode
		}
		ans, err := bot.Answer(ctx, chat.Request{ID: line.ID, Question: line.Question, History: line.History, Mode: line.Mode}, func(chat.Event) error { return nil })
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return exitFailure
			}
			fmt.Fprintf(stderr, "%s:%d: %v\n", path, n, err)
			code = exitPartial
			continue
		}
		if c := writeJSONLine(stdout, stderr, ans); c != exitOK {
			return c
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", path, err)
		return exitFailure
	}
	return code
}

func writeJSONLine(stdout, stderr io.Writer, v any) int {
	b, err := json.Marshal(v)
	if err != nil {
		fmt.Fprintln(stderr, "citechat:", err)
		return exitFailure
	}
	b = append(b, '\n')
	if _, err := stdout.Write(b); err != nil {
		return exitFailure
	}
	return exitOK
}
