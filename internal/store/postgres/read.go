package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// pageSize is how many articles Articles reads per query. Between pages it
// holds no connection and no transaction, so fn may call the store, even
// Put.
const pageSize = 256

// articleCols are the columns store.ScanArticle reads, from articles a joined to
// revisions r.
const articleCols = `a.id, r.revision, r.source, r.title, r.author, r.published, r.url, r.language, r.text, r.sentences, r.format, r.origin, r.ingested`

// latestJoin joins each article to its latest revision.
const latestJoin = `articles a JOIN revisions r ON r.article = a.seq AND r.revision = a.revision`

// Article implements store.Store.
func (db *DB) Article(ctx context.Context, id string) (*news.Article, error) {
	if err := db.check(ctx); err != nil {
		return nil, fmt.Errorf("postgres article %s: %w", id, err)
	}
	a, err := store.ScanArticle(db.pool.QueryRow(ctx, `SELECT `+articleCols+` FROM `+latestJoin+` WHERE a.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("postgres article %s: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres article %s: %w", id, store.CtxErr(ctx, err))
	}
	return a, nil
}

// Revisions implements store.Store.
func (db *DB) Revisions(ctx context.Context, id string) ([]*news.Article, error) {
	if err := db.check(ctx); err != nil {
		return nil, fmt.Errorf("postgres revisions %s: %w", id, err)
	}
	rows, err := db.pool.Query(ctx, `SELECT `+articleCols+` FROM articles a JOIN revisions r ON r.article = a.seq
		WHERE a.id = $1 ORDER BY r.revision`, id)
	if err != nil {
		return nil, fmt.Errorf("postgres revisions %s: %w", id, store.CtxErr(ctx, err))
	}
	defer rows.Close()
	revs, err := store.ScanAll(rows, func(r store.Scanner) (*news.Article, error) { return store.ScanArticle(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres revisions %s: %w", id, store.CtxErr(ctx, err))
	}
	if len(revs) == 0 {
		return nil, fmt.Errorf("postgres revisions %s: %w", id, news.ErrNotFound)
	}
	return revs, nil
}

// Articles implements store.Store. It reads a page at a time in the order
// ids were first stored (their seq). Put takes seq numbers in commit order
// (appendLock), so an article stored by another process during the walk
// is visited when the walk reaches it, as in the SQLite store.
func (db *DB) Articles(ctx context.Context, fn func(*news.Article) error) error {
	after := int64(0)
	for {
		if err := db.check(ctx); err != nil {
			return fmt.Errorf("postgres articles: %w", err)
		}
		page, last, err := db.page(ctx, after)
		if err != nil {
			return fmt.Errorf("postgres articles: %w", store.CtxErr(ctx, err))
		}
		for _, a := range page {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("postgres articles: %w", err)
			}
			if err := fn(a); err != nil {
				return err
			}
		}
		if len(page) < pageSize {
			return nil
		}
		after = last
	}
}

// page reads up to pageSize articles stored after seq, and the seq of the
// last one.
func (db *DB) page(ctx context.Context, after int64) ([]*news.Article, int64, error) {
	rows, err := db.pool.Query(ctx, `SELECT a.seq, `+articleCols+` FROM `+latestJoin+`
		WHERE a.seq > $1 ORDER BY a.seq LIMIT $2`, after, pageSize)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	page := make([]*news.Article, 0, pageSize)
	for rows.Next() {
		a, err := store.ScanArticle(rows, &after)
		if err != nil {
			return nil, 0, err
		}
		page = append(page, a)
	}
	return page, after, rows.Err()
}

// Count implements store.Store.
func (db *DB) Count(ctx context.Context) (int, error) {
	if err := db.check(ctx); err != nil {
		return 0, fmt.Errorf("postgres count: %w", err)
	}
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres count: %w", store.CtxErr(ctx, err))
	}
	return n, nil
}
