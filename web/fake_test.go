package web

import (
	"context"
	"strings"
	"sync"

	"github.com/citechat/citechat/chat"
	"github.com/citechat/citechat/retrieval"
)

// fakeAnswerer streams a fixed cited answer. Questions steer it:
// "block…" stops after one delta until cancelled; "hold…" waits for
// release() after its sources; "flood…" streams 256 KB deltas until emit
// refuses; "panic" panics; "abstain…" abstains. Every request is recorded,
// and the cause that stopped a blocked or flooding answer is sent on stopped.
type fakeAnswerer struct {
	mu      sync.Mutex
	reqs    []chat.Request
	hold    chan struct{}
	once    sync.Once
	stopped chan error
}

func newFake() *fakeAnswerer {
	return &fakeAnswerer{hold: make(chan struct{}), stopped: make(chan error, 16)}
}

func (f *fakeAnswerer) release() { f.once.Do(func() { close(f.hold) }) }

func (f *fakeAnswerer) requests() []chat.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]chat.Request(nil), f.reqs...)
}

var fakeSources = []chat.Source{{Rank: 1, ChunkID: "tests-1", ArticleID: "tests", Title: "On Tests",
	Authors: []string{"Ada Lovelace"}, Section: "Why", Score: 0.83, Text: "Tests catch bugs early."}}

const fakeText = "Tests catch bugs early [1]."

func (f *fakeAnswerer) Answer(ctx context.Context, req chat.Request, emit chat.Emit) (*chat.Answer, error) {
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	f.mu.Unlock()
	q := req.Question
	if err := emit(chat.Event{Type: chat.EventSources, Query: q, Sources: fakeSources}); err != nil {
		return nil, err
	}
	switch {
	case q == "panic":
		panic("the fake answerer panics")
	case strings.HasPrefix(q, "block"):
		if err := emit(chat.Event{Type: chat.EventDelta, Text: "Tests "}); err != nil {
			return nil, err
		}
		<-ctx.Done()
		f.stopped <- context.Cause(ctx)
		return nil, ctx.Err()
	case strings.HasPrefix(q, "hold"):
		select {
		case <-f.hold:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	case strings.HasPrefix(q, "flood"):
		big := strings.Repeat("x", 256<<10)
		for {
			if err := emit(chat.Event{Type: chat.EventDelta, Text: big}); err != nil {
				f.stopped <- context.Cause(ctx)
				return nil, err
			}
		}
	}
	return f.finish(req, emit)
}

func (f *fakeAnswerer) finish(req chat.Request, emit chat.Emit) (*chat.Answer, error) {
	a := &chat.Answer{ID: req.ID, Question: req.Question, Answer: fakeText, Mode: "extractive",
		Citations: []chat.Citation{{N: 1, ChunkID: "tests-1", ArticleID: "tests", Title: "On Tests",
			Authors: []string{"Ada Lovelace"}, Section: "Why", Quote: "Tests catch bugs early."}},
		Sources: fakeSources, TimingsMS: map[string]float64{"retrieve": 0.5, "answer": 1.5}}
	if strings.HasPrefix(req.Question, "abstain") {
		a.Abstained, a.Answer, a.Citations = true, "The collection does not cover this.", []chat.Citation{}
	}
	for _, piece := range strings.SplitAfter(a.Answer, " ") {
		if err := emit(chat.Event{Type: chat.EventDelta, Text: piece}); err != nil {
			return nil, err
		}
	}
	if err := emit(chat.Event{Type: chat.EventDone, Answer: a}); err != nil {
		return nil, err
	}
	return a, nil
}

// fakeLibrary is a catalogue of real retrieval.Article values.
type fakeLibrary []retrieval.Article

func (l fakeLibrary) Articles() []retrieval.Article { return l }

func (l fakeLibrary) Article(id string) (retrieval.Article, bool) {
	for _, a := range l {
		if a.ID == id {
			return a, true
		}
	}
	return retrieval.Article{}, false
}

var testLibrary = fakeLibrary{{
	ID: "tests", Title: "On Tests", Part: "Part One",
	Authors:  []retrieval.Author{{Name: "Ada Lovelace", Affiliation: "Analytical Engine Society"}},
	Sections: []retrieval.Section{{Heading: "", Start: 0, End: 9}, {Heading: "Why", Start: 9, End: 33}},
	Text:     "Preamble.Tests catch bugs early.", Source: "/secret/path/tests.txt", Hash: "h1",
}}
