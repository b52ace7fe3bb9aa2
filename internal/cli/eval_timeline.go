package cli

import (
	"context"

	"github.com/parallax-news/parallax/internal/brief/timeline"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/news"
)

// evalTimeline scores timeline summarisation on a set in the
// timeline17-dev layout (a directory per topic with articles.jsonl and
// gold/*.timeline.json): date selection F1 and ROUGE beside the published
// systems.
func evalTimeline(ctx context.Context, dir string, out evalOutput) error {
	rep, err := eval.Timelines(ctx, dir, func(arts []*news.Article, req eval.TimelineRequest) []eval.TimelineDate {
		sum := timeline.Summarise(arts, timeline.SummaryOptions{Dates: req.Dates, Sentences: req.Sentences, From: req.From, To: req.To})
		dates := make([]eval.TimelineDate, len(sum))
		for i, s := range sum {
			dates[i] = eval.TimelineDate{Date: s.Date, Sentences: s.Sentences}
		}
		return dates
	}, out.progress)
	if err != nil {
		return err
	}
	if out.json {
		return out.writeJSON(rep)
	}
	return rep.Write(out.env.Stdout)
}
