package ingest

import (
	"strings"

	"github.com/citechat/citechat/retrieval"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML reads an article page. Metadata comes from the head — the
// Highwire tags journals use (citation_title, citation_author followed by
// its citation_author_institution, citation_publication_date), Open Graph
// and plain <meta name="author">, then <h1> and <title> — or from a byline
// in the body ("By A and B"). The text is that of <article>, else <main>,
// else <body>, without scripts, styles, navigation, headers, footers,
// asides and forms; <h2>–<h6> become sections.
func parseHTML(doc, name string) result {
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		return result{err: err}
	}
	p := &htmlPage{}
	p.readHead(root)
	body := find(root, atom.Article)
	if body == nil {
		body = find(root, atom.Main)
	}
	if body == nil {
		body = find(root, atom.Body)
	}
	if body == nil {
		body = root
	}
	p.h1 = textOf(find(body, atom.H1))
	p.walk(body)
	p.flush()
	a := retrieval.Article{Title: p.title(name), Authors: p.authors(), Date: p.meta1("citation_publication_date", "citation_date", "article:published_time", "dc.date", "date"), URL: p.meta1("og:url", "citation_public_url", "citation_abstract_html_url")}
	if a.Date == "" {
		a.Date = p.timeAttr
	}
	if a.URL == "" {
		a.URL = p.canonical
	}
	a.Text, a.Sections = compose(dropTitleHeading(p.paras, a.Title))
	if a.Text == "" {
		return result{err: noText("no text in the page body")}
	}
	return result{articles: []retrieval.Article{a}}
}

// htmlPage collects what the walk over a page finds.
type htmlPage struct {
	meta      []metaTag
	docTitle  string
	h1        string
	canonical string
	timeAttr  string
	byline    string
	paras     []para
	cur       strings.Builder
}

type metaTag struct{ key, content string }

func (p *htmlPage) readHead(root *html.Node) {
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Meta:
			key := strings.ToLower(attr(n, "name"))
			if key == "" {
				key = strings.ToLower(attr(n, "property"))
			}
			if c := strings.TrimSpace(attr(n, "content")); key != "" && c != "" {
				p.meta = append(p.meta, metaTag{key, cleanText(c, false)})
			}
		case atom.Title:
			if p.docTitle == "" {
				p.docTitle = textOf(n)
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && p.canonical == "" {
				p.canonical = attr(n, "href")
			}
		case atom.Time:
			if p.timeAttr == "" {
				p.timeAttr = attr(n, "datetime")
			}
		}
	}
}

func (p *htmlPage) meta1(keys ...string) string {
	for _, k := range keys {
		for _, m := range p.meta {
			if m.key == k {
				return m.content
			}
		}
	}
	return ""
}

func (p *htmlPage) title(name string) string {
	for _, t := range []string{p.meta1("citation_title", "og:title", "dc.title"), p.h1, p.docTitle} {
		if t != "" {
			return t
		}
	}
	return titleFromName(name)
}

// authors: citation_author tags (each followed by its institution), else
// the author meta tag, else the byline.
func (p *htmlPage) authors() []retrieval.Author {
	var out []retrieval.Author
	for _, m := range p.meta {
		switch {
		case m.key == "citation_author" || m.key == "dc.creator":
			out = append(out, retrieval.Author{Name: m.content})
		case m.key == "citation_author_institution" && len(out) > 0:
			setAffiliation(&out[len(out)-1], m.content)
		}
	}
	if len(out) > 0 {
		return out
	}
	if s := p.meta1("author", "article:author"); s != "" && !strings.Contains(s, "://") {
		return splitAuthorList(s)
	}
	if p.byline != "" {
		if found, ok := byLine(p.byline); ok {
			return found
		}
		if found, ok := parseNames(p.byline); ok {
			return authorsOf(found, "")
		}
	}
	return nil
}
