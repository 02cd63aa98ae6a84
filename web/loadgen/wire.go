package loadgen

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"syscall"

	"github.com/gorilla/websocket"
)

// event is the part of a server event the load tool needs.
type event struct {
	Type      string `json:"type"`
	ID        string `json:"id"`
	Code      string `json:"code"`
	Abstained bool   `json:"abstained"`
}

// askMessage is the client's ask, as on the websocket and as the REST/SSE
// body (which ignores "type"... and refuses unknown fields, so SSE sends
// the request fields only).
type askMessage struct {
	Type     string `json:"type,omitempty"`
	ID       string `json:"id"`
	Question string `json:"question"`
}

// refusalCode names a refused HTTP request (a websocket upgrade or an SSE
// POST) by the server's error code, {"error":{"code"}}, or else its status.
func refusalCode(prefix string, resp *http.Response) string {
	var body struct {
		Error struct {
			Code string `json:"code"`
		} `json:"error"`
	}
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if json.Unmarshal(data, &body) == nil && body.Error.Code != "" {
		return prefix + body.Error.Code
	}
	return fmt.Sprintf("%s%d", prefix, resp.StatusCode)
}

// netCode names a failed connection or read: the close code the server
// sent, a refused or reset connection, a timeout.
func netCode(prefix string, err error) string {
	var ce *websocket.CloseError
	var ne net.Error
	switch {
	case errors.As(err, &ce):
		return fmt.Sprintf("%sclosed_%d", prefix, ce.Code)
	case errors.Is(err, ErrNotLoopback):
		return prefix + "not_loopback"
	case errors.Is(err, syscall.ECONNREFUSED):
		return prefix + "refused"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return prefix + "reset"
	case errors.Is(err, syscall.EMFILE), errors.Is(err, syscall.ENFILE):
		return prefix + "too_many_files"
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return prefix + "no_ports"
	case errors.As(err, &ne) && ne.Timeout():
		return prefix + "timeout"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return prefix + "eof"
	}
	return prefix + "error"
}
