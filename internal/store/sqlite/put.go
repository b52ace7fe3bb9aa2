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

// pending is what Put will report for one article once the batch commits.
type pending struct {
	outcome  store.Outcome
	id       string
	revision int
	ingested int64
}

// row is an article's derived column values, computed before the write
// transaction so the lock is held for SQL only.
type row struct {
	hash      string
	published string
	sentences []byte
}

// Put implements store.Store. The batch is one transaction on the writer
// connection; the caller's articles are updated only after it commits.
func (db *DB) Put(ctx context.Context, articles []*news.Article) ([]store.Outcome, error) {
	rows := make([]row, len(articles))
	for i, a := range articles {
		if err := validate(a); err != nil {
			return nil, fmt.Errorf("sqlite put article %d: %w", i, err)
		}
		rows[i] = row{hash: a.ContentHash(), published: a.Published.String(), sentences: encodeSpans(a.Sentences)}
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
	outcomes := make([]store.Outcome, len(articles))
	for i, a := range articles {
		r := results[i]
		outcomes[i] = r.outcome
		a.ID = r.id
		a.Revision = r.revision
		a.Ingested = time.Unix(0, r.ingested).UTC()
	}
	return outcomes, nil
}

func validate(a *news.Article) error {
	switch {
	case a == nil:
		return fmt.Errorf("nil article: %w", news.ErrInvalid)
	case a.ID == "":
		return fmt.Errorf("empty id: %w", news.ErrInvalid)
	case a.Text == "":
		return fmt.Errorf("%s: empty text: %w", a.ID, news.ErrInvalid)
	}
	return nil
}

func (db *DB) putTx(ctx context.Context, articles []*news.Article, rows []row) (_ []pending, err error) {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite put: %w", ctxErr(ctx, err))
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
	results := make([]pending, len(articles))
	for i, a := range articles {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("sqlite put %s: %w", a.ID, err)
		}
		results[i], err = putOne(ctx, &st, a, &rows[i], now)
		if err != nil {
			return nil, fmt.Errorf("sqlite put %s: %w", a.ID, ctxErr(ctx, err))
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite put: commit: %w", ctxErr(ctx, err))
	}
	return results, nil
}

// putOne stores one article inside the batch's transaction. Lookups see the
// batch's earlier writes, so duplicates within a batch behave as across
// batches.
func putOne(ctx context.Context, st *putStmts, a *news.Article, r *row, now int64) (pending, error) {
	// Content already stored, under this id or another, current or old:
	// nothing to write. An id reverting to an older version of itself is
	// Unchanged too, since that content is kept as a revision.
	var p pending
	err := st.byHash.QueryRowContext(ctx, r.hash).Scan(&p.id, &p.revision, &p.ingested)
	if err == nil {
		p.outcome = store.Unchanged
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
		p.outcome, p.revision = store.Inserted, 1
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
		p.outcome, p.revision = store.Revised, latest+1
	}

	res, err := st.insertRev.ExecContext(ctx,
		seq, p.revision, r.hash, a.Source, a.Title, a.Author, r.published, a.URL,
		a.Language, a.Text, r.sentences, string(a.Format), a.Origin, now)
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
	p.id, p.ingested = a.ID, now
	return p, nil
}

// ctxErr makes an error caused by a cancelled or expired context match
// ctx.Err() with errors.Is, whatever the driver reported (SQLite says
// "interrupted").
func ctxErr(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w: %w", cerr, err)
	}
	return err
}
