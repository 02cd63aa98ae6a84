package ingest

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"github.com/ledongthuc/pdf"
)

// maxPDFPages bounds the pages read of one PDF; a page count in a damaged
// file can be anything.
const maxPDFPages = 5000

// parsePDF reads a PDF's text layer and parses the text as a .txt file
// would be (a report when it has a contents list). A PDF with no text
// layer — scanned pages — is a problem: there is nothing to cite until
// someone runs OCR. The PDF's Title and Author, when set, are used for a
// plain-text article.
func parsePDF(data []byte, name string) (res result) {
	if !bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\x00\t\r\n\f "), []byte("%PDF-")) {
		return result{err: fmt.Errorf("%w: no %%PDF header", ErrBadPDF)}
	}
	defer func() {
		if r := recover(); r != nil { // the PDF library panics on some damaged files
			res = result{err: fmt.Errorf("%w: %v", ErrBadPDF, r)}
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return result{err: fmt.Errorf("%w: %v", ErrBadPDF, err)}
	}
	text := strings.ToValidUTF8(pdfText(r), "")
	if len(strings.Fields(text)) < 3 {
		return result{err: ErrNoTextLayer}
	}
	res = parseText(text, name)
	if len(res.articles) == 1 && res.articles[0].Title == titleFromName(name) {
		info := r.Trailer().Key("Info")
		if t := cleanText(info.Key("Title").Text(), false); t != "" {
			res.articles[0].Title = t
		}
		if a := cleanText(info.Key("Author").Text(), false); a != "" && len(res.articles[0].Authors) == 0 {
			res.articles[0].Authors = splitAuthorList(a)
		}
	}
	return res
}

// pdfText lays out the glyphs of every page as lines: a glyph lower than
// the last starts a new line, a gap of more than one and a half lines
// starts a new paragraph (a blank line), and a horizontal gap between
// glyphs wider than a fifth of the font size is a space. Pages end with a
// blank line, like the page breaks of an extracted report.
func pdfText(r *pdf.Reader) string {
	var b strings.Builder
	// NumPage is the document's own count: the library's Page(i) beyond it
	// returns earlier pages again instead of nothing.
	for i := 1; i <= min(r.NumPage(), maxPDFPages); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			break
		}
		writePage(&b, p.Content().Text)
		b.WriteString("\n\n")
	}
	return b.String()
}

func writePage(b *strings.Builder, glyphs []pdf.Text) {
	var last *pdf.Text
	for i := range glyphs {
		g := &glyphs[i]
		if g.S == "\n" || g.S == "" {
			continue
		}
		if last != nil {
			size := math.Max(math.Abs(last.FontSize), 1)
			dy := last.Y - g.Y
			switch {
			case math.Abs(dy) > size*0.5:
				b.WriteByte('\n')
				if dy > size*1.5 {
					b.WriteByte('\n')
				}
			case g.X-(last.X+last.W) > size*0.2 && !strings.HasSuffix(last.S, " ") && g.S != " ":
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.S)
		last = g
	}
}
