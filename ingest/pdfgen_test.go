package ingest

import (
	"bytes"
	"fmt"
	"strings"
)

// pdfPage is one page of a test PDF: lines of text, each drawn 14 points
// below the last; an empty line leaves a paragraph gap.
type pdfPage []string

// buildPDF writes a minimal PDF 1.4 file with one Helvetica font (with
// widths, so glyph positions are real) and an Info dictionary. With no
// lines at all a page draws only a rectangle: a PDF without a text layer.
func buildPDF(title, author string, pages ...pdfPage) []byte {
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	catalog := add("") // filled in below
	pagesObj := add("")
	widths := strings.TrimSpace(strings.Repeat("556 ", 95))
	font := add(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [%s] >>", widths))
	var kids []string
	for _, p := range pages {
		var c strings.Builder
		if len(p) == 0 {
			c.WriteString("0 0 0 RG 72 600 200 100 re S\n")
		} else {
			c.WriteString("BT /F1 11 Tf 72 760 Td\n")
			for _, line := range p {
				if line == "" {
					c.WriteString("0 -14 Td\n")
					continue
				}
				fmt.Fprintf(&c, "(%s) Tj 0 -14 Td\n", pdfEscape(line))
			}
			c.WriteString("ET\n")
		}
		content := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", c.Len(), c.String()))
		page := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pagesObj, font, content))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	objs[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj)
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	info := add(fmt.Sprintf("<< /Title (%s) /Author (%s) >>", pdfEscape(title), pdfEscape(author)))

	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, catalog, info, xref)
	return b.Bytes()
}

func pdfEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	return r.Replace(s)
}
