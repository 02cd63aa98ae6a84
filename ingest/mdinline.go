package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// mdInline removes Markdown's inline markup from one line in one pass:
// escapes give their character, code spans their content, links their
// text, autolinks their address; images, footnote references, HTML tags
// and emphasis markers (*, _, ~~) disappear. An underscore inside a word
// (snake_case) is kept. The result is then cleaned as any text is.
func mdInline(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i += 2
		case c == '`':
			n := run(s, i, '`')
			if end := strings.Index(window(s, i+n, mdWindow), s[i:i+n]); end >= 0 {
				b.WriteString(strings.TrimSpace(s[i+n : i+n+end]))
				i += n + end + n
			} else {
				b.WriteString(s[i : i+n])
				i += n
			}
		case c == '!' && strings.HasPrefix(s[i:], "!["):
			if _, next, ok := mdLink(s, i+1); ok {
				i = next // an image: its alt text describes a picture the reader cannot see
			} else {
				b.WriteByte(c)
				i++
			}
		case c == '[':
			if text, next, ok := mdLink(s, i); ok {
				if !strings.HasPrefix(text, "^") {
					b.WriteString(mdInline(text))
				}
				i = next
			} else {
				b.WriteByte(c)
				i++
			}
		case c == '<':
			i = mdAngle(s, i, &b)
		case c == '*' || c == '~' && strings.HasPrefix(s[i:], "~~"):
			i += run(s, i, c)
		case c == '_':
			n := run(s, i, '_')
			if !(wordRuneBefore(s, i) && wordRuneAt(s, i+n)) {
				i += n // emphasis; snake_case keeps its underscore
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
		default:
			b.WriteByte(c)
			i++
		}
	}
	return cleanText(b.String(), false)
}

// mdWindow bounds how far a construct's closing mark is looked for: links,
// code spans and tags are short, and a line full of unclosed "[" or "<"
// must not make the scan quadratic.
const mdWindow = 2048

// maxLinkDepth bounds brackets nested inside a link's text.
const maxLinkDepth = 4

func window(s string, i, n int) string { return s[i:min(len(s), i+n)] }

func run(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// mdLink parses "[text](url)", "[text][ref]" or "[text]" at s[i] == '['.
func mdLink(s string, i int) (text string, next int, ok bool) {
	depth := 0
	for j := i; j < len(s) && j < i+mdWindow; j++ {
		switch s[j] {
		case '\\':
			j++
		case '[':
			if depth++; depth > maxLinkDepth {
				return "", 0, false
			}
		case ']':
			depth--
			if depth > 0 {
				continue
			}
			text = s[i+1 : j]
			rest := s[j+1:]
			if strings.HasPrefix(rest, "(") {
				if k := strings.IndexByte(window(rest, 0, mdWindow), ')'); k >= 0 {
					return text, j + 1 + k + 1, true
				}
			}
			if strings.HasPrefix(rest, "[") {
				if k := strings.IndexByte(window(rest, 0, mdWindow), ']'); k >= 0 {
					return text, j + 1 + k + 1, true
				}
			}
			if strings.HasPrefix(text, "^") {
				return text, j + 1, true // footnote reference
			}
			return "", 0, false
		}
	}
	return "", 0, false
}

// mdAngle handles '<' at s[i]: an autolink gives its address, an HTML tag
// or comment disappears, anything else is a literal '<'.
func mdAngle(s string, i int, b *strings.Builder) int {
	if strings.HasPrefix(s[i:], "<!--") {
		if k := strings.Index(window(s, i, mdWindow), "-->"); k >= 0 {
			return i + k + 3
		}
	}
	k := strings.IndexByte(window(s, i, mdWindow), '>')
	if k < 0 {
		b.WriteByte('<')
		return i + 1
	}
	inner := s[i+1 : i+k]
	switch {
	case strings.Contains(inner, "://") || strings.HasPrefix(inner, "mailto:"):
		b.WriteString(strings.TrimPrefix(inner, "mailto:"))
	case len(inner) > 0 && (isASCIILetter(inner[0]) || inner[0] == '/' || inner[0] == '!') && !strings.ContainsAny(inner, "<\n"):
	default:
		b.WriteByte('<')
		return i + 1
	}
	return i + k + 1
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func wordRuneBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func wordRuneAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
