package sqlite

import (
	"context"
	"testing"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

func TestDB_Stories(t *testing.T) {
	storetest.RunStories(t, func(t *testing.T) store.StoryStore { return openTemp(t) })
}

// TestDB_StoriesIndependentOrigins: articles the copies stage linked as
// copies do not count as independent origins; partial reuse does.
func TestDB_StoriesIndependentOrigins(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	storetest.IndependentOrigins(t, db, func(ctx context.Context, copyID, kind string) error {
		_, err := db.writer.ExecContext(ctx, `INSERT INTO reuse_links (copy, original, kind, coverage, confidence, evidence, pairs)
			SELECT c.seq, o.seq, ?, 1, 1, '', '[]' FROM articles c, articles o WHERE c.id = ? AND o.id = 'orig'`, kind, copyID)
		return err
	})
}
