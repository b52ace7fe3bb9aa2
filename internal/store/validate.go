package store

import (
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
)

// ValidateArticle checks what every store requires of an article given to
// Put: it is not nil and has an id and text. The error wraps
// news.ErrInvalid.
func ValidateArticle(a *news.Article) error {
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

// ValidateLink checks what every store requires of a link given to
// PutReuse: two different ids, a kind, and coverage and confidence in
// [0, 1]. The error wraps news.ErrInvalid.
func ValidateLink(l news.Link) error {
	switch {
	case l.Copy == "" || l.Original == "":
		return fmt.Errorf("link %q → %q: empty id: %w", l.Copy, l.Original, news.ErrInvalid)
	case l.Copy == l.Original:
		return fmt.Errorf("link %s → itself: %w", l.Copy, news.ErrInvalid)
	case l.Kind == "":
		return fmt.Errorf("link %s → %s: empty kind: %w", l.Copy, l.Original, news.ErrInvalid)
	case !(l.Coverage >= 0 && l.Coverage <= 1) || !(l.DirectionConfidence >= 0 && l.DirectionConfidence <= 1):
		return fmt.Errorf("link %s → %s: coverage %v or confidence %v outside [0, 1]: %w", l.Copy, l.Original, l.Coverage, l.DirectionConfidence, news.ErrInvalid)
	}
	return nil
}
