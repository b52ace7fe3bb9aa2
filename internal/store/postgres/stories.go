package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

var _ store.StoryStore = (*DB)(nil)

// RecordStories implements store.StoryStore.
func (db *DB) RecordStories(ctx context.Context, batch []store.StoryAssignment) (err error) {
	if err := store.ValidateAssignments(batch); err != nil {
		return fmt.Errorf("postgres record stories: %w", err)
	}
	if len(batch) == 0 {
		return ctx.Err()
	}
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres record stories: %w", store.CtxErr(ctx, err))
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, ignoreClosed(tx.Rollback(context.WithoutCancel(ctx))))
		}
	}()
	for _, as := range batch {
		if err := recordOne(ctx, tx, as); err != nil {
			return fmt.Errorf("postgres record stories: article %s: %w", as.Article, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres record stories: %w", store.CtxErr(ctx, err))
	}
	return nil
}

func recordOne(ctx context.Context, tx pgx.Tx, as store.StoryAssignment) error {
	var known int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM articles WHERE id = $1`, as.Article).Scan(&known); err != nil {
		return store.CtxErr(ctx, err)
	}
	if known == 0 {
		return fmt.Errorf("article not stored: %w", news.ErrNotFound)
	}
	at := as.At.UTC().UnixNano()
	if _, err := tx.Exec(ctx, `INSERT INTO stories (id, first_seen, last_seen) VALUES ($1, $2, $3)
		ON CONFLICT (id) DO UPDATE SET first_seen = LEAST(stories.first_seen, excluded.first_seen), last_seen = GREATEST(stories.last_seen, excluded.last_seen)`,
		as.Story, at, at); err != nil {
		return store.CtxErr(ctx, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO story_articles (article, story, at) VALUES ($1, $2, $3)
		ON CONFLICT (article) DO UPDATE SET story = excluded.story, at = excluded.at`,
		as.Article, as.Story, at); err != nil {
		return store.CtxErr(ctx, err)
	}
	for _, old := range as.Merged {
		if old == as.Story {
			continue
		}
		var first, last int64
		err := tx.QueryRow(ctx, `SELECT first_seen, last_seen FROM stories WHERE id = $1`, old).Scan(&first, &last)
		if errors.Is(err, pgx.ErrNoRows) {
			// Merged before it was ever recorded: keep the id resolvable.
			first, last = at, at
			if _, err := tx.Exec(ctx, `INSERT INTO stories (id, first_seen, last_seen) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, old, at, at); err != nil {
				return store.CtxErr(ctx, err)
			}
		} else if err != nil {
			return store.CtxErr(ctx, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE stories SET merged_into = $1 WHERE id = $2`, as.Story, old); err != nil {
			return store.CtxErr(ctx, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE stories SET first_seen = LEAST(first_seen, $1), last_seen = GREATEST(last_seen, $2) WHERE id = $3`,
			first, last, as.Story); err != nil {
			return store.CtxErr(ctx, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE story_articles SET story = $1 WHERE story = $2`, as.Story, old); err != nil {
			return store.CtxErr(ctx, err)
		}
	}
	return nil
}

// StoryOf implements store.StoryStore.
func (db *DB) StoryOf(ctx context.Context, articleID string) (string, error) {
	var id string
	err := db.pool.QueryRow(ctx, `SELECT story FROM story_articles WHERE article = $1`, articleID).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", fmt.Errorf("postgres story of %s: %w", articleID, news.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("postgres story of %s: %w", articleID, store.CtxErr(ctx, err))
	}
	return id, nil
}

// StoryMap implements store.StoryStore.
func (db *DB) StoryMap(ctx context.Context) (map[string]string, error) {
	rows, err := db.pool.Query(ctx, `SELECT article, story FROM story_articles`)
	if err != nil {
		return nil, fmt.Errorf("postgres story map: %w", store.CtxErr(ctx, err))
	}
	defer rows.Close()
	m, err := store.ScanMap(rows)
	if err != nil {
		return nil, fmt.Errorf("postgres story map: %w", store.CtxErr(ctx, err))
	}
	return m, nil
}

// ResolveStory implements store.StoryStore.
func (db *DB) ResolveStory(ctx context.Context, id string) (string, error) {
	live, err := store.FollowMerges(id, func(cur string) (string, bool, error) {
		var next *string
		err := db.pool.QueryRow(ctx, `SELECT merged_into FROM stories WHERE id = $1`, cur).Scan(&next)
		if errors.Is(err, pgx.ErrNoRows) {
			return "", false, news.ErrNotFound
		}
		if err != nil {
			return "", false, store.CtxErr(ctx, err)
		}
		if next == nil {
			return "", false, nil
		}
		return *next, true, nil
	})
	if err != nil {
		return "", fmt.Errorf("postgres resolve story %s: %w", id, err)
	}
	return live, nil
}

// storyJoin joins story_articles sa to each article and its latest
// revision.
const storyJoin = `articles a ON a.id = sa.article JOIN revisions r ON r.article = a.seq AND r.revision = a.revision`

// storyListQuery orders live stories by the day of their last article,
// newest first, then by size.
const storyListQuery = `
SELECT s.id, s.first_seen, s.last_seen, count(sa.seq) AS n
FROM stories s JOIN story_articles sa ON sa.story = s.id
WHERE s.merged_into IS NULL
GROUP BY s.id
ORDER BY s.last_seen / 86400000000000 DESC, n DESC, s.last_seen DESC, s.id
`

// Stories implements store.StoryStore.
func (db *DB) Stories(ctx context.Context, limit int) ([]news.Story, error) {
	q := storyListQuery
	args := []any{}
	if limit > 0 {
		q += ` LIMIT $1`
		args = append(args, limit)
	}
	rows, err := db.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres stories: %w", store.CtxErr(ctx, err))
	}
	list, err := store.ScanAll(rows, store.ScanStory)
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("postgres stories: %w", store.CtxErr(ctx, err))
	}
	for i := range list {
		if err := db.fillStory(ctx, &list[i], false); err != nil {
			return nil, fmt.Errorf("postgres stories: %w", err)
		}
	}
	return list, nil
}

