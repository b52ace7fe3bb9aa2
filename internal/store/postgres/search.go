package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

// rankWeights are ts_rank's weights for labels D, C, B and A: a word in the
// title (A) counts as much as four in the text (D), as in the SQLite
// store's bm25 weights.
const rankWeights = `'{0.25, 0.25, 0.25, 1.0}'`

// headlineOptions make a snippet of about 24 words around the best match,
// as the SQLite store's snippet() does.
var headlineOptions = `StartSel="` + store.HighlightStart + `", StopSel="` + store.HighlightEnd +
	`", MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "`

// Search implements store.Store. Matches are found with the GIN index and
// ranked with ts_rank, normalised by document length; snippets are made
// with ts_headline for the rows returned only.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]store.Hit, error) {
	if err := db.check(ctx); err != nil {
		return nil, fmt.Errorf("postgres search %q: %w", query, err)
	}
	expr, args := tsquery(query, 5)
	if expr == "" || limit < 1 {
		return nil, nil
	}
	// The snippet gets an ellipsis at each end where it cuts the text, as
	// the SQLite store's does.
	sql := `SELECT a.id, r.title, r.source,
	CASE WHEN starts_with(r.text, s.plain) THEN '' ELSE '…' END || s.snip ||
	CASE WHEN right(rtrim(r.text), length(s.plain)) = s.plain THEN '' ELSE '…' END,
	h.score
FROM (SELECT a.seq, ts_rank(` + rankWeights + `, a.tsv, ` + expr + `, 1)::float8 AS score
	FROM articles a WHERE a.tsv @@ (` + expr + `)
	ORDER BY score DESC, a.seq LIMIT $1) h
JOIN ` + latestJoin + ` ON a.seq = h.seq
CROSS JOIN LATERAL (SELECT t.snip, replace(replace(t.snip, $3, ''), $4, '') AS plain
	FROM (SELECT btrim(ts_headline('parallax', r.text, ` + expr + `, $2), E' \t\r\n') AS snip) t) s
ORDER BY h.score DESC, h.seq`
	rows, err := db.pool.Query(ctx, sql, append([]any{limit, headlineOptions, store.HighlightStart, store.HighlightEnd}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("postgres search %q: %w", query, store.CtxErr(ctx, err))
	}
	defer rows.Close()
	var hits []store.Hit
	for rows.Next() {
		var h store.Hit
		if err := rows.Scan(&h.ID, &h.Title, &h.Source, &h.Snippet, &h.Score); err != nil {
			return nil, fmt.Errorf("postgres search %q: %w", query, store.CtxErr(ctx, err))
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres search %q: %w", query, store.CtxErr(ctx, err))
	}
	return hits, nil
}

// tsquery translates a web-search style query (see store.Store.Search)
// into a tsquery expression and its arguments, numbered from first, or ""
// when nothing is left to search for. Each word or phrase is one
// phraseto_tsquery of a bound argument, which PostgreSQL's parser splits
// and stems as it did the text, so the user's punctuation is never tsquery
// syntax; the pieces are joined with && (every group), || (OR within a
// group) and !! (exclusion).
func tsquery(query string, first int) (string, []any) {
	// PostgreSQL refuses text that is not UTF-8; a stray byte is a
	// space, as punctuation is.
	q := store.ParseQuery(strings.ToValidUTF8(query, " "))
	if q.Empty() {
		return "", nil
	}
	var args []any
	piece := func(text string) string {
		args = append(args, text)
		return "phraseto_tsquery('parallax', $" + strconv.Itoa(first+len(args)-1) + "::text)"
	}
	var b strings.Builder
	b.WriteByte('(')
	for i, g := range q.Groups {
		if i > 0 {
			b.WriteString(" && ")
		}
		b.WriteByte('(')
		for j, t := range g {
			if j > 0 {
				b.WriteString(" || ")
			}
			b.WriteString(piece(t))
		}
		b.WriteByte(')')
	}
	for _, t := range q.Exclude {
		b.WriteString(" && !!" + piece(t))
	}
	b.WriteByte(')')
	return b.String(), args
}
