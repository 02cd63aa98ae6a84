package ingest

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"unicode/utf8"
)

// readLimited reads a whole file, refusing files over MaxFileSize — by
// their stated size first, and by what they actually yield, since an
// fs.FS (or a growing file) may not say.
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > MaxFileSize {
		return nil, tooLarge(info.Size())
	}
	return readAllLimited(f)
}

func readAllLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, unwrapPath(err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%w: more than %s", ErrTooLarge, humanSize(MaxFileSize))
	}
	return data, nil
}

// checkText vets the bytes of a text format: not empty, not binary, valid
// UTF-8. It names the line of the first invalid byte so it can be found.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff")))) == 0 {
		return ErrEmpty
	}
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return ErrBinary
	}
	if !utf8.Valid(data) {
		off := firstInvalid(data)
		return fmt.Errorf("%w at line %d (byte %d); convert the file to UTF-8", ErrInvalidUTF8, bytes.Count(data[:off], []byte("\n"))+1, off)
	}
	return nil
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}
