package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// pageSize is how many articles Articles reads per query. Between pages it
// holds no connection and no read transaction, so fn may call the store,
// even Put, and a long walk does not keep the WAL from being checkpointed.
const pageSize = 256

// articleCols are the columns store.ScanArticle reads, from articles a joined to
// revisions r.
const articleCols = `a.id, r.revision, r.source, r.title, r.author, r.published, r.url, r.language, r.text, r.sentences, r.format, r.origin, r.ingested`

// latestJoin joins each article to its latest revision.
const latestJoin = `articles a JOIN revisions r ON r.article = a.seq AND r.revision = a.revision`

// readStmts are prepared on the reader pool; database/sql prepares each on
// a connection the first time it runs there.
type readStmts struct {
	article   *sql.Stmt
	revisions *sql.Stmt
	page      *sql.Stmt
	count     *sql.Stmt
	search    *sql.Stmt
}

func (p *readStmts) prepare(ctx context.Context, db *sql.DB) error {
	for _, s := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&p.article, `SELECT ` + articleCols + ` FROM ` + latestJoin + ` WHERE a.id = ?`},
		{&p.revisions, `SELECT ` + articleCols + ` FROM articles a JOIN revisions r ON r.article = a.seq WHERE a.id = ? ORDER BY r.revision`},
		{&p.page, `SELECT a.seq, ` + articleCols + ` FROM ` + latestJoin + ` WHERE a.seq > ? ORDER BY a.seq LIMIT ?`},
		{&p.count, `SELECT count(*) FROM articles`},
		{&p.search, searchQuery},
	} {
		st, err := db.PrepareContext(ctx, s.query)
		if err != nil {
			return fmt.Errorf("prepare %q: %w", s.query, err)
		}
		*s.dst = st
	}
	return nil
}

func (p *readStmts) close() error {
	return closeStmts(p.article, p.revisions, p.page, p.count, p.search)
}

// Article implements store.Store.
func (db *DB) Article(ctx context.Context, id string) (*news.Article, error) {
	a, err := store.ScanArticle(db.read.article.QueryRowContext(ctx, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite article %s: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite article %s: %w", id, store.CtxErr(ctx, err))
	}
	return a, nil
}

// Revisions implements store.Store.
func (db *DB) Revisions(ctx context.Context, id string) ([]*news.Article, error) {
	rows, err := db.read.revisions.QueryContext(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite revisions %s: %w", id, store.CtxErr(ctx, err))
	}
	defer rows.Close()
	revs, err := store.ScanAll(rows, func(r store.Scanner) (*news.Article, error) { return store.ScanArticle(r) })
	if err != nil {
		return nil, fmt.Errorf("sqlite revisions %s: %w", id, store.CtxErr(ctx, err))
	}
	if len(revs) == 0 {
		return nil, fmt.Errorf("sqlite revisions %s: %w", id, news.ErrNotFound)
	}
	return revs, nil
}

// Articles implements store.Store. It reads a page at a time in the order
// ids were first stored; an article stored during the walk is visited when
// the walk reaches it, and a revision stored during the walk is seen if
// its page is read after the revision commits.
func (db *DB) Articles(ctx context.Context, fn func(*news.Article) error) error {
	after := int64(0)
	for {
		page, last, err := db.page(ctx, after)
		if err != nil {
			return fmt.Errorf("sqlite articles: %w", store.CtxErr(ctx, err))
		}
		for _, a := range page {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("sqlite articles: %w", err)
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
	rows, err := db.read.page.QueryContext(ctx, after, pageSize)
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
	var n int
	if err := db.read.count.QueryRowContext(ctx).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite count: %w", store.CtxErr(ctx, err))
	}
	return n, nil
}
