package ingest

import (
	"strings"
	"testing"
)

func TestCleanLine(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"escaped dollar", `US\$982.3 billion`, "US$982.3 billion"},
		{"escaped markup", `a \*literal\* star and \_under\_ \# hash`, "a *literal* star and _under_ # hash"},
		{"bold", "**Research Center on Building**", "Research Center on Building"},
		{"italics", "the *ASEAN Community Vision 2045* and", "the ASEAN Community Vision 2045 and"},
		{"italics opened on a previous line", "dustrial Cooperation in AI.*", "dustrial Cooperation in AI."},
		{"italics closed on a later line", "issued the *Nanning Initiative on China-ASEAN In-*", "issued the Nanning Initiative on China-ASEAN In-"},
		{"footnote star", "Zhai Kun and Wang Lina*", "Zhai Kun and Wang Lina"},
		{"arithmetic star", "3 * 4 = 12", "3 * 4 = 12"},
		{"soft hyphen and zero width", "co\u00adoper\u200bation\ufeff", "cooperation"},
		{"no-break and thin spaces", "10\u00a0000 and 5\u202fkm", "10 000 and 5 km"},
		{"ligatures", "\ufb01nancial \ufb02ows", "financial flows"},
		{"runs of spaces and tabs", "  two   spaces\tand tab  ", "two spaces and tab"},
		{"control characters", "bell\x07 and\x00 nul\u0080", "bell and nul"},
		{"unicode spaces", "a\u0085b\u2028c\u2003d\u3000e", "a b c d e"},
		{"curly quotes kept", "“capillaries” ‘times’", "“capillaries” ‘times’"},
		{"clean text untouched", "China-ASEAN people-to-people win-win", "China-ASEAN people-to-people win-win"},
		{"backslash before a letter kept", `C:\data`, `C:\data`},
	} {
		if got := cleanLine(c.in); got != c.want {
			t.Errorf("%s: cleanLine(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestHyphenJoin(t *testing.T) {
	doc := "The dialogue went on. Non-traditional security. China and ASEAN. people-to-people ties; cooperation grows."
	hy := newHyphens(doc)
	for _, c := range []struct{ left, right, want string }{
		{"the \"3+3\" Dia-", "logue on Diplomacy", "the \"3+3\" Dialogue on Diplomacy"}, // the document has "dialogue"
		{"provides funds, technolo-", "gies, personnel", "provides funds, technologies, personnel"},
		{"the first Chi-", "na-ASEAN-GCC Summit", "the first China-ASEAN-GCC Summit"},
		{"Sweet Spring Ac-", "tion” have been launched", "Sweet Spring Action” have been launched"},
		{"close China-", "ASEAN ties", "close China-ASEAN ties"},            // a capital after the hyphen: a compound
		{"the plan for 2023-", "2027 was", "the plan for 2023-2027 was"},    // digits: a range
		{"people-to-", "people exchanges", "people-to-people exchanges"},    // a compound in progress
		{"win-", "win cooperation", "win-win cooperation"},                  // a reduplication
		{"non-", "traditional threats", "non-traditional threats"},          // seen hyphenated in the document
		{"co-", "operation grows", "cooperation grows"},                     // seen joined in the document
		{"a self-", "sufficient port", "a self-sufficient port"},            // a prefix kept by default
		{"a line that ends", "and goes on", "a line that ends and goes on"}, // no hyphen: a space
		{"a dash -", "then more", "a dash - then more"},
		{"", "right", "right"},
	} {
		if got := hy.join(c.left, c.right); got != c.want {
			t.Errorf("join(%q, %q) = %q, want %q", c.left, c.right, got, c.want)
		}
	}
}

func TestParagraphRepair(t *testing.T) {
	blk := func(lines ...string) block {
		return block{lines: lines, text: strings.Join(lines, " ")}
	}
	bold := func(text string) block { b := blk(text); b.bold = true; return b }
	hy := newHyphens("")
	for _, c := range []struct {
		name   string
		blocks []block
		want   []para
	}{
		{"hyphen across a page break", []block{blk("China and Vietnam established the Dia-"), blk("logue on Diplomacy.")},
			[]para{{text: "China and Vietnam established the Dialogue on Diplomacy."}}},
		{"sentence cut, lower-case continuation", []block{blk("ASEAN is a priority in China's neighborhood diplomacy, and relations have"), blk("become an important testing ground.")},
			[]para{{text: "ASEAN is a priority in China's neighborhood diplomacy, and relations have become an important testing ground."}}},
		{"short fragment, lower-case continuation", []block{blk("First, China and ASEAN have built"), blk("effective dialogue mechanisms.")},
			[]para{{text: "First, China and ASEAN have built effective dialogue mechanisms."}}},
		{"long paragraph cut before a proper noun", []block{blk("China and Malaysia agreed to advance dialogue and establish the China-Malaysia International Institute for Advanced"), blk("Studies and the China-Cambodia collaboration on Luban Workshop programs contribute to knowledge production.")},
			[]para{{text: "China and Malaysia agreed to advance dialogue and establish the China-Malaysia International Institute for Advanced Studies and the China-Cambodia collaboration on Luban Workshop programs contribute to knowledge production."}}},
		{"fragment ending in an article, capital continuation", []block{blk("the coastal states turned to the"), blk("Joint Expeditionary Force led by the United Kingdom.")},
			[]para{{text: "the coastal states turned to the Joint Expeditionary Force led by the United Kingdom."}}},
		{"heading between paragraphs", []block{blk("It ended well."), blk("A New Paradigm for Regional Security Cooperation"), blk("Currently, cooperation is building a new paradigm.")},
			[]para{{text: "It ended well."}, {text: "A New Paradigm for Regional Security Cooperation", heading: true}, {text: "Currently, cooperation is building a new paradigm."}}},
		{"bold multi-line heading", []block{blk("It ended well."), bold("Facing Global Transformations: Advancing Continuous Optimization of the China-ASEAN Community with a Shared Future"), blk("The accelerating evolution propels both sides.")},
			[]para{{text: "It ended well."}, {text: "Facing Global Transformations: Advancing Continuous Optimization of the China-ASEAN Community with a Shared Future", heading: true}, {text: "The accelerating evolution propels both sides."}}},
		{"title-case question heading", []block{blk("It ended well."), blk("Who Governs the Seabed?"), blk("Nobody does.")},
			[]para{{text: "It ended well."}, {text: "Who Governs the Seabed?", heading: true}, {text: "Nobody does."}}},
		{"sentence-case question is prose", []block{blk("It ended well."), blk("Who governs what happens on the seabed between the cables?"), blk("Nobody does.")},
			[]para{{text: "It ended well."}, {text: "Who governs what happens on the seabed between the cables?"}, {text: "Nobody does."}}},
		{"a one-sentence paragraph is not a heading", []block{blk("Second, shared concepts and values strengthen the willingness to cooperate."), blk("Faced with a global landscape, both adhere to principles.")},
			[]para{{text: "Second, shared concepts and values strengthen the willingness to cooperate."}, {text: "Faced with a global landscape, both adhere to principles."}}},
	} {
		got := paragraphs(c.blocks, hy)
		if len(got) != len(c.want) {
			t.Errorf("%s: got %d paragraphs %+v, want %d", c.name, len(got), got, len(c.want))
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: paragraph %d = %+v, want %+v", c.name, i, got[i], c.want[i])
			}
		}
	}
}

func TestShapes(t *testing.T) {
	for _, c := range []struct {
		s                 string
		terminated, title bool
	}{
		{"It ended in 2013.", true, false},
		{"the “beautiful home.”", true, false},
		{"the Declaration (DOC).", true, false},
		{"the South China Sea (DOC)", false, false},
		{"A New Paradigm for Regional Security Cooperation", false, true},
		{"ASEAN’s View of China and China’s View of ASEAN", false, true},
		{"“China-ASEAN+” from Concept to Practice", false, true},
		{"Economic Integration and Connectivity: Innovative Practices for Building a Prosperous Home", false, true},
		{"For a long time, Western theories such", false, false},
		{"the outcome of the", false, false},
		{"Who Governs the Seabed?", true, true},
		{"as follows:", true, false},
	} {
		if got := terminated(c.s); got != c.terminated {
			t.Errorf("terminated(%q) = %v", c.s, got)
		}
		if got := headingLike(c.s); got != c.title {
			t.Errorf("headingLike(%q) = %v", c.s, got)
		}
	}
	for in, want := range map[string]string{"FOREWORD": "Foreword", "EDITOR'S NOTE": "Editor's Note", "ABOUT THE AUTHORS": "About the Authors", "Preface": "Preface"} {
		if got := titleCase(in); got != want {
			t.Errorf("titleCase(%q) = %q, want %q", in, got, want)
		}
	}
	if a, b := matchKey(`"China-ASEAN+", A New Exploration`), matchKey("“China-ASEAN+”, A New **Exploration**"); a != b {
		t.Errorf("matchKey differs for quote styles: %q vs %q", a, b)
	}
}
