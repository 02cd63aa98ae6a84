package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress draws a one-line bar on a terminal for runs long enough to need
// one; elsewhere (pipes, CI) it stays silent.
type progress struct {
	w       io.Writer
	label   string
	start   time.Time
	enabled bool
	drawn   bool
}

// showAfter keeps short runs free of flicker.
const showAfter = 500 * time.Millisecond

func newProgress(w io.Writer, label string) *progress {
	return &progress{w: w, label: label, start: time.Now(), enabled: isTerminal(w)}
}

func (p *progress) update(done, total int) {
	if !p.enabled || total == 0 || time.Since(p.start) < showAfter {
		return
	}
	const width = 30
	n := done * width / total
	fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d", p.label, strings.Repeat("#", n), strings.Repeat(" ", width-n), done, total)
	p.drawn = true
}

func (p *progress) finish() {
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}
