package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanLine repairs one line of extracted text: Markdown escapes become the
// character they protect ("US\$9" → "US$9"), emphasis markers are removed
// ("**Title**", "*Initiative*", a footnote star "Wang Lina*"), invisible
// characters (soft hyphens, zero-width spaces, BOMs) are dropped,
// typographic ligatures are spelled out and runs of spaces collapse to one.
// A lone star between spaces ("3 * 4") is kept: it is not markup.
//
// Lines are cleaned one at a time on purpose: extracted emphasis often opens
// on one line and closes on another ("*Nanning Initiative ... In-*" +
// "dustrial ..."), and removing markers without pairing them handles that.
func cleanLine(s string) string { return cleanText(s, true) }

// cleanText is cleanLine; with markup false it leaves backslashes and stars
// alone (for text whose markup a format parser has already removed).
func cleanText(s string, markup bool) string {
	if !needsCleaning(s) {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := true // at the start, as after a space: leading spaces are dropped
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case markup && c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1])
			space = false
			i += 2
			continue
		case markup && c == '*':
			j := i
			for j < len(s) && s[j] == '*' {
				j++
			}
			if isolatedStar(s, i, j) {
				b.WriteString(s[i:j])
				space = false
			}
			i = j
			continue
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			if !space {
				b.WriteByte(' ')
				space = true
			}
			i++
			continue
		case c < 0x20 || c == 0x7f:
			i++
			continue
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			space = false
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case unicode.IsSpace(r): // no-break, thin, ideographic spaces, NEL, line separators
			if !space {
				b.WriteByte(' ')
				space = true
			}
		case invisible(r) || unicode.IsControl(r):
			// dropped
		case r >= '\ufb00' && r <= '\ufb04':
			b.WriteString(ligatures[r-'\ufb00'])
			space = false
		default:
			b.WriteRune(r)
			space = false
		}
	}
	return strings.TrimRight(b.String(), " ")
}

var ligatures = [...]string{"ff", "fi", "fl", "ffi", "ffl"}

// invisible reports whether r is a character that prints as nothing and
// only gets in the way of matching text: soft hyphens, zero-width
// characters, byte-order marks, and the replacement character of an
// undecodable byte.
func invisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', utf8.RuneError:
		return true
	}
	return false
}

// needsCleaning is the fast path: most lines of a clean source have
// nothing to repair, and curly quotes and dashes need nothing.
func needsCleaning(s string) bool {
	if strings.Contains(s, "  ") {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case !interesting[c]:
		case c < utf8.RuneSelf:
			return true
		default:
			r, _ := utf8.DecodeRuneInString(s[i:])
			if invisible(r) || unicode.IsControl(r) || unicode.IsSpace(r) || r >= '\ufb00' && r <= '\ufb04' {
				return true
			}
		}
	}
	return false
}

// interesting marks the bytes needsCleaning must look at: markup, white
// space other than the plain space, control characters, and the lead bytes
// of the non-ASCII runes cleanText changes (C1 controls and U+00A0–U+00AD,
// U+1680, U+2000–U+206F, U+3000, U+FB00–U+FFFD).
var interesting = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	for _, c := range []byte{'\\', '*', 0x7f, 0xc2, 0xe1, 0xe2, 0xe3, 0xef} {
		t[c] = true
	}
	return t
}()

// isolatedStar reports whether the star run s[i:j] is a single star with a
// space on both sides, as in arithmetic.
func isolatedStar(s string, i, j int) bool {
	return j-i == 1 && i > 0 && j < len(s) && s[i-1] == ' ' && s[j] == ' '
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
