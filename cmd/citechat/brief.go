package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/citechat/citechat/chat"
)

// briefFormats are the renderings `citechat brief` writes.
var briefFormats = map[string]func(io.Writer, *chat.Answer) error{
	"md": func(w io.Writer, a *chat.Answer) error {
		_, err := io.WriteString(w, chat.BriefMarkdown(a))
		return err
	},
	"html": chat.BriefHTML,
	"json": func(w io.Writer, a *chat.Answer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(a)
	},
}

func runBrief(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var c Config
	fs := newFlags("brief", "usage: citechat brief [--format md|html|json] [--out FILE] \"topic\"\n       citechat brief [--format md|html|json] [--out FILE] [--title T] --questions FILE", stderr)
	c.registerCommon(fs)
	c.registerLLM(fs)
	format := fs.String("format", "md", "output format: md | html (a printable, self-contained page) | json (the answer object with its brief)")
	out := fs.String("out", "", "write the brief to FILE instead of standard output")
	questions := fs.String("questions", "", "brief a list of questions: a text FILE with one question per line, or JSONL {\"id\",\"question\"}")
	title := fs.String("title", "", "the title of a --questions brief (default: from the file name)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	topic := strings.TrimSpace(strings.Join(fs.Args(), " "))
	render, ok := briefFormats[*format]
	if (*questions == "") == (topic == "") || !ok {
		if !ok {
			fmt.Fprintf(stderr, "citechat brief: unknown --format %q: want md, html or json\n", *format)
		}
		fs.Usage()
		return exitUsage
	}
	if err := c.validate(); err != nil {
		fmt.Fprintln(stderr, "citechat brief:", err)
		return exitUsage
	}
	bot, _, err := newBot(ctx, &c, newLogger(&c, stderr))
	if err != nil {
		fmt.Fprintln(stderr, "citechat brief:", err)
		return exitFailure
	}
	var ans *chat.Answer
	code := exitOK
	if *questions != "" {
		ans, code = briefQuestions(ctx, bot, *questions, *title, stderr)
	} else {
		ans, err = bot.Answer(ctx, chat.Request{ID: "brief", Question: topic, Mode: chat.ModeBrief}, nil)
		if err != nil {
			code = exitFailure
			fmt.Fprintln(stderr, "citechat brief:", err)
		}
	}
	if ans == nil {
		return code
	}
	if err := writeBrief(*out, stdout, ans, render); err != nil {
		fmt.Fprintln(stderr, "citechat brief:", err)
		return exitFailure
	}
	if ans.Notice != "" {
		fmt.Fprintln(stderr, "citechat brief: note:", ans.Notice)
	}
	return code
}

// writeBrief renders the brief to path (through a temporary file, so a
// failed run leaves no half-written brief) or, when path is "", to stdout.
func writeBrief(path string, stdout io.Writer, ans *chat.Answer, render func(io.Writer, *chat.Answer) error) error {
	var buf bytes.Buffer
	if err := render(&buf, ans); err != nil {
		return err
	}
	if path == "" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// briefQuestions answers every question of the file and combines the
// answers into one brief. A line that cannot be read or answered is
// reported on stderr and skipped, and the run ends with exitPartial.
func briefQuestions(ctx context.Context, bot *chat.Bot, path, title string, stderr io.Writer) (*chat.Answer, int) {
	lines, code, err := readQuestions(path, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "citechat brief:", err)
		return nil, exitFailure
	}
	var answers []*chat.Answer
	for _, l := range lines {
		ans, err := bot.Answer(ctx, chat.Request{ID: l.ID, Question: l.Question, History: l.History}, nil)
		if errors.Is(err, context.Canceled) {
			return nil, exitFailure
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: %s: %v\n", path, l.ID, err)
			code = exitPartial
			continue
		}
		answers = append(answers, ans)
	}
	if title == "" {
		title = titleFromFile(path)
	}
	return chat.QuestionsBrief(title, answers), code
}

// readQuestions reads a questions file: one question per line, or a JSON
// object {"id","question","history"} per line; blank lines and lines
// starting with "#" are skipped. Questions without an id are numbered
// q1, q2, … by line.
func readQuestions(path string, stderr io.Writer) ([]batchLine, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, exitFailure, err
	}
	defer f.Close()
	code := exitOK
	var out []batchLine
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimSpace(sc.Text())
		var l batchLine
		switch {
		case text == "" || strings.HasPrefix(text, "#"):
			continue
		case strings.HasPrefix(text, "{"):
			if err := json.Unmarshal([]byte(text), &l); err != nil {
				fmt.Fprintf(stderr, "%s:%d: not a JSON question line: %v\n", path, n, err)
				code = exitPartial
				continue
			}
		default:
			l.Question = text
		}
		if l.ID == "" {
			l.ID = fmt.Sprintf("q%d", n)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, exitFailure, fmt.Errorf("%s: %w", path, err)
	}
	return out, code, nil
}

// titleFromFile makes a title of a file name: "asean-questions.txt" →
// "asean questions" (the brief's title capitalises it).
func titleFromFile(path string) string {
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' }), " ")
}
