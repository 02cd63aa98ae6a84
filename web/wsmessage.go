package web

import (
	"bytes"
	"encoding/json"

	"github.com/citechat/citechat/chat"
)

// Types of client messages.
const (
	msgAsk    = "ask"
	msgCancel = "cancel"
)

// clientMessage is any message a client sends on the websocket:
//
//	{"type":"ask","id","question","history"?,"mode"?,"filters"?}
//	{"type":"cancel","id"}
//
// Decoding is strict: unknown fields are refused, so a misspelt field is
// reported rather than silently ignored.
type clientMessage struct {
	Type     string       `json:"type"`
	ID       string       `json:"id"`
	Question string       `json:"question"`
	History  []chat.Turn  `json:"history"` // absent or null: the connection's own turns
	Mode     string       `json:"mode"`
	Filters  chat.Filters `json:"filters"`
}

func (m clientMessage) request() chat.Request {
	return chat.Request{ID: m.ID, Question: m.Question, History: m.History, Mode: m.Mode, Filters: m.Filters}
}

// decodeMessage parses and checks the envelope of a client message. On an
// error it still returns the message's id when one can be read, so the
// client can tell which ask the error is about.
func decodeMessage(data []byte) (clientMessage, error) {
	var m clientMessage
	if err := decodeStrict(bytes.NewReader(data), &m); err != nil {
		var probe struct {
			ID string `json:"id"`
		}
		_ = json.Unmarshal(data, &probe) // lenient: any id at all
		return clientMessage{ID: shortID(probe.ID)}, err
	}
	switch {
	case len(m.ID) > maxIDBytes:
		m.ID = "" // never echoed back
		return m, errorf(CodeBadRequest, "id longer than %d bytes", maxIDBytes)
	case m.Type == "":
		return m, errorf(CodeBadRequest, `missing "type" (want "ask" or "cancel")`)
	case m.Type != msgAsk && m.Type != msgCancel:
		return m, errorf(CodeBadRequest, `unknown type %q (want "ask" or "cancel")`, shortID(m.Type))
	case m.ID == "":
		return m, errorf(CodeBadRequest, `missing "id"`)
	}
	return m, nil
}

// shortID drops an id too long to be one, so it is never echoed back.
func shortID(id string) string {
	if len(id) > maxIDBytes {
		return ""
	}
	return id
}
