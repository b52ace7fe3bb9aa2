package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

var _ store.ReuseStore = (*DB)(nil)

// PutReuse implements store.ReuseStore.
func (db *DB) PutReuse(ctx context.Context, sigs []store.ReuseSignature, links []news.Link) (err error) {
	pairs, err := store.EncodeLinkPairs(links)
	if err != nil {
		return fmt.Errorf("sqlite put reuse: %w", err)
	}
	if len(sigs) == 0 && len(links) == 0 {
		return ctx.Err()
	}
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite put reuse: %w", store.CtxErr(ctx, err))
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	seqs := make(map[string]int64)
	seq := func(id string) (int64, error) {
		if s, ok := seqs[id]; ok {
			return s, nil
		}
		var s int64
		err := tx.QueryRowContext(ctx, `SELECT seq FROM articles WHERE id = ?`, id).Scan(&s)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("article %q: %w", id, news.ErrNotFound)
		}
		if err != nil {
			return 0, store.CtxErr(ctx, err)
		}
		seqs[id] = s
		return s, nil
	}
	for _, sg := range sigs {
		a, err := seq(sg.Article)
		if err != nil {
			return fmt.Errorf("sqlite put reuse: signature: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO reuse_signatures (article, version, keys) VALUES (?, ?, ?)`,
			a, sg.Version, store.EncodeKeys(sg.Keys)); err != nil {
			return fmt.Errorf("sqlite put reuse: signature %s: %w", sg.Article, store.CtxErr(ctx, err))
		}
	}
	for i, l := range links {
		c, err := seq(l.Copy)
		if err != nil {
			return fmt.Errorf("sqlite put reuse: link: %w", err)
		}
		o, err := seq(l.Original)
		if err != nil {
			return fmt.Errorf("sqlite put reuse: link: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM reuse_links WHERE min(copy, original) = min(?1, ?2) AND max(copy, original) = max(?1, ?2)`, c, o); err != nil {
			return fmt.Errorf("sqlite put reuse: link %s → %s: %w", l.Copy, l.Original, store.CtxErr(ctx, err))
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO reuse_links (copy, original, kind, coverage, confidence, evidence, pairs) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			c, o, string(l.Kind), l.Coverage, l.DirectionConfidence, l.Evidence, string(pairs[i])); err != nil {
			return fmt.Errorf("sqlite put reuse: link %s → %s: %w", l.Copy, l.Original, store.CtxErr(ctx, err))
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite put reuse: commit: %w", store.CtxErr(ctx, err))
	}
	return nil
}

// Signatures implements store.ReuseStore. Like Articles it reads in pages,
// holding no read transaction while fn runs.
func (db *DB) Signatures(ctx context.Context, fn func(store.ReuseSignature) error) error {
	after := int64(0)
	for {
		rows, err := db.reader.QueryContext(ctx, `SELECT s.article, a.id, s.version, s.keys FROM reuse_signatures s JOIN articles a ON a.seq = s.article
			WHERE s.article > ? ORDER BY s.article LIMIT ?`, after, pageSize*4)
		if err != nil {
			return fmt.Errorf("sqlite signatures: %w", store.CtxErr(ctx, err))
		}
		var page []store.ReuseSignature
		for rows.Next() {
			var sg store.ReuseSignature
			var blob []byte
			if err := rows.Scan(&after, &sg.Article, &sg.Version, &blob); err != nil {
				rows.Close()
				return fmt.Errorf("sqlite signatures: %w", err)
			}
			if sg.Keys, err = store.DecodeKeys(blob); err != nil {
				rows.Close()
				return fmt.Errorf("sqlite signatures: %s: %w", sg.Article, err)
			}
			page = append(page, sg)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("sqlite signatures: %w", store.CtxErr(ctx, err))
		}
		for _, sg := range page {
			if err := fn(sg); err != nil {
				return err
			}
		}
		if len(page) < pageSize*4 {
			return nil
		}
	}
}

const linkCols = `c.id, o.id, l.kind, l.coverage, l.confidence, l.evidence, l.pairs`
const linkJoin = `reuse_links l JOIN articles c ON c.seq = l.copy JOIN articles o ON o.seq = l.original`

// Links implements store.ReuseStore.
func (db *DB) Links(ctx context.Context, id string) ([]news.Link, error) {
	var out []news.Link
	for _, where := range []string{`c.id = ?`, `o.id = ?`} {
		rows, err := db.reader.QueryContext(ctx, `SELECT `+linkCols+` FROM `+linkJoin+` WHERE `+where+` ORDER BY l.coverage DESC, o.id, c.id`, id)
		if err != nil {
			return nil, fmt.Errorf("sqlite links %s: %w", id, store.CtxErr(ctx, err))
		}
		links, err := scanLinks(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite links %s: %w", id, store.CtxErr(ctx, err))
		}
		out = append(out, links...)
	}
	return out, nil
}

func scanLinks(rows *sql.Rows) ([]news.Link, error) {
	defer rows.Close()
	return store.ScanAll(rows, store.ScanLink)
}

// Provenance implements store.ReuseStore.
func (db *DB) Provenance(ctx context.Context, id string) (string, []news.Derivation, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT o.id, l.kind, l.coverage, l.confidence FROM `+linkJoin+`
		WHERE c.id = ? ORDER BY l.coverage DESC, o.id`, id)
	if err != nil {
		return "", nil, fmt.Errorf("sqlite provenance %s: %w", id, store.CtxErr(ctx, err))
	}
	defer rows.Close()
	var links []news.Derivation
	for rows.Next() {
		var d news.Derivation
		var kind string
		if err := rows.Scan(&d.ID, &kind, &d.Coverage, &d.Confidence); err != nil {
			return "", nil, fmt.Errorf("sqlite provenance %s: %w", id, err)
		}
		d.Kind = news.ReuseKind(kind)
		links = append(links, d)
	}
	if err := rows.Err(); err != nil {
		return "", nil, fmt.Errorf("sqlite provenance %s: %w", id, store.CtxErr(ctx, err))
	}
	dup, derived := store.SplitProvenance(links)
	return dup, derived, nil
}

// Original implements store.ReuseStore.
func (db *DB) Original(ctx context.Context, id string) (string, error) {
	orig, err := store.FollowOriginals(id, func(cur string) (string, bool, error) {
		var next string
		err := db.reader.QueryRowContext(ctx, `SELECT o.id FROM `+linkJoin+`
			WHERE c.id = ? AND l.kind IN ('verbatim', 'near', 'paraphrase') ORDER BY l.coverage DESC, o.id`, cur).Scan(&next)
		if errors.Is(err, sql.ErrNoRows) {
			return "", false, nil
		}
		if err != nil {
			return "", false, store.CtxErr(ctx, err)
		}
		return next, true, nil
	})
	if err != nil {
		return "", fmt.Errorf("sqlite original %s: %w", id, err)
	}
	return orig, nil
}
