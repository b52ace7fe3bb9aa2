package postgres

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

func TestDB_RecordStoriesThen(t *testing.T) {
	db := openTemp(t)
	ctx := t.Context()
	if _, err := db.Put(ctx, []*news.Article{sample("a1", "First text about a harbour."), sample("a2", "Second text about a mill.")}); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)
	boom := errors.New("boom")
	err := db.RecordStoriesThen(ctx, []store.StoryAssignment{{Article: "a1", Story: "s1", At: at}},
		func(ctx context.Context, tx pgx.Tx) error { return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("RecordStoriesThen with a failing step = %v, want boom", err)
	}
	if _, err := db.StoryOf(ctx, "a1"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("after the rollback StoryOf(a1) = %v, want not found", err)
	}
	var seen int
	err = db.RecordStoriesThen(ctx, []store.StoryAssignment{{Article: "a2", Story: "s2", At: at}},
		func(ctx context.Context, tx pgx.Tx) error {
			// The step sees the assignments of its transaction.
			return tx.QueryRow(ctx, `SELECT count(*) FROM story_articles WHERE article = 'a2'`).Scan(&seen)
		})
	if err != nil {
		t.Fatal(err)
	}
	if seen != 1 {
		t.Errorf("the step saw %d assignments of a2, want 1", seen)
	}
	if got, err := db.StoryOf(ctx, "a2"); err != nil || got != "s2" {
		t.Errorf("StoryOf(a2) = %q, %v; want s2", got, err)
	}
}
