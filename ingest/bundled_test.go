package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/citechat/citechat/retrieval"
)

func loadBundled(t testing.TB) []retrieval.Article {
	t.Helper()
	articles, problems, err := LoadFS(context.Background(), Bundled(), ".")
	if err != nil || len(problems) > 0 {
		t.Fatalf("LoadFS(Bundled()): err %v, problems %v", err, problems)
	}
	return articles
}

// TestBundledReport: the foreword and the eight articles, with the exact
// titles and authors of testdata/articles.json (a copy of the evaluation's
// reference), in contents order, each under its part.
func TestBundledReport(t *testing.T) {
	var want []struct {
		ID      string   `json:"id"`
		Title   string   `json:"title"`
		Authors []string `json:"authors"`
	}
	data, err := os.ReadFile("testdata/articles.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	got := loadBundled(t)
	if len(got) != len(want) {
		t.Fatalf("got %d articles, want %d", len(got), len(want))
	}
	for i, w := range want {
		a := got[i]
		if a.Title != w.Title {
			t.Errorf("article %d (%s): title %q, want %q", i, w.ID, a.Title, w.Title)
		}
		if names := strings.Join(a.AuthorNames(), "; "); names != strings.Join(w.Authors, "; ") {
			t.Errorf("%s: authors %q, want %q", w.ID, names, strings.Join(w.Authors, "; "))
		}
		wantPart := map[byte]string{'1': "Part I. ", '2': "Part II. ", '3': "Part III. "}[w.ID[0]]
		if !strings.HasPrefix(a.Part, wantPart) || (wantPart == "") != (a.Part == "") {
			t.Errorf("%s: part %q, want one starting %q", w.ID, a.Part, wantPart)
		}
		if a.Seq != i || a.Source != "pioneering-practices-asean-china.txt" {
			t.Errorf("%s: seq %d source %q", w.ID, a.Seq, a.Source)
		}
	}
	t.Log("\n" + summary(got))
}

// TestBundledAffiliations: what the report says about each author, from
// bylines ("Name, Job, Institution") and from the biography lines at the
// articles' ends, in their various forms.
func TestBundledAffiliations(t *testing.T) {
	want := map[string]string{
		"Wang Fan":       "Director, Research Center on Building a Community with a Shared Future for Humanity",
		"Xu Liping":      "National Institute of International Strategy and director of Southeast Asia Research Center of Chinese Academy of Social Sciences",
		"Fan Jiaqi":      "doctoral student in the School of International Politics and Economics of the University of Chinese Academy of Social Sciences",
		"Chen Lijun":     "Vice President and Senior Research Fellow of the Yunnan Academy of Social Sciences",
		"Yuan Chunsheng": "Deputy Director of the Institute of Thai Studies, Yunnan Academy of Social Sciences",
		"Zhai Kun":       "professor at the School of International Studies and deputy director of the Institute of Area Studies, Peking University",
		"Wang Lina":      "lecturer at the Department of Diplomacy and Foreign Affairs Management, China Foreign Affairs University",
		"Ge Hongliang":   "Deputy Dean, College of ASEAN Studies, Guangxi Minzu University",
		"Zhu Feng":       "Dean of the School of International Studies at Nanjing University",
		"Xu Qianang":     "Research Assistant at Center for Collaborative Studies of the South China Sea",
		"Song Qingrun":   "Professor, School of Asian Studies, Beijing Foreign Studies University",
		"Zha Wen":        "Professor, Institute of International Relations, China Foreign Affairs University",
		"Liu Qing":       "Vice President and Senior research fellow at China Institute of International Studies",
	}
	seen := 0
	for _, a := range loadBundled(t) {
		for _, au := range a.Authors {
			seen++
			if au.Affiliation != want[au.Name] {
				t.Errorf("%s: affiliation %q, want %q", au.Name, au.Affiliation, want[au.Name])
			}
		}
	}
	if seen != len(want) {
		t.Errorf("%d authors, want %d", seen, len(want))
	}
}

// TestBundledRepaired: no page-break or markup damage is left, and the
// biographies are out of the text.
func TestBundledRepaired(t *testing.T) {
	damage := regexp.MustCompile(`\p{L}- \p{Ll}|\p{L}-\n|\\[$*_#]|\*\*|\*\p{L}|  `)
	for _, a := range loadBundled(t) {
		for _, bad := range []string{"Dia- logue", "tech- nologies", "Chi- na", `\$`, "**", "Authors:", "Author:", "respectively the", "doctoral student"} {
			if strings.Contains(a.Text, bad) {
				t.Errorf("%s: text contains %q", a.ID, bad)
			}
		}
		if m := damage.FindString(a.Text); m != "" {
			t.Errorf("%s: damage left: %q", a.ID, m)
		}
		for _, p := range strings.Split(a.Text, "\n\n") {
			if r, _ := utf8.DecodeRuneInString(p); unicode.IsLower(r) {
				t.Errorf("%s: a paragraph starts in lower case (an unjoined page break?): %.60q", a.ID, p)
			}
		}
		for _, s := range a.Sections {
			if strings.Contains(a.Text, s.Heading+"\n") && s.Heading != "" {
				t.Errorf("%s: heading %q left in the text", a.ID, s.Heading)
			}
		}
	}
	// Repairs of each kind, as they should read.
	for _, want := range []string{
		"\"3+3\" Dialogue on Diplomacy", // "Dia-" + page break + "logue"
		"US$982.3 billion",              // Markdown escape
		"first China-ASEAN-GCC Summit",  // "Chi-" + page break + "na-ASEAN-GCC"
		"Nanning Initiative on China-ASEAN Industrial Cooperation in Artificial", // italics across a page break
		"funds, technologies, personnel",                                         // "technolo-" + "gies"
		"Institute for Advanced Studies and the China-Cambodia",                  // paragraph cut before a capital
		"from \"excluding major powers” to",                                      // "pow-" + "ers”"
	} {
		found := false
		for _, a := range loadBundled(t) {
			found = found || strings.Contains(a.Text, want)
		}
		if !found {
			t.Errorf("no article contains %q", want)
		}
	}
}

// TestEvidenceFindable: every evidence span of the development questions
// is in the cleaned text of one of its articles, after folding white space.
// It reads ../../shared/eval/dev.jsonl when the shared directory is there.
func TestEvidenceFindable(t *testing.T) {
	f, err := os.Open("../../shared/eval/dev.jsonl")
	if err != nil {
		t.Skip("no ../shared/eval/dev.jsonl next to the repository:", err)
	}
	defer f.Close()
	byTitle := map[string]string{}
	for _, a := range loadBundled(t) {
		byTitle[a.Title] = strings.Join(strings.Fields(a.Text), " ")
	}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		var q struct {
			ID       string   `json:"id"`
			Evidence string   `json:"evidence"`
			Titles   []string `json:"titles"`
		}
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatal(err)
		}
		if q.Evidence == "" {
			continue
		}
		n++
		ev := strings.Join(strings.Fields(q.Evidence), " ")
		found := false
		for _, title := range q.Titles {
			found = found || strings.Contains(byTitle[title], ev)
		}
		if !found {
			t.Errorf("%s: evidence not in %q: %q", q.ID, q.Titles, q.Evidence)
		}
	}
	if n == 0 {
		t.Error("no evidence spans read")
	}
}

// summary is the dry-run view of a collection: per article its id, title,
// authors with affiliations, part, sections, characters and chunks.
func summary(articles []retrieval.Article) string {
	var b strings.Builder
	for _, a := range articles {
		fmt.Fprintf(&b, "%s | %q | part %q | %d sections | %d chars | %d chunks\n", a.ID, a.Title, a.Part, len(a.Sections), utf8.RuneCountInString(a.Text), len(ChunkArticle(a)))
		for _, au := range a.Authors {
			fmt.Fprintf(&b, "    %s — %s\n", au.Name, au.Affiliation)
		}
	}
	return b.String()
}
