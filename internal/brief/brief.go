// Package brief assembles the coverage brief of one story: the claims ×
// outlets matrix with stances and denials, cited sources, headline frames,
// details only one outlet reports, quotes and their variants, a dated
// timeline and a summary whose every sentence names its outlets.
//
// Each part is computed by a pure sub-package over the story's articles
// (claim, quote, timeline, summary); this package only reads the story
// from the archive, folds copies onto their originals and puts the parts
// together. Analyze is the pure entry point; Build adds the store.
package brief

import (
	"context"
	"fmt"
	"sort"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Options tune a brief.
type Options struct {
	// SummaryWords is the summary length in words (summary.DefaultWords
	// when 0).
	SummaryWords int
}

// Build assembles the brief of one story from the archive. An unknown
// story gives an error wrapping news.ErrNotFound; the id of a story
// absorbed by a merge resolves to the story that absorbed it.
func Build(ctx context.Context, st store.Archive, storyID string, opts Options) (*news.Brief, error) {
	s, err := st.Story(ctx, storyID)
	if err != nil {
		return nil, fmt.Errorf("brief %s: %w", storyID, err)
	}
	arts := make([]*news.Article, 0, len(s.Articles))
	copyOf := map[string]string{}
	inStory := make(map[string]bool, len(s.Articles))
	for _, id := range s.Articles {
		inStory[id] = true
	}
	for _, id := range s.Articles {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a, err := st.Article(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("brief %s: article %s: %w", s.ID, id, err)
		}
		arts = append(arts, a)
		orig, err := st.Original(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("brief %s: original of %s: %w", s.ID, id, err)
		}
		if orig != id && inStory[orig] {
			copyOf[id] = orig
		}
	}
	b := Analyze(arts, copyOf, opts)
	b.Story = s.ID
	if s.Headline != "" {
		b.Headline = s.Headline
	}
	return b, nil
}

// Analyze computes the brief of one story's articles. copyOf maps a copy's
// id to its original's (both among arts), so that copies never count as
// confirmation. Story is left empty for the caller to fill.
func Analyze(arts []*news.Article, copyOf map[string]string, opts Options) *news.Brief {
	arts = ordered(arts)
	b := &news.Brief{
		Articles: make([]string, 0, len(arts)),
		Outlets:  make(map[string]string, len(arts)),
	}
	for _, a := range arts {
		b.Articles = append(b.Articles, a.ID)
		b.Outlets[a.ID] = a.Source
		if _, ok := copyOf[a.ID]; !ok {
			b.IndependentOrigins++
		}
	}
	if len(arts) > 0 {
		b.Headline = arts[0].Title
	}
	parts(b, arts, copyOf, opts)
	markDenied(b)
	normalise(b)
	return b
}

// ordered returns the articles by publication time, undated ones last in
// their given order, so that "earliest" means what a reader expects. An
// article given twice (the same id) counts once, and nil ones not at all:
// the matrix has one column per article.
func ordered(arts []*news.Article) []*news.Article {
	out := make([]*news.Article, 0, len(arts))
	seen := make(map[string]bool, len(arts))
	for _, a := range arts {
		if a != nil && !seen[a.ID] {
			seen[a.ID] = true
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Published, out[j].Published
		switch {
		case a.IsZero() || b.IsZero():
			return !a.IsZero() && b.IsZero()
		default:
			return a.T.Before(b.T)
		}
	})
	return out
}

// normalise makes every list non-nil, so that the JSON contract always
// carries arrays, never null.
func normalise(b *news.Brief) {
	if b.Summary == nil {
		b.Summary = []news.SummarySentence{}
	}
	if b.Claims == nil {
		b.Claims = []news.Claim{}
	}
	if b.Quotes == nil {
		b.Quotes = []news.Quote{}
	}
	if b.CitedSources == nil {
		b.CitedSources = []news.CitedSource{}
	}
	if b.Timeline == nil {
		b.Timeline = []news.TimelineEntry{}
	}
	if b.Unique == nil {
		b.Unique = []news.UniqueDetail{}
	}
	if b.Frames == nil {
		b.Frames = []news.Frame{}
	}
}
