package chat

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/citechat/citechat/retrieval"
)

func TestCheckSentence(t *testing.T) {
	srcs := NewBot(fourSources(), nil, Config{}).sources(fourSources())
	tests := []struct {
		name, in, want string
		dropped        bool
	}{
		{"kept", "The pilot project uses alternate wetting and drying irrigation [1].",
			"The pilot project uses alternate wetting and drying irrigation [1].", false},
		{"out of range re-cited", "The pilot project uses alternate wetting and drying irrigation [7].",
			"The pilot project uses alternate wetting and drying irrigation [1].", false},
		{"out of range, weak support, dropped", "The moon base handled 982.3 million tonnes [7].", "", true},
		{"wrong source re-cited", "The northern ports handled 982.3 million tonnes of cargo in 2024 [2].",
			"The northern ports handled 982.3 million tonnes of cargo in 2024 [3].", false},
		{"several markers, one bad", "A joint flood council shares river data [2, 4].",
			"A joint flood council shares river data [2].", false},
		{"unsupported", "The delta exports oranges to Mars [1].", "", true},
		{"no marker, unsupported", "Everyone agrees this is wonderful.", "", true},
		{"no marker, supported", "The project began in 2019 with 40 villages.",
			"The project began in 2019 with 40 villages [1].", false},
		{"refusal", "The passages do not mention the budget.", "The passages do not mention the budget.", false},
		{"markers only", "[1][2].", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newChecker(gather(fourSources()), srcs)
			got := c.check(tt.in)
			if got != tt.want || (c.dropped == 1) != tt.dropped {
				t.Errorf("check(%q) = %q (dropped %d), want %q", tt.in, got, c.dropped, tt.want)
			}
			for _, ci := range c.cites {
				if !strings.Contains(srcs[ci.N-1].Text, ci.Quote) {
					t.Errorf("quote %q not verbatim from source %d", ci.Quote, ci.N)
				}
			}
		})
	}
}

func TestSentenceEnd(t *testing.T) {
	tests := []struct {
		s     string
		final bool
		want  int // end of the first sentence, -1 for "need more"
	}{
		{"One [1]. Two", false, len("One [1].")},
		{"One. [1] Two", false, len("One. [1]")},
		{"One. [1", false, -1},
		{"One.", false, -1},
		{"One.", true, 4},
		{"One [1].", true, len("One [1].")},
		{"Value 982.3 tonnes. Next", false, len("Value 982.3 tonnes.")},
		{"Dr. Li came. Next", false, len("Dr. Li came.")},
		{"A list:\n- item", false, len("A list:\n")},
		{"no end yet", false, -1},
		{"no end yet", true, len("no end yet")},
	}
	for _, tt := range tests {
		if got := sentenceEnd(tt.s, tt.final); got != tt.want {
			t.Errorf("sentenceEnd(%q, %v) = %d, want %d", tt.s, tt.final, got, tt.want)
		}
	}
}

func TestBadRequests(t *testing.T) {
	fs := newFakeStore()
	b := NewBot(fs, fs, Config{})
	for _, q := range []string{"", "   \n\t "} {
		called := false
		_, err := b.Answer(context.Background(), Request{Question: q}, func(Event) error { called = true; return nil })
		if !errors.Is(err, ErrEmptyQuestion) || called {
			t.Errorf("question %q: err %v, emitted %v", q, err, called)
		}
	}
	huge := "What irrigation does the pilot project use? " + strings.Repeat("very long ", 10000)
	ans, evs, err := collect(b, Request{Question: huge})
	if err != nil {
		t.Fatal(err)
	}
	checkContract(t, ans, evs)
	if len(fs.searches[0].Text) > defaultMaxQuestion || len(ans.Query) > defaultMaxQuestion {
		t.Errorf("searched %d bytes, want at most %d", len(fs.searches[0].Text), defaultMaxQuestion)
	}
	long := make([]Turn, 1000)
	for i := range long {
		long[i] = Turn{Q: "What about the ports? " + strings.Repeat("x", 3000), A: strings.Repeat("y", 3000)}
	}
	ans, evs, err = collect(b, Request{Question: "And when did it begin?", History: long})
	if err != nil {
		t.Fatal(err)
	}
	checkContract(t, ans, evs)
}

// A retrieval failure is returned wrapped, before anything is emitted; a
// cancelled request returns the cancellation.
func TestRetrieveErrors(t *testing.T) {
	b := NewBot(failing{}, nil, Config{})
	_, err := b.Answer(context.Background(), Request{Question: "Anything?"}, func(Event) error {
		t.Error("emitted after a failed search")
		return nil
	})
	if !errors.Is(err, errDown) || !strings.HasPrefix(err.Error(), "answer: retrieve: ") {
		t.Errorf("err = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = NewBot(newFakeStore(), nil, Config{}).Answer(ctx, Request{Question: "What irrigation?"}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

var errDown = errors.New("store down")

type failing struct{}

func (failing) Search(context.Context, retrieval.Query) ([]retrieval.Passage, error) {
	return nil, errDown
}

// Odd questions never panic and always get a well-formed answer.
func TestOddQuestions(t *testing.T) {
	fs := newFakeStore()
	b := NewBot(fs, fs, Config{})
	for _, q := range []string{
		"?", "[1] [2] [99]", "水稻灌溉技术是什么？", "<script>alert(1)</script> irrigation?",
		"\x00\x01 delta \x7f", "How many? When? Which year? How much?", strings.Repeat("delta ", 3000),
		"\xff\xfe invalid utf8 delta pilot", "What irrigation, and when, and which, and how?",
	} {
		ans, evs, err := collect(b, Request{Question: q, History: []Turn{{Q: "[3]"}, {A: "\xff"}}})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		checkContract(t, ans, evs)
	}
}
