package ingest

import (
	"strings"
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
		switch r {
		case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', utf8.RuneError:
			// invisible, or undecodable: drop
		case '\u00a0', '\u2002', '\u2003', '\u2009', '\u202f', '\u3000':
			if !space {
				b.WriteByte(' ')
				space = true
			}
		case '\ufb00':
			b.WriteString("ff")
			space = false
		case '\ufb01':
			b.WriteString("fi")
			space = false
		case '\ufb02':
			b.WriteString("fl")
			space = false
		case '\ufb03':
			b.WriteString("ffi")
			space = false
		case '\ufb04':
			b.WriteString("ffl")
			space = false
		default:
			b.WriteRune(r)
			space = false
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// needsCleaning is the fast path: most lines of a clean source have
// nothing to repair, and curly quotes and dashes need nothing.
func needsCleaning(s string) bool {
	if strings.Contains(s, "  ") {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !interesting[c] {
			continue
		}
		switch {
		case c < utf8.RuneSelf:
			return true
		case i+1 < len(s) && needsRuneCleaning(c, s[i+1], s[min(i+2, len(s)-1)]):
			return true
		}
	}
	return false
}

// interesting marks the bytes needsCleaning must look at: markup, white
// space, control characters, and the lead bytes of the runes cleanText
// changes.
var interesting = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	for _, c := range []byte{'\\', '*', 0x7f, 0xc2, 0xe2, 0xe3, 0xef} {
		t[c] = true
	}
	return t
}()

// needsRuneCleaning reports whether the rune starting with bytes a, b, c
// is one cleanText drops or replaces (see its switch).
func needsRuneCleaning(a, b, c byte) bool {
	switch a {
	case 0xc2:
		return b == 0xa0 || b == 0xad // no-break space, soft hyphen
	case 0xe2:
		return b == 0x80 && (c == 0x82 || c == 0x83 || c == 0x89 || c >= 0x8b && c <= 0x8d || c == 0xaf) ||
			b == 0x81 && c == 0xa0 // en/em/thin spaces, zero-widths, narrow no-break, word joiner
	case 0xe3:
		return b == 0x80 && c == 0x80 // ideographic space
	case 0xef:
		return b == 0xac && c <= 0x84 || b == 0xbb && c == 0xbf || b == 0xbf && c == 0xbd // ligatures, BOM, U+FFFD
	}
	return false
}

// isolatedStar reports whether the star run s[i:j] is a single star with a
// space on both sides, as in arithmetic.
func isolatedStar(s string, i, j int) bool {
	return j-i == 1 && i > 0 && j < len(s) && s[i-1] == ' ' && s[j] == ' '
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
