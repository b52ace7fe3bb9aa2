package brief

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/brief/claim"
	"github.com/parallax-news/parallax/internal/brief/quote"
	"github.com/parallax-news/parallax/internal/brief/summary"
	"github.com/parallax-news/parallax/internal/brief/timeline"
	"github.com/parallax-news/parallax/internal/news"
)

// parts fills the analysed parts of b from the story's articles, oldest
// first.
func parts(b *news.Brief, arts []*news.Article, copyOf map[string]string, opts Options) {
	c := claim.Analyze(arts, claim.Options{CopyOf: copyOf})
	sum := summary.Summarise(arts, summary.Options{Words: opts.SummaryWords, CopyOf: copyOf,
		Same: sameClaim(c.Claims), Carriers: claimCarriers(c.Claims)})
	b.Summary = make([]news.SummarySentence, 0, len(sum))
	for _, s := range sum {
		b.Summary = append(b.Summary, news.SummarySentence{
			Text: s.Text, Articles: s.Articles, Outlets: s.Outlets, SingleSource: s.SingleSource,
		})
	}
	b.Timeline = timeline.Build(arts)
	b.Quotes = quote.Extract(arts)
	b.Claims, b.CitedSources, b.Unique, b.Frames, b.OmittedDenials = c.Claims, c.CitedSources, c.Unique, c.Frames, c.OmittedDenials
	if c.Origins.Text != "" {
		origins := c.Origins
		b.Origins = &origins
	}
}

// claimsBySentence indexes the claims by their evidence sentences
// (spaces collapsed). A sentence reporting a denial ("X denied reports
// that <claim>") carries the claim too but says something else — the
// denial — so it is left out: the summary keeps both the claim and its
// denial, and the denial lends the claim no carriers.
func claimsBySentence(claims []news.Claim) map[string][]*news.Claim {
	denial := map[string]bool{}
	for _, c := range claims {
		if c.Denies != "" {
			for _, ev := range c.Evidence {
				denial[sentenceKey(ev)] = true
			}
		}
	}
	of := map[string][]*news.Claim{}
	for i := range claims {
		for _, ev := range claims[i].Evidence {
			if k := sentenceKey(ev); !denial[k] {
				of[k] = append(of[k], &claims[i])
			}
		}
	}
	return of
}

// sentenceKey is a sentence with its spaces collapsed, as summaries give
// sentences.
func sentenceKey(s string) string { return strings.Join(strings.Fields(s), " ") }

// sameClaim reports whether two sentences are evidence of one claim.
func sameClaim(claims []news.Claim) func(a, b string) bool {
	of := claimsBySentence(claims)
	return func(a, b string) bool {
		for _, x := range of[sentenceKey(a)] {
			if slices.Contains(of[sentenceKey(b)], x) {
				return true
			}
		}
		return false
	}
}

// claimCarriers returns, for a sentence that is evidence of one claim,
// the articles that state the claim (assert, attribute or hedge it), so
// that a summary sentence lists the outlets the matrix shows carrying
// it. A sentence that is evidence of several claims says more than any
// of them: it gets none.
func claimCarriers(claims []news.Claim) func(text string) []string {
	of := claimsBySentence(claims)
	return func(text string) []string {
		cs := of[sentenceKey(text)]
		if len(cs) != 1 {
			return nil
		}
		var stating []string
		for art, st := range cs[0].Stances {
			if st == news.Asserts || st == news.Attributes || st == news.Hedges {
				stating = append(stating, art)
			}
		}
		return stating
	}
}
