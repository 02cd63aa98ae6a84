package ingest

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dropped are elements whose text is never article text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Button: true, atom.Svg: true, atom.Iframe: true, atom.Template: true,
	atom.Select: true, atom.Head: true, atom.Object: true, atom.Canvas: true,
}

// blockLevel elements end the paragraph before them and start a new one.
var blockLevel = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Tr: true,
	atom.Dd: true, atom.Dt: true, atom.Figcaption: true, atom.Table: true,
	atom.Ul: true, atom.Ol: true, atom.Main: true, atom.Address: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Hr: true, atom.Td: true, atom.Th: true,
}

func (p *htmlPage) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		p.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		if dropped[n.DataAtom] || hiddenNode(n) {
			return
		}
		if n.DataAtom == atom.Br {
			p.cur.WriteByte(' ') // a line break inside a paragraph, not a new one
			return
		}
		if p.byline == "" && isByline(n) {
			p.byline = textOf(n)
			return
		}
		if heading(n.DataAtom) {
			p.flush()
			if t := textOf(n); t != "" {
				p.paras = append(p.paras, para{text: t, heading: true})
			}
			return
		}
	}
	block := n.Type == html.ElementNode && blockLevel[n.DataAtom]
	if block {
		p.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.walk(c)
	}
	if block {
		p.flush()
	}
}

// flush ends the current paragraph. A "By …" paragraph before any prose is
// the byline.
func (p *htmlPage) flush() {
	t := cleanText(p.cur.String(), false)
	p.cur.Reset()
	if t == "" {
		return
	}
	if p.byline == "" && len(p.paras) <= 2 && strings.HasPrefix(t, "By ") {
		if _, ok := byLine(t); ok {
			p.byline = t
			return
		}
	}
	p.paras = append(p.paras, para{text: t})
}

func heading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func hiddenNode(n *html.Node) bool {
	if _, ok := attrOK(n, "hidden"); ok || attr(n, "aria-hidden") == "true" {
		return true
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "banner", "contentinfo", "complementary", "search":
		return true
	}
	return false
}

// isByline recognises the element a page puts its author line in.
func isByline(n *html.Node) bool {
	if strings.EqualFold(attr(n, "rel"), "author") {
		return true
	}
	for _, f := range strings.Fields(strings.ToLower(attr(n, "class") + " " + attr(n, "id"))) {
		if f == "byline" || f == "author" || f == "authors" || strings.HasSuffix(f, "-byline") || strings.HasSuffix(f, "__byline") {
			return true
		}
	}
	return false
}

func find(n *html.Node, a atom.Atom) *html.Node {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == a {
			return d
		}
	}
	return nil
}

// textOf is the cleaned text of n and its descendants, without dropped
// elements.
func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && (dropped[n.DataAtom] || hiddenNode(n)) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
			if c.Type == html.ElementNode && blockLevel[c.DataAtom] {
				b.WriteByte(' ')
			}
		}
	}
	rec(n)
	return cleanText(b.String(), false)
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}
