package postgres

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Put implements store.Store. The batch is one transaction; the caller's
// articles are updated only after it commits.
func (db *DB) Put(ctx context.Context, articles []*news.Article) ([]store.Outcome, error) {
	rows := make([]store.Row, len(articles))
	for i, a := range articles {
		if err := validate(a); err != nil {
			return nil, fmt.Errorf("postgres put article %d: %w", i, err)
		}
		rows[i] = store.NewRow(a)
	}
	if err := db.check(ctx); err != nil {
		return nil, fmt.Errorf("postgres put: %w", err)
	}
	if len(articles) == 0 {
		return []store.Outcome{}, nil
	}
	results, err := db.putTx(ctx, articles, rows)
	if err != nil {
		return nil, fmt.Errorf("postgres put: %w", store.CtxErr(ctx, err))
	}
	return store.ApplyPending(articles, results), nil
}

// validate adds to store.ValidateArticle what PostgreSQL's text type needs.
func validate(a *news.Article) error {
	if err := store.ValidateArticle(a); err != nil {
		return err
	}
	// PostgreSQL's text type holds valid UTF-8 without NUL bytes; saying
	// so here keeps a bad field from failing the batch half-way. The
	// ingest pipeline's normalisation never produces either.
	for _, f := range []struct{ name, v string }{
		{"id", a.ID}, {"source", a.Source}, {"title", a.Title}, {"author", a.Author}, {"url", a.URL},
		{"language", a.Language}, {"text", a.Text}, {"format", string(a.Format)}, {"origin", a.Origin},
	} {
		if !utf8.ValidString(f.v) || strings.IndexByte(f.v, 0) >= 0 {
			return fmt.Errorf("%s: %s is not valid UTF-8 text without NUL: %w", a.ID, f.name, news.ErrInvalid)
		}
	}
	return nil
}

// lockKey is the advisory lock key of an article id or content hash. Two
// strings sharing a key only make their writers take turns.
func lockKey(kind, s string) int64 {
	h := fnv.New64a()
	h.Write([]byte("parallax "))
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(s))
	return int64(h.Sum64())
}

// idState is what the batch knows of one article id.
type idState struct {
	seq    int64 // 0 until the id is stored
	latest int   // latest revision number, stored or planned
	dirty  bool  // the batch adds a revision
	title  string
	text   string
}

// putTx plans the batch in Go from two lookups made under the batch's
// locks, then writes it a few statements at a time, never a row per
// statement: the articles with their full-text vectors (writeArticles),
// then a COPY of the new revisions.
func (db *DB) putTx(ctx context.Context, articles []*news.Article, rows []store.Row) (_ []store.Pending, err error) {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, ignoreClosed(tx.Rollback(context.WithoutCancel(ctx))))
		}
	}()

	// Lock every id and content hash of the batch, in key order so that
	// two batches sharing keys cannot deadlock.
	keys := make([]int64, 0, 2*len(articles))
	ids := make([]string, 0, len(articles))
	hashes := make([]string, len(articles))
	for i, a := range articles {
		keys = append(keys, lockKey("id", a.ID), lockKey("hash", rows[i].Hash))
		ids = append(ids, a.ID)
		hashes[i] = rows[i].Hash
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k`, keys); err != nil {
		return nil, fmt.Errorf("lock: %w", err)
	}

	byHash, err := knownHashes(ctx, tx, hashes)
	if err != nil {
		return nil, err
	}
	byID, err := knownIDs(ctx, tx, ids)
	if err != nil {
		return nil, err
	}

	// Plan: the outcome of each article, in batch order, so duplicates
	// within the batch behave as across batches.
	now := time.Now().UnixNano() // one time for the whole batch
	results := make([]store.Pending, len(articles))
	var order []string // ids to write, in first-stored order
	var revs []int     // indexes of articles that add a revision
	for i, a := range articles {
		if p, ok := byHash[rows[i].Hash]; ok {
			p.Outcome = store.Unchanged
			results[i] = p
			continue
		}
		st := byID[a.ID]
		if st == nil {
			st = &idState{}
			byID[a.ID] = st
		}
		if !st.dirty {
			order = append(order, a.ID)
			st.dirty = true
		}
		st.latest++
		st.title, st.text = a.Title, a.Text
		p := store.Pending{Outcome: store.Revised, ID: a.ID, Revision: st.latest, Ingested: now}
		if st.latest == 1 {
			p.Outcome = store.Inserted
		}
		results[i] = p
		byHash[rows[i].Hash] = p
		revs = append(revs, i)
	}
	if len(revs) == 0 {
		return results, tx.Commit(ctx)
	}

	if err := writeArticles(ctx, tx, db.appendLock, order, byID); err != nil {
		return nil, err
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"revisions"},
		[]string{"article", "revision", "content_hash", "source", "title", "author", "published", "url", "language", "text", "sentences", "format", "origin", "ingested"},
		pgx.CopyFromSlice(len(revs), func(j int) ([]any, error) {
			i := revs[j]
			a, r, p := articles[i], &rows[i], &results[i]
			return []any{byID[a.ID].seq, p.Revision, r.Hash, a.Source, a.Title, a.Author, r.Published, a.URL,
				a.Language, a.Text, r.Sentences, string(a.Format), a.Origin, now}, nil
		}))
	if err != nil {
		return nil, fmt.Errorf("insert revisions: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	return results, nil
}

// knownHashes returns the stored content among hashes: its id, revision
// and ingest time.
func knownHashes(ctx context.Context, tx pgx.Tx, hashes []string) (map[string]store.Pending, error) {
	rows, err := tx.Query(ctx, `SELECT r.content_hash, a.id, r.revision, r.ingested
		FROM revisions r JOIN articles a ON a.seq = r.article WHERE r.content_hash = ANY($1)`, hashes)
	if err != nil {
		return nil, fmt.Errorf("find content: %w", err)
	}
	defer rows.Close()
	m := make(map[string]store.Pending, len(hashes))
	for rows.Next() {
		var h string
		var p store.Pending
		if err := rows.Scan(&h, &p.ID, &p.Revision, &p.Ingested); err != nil {
			return nil, fmt.Errorf("find content: %w", err)
		}
		m[h] = p
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find content: %w", err)
	}
	return m, nil
}

// knownIDs returns the stored articles among ids.
func knownIDs(ctx context.Context, tx pgx.Tx, ids []string) (map[string]*idState, error) {
	rows, err := tx.Query(ctx, `SELECT id, seq, revision FROM articles WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("find articles: %w", err)
	}
	defer rows.Close()
	m := make(map[string]*idState, len(ids))
	for rows.Next() {
		var id string
		st := &idState{}
		if err := rows.Scan(&id, &st.seq, &st.latest); err != nil {
			return nil, fmt.Errorf("find articles: %w", err)
		}
		m[id] = st
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find articles: %w", err)
	}
	return m, nil
}

