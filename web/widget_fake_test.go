package web

import (
	"context"
	"strings"
	"sync"

	"github.com/citechat/citechat/chat"
	"github.com/citechat/citechat/retrieval"
)

// The widget tests' collection: two articles of an imaginary publisher, and
// a bot that answers every question from them with the same cited answer,
// streamed in pieces.

const (
	tidesText = "Small island states face high fuel import costs. Tidal turbines placed in narrow channels " +
		"can meet a large share of daytime demand on islands with strong currents.\n\n" +
		"Grid links\n\nStorage remains the bottleneck for night-time supply."
	portsText = "Ports are public goods. Port authorities increasingly fund the grid links that connect " +
		"offshore generation to the mainland."
)

var shelfArticles = []retrieval.Article{
	{ID: "tides", Title: "Tidal Energy in Small Island States", Text: tidesText, Part: "Part One: Energy",
		Authors:  []retrieval.Author{{Name: "Mara Quint", Affiliation: "Institute of Ocean Policy"}},
		Sections: []retrieval.Section{{Start: 0, End: 163}, {Heading: "Grid links", Start: 177, End: len(tidesText)}}},
	{ID: "ports", Title: "Ports as Public Goods", Text: portsText,
		Authors: []retrieval.Author{{Name: "Teodor Vance"}, {Name: "Ilse Brandt"}}},
}

// testShelf is a Library over shelfArticles.
type testShelf struct{}

func (testShelf) Articles() []retrieval.Article { return shelfArticles }
func (testShelf) Article(id string) (retrieval.Article, bool) {
	for _, a := range shelfArticles {
		if a.ID == id {
			return a, true
		}
	}
	return retrieval.Article{}, false
}

func citeOf(n int, a retrieval.Article, quote string) chat.Citation {
	return chat.Citation{N: n, ChunkID: a.ID + "#0", ArticleID: a.ID, Title: a.Title,
		Authors: a.AuthorNames(), Quote: quote}
}

// cannedBot answers any question with a two-citation answer, and a question
// mentioning "weather" with an abstention. After setHold(ch), each answer
// stops after its first delta until ch is closed, so a test can watch an
// answer half-way. It records every request, and the ids of the asks whose
// context ended while held.
type cannedBot struct {
	mu        sync.Mutex
	hold      chan struct{}
	requests  []chat.Request
	cancelled []string
}

func (b *cannedBot) setHold(ch chan struct{}) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.hold = ch
}

const cannedAnswer = "Tidal turbines can meet a large share of daytime demand on islands with strong currents [1]. " +
	"Port authorities increasingly fund the grid links [2]."

func (b *cannedBot) Answer(ctx context.Context, req chat.Request, emit chat.Emit) (*chat.Answer, error) {
	b.mu.Lock()
	b.requests = append(b.requests, req)
	hold := b.hold
	b.mu.Unlock()
	ans := &chat.Answer{ID: req.ID, Question: req.Question, Mode: "extractive", Answer: cannedAnswer,
		Citations: []chat.Citation{
			citeOf(1, shelfArticles[0], "Tidal turbines placed in narrow channels can meet a large share of daytime demand"),
			citeOf(2, shelfArticles[1], "Port authorities increasingly fund the grid links"),
		}}
	if strings.Contains(strings.ToLower(req.Question), "weather") {
		ans.Answer, ans.Abstained, ans.Citations = "The collection does not cover this question.", true, nil
	}
	if err := emit(chat.Event{Type: chat.EventSources}); err != nil {
		return nil, err
	}
	for i, piece := range splitKeep(ans.Answer, 6) {
		if err := emit(chat.Event{Type: chat.EventDelta, Text: piece}); err != nil {
			return nil, err
		}
		if i == 0 && hold != nil {
			select {
			case <-hold:
			case <-ctx.Done():
				b.mu.Lock()
				b.cancelled = append(b.cancelled, req.ID)
				b.mu.Unlock()
				return nil, ctx.Err()
			}
		}
	}
	if err := emit(chat.Event{Type: chat.EventDone, Answer: ans}); err != nil {
		return nil, err
	}
	return ans, nil
}

func (b *cannedBot) snapshot() ([]chat.Request, []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]chat.Request(nil), b.requests...), append([]string(nil), b.cancelled...)
}

// splitKeep cuts s into about n pieces that concatenate back to s.
func splitKeep(s string, n int) []string {
	size := (len(s) + n - 1) / n
	var out []string
	for len(s) > size {
		cut := strings.IndexByte(s[size:], ' ')
		if cut < 0 {
			break
		}
		out, s = append(out, s[:size+cut+1]), s[size+cut+1:]
	}
	return append(out, s)
}
