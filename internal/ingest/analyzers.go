package ingest

import (
	"context"
	"fmt"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Analyzers returns the archive-wide stages in the order they must run on
// each stored batch: copies first, then stories, which puts every copy in
// its original's story.
func Analyzers(st store.Archive, cfg cluster.Config) []Analyzer {
	stories := NewStoryAnalyzer(st, cfg)
	stories.CopyOf = func(ctx context.Context, articles []*news.Article) (map[string]string, error) {
		return originals(ctx, st, articles)
	}
	return []Analyzer{NewReuseAnalyzer(st, st), stories}
}

// originals maps each article that copies another to the article it
// ultimately comes from.
func originals(ctx context.Context, st store.ReuseStore, articles []*news.Article) (map[string]string, error) {
	m := make(map[string]string)
	for _, a := range articles {
		orig, err := st.Original(ctx, a.ID)
		if err != nil {
			return nil, fmt.Errorf("original of %s: %w", a.ID, err)
		}
		if orig != "" && orig != a.ID {
			m[a.ID] = orig
		}
	}
	return m, nil
}
