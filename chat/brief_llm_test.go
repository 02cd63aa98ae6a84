package chat

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/citechat/citechat/ingest"
	"github.com/citechat/citechat/retrieval"
)

// briefCollection is the collection written for the brief tests, in a real
// store (the library), and its flood articles' chunks in a known order: the
// passages every search of the scripted-model tests returns, so a script
// can cite them by number. [1]-[3] are "Sharing River Data Across
// Borders", [4]-[5] "Early Warning Reaches the Village", [6]-[7] "Paying
// for Resilience".
func briefCollection(t *testing.T) (*retrieval.Store, fixed) {
	t.Helper()
	st, byID := storeOf(t, os.DirFS(filepath.Join("testdata", "brief", "corpus")))
	var ps fixed
	for _, id := range []string{"sharing-river-data-across-borders", "early-warning-reaches-the-village", "paying-for-resilience"} {
		for _, c := range byID[id] {
			ps = append(ps, retrieval.Passage{Chunk: c, Score: 1})
		}
	}
	if len(ps) != 7 {
		t.Fatalf("the flood articles have %d chunks, want 7", len(ps))
	}
	return st, ps
}

// storeOf ingests a collection into a real store and returns it with each
// article's chunks.
func storeOf(t *testing.T, fsys fs.FS) (*retrieval.Store, map[string][]retrieval.Chunk) {
	t.Helper()
	ctx := context.Background()
	arts, _, err := ingest.LoadFS(ctx, fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	st, err := retrieval.NewStore(retrieval.NewLocalEmbedder())
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string][]retrieval.Chunk{}
	for _, a := range arts {
		byID[a.ID] = ingest.ChunkArticle(a)
		if _, err := st.Put(ctx, a, byID[a.ID]); err != nil {
			t.Fatal(err)
		}
	}
	return st, byID
}

// modelBrief is a model's brief on flood forecasting with the faults the
// reader must catch: an unsupported sentence, a sentence said twice, a
// marker pointing nowhere, bold names, and a sources list of its own.
var modelBrief = []string{"## Overview\nEvery dollar spent on flood forecasting saves about seven dollars in avoided damage [6]. ",
	"The moon is made of green cheese [4].\n\n## Key points\n### Reaching people\n",
	"- Village committees relay the forecasting centre's text messages by loudspeaker [4].\n",
	"- Village committees relay the forecasting centre's text messages by loudspeaker [4].\n",
	"### Money\n- The forecasting network cost USD 40 million to build and costs USD 3 million a year to run [12].\n",
	"## Who argues what\n- **Ana Ortiz** argues that flood forecasting saves lives only when the warnings reach the people at risk [4].\n",
	"- Critics cited by **Marta Silva and Kofi Mensah** say the centre depends on foreign software licences for its flood forecasting models [3].\n",
	"## Figures and dates\n- A joint forecasting centre opened in Port Vell in March 2021 [3].\n",
	"## Sources\n- [1] Sharing River Data Across Borders.\n"}

func TestBriefLLM(t *testing.T) {
	st, ps := briefCollection(t)
	for _, pv := range providers {
		t.Run(pv.name, func(t *testing.T) {
			p := newProvider(t, pv.wire, script{pieces: modelBrief})
			b := NewBot(ps, st, Config{LLM: pv.model(t, p), LLMTimeout: 20 * time.Second})
			ans, evs, err := collect(b, Request{ID: "b", Question: "flood forecasting", Mode: ModeBrief})
			if err != nil {
				t.Fatal(err)
			}
			checkContract(t, ans, evs)
			br := ans.Brief
			if ans.Mode != "llm" || ans.Abstained || !strings.Contains(ans.Notice, "1 sentence(s)") {
				t.Fatalf("mode %q abstained %v notice %q:\n%s", ans.Mode, ans.Abstained, ans.Notice, ans.Answer)
			}
			if len(p.prompts) != 1 || !strings.Contains(p.prompts[0], "Who argues what") || !strings.Contains(p.prompts[0], "PASSAGE [7]") {
				t.Errorf("the prompt lacks the outline or the passages")
			}
			for _, bad := range []string{"cheese", "[12]", "** argues", "## Sources\n\n- [1] Sharing"} {
				if strings.Contains(ans.Answer, bad) {
					t.Errorf("the brief holds %q:\n%s", bad, ans.Answer)
				}
			}
			if strings.Count(ans.Answer, "Village committees relay") != 1 {
				t.Errorf("a repeated sentence was kept:\n%s", ans.Answer)
			}
			// Renumbered in reading order: [6] first, then [4], then [3].
			if got := br.Overview[0].Text; !strings.HasSuffix(got, "damage [1].") || ans.Sources[0].ChunkID != ps[5].ID {
				t.Errorf("overview %q, first source %s: not renumbered in reading order", got, ans.Sources[0].ChunkID)
			}
			if len(br.Themes) != 2 || br.Themes[0].Heading != "Reaching people" || len(br.Themes[1].Points) != 1 ||
				!strings.Contains(br.Themes[1].Points[0].Text, "USD 40 million to build and costs USD 3 million a year to run [1].") {
				t.Errorf("themes %+v: want the repaired marker on the money point", br.Themes)
			}
			if len(br.Positions) != 2 || br.Positions[1].Authors[0].Affiliation != "Senior Hydrologist, Delta Water Institute" ||
				br.Positions[0].Title != "Early Warning Reaches the Village" {
				t.Errorf("positions %+v", br.Positions)
			}
			if len(br.Figures) != 1 || len(ans.Citations) != 3 {
				t.Errorf("%d figures, %d citations; want 1 and 3:\n%s", len(br.Figures), len(ans.Citations), ans.Answer)
			}
		})
	}
}

