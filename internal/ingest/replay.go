package ingest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// ReplayOptions says which recorded assignments Replay goes through, in
// assignment order: the first Skip are left out, the next Seed are seeded
// into their recorded stories, and the rest are clustered again.
type ReplayOptions struct {
	Skip int
	Seed int
	// Original returns the article a copies, "" (or a.ID) when none: the
	// copies stage's finding, which the stories stage gives Add as a hint.
	// Nil means no hints.
	Original func(ctx context.Context, a *news.Article) (string, error)
}

// ReplayStats says what a Replay did.
type ReplayStats struct {
	// Seeded counts the articles put straight into their recorded story:
	// those of ReplayOptions.Seed, and among the others the copies of an
	// article the clusterer does not hold and the first article of a
	// story founded among the assignments skipped.
	Seeded int
	// Replayed counts the articles clustered again (Add).
	Replayed int
	// Differ counts the replayed articles the clusterer placed in another
	// story than the recorded one.
	Differ int
	Took   time.Duration
}

// Replay rebuilds c from the store by going through the recorded
// assignments in the order they were made, as opts says. The clusterer is
// deterministic, so clustering every assignment again, each with the copy
// hint the stories stage gave it, brings c back in the state an
// uninterrupted run had — the same stories, centroids, merges and
// evictions — and the decisions that follow are that run's. Seeding an
// older stretch first (cluster.Clusterer.Seed) is five times cheaper and
// restores its document frequencies and stories, though not exactly the
// centroids and merges that replaying the recent stretch then gives.
//
// Two kinds of replayed article are seeded into their recorded story
// instead: a copy whose original c does not hold (the stories stage
// places it so), and, when Skip leaves assignments out, the first article
// of a story founded before them, so that the stories going on across the
// start keep their recorded ids.
//
// The store keeps the assignments already recorded: Replay writes nothing
// and only counts, in ReplayStats.Differ, the articles it placed otherwise
// (copy links revised since their assignment can do that).
func Replay(ctx context.Context, st store.StoryStore, c *cluster.Clusterer, opts ReplayOptions) (ReplayStats, error) {
	start := time.Now()
	var rs ReplayStats
	i := 0
	recorded := make(map[string]string) // replayed article → recorded story
	seen := make(map[string]bool)       // recorded stories of the articles gone through
	err := st.AssignedSince(ctx, time.Unix(0, math.MinInt64), func(art *news.Article, story string, _ time.Time) error {
		i++
		if i <= opts.Skip {
			return nil
		}
		first := !seen[story]
		seen[story] = true
		if i <= opts.Skip+opts.Seed {
			c.Seed(art, story)
			rs.Seeded++
			return nil
		}
		orig := ""
		if opts.Original != nil {
			var err error
			if orig, err = opts.Original(ctx, art); err != nil {
				return fmt.Errorf("original of %s: %w", art.ID, err)
			}
			if orig == art.ID {
				orig = ""
			}
		}
		if orig != "" && c.StoryOf(orig) == "" {
			known, err := st.StoryOf(ctx, orig)
			if err == nil {
				c.Seed(art, known)
				rs.Seeded++
				return nil
			}
			if !errors.Is(err, news.ErrNotFound) {
				return fmt.Errorf("story of %s: %w", orig, err)
			}
		}
		if first && opts.Skip > 0 && story != cluster.StoryID(art.ID) && c.StoryOf(art.ID) == "" {
			// No article gone through so far is in this story and this one
			// did not found it: its founder came before the stretch.
			c.Seed(art, story)
			rs.Seeded++
			return nil
		}
		c.Add(art, cluster.Hint{SameAs: orig})
		recorded[art.ID] = story
		rs.Replayed++
		return nil
	})
	if err != nil {
		return rs, fmt.Errorf("replay: %w", err)
	}
	for id, story := range recorded {
		if got := c.StoryOf(id); got != "" && c.Resolve(got) != c.Resolve(story) {
			rs.Differ++
		}
	}
	rs.Took = time.Since(start)
	return rs, nil
}
