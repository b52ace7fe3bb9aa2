package brief

import (
	"github.com/parallax-news/parallax/internal/brief/claim"
	"github.com/parallax-news/parallax/internal/brief/quote"
	"github.com/parallax-news/parallax/internal/brief/summary"
	"github.com/parallax-news/parallax/internal/brief/timeline"
	"github.com/parallax-news/parallax/internal/news"
)

// parts fills the analysed parts of b from the story's articles, oldest
// first.
func parts(b *news.Brief, arts []*news.Article, copyOf map[string]string, opts Options) {
	sum := summary.Summarise(arts, summary.Options{Words: opts.SummaryWords, CopyOf: copyOf})
	b.Summary = make([]news.SummarySentence, 0, len(sum))
	for _, s := range sum {
		b.Summary = append(b.Summary, news.SummarySentence{
			Text: s.Text, Articles: s.Articles, Outlets: s.Outlets, SingleSource: s.SingleSource,
		})
	}
	b.Timeline = timeline.Build(arts)
	b.Quotes = quote.Extract(arts)
	c := claim.Analyze(arts, claim.Options{CopyOf: copyOf})
	b.Claims, b.CitedSources, b.Unique, b.Frames, b.OmittedDenials = c.Claims, c.CitedSources, c.Unique, c.Frames, c.OmittedDenials
	if c.Origins.Text != "" {
		origins := c.Origins
		b.Origins = &origins
	}
}
