package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Rows is the part of a query's result set that both database/sql's
// *sql.Rows and pgx's Rows provide, so row loops that are not SQL can be
// shared. Closing stays with the caller: the two Close methods differ.
type Rows interface {
	Scanner
	Next() bool
	Err() error
}

// Scanner is one row: a *sql.Row or *sql.Rows, a pgx.Row or pgx.Rows.
type Scanner interface {
	Scan(dest ...any) error
}

// ScanAll reads every remaining row of rows with scan and returns them in
// order, or the first error of scan or of rows.
func ScanAll[T any](rows Rows, scan func(Scanner) (T, error)) ([]T, error) {
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// ScanLink reads a reuse link from a row of copy id, original id, kind,
// coverage, confidence, evidence and the pairs as JSON.
func ScanLink(row Scanner) (news.Link, error) {
	var l news.Link
	var kind, pairs string
	if err := row.Scan(&l.Copy, &l.Original, &kind, &l.Coverage, &l.DirectionConfidence, &l.Evidence, &pairs); err != nil {
		return news.Link{}, err
	}
	l.Kind = news.ReuseKind(kind)
	if err := json.Unmarshal([]byte(pairs), &l.Pairs); err != nil {
		return news.Link{}, fmt.Errorf("link %s → %s: pairs: %w", l.Copy, l.Original, err)
	}
	return l, nil
}

// CtxErr makes an error caused by a cancelled or expired context match
// ctx.Err() with errors.Is, whatever the driver reported (SQLite says
// "interrupted").
func CtxErr(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w: %w", cerr, err)
	}
	return err
}

// ScanArticle reads an article from a row of id, revision, source, title,
// author, published (news.Time's string form), url, language, text,
// sentences (EncodeSpans' blob), format, origin and ingested (Unix
// nanoseconds), after any leading columns in lead.
func ScanArticle(sc Scanner, lead ...any) (*news.Article, error) {
	var (
		a         news.Article
		published string
		sentences []byte
		format    string
		ingested  int64
	)
	dest := append(lead,
		&a.ID, &a.Revision, &a.Source, &a.Title, &a.Author, &published, &a.URL,
		&a.Language, &a.Text, &sentences, &format, &a.Origin, &ingested)
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	var err error
	if a.Published, err = news.ParseTime(published); err != nil {
		return nil, fmt.Errorf("article %s: %w", a.ID, err)
	}
	if a.Sentences, err = DecodeSpans(sentences); err != nil {
		return nil, fmt.Errorf("article %s: %w", a.ID, err)
	}
	a.Format = news.Format(format)
	a.Ingested = time.Unix(0, ingested).UTC()
	return &a, nil
}

// ScanMap reads every remaining row of two strings, key then value, into a
// map; a later row wins.
func ScanMap(rows Rows) (map[string]string, error) {
	m := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		m[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return m, nil
}
