package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// Decoding the partners file strictly. yaml.v3 with KnownFields refuses
// unknown and duplicated fields by itself; encoding/json does neither
// (it matches names case-insensitively and keeps the last of two), so JSON
// gets a token walk first.

// knownFields lists every field name of the file, for the JSON check that
// encoding/json's case-insensitive matching would otherwise let slip.
var knownFields = map[string]bool{"partners": true, "key": true, "name": true, "origins": true,
	"limits": true, "asks_per_minute": true, "asks_per_day": true}

var yamlUnknownField = regexp.MustCompile(`field (\S+) not found in type \S+`)

func decodeYAML(data []byte, f *partnersFile) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true) // yaml.v3 also refuses duplicated mapping keys
	if err := dec.Decode(f); err != nil {
		if errors.Is(err, io.EOF) {
			return errors.New("empty file")
		}
		var te *yaml.TypeError
		if errors.As(err, &te) { // one message per problem, without yaml's preamble
			err = errors.New(strings.Join(te.Errors, "; "))
		}
		return errors.New(yamlUnknownField.ReplaceAllString(err.Error(), `unknown field "$1"`))
	}
	var extra any
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return errors.New("more than one YAML document")
	}
	return nil
}

func decodeJSON(data []byte, f *partnersFile) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("empty file")
	}
	if err := checkJSONFields(json.NewDecoder(bytes.NewReader(data)), "", nil); err != nil {
		if errors.Is(err, io.EOF) {
			return io.ErrUnexpectedEOF // the file is cut short: the first token was read
		}
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(f); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("data after the JSON object")
	}
	return nil
}

// checkJSONFields walks one JSON value and refuses a repeated name in an
// object and any name that is not exactly a field of the file (encoding/json
// would take "Key" for "key" and keep the last of two "key"s silently).
func checkJSONFields(dec *json.Decoder, path string, tok json.Token) error {
	if len(path) > maxFieldPath {
		// A real file is four levels deep; walking deeper nesting would
		// cost time quadratic in its depth (each level copies the path).
		return fmt.Errorf("%.40s…: nested too deeply", path)
	}
	var err error
	if tok == nil {
		if tok, err = dec.Token(); err != nil {
			return err
		}
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				return err
			}
			name := t.(string)
			if seen[name] {
				return fmt.Errorf("%s: duplicate field %q", joinPath(path, name), name)
			}
			if !knownFields[name] {
				return fmt.Errorf("%s: unknown field %q", joinPath(path, name), name)
			}
			seen[name] = true
			if err := checkJSONFields(dec, joinPath(path, name), nil); err != nil {
				return err
			}
		}
		_, err = dec.Token() // '}'
	case json.Delim('['):
		for i := 0; dec.More(); i++ {
			if err := checkJSONFields(dec, fmt.Sprintf("%s[%d]", path, i), nil); err != nil {
				return err
			}
		}
		_, err = dec.Token() // ']'
	}
	return err
}

// maxFieldPath bounds the length of a field's path, which grows with depth.
const maxFieldPath = 200

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
