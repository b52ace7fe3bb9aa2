package storetest

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// testConcurrent has several writers put batches while readers read. All
// writers also put one shared article, which must be inserted once, and
// one contested id with their own content, which must end with one
// revision per writer.
func testConcurrent(t *testing.T, s store.Store) {
	const writers, batches, perBatch, readers = 4, 12, 8, 2
	shared := article("shared", "Every writer carries this same report of a lighthouse fire.")

	var (
		wg         sync.WaitGroup
		inserted   atomic.Int32 // of the shared article
		contested  atomic.Int32 // outcomes for the contested id
		writersRun atomic.Int32
	)
	ctx := t.Context()
	for w := range writers {
		writersRun.Add(1)
		wg.Go(func() {
			defer writersRun.Add(-1)
			for b := range batches {
				var batch []*news.Article
				for i := range perBatch {
					id := fmt.Sprintf("w%d-b%02d-%d", w, b, i)
					batch = append(batch, article(id, "Lighthouse keepers logged entry "+id+"."))
				}
				if b == 0 {
					batch = append(batch, clone(shared), article("contested", fmt.Sprint("Writer ", w, " has its own version.")))
				}
				outcomes, err := s.Put(ctx, batch)
				if err != nil {
					t.Errorf("writer %d Put: %v", w, err)
					return
				}
				if b == 0 {
					if outcomes[perBatch] == store.Inserted {
						inserted.Add(1)
					}
					if o := outcomes[perBatch+1]; o == store.Inserted || o == store.Revised {
						contested.Add(1)
					}
				}
			}
		})
	}
	for r := range readers {
		wg.Go(func() {
			for writersRun.Load() > 0 {
				if _, err := s.Count(ctx); err != nil {
					t.Errorf("reader %d Count: %v", r, err)
					return
				}
				if _, err := s.Article(ctx, "shared"); err != nil && !errors.Is(err, news.ErrNotFound) {
					t.Errorf("reader %d Article: %v", r, err)
					return
				}
				if _, err := s.Search(ctx, "lighthouse", 5); err != nil {
					t.Errorf("reader %d Search: %v", r, err)
					return
				}
				n := 0
				if err := s.Articles(ctx, func(*news.Article) error { n++; return nil }); err != nil {
					t.Errorf("reader %d Articles: %v", r, err)
					return
				}
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}

	if got := inserted.Load(); got != 1 {
		t.Errorf("shared article inserted %d times, want 1", got)
	}
	if got := contested.Load(); got != writers {
		t.Errorf("contested id written %d times, want %d", got, writers)
	}
	revs, err := s.Revisions(ctx, "contested")
	if err != nil {
		t.Fatalf("Revisions(contested): %v", err)
	}
	for i, r := range revs {
		if r.Revision != i+1 {
			t.Errorf("contested revision %d numbered %d", i+1, r.Revision)
		}
	}
	if len(revs) != writers {
		t.Errorf("contested has %d revisions, want %d", len(revs), writers)
	}
	want := writers*batches*perBatch + 2
	if n := count(t, s); n != want {
		t.Errorf("Count = %d, want %d", n, want)
	}
	if n := len(walk(t, s)); n != want {
		t.Errorf("Articles visited %d, want %d", n, want)
	}
}
