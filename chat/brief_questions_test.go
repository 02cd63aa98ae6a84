package chat_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/citechat/citechat/chat"
)

// A question-list brief numbers the citations of all its answers as one
// list: a passage cited by two answers keeps one number, and citation n is
// source n.
func TestQuestionsBrief(t *testing.T) {
	st := briefOwn(t)
	bot := chat.NewBot(st, st, chat.Config{})
	var answers []*chat.Answer
	for _, q := range []string{"What does the farming of tea depend on?",
		"How much did the forecasting network cost to build?",
		"How much does the forecasting network cost to run each year?",
		"What is the capital of Mars?"} {
		a, err := bot.Answer(t.Context(), chat.Request{Question: q}, nil)
		if err != nil {
			t.Fatal(err)
		}
		answers = append(answers, a)
	}
	doc := chat.QuestionsBrief("The Amber basin", answers)
	if doc.Abstained || doc.Brief == nil || len(doc.Brief.Questions) != 4 || !doc.Brief.Questions[3].Abstained {
		t.Fatalf("abstained %v, brief %+v", doc.Abstained, doc.Brief)
	}
	if doc.Answer != chat.BriefMarkdown(doc) || !strings.HasPrefix(doc.Answer, "# Briefing: The Amber basin\n\n## What does the farming") {
		t.Errorf("the document is not its Markdown:\n%s", doc.Answer)
	}
	checkNumbering(t, doc)
	q2, q3 := doc.Brief.Questions[1].Answer, doc.Brief.Questions[2].Answer
	if len(q2.Cites) == 0 || len(q3.Cites) == 0 || q2.Cites[0] != q3.Cites[0] {
		t.Errorf("the two questions on the same passage cite %v and %v, want one number", q2.Cites, q3.Cites)
	}
	if n := strings.Count(doc.Answer[strings.Index(doc.Answer, "## Sources"):], "“Paying for Resilience”"); n != 1 {
		t.Errorf("the shared passage is listed %d times in the sources", n)
	}
	for i, q := range doc.Brief.Questions {
		if !strings.Contains(doc.Answer, "## "+q.Question+"\n") || q.Question != answers[i].Question {
			t.Errorf("question %d (%q) has no section of its own", i+1, q.Question)
		}
	}
}

// checkNumbering asserts that citations are numbered 1, 2, … in reading
// order, each the source of the same rank, and that every marker has one.
func checkNumbering(t *testing.T, ans *chat.Answer) {
	t.Helper()
	next := 1
	for _, m := range briefMarkerRe.FindAllStringSubmatch(ans.Answer, -1) {
		n, _ := strconv.Atoi(m[1])
		if n > len(ans.Citations) {
			t.Errorf("marker %s has no citation", m[0])
		} else if n == next {
			next++
		} else if n > next {
			t.Errorf("marker %s before [%d]: not in reading order", m[0], next)
		}
	}
	for i, c := range ans.Citations {
		if c.N != i+1 || ans.Sources[i].Rank != c.N || ans.Sources[i].ChunkID != c.ChunkID {
			t.Errorf("citation %d is not source %d", c.N, i+1)
		}
	}
}
