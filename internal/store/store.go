// Package store defines the contract every Parallax store implements — an
// embedded SQLite file by default (store/sqlite), PostgreSQL for several
// workers (store/postgres) — and the conformance suite both must pass
// (store/storetest).
package store

import (
	"context"

	"github.com/parallax-news/parallax/internal/news"
)

// Outcome says what Put did with one article.
type Outcome int

// Outcomes of Put.
const (
	// Inserted: a new article id was stored as revision 1.
	Inserted Outcome = iota + 1
	// Unchanged: the same id with the same content, or the same content
	// under another id, is already stored; nothing was written.
	Unchanged
	// Revised: the id was known with other content; the new content was
	// stored as the next revision and the old one kept.
	Revised
)

func (o Outcome) String() string {
	switch o {
	case Inserted:
		return "inserted"
	case Unchanged:
		return "unchanged"
	case Revised:
		return "revised"
	}
	return "unknown"
}

// Store keeps articles and their revisions. Implementations are safe for
// concurrent use by several goroutines.
type Store interface {
	// Put stores a batch of articles in one transaction: either all of the
	// batch is written or, on error, none of it. For each article it
	// returns what happened and sets its Revision and Ingested fields; for
	// an Unchanged article whose content is stored under another id, ID is
	// set to that id. Content that is an older revision of the same id is
	// Unchanged too: it is already kept, so a source flipping between two
	// versions does not pile up revisions. Articles with an empty ID or
	// Text are rejected with news.ErrInvalid before anything is written.
	Put(ctx context.Context, articles []*news.Article) ([]Outcome, error)

	// Article returns the latest revision of the article with this id, or
	// an error wrapping news.ErrNotFound.
	Article(ctx context.Context, id string) (*news.Article, error)

	// Revisions returns every stored revision of an article, oldest first,
	// or an error wrapping news.ErrNotFound.
	Revisions(ctx context.Context, id string) ([]*news.Article, error)

	// Articles calls fn with the latest revision of every article, in the
	// order they were first stored, until fn returns an error, which
	// Articles then returns. The article must not be retained by fn past
	// the call unless copied.
	Articles(ctx context.Context, fn func(*news.Article) error) error

	// Count returns the number of distinct articles (not revisions).
	Count(ctx context.Context) (int, error)

	// Search returns up to limit articles whose title or text match the
	// full-text query, best first.
	//
	// The query is read as a web search box reads it: every word must
	// match, "quoted words" must match as a phrase, OR between two terms
	// accepts either, and -word or -"a phrase" excludes articles that
	// contain it. Other punctuation is not syntax, so no query is an error.
	// A query with no word to match (empty, punctuation, or exclusions
	// only) or a limit below 1 returns no hits. Matching ignores case and may stem words and drop diacritics.
	// Each Hit's Snippet is an excerpt of the text with the matched words
	// between HighlightStart and HighlightEnd.
	Search(ctx context.Context, query string, limit int) ([]Hit, error)

	// Close releases the store. Using the store after Close is an error.
	Close() error
}

// Hit is one full-text search result.
type Hit struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Source  string `json:"source"`
	Snippet string `json:"snippet"`
	// Score orders hits, higher is better; it is comparable only between
	// hits of one search.
	Score float64 `json:"score"`
}

// Marks around the matched words in Hit.Snippet. They are visible in a
// terminal and all but absent from news text, so a UI can escape a snippet
// and then replace them with <mark> and </mark>.
const (
	HighlightStart = "\u27e6" // ⟦
	HighlightEnd   = "\u27e7" // ⟧
)

// Archive is everything a complete Parallax store keeps: the articles, the
// copies stage's links and the stories stage's assignments. The commands
// open an Archive; stages ask only for the part they use.
type Archive interface {
	StoryStore
	ReuseStore
}
