package retrieval

import (
	"encoding/json"
	"fmt"
	"strconv"

	chromem "github.com/philippgille/chromem-go"
)

// How the store lays out its data in chromem-go. Everything lives in one DB
// so that one export is one consistent file.
const (
	collChunks   = "citechat.chunks"
	collArticles = "citechat.articles"
	collMeta     = "citechat.meta"
	manifestID   = "manifest"

	// storeFormat is the version of this layout; bump it when the layout
	// changes so that older files are refused with ErrStoreVersion.
	storeFormat = "1"
)

// chunkDoc is the chromem document of a chunk. Its content is the chunk's
// verbatim text; the metadata carries every other Chunk field.
func chunkDoc(c Chunk, ord int, vec []float32) chromem.Document {
	authors, _ := json.Marshal(c.Authors) // []string always marshals
	return chromem.Document{
		ID: c.ID,
		Metadata: map[string]string{
			"article_id": c.ArticleID,
			"title":      c.Title,
			"section":    c.Section,
			"authors":    string(authors),
			"start":      strconv.Itoa(c.Start),
			"end":        strconv.Itoa(c.End),
			"ord":        strconv.Itoa(ord),
		},
		Embedding: vec,
		Content:   c.Text,
	}
}

// chunkFromDoc reverses chunkDoc.
func chunkFromDoc(id string, m map[string]string, content string) (Chunk, int, error) {
	c := Chunk{ID: id, ArticleID: m["article_id"], Title: m["title"], Section: m["section"], Text: content}
	if err := json.Unmarshal([]byte(m["authors"]), &c.Authors); err != nil {
		return c, 0, fmt.Errorf("chunk %s: authors: %w", id, err)
	}
	var ord int
	for key, dst := range map[string]*int{"start": &c.Start, "end": &c.End, "ord": &ord} {
		n, err := strconv.Atoi(m[key])
		if err != nil {
			return c, 0, fmt.Errorf("chunk %s: %s: %w", id, key, err)
		}
		*dst = n
	}
	return c, ord, nil
}

// articleDoc is the chromem document of an article: its JSON, with its hash
// and chunk count as metadata so that loading can check the two agree.
func articleDoc(a Article, nChunks int) (chromem.Document, error) {
	b, err := json.Marshal(a)
	if err != nil {
		return chromem.Document{}, fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	return chromem.Document{
		ID:        a.ID,
		Metadata:  map[string]string{"hash": a.Hash, "chunks": strconv.Itoa(nChunks)},
		Embedding: []float32{1},
		Content:   string(b),
	}, nil
}

// manifest is what a store file says about itself.
type manifest struct {
	Format   string
	Embedder EmbedderInfo
	Articles int
	Chunks   int
}

func (m manifest) doc() chromem.Document {
	return chromem.Document{
		ID: manifestID,
		Metadata: map[string]string{
			"format":     m.Format,
			"embedder":   m.Embedder.Name,
			"model":      m.Embedder.Model,
			"dimensions": strconv.Itoa(m.Embedder.Dimensions),
			"articles":   strconv.Itoa(m.Articles),
			"chunks":     strconv.Itoa(m.Chunks),
		},
		Embedding: []float32{1},
		Content:   "citechat store",
	}
}

func manifestFromDoc(m map[string]string) (manifest, error) {
	out := manifest{Format: m["format"], Embedder: EmbedderInfo{Name: m["embedder"], Model: m["model"]}}
	for key, dst := range map[string]*int{"dimensions": &out.Embedder.Dimensions, "articles": &out.Articles, "chunks": &out.Chunks} {
		n, err := strconv.Atoi(m[key])
		if err != nil {
			return out, fmt.Errorf("manifest: %s: %w", key, err)
		}
		*dst = n
	}
	return out, nil
}
