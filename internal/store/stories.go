package store

import (
	"context"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// StoryStore is a Store that also keeps the stories stage's results: which
// story each article belongs to, which stories were merged into which, and
// what a clusterer needs to resume after a restart. Implementations are
// safe for concurrent use.
type StoryStore interface {
	Store

	// RecordStories writes a batch of assignments in one transaction:
	// either all of them are recorded or, on error, none. Each article
	// must be stored (else news.ErrNotFound) and is put in its story,
	// which is created when new; an article already assigned moves to the
	// new story. Every id in Merged is then merged into the assignment's
	// story: its articles move there and the old id keeps resolving to it
	// (ResolveStory, StoryOf). An empty Article or Story is news.ErrInvalid.
	RecordStories(ctx context.Context, batch []StoryAssignment) error

	// StoryOf returns the live story of an article (merges followed), or
	// an error wrapping news.ErrNotFound when the article has none.
	StoryOf(ctx context.Context, articleID string) (string, error)

	// StoryMap returns the live story of every assigned article, for
	// exports that need them all at once.
	StoryMap(ctx context.Context) (map[string]string, error)

	// ResolveStory follows merges from a story id to the live story that
	// holds its articles now; a live id resolves to itself. An id never
	// recorded is an error wrapping news.ErrNotFound.
	ResolveStory(ctx context.Context, id string) (string, error)

	// Stories lists live stories, the most recently active day first and,
	// within a day, the biggest first, at most limit of them (all when
	// limit < 1). Each carries its headline, outlets, article count,
	// independent origins and first and last seen; Articles is left empty.
	Stories(ctx context.Context, limit int) ([]news.Story, error)

	// Story returns one story by id (merges followed) with its article
	// ids in assignment order, or an error wrapping news.ErrNotFound.
	Story(ctx context.Context, id string) (news.Story, error)

	// IndependentOrigins returns how many of a story's articles are not
	// copies of another article: its article count minus the articles the
	// copies stage recorded as copies (until that stage records any, the
	// article count).
	IndependentOrigins(ctx context.Context, storyID string) (int, error)

	// LastAssigned returns the latest assignment time recorded, zero when
	// there is none.
	LastAssigned(ctx context.Context) (time.Time, error)

	// AssignedSince calls fn, in assignment order, with every assigned
	// article whose assignment time is at or after since, its live story
	// and the time recorded, until fn returns an error, which it then
	// returns. It is how a clusterer rebuilds its window after a restart.
	// The article must not be retained past the call unless copied.
	AssignedSince(ctx context.Context, since time.Time, fn func(a *news.Article, story string, at time.Time) error) error
}

// StoryAssignment is one article's place in a story, as the stories stage
// decided it.
type StoryAssignment struct {
	Article string
	Story   string
	// At is the article's time for clustering (publication, else ingest).
	At time.Time
	// Merged are story ids absorbed into Story by this assignment.
	Merged []string
}
