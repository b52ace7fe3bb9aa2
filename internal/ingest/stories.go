package ingest

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// StoryAnalyzer is the stories stage as an Analyzer: it puts every new
// article into a story with a cluster.Clusterer and records the
// assignments, one transaction per batch.
//
// On first use it rebuilds the clusterer from the store: the articles
// assigned within the clusterer's window before the latest assignment are
// replayed into their recorded stories, in their original order, so a
// restart resumes where the last run stopped without a state file. (The
// document frequencies are rebuilt from that window only, so weights after
// a restart can differ slightly from an uninterrupted run.)
type StoryAnalyzer struct {
	st  store.StoryStore
	cfg cluster.Config
	c   *cluster.Clusterer

	// CopyOf, when set, returns for the articles of a batch the ids of the
	// articles they copy (the copies stage's finding); a copy always joins
	// its original's story. Articles missing from the map are clustered
	// on their words.
	CopyOf func(ctx context.Context, articles []*news.Article) (map[string]string, error)
}

var _ Analyzer = (*StoryAnalyzer)(nil)

// NewStoryAnalyzer returns a stories stage writing to st. The zero Config
// means the clusterer's documented defaults.
func NewStoryAnalyzer(st store.StoryStore, cfg cluster.Config) *StoryAnalyzer {
	return &StoryAnalyzer{st: st, cfg: cfg}
}

// Analyze implements Analyzer.
func (s *StoryAnalyzer) Analyze(ctx context.Context, articles []*news.Article) error {
	if err := s.load(ctx); err != nil {
		return err
	}
	var copyOf map[string]string
	if s.CopyOf != nil {
		var err error
		if copyOf, err = s.CopyOf(ctx, articles); err != nil {
			return fmt.Errorf("stories: find copies: %w", err)
		}
	}
	batch := make([]store.StoryAssignment, 0, len(articles))
	for _, a := range articles {
		as, err := s.assign(ctx, a, copyOf[a.ID])
		if err != nil {
			return err
		}
		batch = append(batch, store.StoryAssignment{Article: as.Article, Story: as.Story, At: as.At, Merged: as.Merged})
	}
	if err := s.st.RecordStories(ctx, batch); err != nil {
		return fmt.Errorf("stories: record %d assignments: %w", len(batch), err)
	}
	return nil
}

// assign places one article. A revision of an article the store already
// placed, or a copy of one, goes to that story even when it has left the
// clusterer's window.
func (s *StoryAnalyzer) assign(ctx context.Context, a *news.Article, original string) (cluster.Assignment, error) {
	for _, known := range []string{a.ID, original} {
		if known == "" || s.c.StoryOf(known) != "" {
			continue
		}
		if known == a.ID && a.Revision <= 1 {
			continue // a new article has no story yet
		}
		story, err := s.st.StoryOf(ctx, known)
		if errors.Is(err, news.ErrNotFound) {
			continue
		}
		if err != nil {
			return cluster.Assignment{}, fmt.Errorf("stories: story of %s: %w", known, err)
		}
		s.c.Seed(a, story)
		return cluster.Assignment{Article: a.ID, Story: story, Similarity: 1, At: cluster.TimeOf(a)}, nil
	}
	return s.c.Add(a, cluster.Hint{SameAs: original}), nil
}

// load rebuilds the clusterer from the recent assignments, once.
func (s *StoryAnalyzer) load(ctx context.Context) error {
	if s.c != nil {
		return nil
	}
	c := cluster.New(s.cfg)
	last, err := s.st.LastAssigned(ctx)
	if err != nil {
		return fmt.Errorf("stories: rebuild: %w", err)
	}
	if !last.IsZero() {
		since := last.Add(-c.Config().Window)
		err := s.st.AssignedSince(ctx, since, func(a *news.Article, story string, _ time.Time) error {
			c.Seed(a, story)
			return nil
		})
		if err != nil {
			return fmt.Errorf("stories: rebuild: %w", err)
		}
	}
	s.c = c
	return nil
}
