package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/store"
)

// MigrateLock is the advisory lock key under which this package changes a
// database's schema. Packages keeping tables of their own in the same
// database (the job queue) migrate under it too, so that processes opening
// a new database at once never interleave their steps.
const MigrateLock = migrateLock

// RecordStoriesThen is RecordStories with more work in the same
// transaction: after the assignments are written, then runs on the
// transaction, and an error from it rolls the assignments back too. The
// job queue's analysis stage uses it to advance its cursor atomically with
// the assignments it made, so that no article is ever assigned twice.
func (db *DB) RecordStoriesThen(ctx context.Context, batch []store.StoryAssignment, then func(ctx context.Context, tx pgx.Tx) error) (err error) {
	if err := store.ValidateAssignments(batch); err != nil {
		return fmt.Errorf("postgres record stories: %w", err)
	}
	if err := db.check(ctx); err != nil {
		return fmt.Errorf("postgres record stories: %w", err)
	}
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres record stories: %w", store.CtxErr(ctx, err))
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, ignoreClosed(tx.Rollback(context.WithoutCancel(ctx))))
		}
	}()
	for _, as := range batch {
		if err := recordOne(ctx, tx, as); err != nil {
			return fmt.Errorf("postgres record stories: article %s: %w", as.Article, err)
		}
	}
	if then != nil {
		if err := then(ctx, tx); err != nil {
			return fmt.Errorf("postgres record stories: %w", err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres record stories: %w", store.CtxErr(ctx, err))
	}
	return nil
}
