package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// putStmts are prepared once on the writer connection and bound to each
// Put's transaction, so a batch compiles no SQL.
type putStmts struct {
	byHash        *sql.Stmt // content hash → owning id, revision, ingested
	byID          *sql.Stmt // id → seq, latest revision
	insertArticle *sql.Stmt
	bumpArticle   *sql.Stmt
	latest        *sql.Stmt // seq, revision → rid, title, text of that revision
	insertRev     *sql.Stmt
	index         *sql.Stmt // add a revision to the full-text index
	unindex       *sql.Stmt // remove a revision from it
}

func (p *putStmts) prepare(ctx context.Context, db *sql.DB) error {
	for _, s := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&p.byHash, `SELECT a.id, r.revision, r.ingested FROM revisions r JOIN articles a ON a.seq = r.article WHERE r.content_hash = ?`},
		{&p.byID, `SELECT seq, revision FROM articles WHERE id = ?`},
		{&p.insertArticle, `INSERT INTO articles (id, revision) VALUES (?, 1)`},
		{&p.bumpArticle, `UPDATE articles SET revision = ? WHERE seq = ?`},
		{&p.latest, `SELECT rid, title, text FROM revisions WHERE article = ? AND revision = ?`},
		{&p.insertRev, `INSERT INTO revisions (article, revision, content_hash, source, title, author, published, url, language, text, sentences, format, origin, ingested)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&p.index, `INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`},
		{&p.unindex, `INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)`},
	} {
		st, err := db.PrepareContext(ctx, s.query)
		if err != nil {
			return fmt.Errorf("prepare %q: %w", s.query, err)
		}
		*s.dst = st
	}
	return nil
}

func (p *putStmts) close() error {
	return closeStmts(p.byHash, p.byID, p.insertArticle, p.bumpArticle, p.latest, p.insertRev, p.index, p.unindex)
}

// Put implements store.Store. The batch is one transaction on the writer
// connection; the caller's articles are updated only after it commits.
func (db *DB) Put(ctx context.Context, articles []*news.Article) ([]store.Outcome, error) {
	rows := make([]store.Row, len(articles))
	for i, a := range articles {
		if err := store.ValidateArticle(a); err != nil {
			return nil, fmt.Errorf("sqlite put article %d: %w", i, err)
		}
		rows[i] = store.NewRow(a)
	}
	if len(articles) == 0 {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("sqlite put: %w", err)
		}
		return []store.Outcome{}, nil
	}

	results, err := db.putTx(ctx, articles, rows)
	if err != nil {
		return nil, err
	}
	return store.ApplyPending(articles, results), nil
}

func (db *DB) putTx(ctx context.Context, articles []*news.Article, rows []store.Row) (_ []store.Pending, err error) {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite put: %w", store.CtxErr(ctx, err))
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	st := putStmts{
		byHash:        tx.StmtContext(ctx, db.put.byHash),
		byID:          tx.StmtContext(ctx, db.put.byID),
		insertArticle: tx.StmtContext(ctx, db.put.insertArticle),
		bumpArticle:   tx.StmtContext(ctx, db.put.bumpArticle),
		latest:        tx.StmtContext(ctx, db.put.latest),
		insertRev:     tx.StmtContext(ctx, db.put.insertRev),
		index:         tx.StmtContext(ctx, db.put.index),
		unindex:       tx.StmtContext(ctx, db.put.unindex),
	}
	// One time for the whole batch: the articles were stored together.
	now := time.Now().UnixNano()
	results := make([]store.Pending, len(articles))
	for i, a := range articles {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("sqlite put %s: %w", a.ID, err)
		}
		results[i], err = putOne(ctx, &st, a, &rows[i], now)
		if err != nil {
			return nil, fmt.Errorf("sqlite put %s: %w", a.ID, store.CtxErr(ctx, err))
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite put: commit: %w", store.CtxErr(ctx, err))
	}
	return results, nil
}

// putOne stores one article inside the batch's transaction. Lookups see the
// batch's earlier writes, so duplicates within a batch behave as across
// batches.
func putOne(ctx context.Context, st *putStmts, a *news.Article, r *store.Row, now int64) (store.Pending, error) {
	// Content already stored, under this id or another, current or old:
	// nothing to write. An id reverting to an older version of itself is
	// Unchanged too, since that content is kept as a revision.
	var p store.Pending
	err := st.byHash.QueryRowContext(ctx, r.Hash).Scan(&p.ID, &p.Revision, &p.Ingested)
	if err == nil {
		p.Outcome = store.Unchanged
		return p, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("find content: %w", err)
	}

	var seq int64
	var latest int
	err = st.byID.QueryRowContext(ctx, a.ID).Scan(&seq, &latest)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res, err := st.insertArticle.ExecContext(ctx, a.ID)
		if err != nil {
			return p, fmt.Errorf("insert article: %w", err)
		}
		if seq, err = res.LastInsertId(); err != nil {
			return p, fmt.Errorf("insert article: %w", err)
		}
		p.Outcome, p.Revision = store.Inserted, 1
	case err != nil:
		return p, fmt.Errorf("find article: %w", err)
	default:
		// Take the old latest revision out of the full-text index: an
		// external-content index must be given the values it indexed.
		var oldRID int64
		var oldTitle, oldText string
		if err := st.latest.QueryRowContext(ctx, seq, latest).Scan(&oldRID, &oldTitle, &oldText); err != nil {
			return p, fmt.Errorf("find revision %d: %w", latest, err)
		}
		if _, err := st.unindex.ExecContext(ctx, oldRID, oldTitle, oldText); err != nil {
			return p, fmt.Errorf("unindex revision %d: %w", latest, err)
		}
		if _, err := st.bumpArticle.ExecContext(ctx, latest+1, seq); err != nil {
			return p, fmt.Errorf("update article: %w", err)
		}
		p.Outcome, p.Revision = store.Revised, latest+1
	}

	res, err := st.insertRev.ExecContext(ctx,
		seq, p.Revision, r.Hash, a.Source, a.Title, a.Author, r.Published, a.URL,
		a.Language, a.Text, r.Sentences, string(a.Format), a.Origin, now)
	if err != nil {
		return p, fmt.Errorf("insert revision: %w", err)
	}
	rid, err := res.LastInsertId()
	if err != nil {
		return p, fmt.Errorf("insert revision: %w", err)
	}
	if _, err := st.index.ExecContext(ctx, rid, a.Title, a.Text); err != nil {
		return p, fmt.Errorf("index revision: %w", err)
	}
	p.ID, p.Ingested = a.ID, now
	return p, nil
}
