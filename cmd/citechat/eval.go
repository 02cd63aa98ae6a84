package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"text/tabwriter"

	"github.com/citechat/citechat/chat"
	"github.com/citechat/citechat/cmd/internal/evalset"
	"github.com/citechat/citechat/ingest"
	"github.com/citechat/citechat/retrieval"
)

// rankers are the rows of the retrieval table, in the order printed.
var rankers = []string{"hybrid", "bm25", "dense", "naive"}

// evalReport is what `eval --json` prints.
type evalReport struct {
	Set       string                     `json:"set"`
	Retrieval map[string]evalset.Metrics `json:"retrieval"` // by ranker: hybrid, bm25, dense, naive
	Answers   *evalset.AnswerMetrics     `json:"answers"`
}

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var c Config
	fs := newFlags("eval", "usage: citechat eval [--set FILE.jsonl] [--json]\n\nMeasures retrieval (recall@1/3/5, MRR, evidence in top 5) for the hybrid ranker, BM25\nalone, dense alone and a naive baseline, and answer quality (keywords, citation\nprecision, author exactness, verbatim quotes, abstention) on a question set.", stderr)
	c.registerCommon(fs)
	c.registerLLM(fs)
	set := fs.String("set", "testdata/eval/dev.jsonl", "question set (JSONL in the form of testdata/eval/dev.jsonl)")
	asJSON := fs.Bool("json", false, "print the metrics as JSON")
	k := fs.Int("k", 10, "sources ranked per question")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if err := c.validate(); err != nil {
		fmt.Fprintln(stderr, "citechat eval:", err)
		return exitUsage
	}
	qs, err := evalset.Load(*set)
	if err != nil {
		fmt.Fprintln(stderr, "citechat eval:", err)
		return exitFailure
	}
	bot, st, err := newBot(ctx, &c, newLogger(&c, stderr))
	if err != nil {
		fmt.Fprintln(stderr, "citechat eval:", err)
		return exitFailure
	}
	rep, err := evaluate(ctx, qs, st, bot, *k)
	if err != nil {
		fmt.Fprintln(stderr, "citechat eval:", err)
		return exitFailure
	}
	rep.Set = *set
	if *asJSON {
		return writeJSONLine(stdout, stderr, rep)
	}
	printEval(stdout, rep)
	return exitOK
}

// evaluate ranks the set with each ranker, including the naive baseline
// over the bundled report's raw text, and answers every question.
func evaluate(ctx context.Context, qs []evalset.Question, st *retrieval.Store, bot *chat.Bot, k int) (*evalReport, error) {
	rep := &evalReport{Retrieval: map[string]evalset.Metrics{}}
	for _, method := range []string{"hybrid", "bm25", "dense"} {
		src, err := evalset.Rank(ctx, st, qs, method, k)
		if err != nil {
			return nil, err
		}
		rep.Retrieval[method] = evalset.Score(qs, src)
	}
	naive, err := naiveStore(ctx, st)
	if err != nil {
		return nil, err
	}
	src, err := evalset.Rank(ctx, naive, qs, "bm25", k)
	if err != nil {
		return nil, err
	}
	rep.Retrieval["naive"] = evalset.Score(qs, src)
	answers := map[string]*chat.Answer{}
	for _, q := range qs {
		hist := make([]chat.Turn, len(q.History))
		for i, h := range q.History {
			hist[i] = chat.Turn{Q: h.Q, A: h.A}
		}
		a, err := bot.Answer(ctx, chat.Request{ID: q.ID, Question: q.Question, History: hist}, func(chat.Event) error { return nil })
		if err != nil {
			return nil, fmt.Errorf("answer %s: %w", q.ID, err)
		}
		answers[q.ID] = a
	}
	am := evalset.ScoreAnswers(qs, answers, func(id string) string {
		a, _ := st.Article(id)
		return a.Text
	})
	rep.Answers = &am
	return rep, nil
}

// naiveStore is the baseline over the bundled report's raw file.
func naiveStore(ctx context.Context, st *retrieval.Store) (*retrieval.Store, error) {
	var raw []byte
	err := fs.WalkDir(ingest.Bundled(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			raw, err = fs.ReadFile(ingest.Bundled(), p)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("naive baseline: %w", err)
	}
	return evalset.NaiveStore(ctx, string(raw), st.Articles())
}

func printEval(w io.Writer, rep *evalReport) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "retrieval\trecall@1\trecall@3\trecall@5\tMRR\tevidence@5\t")
	for _, name := range rankers {
		m := rep.Retrieval[name]
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", name, m.RecallAt1, m.RecallAt3, m.RecallAt5, m.MRR, m.EvidenceInTop5)
	}
	tw.Flush()
	a := rep.Answers
	fmt.Fprintf(w, "\nanswers: keyword coverage %.3f, all keywords %.3f, citation precision %.3f, authors exact %.3f,\n"+
		"quotes verbatim %.3f, markers without citation %d, abstained on unanswerable %.3f, false abstentions %.3f\n",
		a.KeywordCoverage, a.KeywordFull, a.CitationPrecision, a.AuthorExact, a.QuotesVerbatim,
		a.MarkersWithoutCitation, a.AbstainOnUnanswerable, a.FalseAbstain)
	for _, f := range a.Failures {
		fmt.Fprintln(w, "  ", f)
	}
}