// vectorsTable holds a batch's full-text vectors between computing them
// and writing the articles, so they never travel to the client and back.
// It is private to the connection and emptied at every commit.
const vectorsTable = `CREATE TEMP TABLE IF NOT EXISTS put_vectors (
	ord BIGINT PRIMARY KEY,
	tsv TSVECTOR NOT NULL
) ON COMMIT DELETE ROWS`

// vectorsQuery computes the full-text vector of each title and text: the
// title as weight A, the text as D.
const vectorsQuery = `INSERT INTO pg_temp.put_vectors (ord, tsv)
SELECT u.ord, setweight(to_tsvector('parallax', u.title), 'A') || setweight(to_tsvector('parallax', u.text), 'D')
FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u (title, text, ord)`

// upsertArticles inserts new ids in the order given, so their seq follows
// it, and moves known ones to their new latest revision and its full-text
// vector. It returns the seq of every id.
const upsertArticles = `INSERT INTO articles (id, revision, tsv)
SELECT u.id, u.rev, v.tsv
FROM unnest($1::text[], $2::integer[]) WITH ORDINALITY AS u (id, rev, ord)
JOIN pg_temp.put_vectors v ON v.ord = u.ord
ORDER BY u.ord
ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, tsv = excluded.tsv
RETURNING id, seq`

// The append lock (DB.appendLock, one per schema) is the advisory lock
// that a batch storing new ids holds from taking their seq numbers to its
// commit, so that seq order is commit order: a walk in seq order
// (Articles) never skips an id that commits after the walk passed a
// higher one. The costly part of the write, the full-text vectors, is
// computed before it.

// writeArticles writes the latest revision of each id in order.
func writeArticles(ctx context.Context, tx pgx.Tx, appendLock int64, order []string, byID map[string]*idState) error {
	revs := make([]int, len(order))
	titles := make([]string, len(order))
	texts := make([]string, len(order))
	fresh := false
	for i, id := range order {
		st := byID[id]
		revs[i], titles[i], texts[i] = st.latest, st.title, st.text
		fresh = fresh || st.seq == 0
	}
	if _, err := tx.Exec(ctx, vectorsTable); err != nil {
		return fmt.Errorf("index articles: %w", err)
	}
	if _, err := tx.Exec(ctx, vectorsQuery, titles, texts); err != nil {
		return fmt.Errorf("index articles: %w", err)
	}
	if fresh {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, appendLock); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
	}
	rows, err := tx.Query(ctx, upsertArticles, order, revs)
	if err != nil {
		return fmt.Errorf("write articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var seq int64
		if err := rows.Scan(&id, &seq); err != nil {
			return fmt.Errorf("write articles: %w", err)
		}
		byID[id].seq = seq
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("write articles: %w", err)
	}
	return nil
}
