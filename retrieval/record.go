package retrieval

// Author is a person credited with an article. Name is a personal name only
// ("Ge Hongliang", never a job title); Affiliation is whatever the source
// says about the person's position and institution, possibly empty.
type Author struct {
	Name        string `json:"name"`
	Affiliation string `json:"affiliation,omitempty"`
}

// Section is a heading of an article with the byte range of Article.Text it
// covers. The text before an article's first heading belongs to a section
// with an empty Heading.
type Section struct {
	Heading string `json:"heading"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// Article is one article of a collection as a reader can be shown it: its
// metadata and its clean text (extraction damage repaired, markup removed).
// Every Chunk.Text is a substring of the Text of the article it belongs to,
// so a quote taken from a chunk is verbatim from the article.
type Article struct {
	ID       string    `json:"id"` // stable slug, unique in a collection
	Title    string    `json:"title"`
	Authors  []Author  `json:"authors"`
	Part     string    `json:"part,omitempty"` // the part of a report that holds it
	Sections []Section `json:"sections"`
	Text     string    `json:"text"`
	Source   string    `json:"source"` // the file it was read from
	Seq      int       `json:"seq"`    // position of the article in its source file
	URL      string    `json:"url,omitempty"`
	Date     string    `json:"date,omitempty"`
	// Hash identifies the article's content (text and metadata), so a
	// re-ingest can tell an unchanged article from a changed one.
	Hash string `json:"hash"`
}

// AuthorNames returns the personal names of the article's authors.
func (a *Article) AuthorNames() []string {
	names := make([]string, len(a.Authors))
	for i, au := range a.Authors {
		names[i] = au.Name
	}
	return names
}

// Chunk is a passage of one article, the unit that is embedded, ranked,
// shown to a reader and cited. Start and End are byte offsets into the
// article's Text: Text == article.Text[Start:End].
type Chunk struct {
	ID        string   `json:"chunk_id"`
	ArticleID string   `json:"article_id"`
	Title     string   `json:"title"`
	Authors   []string `json:"authors"`
	Section   string   `json:"section"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Text      string   `json:"text"`
}

// Passage is a chunk returned by a search, with its fused score (higher is
// better) and the scores of the rankings that produced it.
type Passage struct {
	Chunk
	Score   float64 `json:"score"`
	Dense   float64 `json:"dense"`   // cosine similarity of the embeddings
	Lexical float64 `json:"lexical"` // BM25 score
}

// Query is a search request. K is the number of passages wanted; it is
// clamped to the size of the store. Articles and Authors, when set, keep
// only passages of those article ids or with one of those author names.
type Query struct {
	Text     string
	K        int
	Articles []string
	Authors  []string
	// Method picks one ranking for evaluation: "" (or "hybrid") fuses both,
	// "bm25" and "dense" run one alone.
	Method string
}
