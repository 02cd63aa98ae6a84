package ingest

import (
	"github.com/citechat/citechat/retrieval"
)

// article builds one article of a report from the blocks under its title.
// listed are the authors the contents list gives (none for front matter).
//
// The byline (the first block, when it names the authors) stays in Text as
// its first paragraph — it is what the report prints, and readers ask
// about it ("who is Ge Hongliang?") — and its positions become
// affiliations. A biography paragraph at the end leaves Text and fills the
// affiliations the byline did not give.
func (r *report) article(title string, listed []retrieval.Author, part string, blocks []block) retrieval.Article {
	authors := append([]retrieval.Author(nil), listed...)
	byline := ""
	if len(blocks) > 0 {
		if found, ok := parseByline(blocks[0].text); ok && agrees(found, authors) && (len(listed) > 0 || positioned(found)) {
			byline = blocks[0].text
			authors = mergeAuthors(authors, found)
			blocks = blocks[1:]
		}
	}
	paras := takeBio(paragraphs(blocks, r.hy), authors)
	if byline != "" {
		paras = append([]para{{text: byline}}, paras...)
	}
	a := retrieval.Article{Title: title, Part: part, Authors: authors}
	a.Text, a.Sections = compose(paras)
	return a
}

// agrees reports whether a byline names at least one of the listed authors
// (or nobody is listed).
func agrees(found, listed []retrieval.Author) bool {
	if len(listed) == 0 {
		return true
	}
	for _, f := range found {
		for _, l := range listed {
			if matchKey(f.Name) == matchKey(l.Name) {
				return true
			}
		}
	}
	return false
}

// positioned reports whether a byline gives a position: without a contents
// list to confirm them, two capitalised words ("Regional Cooperation") are
// not trusted to be a name on their own.
func positioned(found []retrieval.Author) bool {
	for _, a := range found {
		if a.Affiliation != "" {
			return true
		}
	}
	return false
}

// mergeAuthors keeps the listed authors (the contents are the reference)
// and takes affiliations from the byline.
func mergeAuthors(listed, found []retrieval.Author) []retrieval.Author {
	if len(listed) == 0 {
		return found
	}
	for i := range listed {
		for _, f := range found {
			if matchKey(f.Name) == matchKey(listed[i].Name) {
				setAffiliation(&listed[i], f.Affiliation)
			}
		}
	}
	return listed
}

// takeBio removes biography paragraphs from the end of an article and
// applies them to the authors. Without authors there is nobody to apply
// them to, and they stay text.
func takeBio(paras []para, authors []retrieval.Author) []para {
	if len(authors) == 0 {
		return paras
	}
	for tries := 0; tries < 3; tries++ {
		last := len(paras) - 1
		for last >= 0 && paras[last].heading {
			last--
		}
		if last < 0 {
			return paras
		}
		bio, ok := bioText(paras[last].text, authors)
		if !ok {
			return paras
		}
		applyBio(bio, authors)
		paras = append(paras[:last], paras[last+1:]...)
	}
	return paras
}
