package store

import (
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// TallyStory fills s's headline, outlets, article count and, with
// withIDs, article ids from rows of its articles' id, title and source in
// assignment order: the first title is the headline, each new non-empty
// source an outlet. A store adds IndependentOrigins itself, as only it can
// count the copies.
func TallyStory(s *news.Story, withIDs bool, rows Rows) error {
	seen := map[string]bool{}
	s.Outlets = []string{}
	s.ArticleCount = 0
	for rows.Next() {
		var id, title, source string
		if err := rows.Scan(&id, &title, &source); err != nil {
			return err
		}
		s.ArticleCount++
		if withIDs {
			s.Articles = append(s.Articles, id)
		}
		if s.Headline == "" {
			s.Headline = title
		}
		if source != "" && !seen[source] {
			seen[source] = true
			s.Outlets = append(s.Outlets, source)
		}
	}
	return rows.Err()
}

// ScanStory reads a story listing row: id, first and last seen as Unix
// nanoseconds, and article count.
func ScanStory(row Scanner) (news.Story, error) {
	var s news.Story
	var first, last int64
	if err := row.Scan(&s.ID, &first, &last, &s.ArticleCount); err != nil {
		return news.Story{}, err
	}
	s.FirstSeen, s.LastSeen = time.Unix(0, first).UTC(), time.Unix(0, last).UTC()
	return s, nil
}
