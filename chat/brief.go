package chat

import (
	"unicode"
	"unicode/utf8"

	"github.com/citechat/citechat/retrieval"
)

// A briefing (Request.Mode == ModeBrief) answers a topic — a phrase or a
// question — with a structured document instead of a short answer: a title,
// an overview, key points grouped by theme, who argues what, the figures
// and dates mentioned, and the numbered sources. It is built from passages
// of every article that speaks to the topic (brief_gather.go), offline by
// picking the passages' own sentences (brief_pick.go), or with an LLM
// writing from the same numbered passages and every sentence checked like an
// answer's (brief_llm.go). Either way the markers are renumbered in reading
// order (brief_number.go) and the Markdown text (brief_markdown.go) is the
// answer that is streamed, so the answer contract holds: the deltas
// concatenate to Answer.Answer and every [n] has its citation. Programs read
// the same brief as Answer.Brief; brief_html.go prints it as a page.

// Brief is the structured form of a briefing. Every point is a sentence or
// two of the sources (or, with an LLM, written from them), each with its
// [n] markers; no sentence appears twice. When the collection says nothing
// on the topic, NotCovered says so and the sections are empty.
type Brief struct {
	Topic      string          `json:"topic"`
	Title      string          `json:"title"`
	NotCovered string          `json:"not_covered,omitempty"`
	Overview   []BriefPoint    `json:"overview"`
	Themes     []BriefTheme    `json:"themes"`
	Positions  []BriefPosition `json:"positions"`
	Figures    []BriefPoint    `json:"figures"`
	// Questions holds the answers of a briefing made from a list of
	// questions (QuestionsBrief); the other sections are then empty.
	Questions []BriefQuestion `json:"questions,omitempty"`
}

// BriefPoint is one cited statement of a brief.
type BriefPoint struct {
	Text  string `json:"text"`  // as shown, with its [n] markers
	Cites []int  `json:"cites"` // the numbers of its markers, in order
	// Quotes are the sources' sentences the point shows, verbatim (the
	// extractive brief; an LLM's points have none).
	Quotes []string `json:"quotes,omitempty"`
}

// BriefTheme is a group of key points under a heading.
type BriefTheme struct {
	Heading string       `json:"heading"`
	Points  []BriefPoint `json:"points"`
}

// BriefPosition is what one article argues on the topic: its authors (with
// their affiliations where the article gives them) and its main claim.
type BriefPosition struct {
	ArticleID string             `json:"article_id"`
	Title     string             `json:"title"`
	Authors   []retrieval.Author `json:"authors"`
	Claim     BriefPoint         `json:"claim"`
}

// BriefQuestion is one answered question of a question-list briefing.
type BriefQuestion struct {
	ID        string     `json:"id,omitempty"`
	Question  string     `json:"question"`
	Answer    BriefPoint `json:"answer"`
	Abstained bool       `json:"abstained"`
	Notice    string     `json:"notice,omitempty"`
}

// points returns every point of the brief in reading order, for numbering
// and checks.
func (br *Brief) points() []*BriefPoint {
	var out []*BriefPoint
	add := func(ps []BriefPoint) {
		for i := range ps {
			out = append(out, &ps[i])
		}
	}
	add(br.Overview)
	for i := range br.Themes {
		add(br.Themes[i].Points)
	}
	for i := range br.Positions {
		out = append(out, &br.Positions[i].Claim)
	}
	add(br.Figures)
	for i := range br.Questions {
		out = append(out, &br.Questions[i].Answer)
	}
	return out
}

// briefTitle is the title of a briefing on topic.
func briefTitle(topic string) string {
	return briefPrefix + upperFirst(oneLine(topic))
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// fill replaces the brief's nil lists with empty ones, so that its JSON
// always has the same shape.
func (br *Brief) fill() {
	for _, l := range []*[]BriefPoint{&br.Overview, &br.Figures} {
		if *l == nil {
			*l = []BriefPoint{}
		}
	}
	if br.Themes == nil {
		br.Themes = []BriefTheme{}
	}
	if br.Positions == nil {
		br.Positions = []BriefPosition{}
	}
	for i := range br.Positions {
		if br.Positions[i].Authors == nil {
			br.Positions[i].Authors = []retrieval.Author{}
		}
	}
	for _, p := range br.points() {
		if p.Cites == nil {
			p.Cites = []int{}
		}
	}
}
