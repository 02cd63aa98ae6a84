package chat

import "encoding/json"

// The shapes in this file are the contract shared by the widget, the CLI,
// the tests and outside evaluation scripts (shared/BRIEF.md). Fields may be
// added; none may be renamed or removed.

// Turn is one earlier exchange of a conversation.
type Turn struct {
	Q string `json:"q"`
	A string `json:"a"`
}

// Filters narrow a question to some articles or authors.
type Filters struct {
	Articles []string `json:"articles,omitempty"`
	Authors  []string `json:"authors,omitempty"`
}

// Mode names what kind of response is wanted.
const (
	ModeAnswer = "answer"
	ModeBrief  = "brief"
)

// Request is a question to answer.
type Request struct {
	ID       string  `json:"id"`
	Question string  `json:"question"`
	History  []Turn  `json:"history,omitempty"`
	Mode     string  `json:"mode,omitempty"` // ModeAnswer (default) or ModeBrief
	Filters  Filters `json:"filters,omitempty"`
}

// Citation is what an [N] marker in an answer points to: a retrieved
// passage and the verbatim quote from it that supports the sentence.
type Citation struct {
	N         int      `json:"n"`
	ChunkID   string   `json:"chunk_id"`
	ArticleID string   `json:"article_id"`
	Title     string   `json:"title"`
	Authors   []string `json:"authors"`
	Section   string   `json:"section"`
	Quote     string   `json:"quote"`
}

// Source is a passage retrieved for a question, in rank order (1 first).
type Source struct {
	Rank      int      `json:"rank"`
	ChunkID   string   `json:"chunk_id"`
	ArticleID string   `json:"article_id"`
	Title     string   `json:"title"`
	Authors   []string `json:"authors"`
	Section   string   `json:"section"`
	Score     float64  `json:"score"`
	Text      string   `json:"text"`
}

// Answer is the complete response to a Request: the REST body, one line of
// `ask --json`, and the payload of the websocket "done" event.
//
// Every [N] marker in Answer has a Citation with that N, and every Citation
// is one of Sources. When Abstained is true the collection does not support
// an answer and Answer says so plainly.
type Answer struct {
	ID        string             `json:"id"`
	Question  string             `json:"question"`
	Answer    string             `json:"answer"`
	Abstained bool               `json:"abstained"`
	Mode      string             `json:"mode"` // "extractive" or "llm"
	Citations []Citation         `json:"citations"`
	Sources   []Source           `json:"sources"`
	TimingsMS map[string]float64 `json:"timings_ms"`
	// Query is the standalone query that was searched: the question with
	// references to earlier turns ("it", "they") resolved.
	Query string `json:"query,omitempty"`
	// Notice tells the reader about a degradation, e.g. that the LLM was
	// unreachable and the answer is extractive instead.
	Notice string `json:"notice,omitempty"`
	// Brief is the structured briefing of a ModeBrief request (brief.go);
	// Answer then holds its Markdown text.
	Brief *Brief `json:"brief,omitempty"`
}

// Event types streamed for a request, in this order: one EventSources, any
// number of EventDelta whose texts concatenate to Answer.Answer, then one
// EventDone; or an EventError at any point, after which nothing follows.
const (
	EventSources = "sources"
	EventDelta   = "delta"
	EventDone    = "done"
	EventError   = "error"
)

// Event is one step of a streamed response. A done event is encoded as the
// answer object itself plus "type": "done" (see MarshalJSON), so a client
// reads the same shape from the websocket, SSE, REST and the CLI.
type Event struct {
	Type    string   `json:"type"`
	ID      string   `json:"id"`
	Query   string   `json:"query,omitempty"`   // sources: the standalone query searched
	Sources []Source `json:"sources,omitempty"` // sources
	Text    string   `json:"text,omitempty"`    // delta
	Answer  *Answer  `json:"-"`                 // done
	Code    string   `json:"code,omitempty"`    // error
	Message string   `json:"message,omitempty"` // error
}

// MarshalJSON encodes a done event as its answer object with "type" added,
// and every other event as its fields.
func (e Event) MarshalJSON() ([]byte, error) {
	if e.Type == EventDone && e.Answer != nil {
		return json.Marshal(struct {
			Type string `json:"type"`
			*Answer
		}{e.Type, e.Answer})
	}
	type plain Event // without the method, to avoid recursion
	return json.Marshal(plain(e))
}
