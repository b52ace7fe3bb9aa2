package news

import "time"

// Story is one news event as Parallax groups it: every article, from every
// outlet, reporting the same happening.
type Story struct {
	// ID is stable: "s" and a short hash of the founding article's id. It
	// is never reused, and an id absorbed by a merge stays resolvable to
	// the story that absorbed it (MergedInto).
	ID string `json:"id"`
	// Headline is a representative title: the title of the story's
	// earliest article that has one.
	Headline string `json:"headline"`
	// Articles are the ids of the story's articles, in assignment order.
	Articles []string `json:"articles,omitempty"`
	// ArticleCount is len(Articles) when Articles is filled, and the
	// count when a listing leaves the ids out.
	ArticleCount int `json:"article_count"`
	// Outlets are the distinct sources of the articles, in order of first
	// appearance.
	Outlets []string `json:"outlets"`
	// IndependentOrigins counts the articles that are not copies of
	// another article: ArticleCount minus the copies found by the copies
	// stage.
	IndependentOrigins int       `json:"independent_origins"`
	FirstSeen          time.Time `json:"first_seen"`
	LastSeen           time.Time `json:"last_seen"`
	// MergedInto is the id of the story that absorbed this one, "" while
	// the story is live.
	MergedInto string `json:"merged_into,omitempty"`
}