func TestBriefLLMRefusesOrFails(t *testing.T) {
	st, ps := briefCollection(t)
	tests := []struct {
		name    string
		sc      script
		mode    string
		covered bool
		notice  string
	}{
		{"refusal", script{pieces: []string{"The collection does not cover this."}}, "llm", false, ""},
		{"garbage", script{pieces: []string{"## Overview\nLorem ipsum dolor sit amet [2]."}}, "extractive", true, fallbackNotice},
		{"cut", script{pieces: []string{"## Overview\nEvery dollar"}, cut: true}, "extractive", true, fallbackNotice},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newProvider(t, sseWire{}, tt.sc)
			b := NewBot(ps, st, Config{LLM: openaiModel(t, p), LLMTimeout: 20 * time.Second})
			ans, evs, err := collect(b, Request{ID: "b", Question: "flood forecasting", Mode: ModeBrief})
			if err != nil {
				t.Fatal(err)
			}
			checkContract(t, ans, evs)
			if ans.Mode != tt.mode || ans.Abstained == tt.covered || ans.Notice != tt.notice {
				t.Errorf("mode %q abstained %v notice %q:\n%s", ans.Mode, ans.Abstained, ans.Notice, ans.Answer)
			}
		})
	}
}

// On the report, a brief gathers more passages than a small model's context
// holds: the model is given at most maxLLMBriefPassages, chosen so that
// every article on the topic is among them.
func TestBriefLLMPromptPassages(t *testing.T) {
	st, _ := storeOf(t, ingest.Bundled())
	p := newProvider(t, sseWire{}, script{pieces: []string{"The collection does not cover this."}})
	b := NewBot(st, st, Config{LLM: openaiModel(t, p), LLMTimeout: 20 * time.Second})
	ans, evs, err := collect(b, Request{ID: "b", Question: "security cooperation", Mode: ModeBrief})
	if err != nil {
		t.Fatal(err)
	}
	checkContract(t, ans, evs)
	extractive, err := NewBot(st, st, Config{}).Answer(t.Context(), Request{Question: "security cooperation", Mode: ModeBrief}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(extractive.Sources) <= maxLLMBriefPassages {
		t.Fatalf("the brief gathers %d passages; the test needs more than %d", len(extractive.Sources), maxLLMBriefPassages)
	}
	prompt := p.prompts[0]
	if n := strings.Count(prompt, "PASSAGE ["); n != maxLLMBriefPassages || !ans.Abstained || len(ans.Sources) != n {
		t.Errorf("the model was given %d passages (want %d), abstained %v, %d sources", n, maxLLMBriefPassages, ans.Abstained, len(ans.Sources))
	}
	titles := map[string]bool{}
	for _, m := range regexp.MustCompile(`Title: (.*?)\\n`).FindAllStringSubmatch(prompt, -1) {
		titles[m[1]] = true
	}
	for _, pos := range extractive.Brief.Positions {
		if !titles[strings.ReplaceAll(pos.Title, `"`, `\"`)] {
			t.Errorf("the prompt has no passage of %q, an article on the topic", pos.Title)
		}
	}
}
