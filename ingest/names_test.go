package ingest

import (
	"reflect"
	"testing"

	"github.com/citechat/citechat/retrieval"
)

func TestParseByline(t *testing.T) {
	au := func(pairs ...string) []retrieval.Author {
		var out []retrieval.Author
		for i := 0; i+1 < len(pairs); i += 2 {
			out = append(out, retrieval.Author{Name: pairs[i], Affiliation: pairs[i+1]})
		}
		return out
	}
	for _, c := range []struct {
		in   string
		want []retrieval.Author // nil: not a byline
	}{
		{"Xu Liping, Fan Jiaqi", au("Xu Liping", "", "Fan Jiaqi", "")},
		{"Zhai Kun and Wang Lina*", au("Zhai Kun", "", "Wang Lina", "")},
		{"Mārtiņš Ozols, Katarzyna Wiśniewska", au("Mārtiņš Ozols", "", "Katarzyna Wiśniewska", "")},
		{"Anna van der Berg & Jean-Luc O'Neill", au("Anna van der Berg", "", "Jean-Luc O'Neill", "")},
		{"Ge Hongliang, Deputy Dean, College of ASEAN Studies, Guangxi Minzu University", au("Ge Hongliang", "Deputy Dean, College of ASEAN Studies, Guangxi Minzu University")},
		{"Wang Fan, Director, Research Center on Building a Community with a Shared Future for Humanity", au("Wang Fan", "Director, Research Center on Building a Community with a Shared Future for Humanity")},
		{"Dr. Jane Smith, Senior Fellow, Harbour Institute", au("Jane Smith", "Senior Fellow, Harbour Institute")},
		{"Ana Sousa, Port of Sines; Ben Okafor, University of Lagos", au("Ana Sousa", "Port of Sines", "Ben Okafor", "University of Lagos")},
		{"Strategic Autonomy: Regional Centrality", nil},
		{"The Sea and the Law", nil},
		{"China and Southeast Asia have a long history of exchanges. Recent history saw both sides afflicted.", nil},
		{"Research Center on Building a Community", nil},
		{"Professor, Peking University", nil},
		{"", nil},
	} {
		got, ok := parseByline(c.in)
		if ok != (c.want != nil) || !reflect.DeepEqual(got, c.want) && c.want != nil {
			t.Errorf("parseByline(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func TestBiographies(t *testing.T) {
	two := func() []retrieval.Author { return []retrieval.Author{{Name: "Ann Lee"}, {Name: "Bo Chen"}} }
	for _, c := range []struct {
		name    string
		para    string
		authors []retrieval.Author
		want    []string // affiliations; nil: not a biography
	}{
		{"Author: with semicolons", "Author: Vice President of the Yunnan Academy of Social Sciences; Deputy Director of the Institute of Thai Studies.", two(),
			[]string{"Vice President of the Yunnan Academy of Social Sciences", "Deputy Director of the Institute of Thai Studies"}},
		{"Authors: lower case", "Authors: professor at the School of International Studies, Peking University; lecturer at China Foreign Affairs University", two(),
			[]string{"professor at the School of International Studies, Peking University", "lecturer at China Foreign Affairs University"}},
		{"respectively", "The authors are respectively the Dean of the School of International Studies at Nanjing University, and a Research Assistant at Center for Collaborative Studies.", two(),
			[]string{"Dean of the School of International Studies at Nanjing University", "Research Assistant at Center for Collaborative Studies"}},
		{"beginning lost", "the National Institute of International Strategy and director of the Research Center of the Academy of Social Sciences, and a doctoral student in the School of International Politics of the University.", two(),
			[]string{"National Institute of International Strategy and director of the Research Center of the Academy of Social Sciences", "doctoral student in the School of International Politics of the University"}},
		{"by name", "Bo Chen is a lecturer at Fudan University. Ann Lee is professor at the University of Hong Kong.", two(),
			[]string{"professor at the University of Hong Kong", "lecturer at Fudan University"}},
		{"shared", "The authors are researchers at the Harbour Institute.", two(),
			[]string{"researchers at the Harbour Institute", "researchers at the Harbour Institute"}},
		{"prose is not a biography", "In summary, the cooperation model will remain an important reference for the modernization processes among developing countries.", two(), nil},
		{"lower-case prose without the vocabulary", "and the rest of the region followed in the years after the agreement was signed.", two(), nil},
	} {
		bio, ok := bioText(c.para, c.authors)
		if ok != (c.want != nil) {
			t.Errorf("%s: bioText ok = %v", c.name, ok)
			continue
		}
		if !ok {
			continue
		}
		applyBio(bio, c.authors)
		for i, w := range c.want {
			if c.authors[i].Affiliation != w {
				t.Errorf("%s: author %d affiliation %q, want %q", c.name, i, c.authors[i].Affiliation, w)
			}
		}
	}
}

func TestParseContents(t *testing.T) {
	doc := "Cover\n\nCONTENTS\n\nPart I. The Sea /01\n\n1.1 Counting Cod /02\n\nAnn Lee, Bo Chen\n\n" +
		"1.2 A Title That Wraps Onto\nTwo Lines /09\nCara Diaz\n\nPart II. The Law ........ 14\n\n" +
		"Afterword ...... 20\n\nDan Eze and Eve Fox\n\nPart I.\n\nCounting Cod\n\nAnn Lee, Bo Chen\n\nText."
	blocks := splitBlocks(doc, newHyphens(doc))
	at := findContents(blocks)
	if at != 1 {
		t.Fatalf("contents at block %d, want 1", at)
	}
	c := parseContents(blocks, at)
	want := []entry{
		{num: "1.1", title: "Counting Cod", authors: []retrieval.Author{{Name: "Ann Lee"}, {Name: "Bo Chen"}}, part: "Part I. The Sea"},
		{num: "1.2", title: "A Title That Wraps Onto Two Lines", authors: []retrieval.Author{{Name: "Cara Diaz"}}, part: "Part I. The Sea"},
		{title: "Afterword", authors: []retrieval.Author{{Name: "Dan Eze"}, {Name: "Eve Fox"}}, part: "Part II. The Law"},
	}
	if !reflect.DeepEqual(c.entries, want) {
		t.Errorf("entries:\n got %+v\nwant %+v", c.entries, want)
	}
	if blocks[c.end].text != "Part I." {
		t.Errorf("contents end at %q, want the body's first part heading", blocks[c.end].text)
	}
	if !reflect.DeepEqual(c.parts, []string{"parti", "partii"}) {
		t.Errorf("parts %q", c.parts)
	}
}
