package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/citechat/citechat/chat"
	"github.com/gin-gonic/gin"
)

// postAsk is POST /api/ask: a chat.Request body in, the answer object out.
// It has no connection history; the client sends "history" itself.
func (s *Server) postAsk(c *gin.Context) {
	req, done, ok := s.beginAsk(c)
	if !ok {
		return
	}
	defer done()
	ans, err := s.run(c.Request.Context(), req, "rest", func(chat.Event) error { return nil })
	if err != nil {
		s.abort(c, err)
		return
	}
	c.JSON(http.StatusOK, ans)
}

// beginAsk reads an ask from a REST body and counts it as in-flight work, so
// that Shutdown waits for it; when ok, the caller must call done. Otherwise
// the response (a bad body, or shutting down) has been written.
func (s *Server) beginAsk(c *gin.Context) (req chat.Request, done func(), ok bool) {
	if req, ok = s.askRequest(c); !ok {
		return req, nil, false
	}
	if !s.work.start() {
		s.abort(c, errShuttingDown)
		return req, nil, false
	}
	return req, s.work.done, true
}

// askRequest reads, checks and admits the question of a REST or SSE ask,
// or answers the error and reports false. A missing id becomes the request
// id, so the answer can be matched with the logs.
func (s *Server) askRequest(c *gin.Context) (chat.Request, bool) {
	var req chat.Request
	err := s.decodeBody(c, &req)
	if err == nil {
		err = s.checkRequest(&req)
	}
	if err == nil {
		v, _ := visitorOf(c.Request)
		err = s.allowAsk(v)
	}
	if err != nil {
		s.abort(c, err)
		return req, false
	}
	if req.ID == "" {
		req.ID = c.GetString(keyRequestID)
	}
	return req, true
}

// decodeBody reads one JSON value into dst strictly: at most MaxBodyBytes
// (too_large beyond), within BodyTimeout, no unknown fields, nothing after
// it.
func (s *Server) decodeBody(c *gin.Context, dst any) error {
	body := http.MaxBytesReader(c.Writer, c.Request.Body, s.cfg.MaxBodyBytes)
	rc := http.NewResponseController(c.Writer)
	_ = rc.SetReadDeadline(time.Now().Add(s.cfg.BodyTimeout))
	defer rc.SetReadDeadline(time.Time{})
	return decodeStrict(body, dst)
}

// decodeStrict decodes exactly one JSON value with no unknown fields. Its
// errors are *Error with a message that tells the client what is wrong.
func decodeStrict(r io.Reader, dst any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errorf(CodeBadRequest, "malformed JSON: more data after the object")
	}
	return nil
}

func decodeError(err error) error {
	var (
		syntax  *json.SyntaxError
		badType *json.UnmarshalTypeError
		tooBig  *http.MaxBytesError
	)
	switch {
	case errors.As(err, &tooBig):
		return &Error{Code: CodeTooLarge, Message: "the request body is larger than the limit", Err: err}
	case errors.As(err, &syntax):
		return errorf(CodeBadRequest, "malformed JSON at byte %d: %v", syntax.Offset, err)
	case errors.Is(err, io.EOF):
		return errorf(CodeBadRequest, "empty body; want a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errorf(CodeBadRequest, "malformed JSON: unexpected end")
	case errors.As(err, &badType) && badType.Field == "":
		return errorf(CodeBadRequest, "want a JSON object, not %s", badType.Value)
	case errors.As(err, &badType):
		return errorf(CodeBadRequest, "field %q must be %s, not %s", badType.Field, jsonKind(badType.Type.Kind().String()), badType.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		// The name is the client's own text: echo a bounded part of it.
		return errorf(CodeBadRequest, "unknown field %.80s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	case errors.Is(err, os.ErrDeadlineExceeded):
		return &Error{Code: CodeBadRequest, Message: "the request body did not arrive in time", Err: err}
	}
	return &Error{Code: CodeBadRequest, Message: "could not read the request", Err: err}
}

// jsonKind names a Go kind the way a JSON client thinks of it.
func jsonKind(kind string) string {
	switch kind {
	case "string":
		return "a string"
	case "slice", "array":
		return "an array"
	case "struct", "map":
		return "an object"
	case "bool":
		return "true or false"
	}
	return "a number"
}
