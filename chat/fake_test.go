package chat

import (
	"context"
	"sort"
	"strings"

	"github.com/citechat/citechat/retrieval"
)

// A small collection written for these tests (not the bundled report), so
// the answerer is exercised on a publisher it was never tuned on.
var testArticles = []retrieval.Article{
	{ID: "rivers", Title: "Rivers and Rice: Water in the Delta",
		Authors: []retrieval.Author{{Name: "Ana Ortiz", Affiliation: "Professor of Hydrology, Lakeside University"}, {Name: "Ben Carter"}}},
	{ID: "ports", Title: "Ports of the Northern Coast",
		Authors: []retrieval.Author{{Name: "Chen Wei", Affiliation: "Director, Institute of Maritime Studies, Harbour City"}}},
	{ID: "pay", Title: "Payments Without Borders",
		Authors: []retrieval.Author{{Name: "Priya Nair"}, {Name: "Tom Ruiz"}, {Name: "Li Na"}}},
}

var testChunks = []retrieval.Chunk{
	{ID: "rivers-1", ArticleID: "rivers", Section: "Farming", Text: "Farmers in the delta grow rice on small plots. " +
		"A pilot project in the delta uses alternate wetting and drying irrigation to raise yields and cut methane emissions. " +
		"The project began in 2019 with 40 villages."},
	{ID: "rivers-2", ArticleID: "rivers", Section: "Floods", Text: "Floods return every autumn. " +
		"The provinces have set up a joint flood council that meets each spring to share river data. " +
		"Dams upstream are also coordinated through the council."},
	{ID: "ports-1", ArticleID: "ports", Section: "Trade", Text: "The northern ports handled 982.3 million tonnes of cargo in 2024. " +
		"Container traffic grew by 12% over the year. " +
		"Dredging of the main channel was completed in March."},
	{ID: "ports-2", ArticleID: "ports", Section: "People", Text: "Dock workers are trained at a new maritime academy. " +
		"The academy follows the proverb that it is better to teach a person to fish than to give them a fish."},
	{ID: "pay-1", ArticleID: "pay", Section: "QR codes", Text: "Shops on both sides of the border now accept each other's QR code payments. " +
		"Banks linked their systems so that a tourist can scan to pay in the local currency."},
	{ID: "pay-2", ArticleID: "pay", Section: "Risks", Text: "Fraud across the border remains a concern. " +
		"Regulators share blacklists of suspicious accounts every week."},
}

// fakeStore ranks the test chunks by shared content terms with the query;
// it is both a Retriever and a Library (with Articles, like the real store).
type fakeStore struct {
	chunks   []retrieval.Chunk
	articles []retrieval.Article
	searches []retrieval.Query
}

func newFakeStore() *fakeStore {
	fs := &fakeStore{articles: testArticles}
	for _, c := range testChunks {
		a, _ := fs.Article(c.ArticleID)
		c.Title, c.Authors = a.Title, a.AuthorNames()
		fs.chunks = append(fs.chunks, c)
	}
	return fs
}

func (f *fakeStore) Search(ctx context.Context, q retrieval.Query) ([]retrieval.Passage, error) {
	f.searches = append(f.searches, q)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	qt := termSet(q.Text)
	var out []retrieval.Passage
	for _, c := range f.chunks {
		if len(q.Articles) > 0 && !strings.Contains(strings.Join(q.Articles, " "), c.ArticleID) {
			continue
		}
		n := 0
		for t := range termSet(c.Text + " " + c.Title) {
			if qt[t] {
				n++
			}
		}
		out = append(out, retrieval.Passage{Chunk: c, Score: float64(n)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > q.K {
		out = out[:q.K]
	}
	return out, nil
}

func (f *fakeStore) Article(id string) (retrieval.Article, bool) {
	for _, a := range f.articles {
		if a.ID == id {
			return a, true
		}
	}
	return retrieval.Article{}, false
}

func (f *fakeStore) Articles() []retrieval.Article { return f.articles }

// collect runs a request and returns the answer and the events emitted.
func collect(b *Bot, req Request) (*Answer, []Event, error) {
	var evs []Event
	ans, err := b.Answer(context.Background(), req, func(e Event) error {
		evs = append(evs, e)
		return nil
	})
	return ans, evs, err
}
