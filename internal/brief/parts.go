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

// sameClaim reports whether two sentences are evidence of one claim. A
// sentence reporting a denial ("X denied reports that <claim>") carries
// the claim too, but says something else: it is left out, so that the
// summary keeps both the claim and its denial.
func sameClaim(claims []news.Claim) func(a, b string) bool {
	key := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	denial := map[string]bool{}
	for _, c := range claims {
		if c.Denies != "" {
			for _, ev := range c.Evidence {
				denial[key(ev)] = true
			}
		}
	}
	of := map[string][]string{}
	for _, c := range claims {
		for _, ev := range c.Evidence {
			if k := key(ev); !denial[k] {
				of[k] = append(of[k], c.ID)
			}
		}
	}
	return func(a, b string) bool {
		for _, x := range of[a] {
			if slices.Contains(of[b], x) {
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
// of them, and a denial sentence restating its claim is the denial: they
// get none.
func claimCarriers(claims []news.Claim) func(text string) []string {
	key := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	denial := map[string]bool{}
	for _, c := range claims {
		if c.Denies != "" {
			for _, ev := range c.Evidence {
				denial[key(ev)] = true
			}
		}
	}
	of := map[string][]string{}
	claimsOf := map[string]int{}
	for _, c := range claims {
		if c.Denies != "" {
			continue
		}
		var stating []string
		for art, st := range c.Stances {
			if st == news.Asserts || st == news.Attributes || st == news.Hedges {
				stating = append(stating, art)
			}
		}
		for _, ev := range c.Evidence {
			if k := key(ev); !denial[k] {
				of[k] = stating
				claimsOf[k]++
			}
		}
	}
	return func(text string) []string {
		if k := key(text); claimsOf[k] == 1 {
			return of[k]
		}
		return nil
	}
}
