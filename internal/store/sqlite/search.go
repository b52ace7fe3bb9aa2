package sqlite

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

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
		return nil, fmt.Errorf("sqlite search %q: %w", query, ctxErr(ctx, err))
	}
	defer rows.Close()
	var hits []store.Hit
	for rows.Next() {
		var h store.Hit
		if err := rows.Scan(&h.ID, &h.Title, &h.Source, &h.Snippet, &h.Score); err != nil {
			return nil, fmt.Errorf("sqlite search %q: %w", query, ctxErr(ctx, err))
		}
		h.Score = -h.Score
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite search %q: %w", query, ctxErr(ctx, err))
	}
	return hits, nil
}

// term is one word or phrase of a search query.
type term struct {
	text    string
	exclude bool
}

// fts5 renders the term as an FTS5 string, which the tokenizer splits into
// a phrase; quoting makes every character literal.
func (t term) fts5() string {
	return `"` + strings.ReplaceAll(t.text, `"`, `""`) + `"`
}

// matchExpr translates a web-search style query (see store.Store.Search)
// into an FTS5 MATCH expression, or "" when nothing is left to search for.
// Every term is quoted, so the user's punctuation can never be an FTS5
// syntax error.
func matchExpr(query string) string {
	var (
		groups  [][]term // all groups must match; any term of a group
		exclude []term
		or      bool // the previous token was OR
	)
	for _, tok := range tokenize(query) {
		switch {
		case tok.text == "OR" && !tok.quoted && !tok.exclude:
			or = len(groups) > 0
			continue
		case !searchable(tok.text):
		case tok.exclude:
			exclude = append(exclude, term{text: tok.text, exclude: true})
		case or:
			last := len(groups) - 1
			groups[last] = append(groups[last], term{text: tok.text})
		default:
			groups = append(groups, []term{{text: tok.text}})
		}
		or = false
	}
	if len(groups) == 0 {
		return ""
	}
	var b strings.Builder
	for i, g := range groups {
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
			b.WriteString(t.fts5())
		}
		if len(g) > 1 {
			b.WriteByte(')')
		}
	}
	expr := b.String()
	for _, t := range exclude {
		expr = "(" + expr + ") NOT " + t.fts5()
	}
	return expr
}

// token is one whitespace-separated word or one quoted phrase of a query.
type token struct {
	text    string
	quoted  bool
	exclude bool // written with a leading '-'
}

// tokenize splits a query into words and "quoted phrases"; an unclosed
// quote runs to the end. Control characters count as spaces: a NUL would
// end the string early inside SQLite's FTS5 parser.
func tokenize(q string) []token {
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
	var toks []token
	for len(q) > 0 {
		r, n := utf8.DecodeRuneInString(q)
		if unicode.IsSpace(r) {
			q = q[n:]
			continue
		}
		var t token
		if q[0] == '-' && len(q) > 1 {
			t.exclude = true
			q = q[1:]
		}
		if q[0] == '"' {
			t.quoted = true
			q = q[1:]
			end := strings.IndexByte(q, '"')
			if end < 0 {
				end = len(q)
			}
			t.text = q[:end]
			q = q[min(end+1, len(q)):]
		} else {
			end := strings.IndexFunc(q, unicode.IsSpace)
			if end < 0 {
				end = len(q)
			}
			t.text = q[:end]
			q = q[end:]
		}
		toks = append(toks, t)
	}
	return toks
}

// searchable reports whether s has a letter or digit for the tokenizer to
// index; a phrase of punctuation alone would match nothing or everything.
func searchable(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}
