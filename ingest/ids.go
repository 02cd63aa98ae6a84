package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"unicode"

	"github.com/citechat/citechat/retrieval"
)

// maxSlug bounds an article ID's length; the cut falls between words.
const maxSlug = 64

// assignIDs gives every article a slug of its title, unique in the
// collection: the second article with the same slug gets "-2", and so on.
// The slug depends only on the title, so re-ingesting the same files
// yields the same IDs.
func assignIDs(articles []retrieval.Article) {
	used := make(map[string]bool, len(articles))
	for i := range articles {
		base := slug(articles[i].Title)
		id := base
		for n := 2; used[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		used[id] = true
		articles[i].ID = id
	}
}

// slug makes a lower-case, hyphen-separated ID of a title; apostrophes
// vanish ("What's" → "whats"), other letters of any script are kept.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r == '\'' || r == '’' || r == '‘':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	s := b.String()
	for len(s) > maxSlug {
		i := strings.LastIndexByte(s[:maxSlug], '-')
		if i <= 0 {
			s = strings.ToValidUTF8(s[:maxSlug], "")
			break
		}
		s = s[:i]
	}
	if s == "" {
		return "article"
	}
	return s
}

// hashArticle identifies an article's content: everything Load sets except
// the hash itself, so a change of text, title, authors, sections, source
// or position makes a different hash.
func hashArticle(a retrieval.Article) string {
	a.Hash = ""
	data, err := json.Marshal(a)
	if err != nil {
		panic("ingest: hash article: " + err.Error()) // cannot happen: Article is plain data
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:16])
}
