package ingest

import (
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/store"
)

// NewStoryAnalyzerWith returns a stories stage that goes on from a
// clusterer the caller has already rebuilt — for instance with Replay
// over all of the store's assignments, as the job queue's analyser does
// when it takes over from a worker that died — instead of rebuilding one
// from the recent assignments on first use.
func NewStoryAnalyzerWith(st store.StoryStore, c *cluster.Clusterer) *StoryAnalyzer {
	return &StoryAnalyzer{st: st, cfg: c.Config(), c: c}
}
