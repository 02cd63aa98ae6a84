package chat_test

import (
	"context"
	"testing"

	"github.com/citechat/citechat/chat"
)

// BenchmarkBrief is the time to build an extractive brief on the bundled
// report (nine articles, their passages gathered by one collection-wide and
// nine per-article searches), topics in turn, with a warm Bot as a server
// has. Run: go test ./chat -run '^$' -bench Brief -benchtime 50x
func BenchmarkBrief(b *testing.B) {
	topics := []string{"security cooperation", "the digital economy", "the China-ASEAN+ model", "South-South cooperation"}
	st := briefReport(b)
	bot := chat.NewBot(st, st, chat.Config{})
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ans, err := bot.Answer(ctx, chat.Request{Question: topics[i%len(topics)], Mode: chat.ModeBrief}, nil)
		if err != nil || ans.Abstained {
			b.Fatalf("brief %q: %v (abstained %v)", topics[i%len(topics)], err, ans != nil && ans.Abstained)
		}
	}
}

// BenchmarkBriefCold is the same with a new Bot per brief: the first brief
// after a start, with no passage's sentences read yet.
func BenchmarkBriefCold(b *testing.B) {
	st := briefReport(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		bot := chat.NewBot(st, st, chat.Config{})
		if _, err := bot.Answer(ctx, chat.Request{Question: "security cooperation", Mode: chat.ModeBrief}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
