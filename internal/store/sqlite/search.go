package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

// Search weights: a word in the title counts as much as several in the
// body, as it does for a reader scanning headlines.
const (
	titleWeight = 4.0
	textWeight  = 1.0
	// snippetTokens is the length of a snippet in words (FTS5 allows 64).
	snippetTokens = 24
)

// searchQuery ranks with bm25, which SQLite makes smaller for better
// matches; Search negates it so a higher Score is better. Ordering by the
// rank column, rather than by a bm25() expression, lets FTS5 sort the
// matches itself, so snippet() and the joins run only for the rows
// returned instead of for every match.
var searchQuery = fmt.Sprintf(`SELECT a.id, r.title, r.source,
	snippet(articles_fts, 1, ?, ?, '…', %d),
	articles_fts.rank
FROM articles_fts
JOIN revisions r ON r.rid = articles_fts.rowid
JOIN articles a ON a.seq = r.article
WHERE articles_fts MATCH ? AND articles_fts.rank MATCH 'bm25(%g, %g)'
ORDER BY articles_fts.rank
LIMIT ?`, snippetTokens, titleWeight, textWeight)

// Search implements store.Store.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]store.Hit, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("sqlite search %q: %w", query, err)
	}
	expr := matchExpr(query)
	if expr == "" || limit < 1 {
		return nil, nil
	}
	rows, err := db.read.search.QueryContext(ctx, store.HighlightStart, store.HighlightEnd, expr, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite search %q: %w", query, store.CtxErr(ctx, err))
	}
	defer rows.Close()
	var hits []store.Hit
	for rows.Next() {
		var h store.Hit
		if err := rows.Scan(&h.ID, &h.Title, &h.Source, &h.Snippet, &h.Score); err != nil {
			return nil, fmt.Errorf("sqlite search %q: %w", query, store.CtxErr(ctx, err))
		}
		h.Score = -h.Score
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite search %q: %w", query, store.CtxErr(ctx, err))
	}
	return hits, nil
}

// fts5 renders a term as an FTS5 string, which the tokenizer splits into
// a phrase; quoting makes every character literal.
func fts5(term string) string {
	return `"` + strings.ReplaceAll(term, `"`, `""`) + `"`
}

// matchExpr translates a web-search style query (see store.Store.Search)
// into an FTS5 MATCH expression, or "" when nothing is left to search for.
// Every term is quoted, so the user's punctuation can never be an FTS5
// syntax error.
func matchExpr(query string) string {
	q := store.ParseQuery(query)
	if q.Empty() {
		return ""
	}
	var b strings.Builder
	for i, g := range q.Groups {
		if i > 0 {
			b.WriteString(" AND ")
		}
		if len(g) > 1 {
			b.WriteByte('(')
		}
		for j, t := range g {
			if j > 0 {
				b.WriteString(" OR ")
			}
			b.WriteString(fts5(t))
		}
		if len(g) > 1 {
			b.WriteByte(')')
		}
	}
	expr := b.String()
	for _, t := range q.Exclude {
		expr = "(" + expr + ") NOT " + fts5(t)
	}
	return expr
}
