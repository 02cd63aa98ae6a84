package ingest

import (
	"context"
	"strings"
	"testing"
)

// TestSecondReport: the report parser on a report written for this test
// (testdata/formats/report2.txt) — another publisher, numbering ("Part 1.",
// "1."), a PREFACE before the contents, five articles of very different
// lengths, a title with straight quotes in the contents and curly ones in
// the body, a title repeated as a section heading inside its own article,
// a part heading without bold, and biographies in four forms.
func TestSecondReport(t *testing.T) {
	articles, problems, err := Load(context.Background(), "testdata/formats/report2.txt")
	if err != nil || len(problems) > 0 {
		t.Fatalf("err %v, problems %v", err, problems)
	}
	type want struct {
		title, part string
		authors     []string // "Name | affiliation"
		sections    []string
	}
	wants := []want{
		{"Preface", "", []string{"Ingrid Halvorsen | Executive Director, Baltic Institute for Maritime Policy"}, []string{""}},
		{"Counting Cod: Quotas After the Collapse", "Part 1. Living from the Sea", []string{
			"Mārtiņš Ozols | senior researcher at the Institute of Food Safety, Animal Health and Environment (BIOR), Riga",
			"Katarzyna Wiśniewska | associate professor at the National Marine Fisheries Research Institute, Gdynia"},
			[]string{"", "What Went Wrong", "Rebuilding Trust Between Fishers and Scientists"}},
		{`"Blue Corridors" and the Grid`, "Part 1. Living from the Sea", []string{
			"Henrik Dahl | head of energy transition at the Port of Aarhus",
			"Aino Virtanen | doctoral researcher at Aalto University School of Engineering"},
			[]string{"", "Ports as Power Stations", "Sharing the Grid"}},
		{"Who Governs the Seabed?", "Part 2. Rules for a Crowded Sea", []string{
			"Tomasz Zieliński | Professor of International Law, University of Gdańsk"},
			[]string{"", "Who Governs the Seabed?"}},
		{"Shipping Lanes, Cables and the Law of Unintended Consequences", "Part 2. Rules for a Crowded Sea", []string{
			"Elena Petrauskienė | Lithuanian Maritime Academy and a lecturer at Klaipėda University",
			"Jonas Berg | legal adviser at the Swedish Maritime Administration"},
			[]string{"", "Anchors and Cables"}},
		{"A Small Sea in a Large World", "Part 2. Rules for a Crowded Sea", []string{
			"Sofia Lindgren | research fellow at the Nordic Council of Ministers Secretariat in Copenhagen"},
			[]string{""}},
	}
	if len(articles) != len(wants) {
		t.Fatalf("%d articles, want %d:\n%s", len(articles), len(wants), summary(articles))
	}
	for i, w := range wants {
		a := articles[i]
		if a.Title != w.title || a.Part != w.part {
			t.Errorf("article %d: %q in %q, want %q in %q", i, a.Title, a.Part, w.title, w.part)
		}
		var authors []string
		for _, au := range a.Authors {
			authors = append(authors, au.Name+" | "+au.Affiliation)
		}
		if strings.Join(authors, "\n") != strings.Join(w.authors, "\n") {
			t.Errorf("%s: authors\n%s\nwant\n%s", a.Title, strings.Join(authors, "\n"), strings.Join(w.authors, "\n"))
		}
		var heads []string
		for _, s := range a.Sections {
			heads = append(heads, s.Heading)
		}
		if strings.Join(heads, "|") != strings.Join(w.sections, "|") {
			t.Errorf("%s: sections %q, want %q", a.Title, heads, w.sections)
		}
	}
	all := ""
	for _, a := range articles {
		all += a.Text + "\n\n"
	}
	for _, s := range []string{
		"None of the authors pretends that cooperation is easy.", // page break inside the preface
		"through a Baltic-Nordic interconnector",                 // a capital after the hyphen
		"will not disappear.",                                    // a one-word continuation
		"Sweden and Finland are considering similar changes. The well-being of the whole region",
		"through the Joint Expeditionary Force led by the United Kingdom", // cut after "Expeditionary"
		"about US$3.4 billion",
		"Convention on the Protection of the Marine Environment of the Baltic Sea Area of 1992",
	} {
		if !strings.Contains(all, s) {
			t.Errorf("no article contains %q", s)
		}
	}
	for _, s := range []string{"**", "*", `\$`, "Authors:", "respectively", "Part 2.", "Rules for a Crowded Sea", "CONTENTS", "Cold Water Commons", "Sofia Lindgren is", "the Lithuanian Maritime Academy"} {
		if strings.Contains(all, s) {
			t.Errorf("text contains %q", s)
		}
	}
}

// TestReportWithoutContents: a text file with a CONTENTS heading but no
// usable list is ingested as one plain-text article, with a problem; a
// text file without the heading is plain text with no problem.
func TestReportWithoutContents(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "broken-report.txt", "Annual Review\n\nCONTENTS\n\nWe could not typeset the list this year.\n\nPart I.\n\nThe harbour grew by a tenth in 2024. Its cranes are now electric.\n")
	write(t, dir, "notes.txt", "Harbour Notes\n\nThe harbour grew by a tenth in 2024.\n")
	articles, problems, err := Load(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) != 2 || articles[0].Title != "Annual Review" || articles[1].Title != "Harbour Notes" {
		t.Fatalf("articles:\n%s", summary(articles))
	}
	if len(problems) != 1 || !strings.HasSuffix(problems[0].Path, "broken-report.txt") || !isErr(problems[0].Err, ErrNoContents) {
		t.Fatalf("problems %v, want one ErrNoContents for broken-report.txt", problems)
	}
}