// Story implements store.StoryStore.
func (db *DB) Story(ctx context.Context, id string) (news.Story, error) {
	live, err := db.ResolveStory(ctx, id)
	if err != nil {
		return news.Story{}, err
	}
	var s news.Story
	var first, last int64
	err = db.pool.QueryRow(ctx, `SELECT id, first_seen, last_seen FROM stories WHERE id = $1`, live).Scan(&s.ID, &first, &last)
	if err != nil {
		return news.Story{}, fmt.Errorf("postgres story %s: %w", id, store.CtxErr(ctx, err))
	}
	s.FirstSeen, s.LastSeen = time.Unix(0, first).UTC(), time.Unix(0, last).UTC()
	if err := db.fillStory(ctx, &s, true); err != nil {
		return news.Story{}, fmt.Errorf("postgres story %s: %w", id, err)
	}
	return s, nil
}

// fillStory reads a story's articles for its headline (the first title in
// assignment order), outlets, count and independent origins.
func (db *DB) fillStory(ctx context.Context, s *news.Story, withIDs bool) error {
	rows, err := db.pool.Query(ctx, `SELECT a.id, r.title, r.source FROM story_articles sa
		JOIN `+storyJoin+` WHERE sa.story = $1 ORDER BY sa.seq`, s.ID)
	if err != nil {
		return store.CtxErr(ctx, err)
	}
	defer rows.Close()
	if err := store.TallyStory(s, withIDs, rows); err != nil {
		return store.CtxErr(ctx, err)
	}
	copies, err := db.storyCopies(ctx, s.ID)
	if err != nil {
		return err
	}
	s.IndependentOrigins = s.ArticleCount - copies
	return nil
}

// storyCopies counts a story's articles that the copies stage linked as
// copies of another article (reuse_links, schema_reuse.go) of a kind that
// makes most of the copy the original's: verbatim, near or paraphrase. A
// partial reuse adds reporting of its own and stays an origin.
func (db *DB) storyCopies(ctx context.Context, storyID string) (int, error) {
	var n int
	err := db.pool.QueryRow(ctx, `SELECT count(DISTINCT sa.article) FROM story_articles sa
		JOIN articles a ON a.id = sa.article JOIN reuse_links l ON l.copy = a.seq
		WHERE sa.story = $1 AND l.kind IN ('verbatim', 'near', 'paraphrase')`, storyID).Scan(&n)
	if err != nil {
		return 0, store.CtxErr(ctx, err)
	}
	return n, nil
}

// IndependentOrigins implements store.StoryStore.
func (db *DB) IndependentOrigins(ctx context.Context, storyID string) (int, error) {
	s, err := db.Story(ctx, storyID)
	if err != nil {
		return 0, err
	}
	return s.IndependentOrigins, nil
}

// LastAssigned implements store.StoryStore.
func (db *DB) LastAssigned(ctx context.Context) (time.Time, error) {
	var at *int64
	if err := db.pool.QueryRow(ctx, `SELECT max(at) FROM story_articles`).Scan(&at); err != nil {
		return time.Time{}, fmt.Errorf("postgres last assigned: %w", store.CtxErr(ctx, err))
	}
	if at == nil {
		return time.Time{}, nil
	}
	return time.Unix(0, *at).UTC(), nil
}

// AssignedSince implements store.StoryStore. It reads a page at a time, so
// fn may call the store.
func (db *DB) AssignedSince(ctx context.Context, since time.Time, fn func(a *news.Article, story string, at time.Time) error) error {
	type item struct {
		a     *news.Article
		story string
		at    time.Time
	}
	after := int64(0)
	for {
		rows, err := db.pool.Query(ctx, `SELECT sa.seq, sa.story, sa.at, `+articleCols+` FROM story_articles sa
			JOIN `+storyJoin+` WHERE sa.at >= $1 AND sa.seq > $2 ORDER BY sa.seq LIMIT $3`,
			since.UTC().UnixNano(), after, pageSize)
		if err != nil {
			return fmt.Errorf("postgres assigned since: %w", store.CtxErr(ctx, err))
		}
		var page []item
		for rows.Next() {
			var it item
			var at int64
			a, err := store.ScanArticle(rows, &after, &it.story, &at)
			if err != nil {
				rows.Close()
				return fmt.Errorf("postgres assigned since: %w", store.CtxErr(ctx, err))
			}
			it.a, it.at = a, time.Unix(0, at).UTC()
			page = append(page, it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("postgres assigned since: %w", store.CtxErr(ctx, err))
		}
		for _, it := range page {
			if err := fn(it.a, it.story, it.at); err != nil {
				return err
			}
		}
		if len(page) < pageSize {
			return nil
		}
	}
}
