package store

import (
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
)

// MaxMergeChain bounds how many merges ResolveStory follows; a longer
// chain means a corrupt store (a cycle).
const MaxMergeChain = 1000

// ValidateAssignments checks a RecordStories batch: every assignment names
// an article and a story. The error wraps news.ErrInvalid.
func ValidateAssignments(batch []StoryAssignment) error {
	for i, as := range batch {
		if as.Article == "" || as.Story == "" {
			return fmt.Errorf("assignment %d: empty article or story: %w", i, news.ErrInvalid)
		}
	}
	return nil
}

// FollowMerges implements ResolveStory's walk: from id it follows
// mergedInto, which returns the story cur was merged into and false when
// cur is live, and returns the live story. It gives up after MaxMergeChain
// steps; mergedInto's errors are returned as they are.
func FollowMerges(id string, mergedInto func(cur string) (string, bool, error)) (string, error) {
	cur := id
	for range MaxMergeChain {
		next, merged, err := mergedInto(cur)
		if err != nil {
			return "", err
		}
		if !merged {
			return cur, nil
		}
		cur = next
	}
	return "", fmt.Errorf("merge chain longer than %d", MaxMergeChain)
}

// FollowOriginals implements ReuseStore.Original's walk: from id it
// follows original, which returns the best original of cur and whether it
// has one, until an article with none or one already visited (a cycle).
func FollowOriginals(id string, original func(cur string) (string, bool, error)) (string, error) {
	seen := map[string]bool{id: true}
	cur := id
	for {
		next, ok, err := original(cur)
		if err != nil {
			return "", err
		}
		if !ok || seen[next] {
			return cur, nil
		}
		seen[next] = true
		cur = next
	}
}
