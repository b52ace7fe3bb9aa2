package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// walk collects the ids Articles visits.
func walk(t *testing.T, s store.Store) []string {
	t.Helper()
	var ids []string
	err := s.Articles(t.Context(), func(a *news.Article) error {
		ids = append(ids, a.ID)
		return nil
	})
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	return ids
}

func testArticles(t *testing.T, s store.Store) {
	if got := walk(t, s); len(got) != 0 {
		t.Errorf("Articles of new store = %v, want none", got)
	}
	// Ids first stored in an order that is neither alphabetical nor by
	// content; a revision must not move an article.
	for _, id := range []string{"m", "c", "x", "a"} {
		put(t, s, []store.Outcome{I}, article(id, "Body of "+id+"."))
	}
	c2 := article("c", "Body of c, revised.")
	put(t, s, []store.Outcome{R, I, I}, c2, article("q", "Body of q."), article("b", "Body of b."))

	want := []string{"m", "c", "x", "a", "q", "b"}
	var got []string
	err := s.Articles(t.Context(), func(a *news.Article) error {
		got = append(got, a.ID)
		stored := get(t, s, a.ID)
		for _, d := range diff(a, stored) {
			t.Errorf("Articles gave %s: %s", a.ID, d)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("Articles order = %v, want %v", got, want)
	}
	if a := get(t, s, "c"); a.Revision != 2 || a.Text != c2.Text {
		t.Errorf("Article(c) = revision %d %q, want the revision 2", a.Revision, a.Text)
	}
}

func testArticlesStop(t *testing.T, s store.Store) {
	for i := range 5 {
		put(t, s, []store.Outcome{I}, article(fmt.Sprint("n", i), fmt.Sprint("Article number ", i, ".")))
	}
	errStop := errors.New("stop here")
	calls := 0
	err := s.Articles(t.Context(), func(*news.Article) error {
		calls++
		if calls == 2 {
			return errStop
		}
		return nil
	})
	if !errors.Is(err, errStop) {
		t.Errorf("Articles error = %v, want the callback's", err)
	}
	if calls != 2 {
		t.Errorf("callback ran %d times, want 2", calls)
	}
}

// testArticlesMany walks more articles than any sensible page, calling the
// store from inside the callback as a pipeline stage would.
func testArticlesMany(t *testing.T, s store.Store) {
	const n, batch = 1100, 100
	var want []string
	for i := 0; i < n; i += batch {
		var as []*news.Article
		for j := i; j < i+batch; j++ {
			id := fmt.Sprintf("many-%04d", (j*7919)%n) // not sorted
			want = append(want, id)
			as = append(as, article(id, "Walk body "+id+"."))
		}
		if _, err := s.Put(t.Context(), as); err != nil {
			t.Fatalf("Put: %v", err)
		}
	}
	var got []string
	err := s.Articles(t.Context(), func(a *news.Article) error {
		got = append(got, a.ID)
		if len(got)%250 == 0 {
			if _, err := s.Article(t.Context(), a.ID); err != nil {
				return fmt.Errorf("call Article inside Articles: %w", err)
			}
			if _, err := s.Count(t.Context()); err != nil {
				return fmt.Errorf("call Count inside Articles: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Articles: %v", err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("Articles visited %d articles, want %d in first-stored order", len(got), len(want))
	}
}

func testCancelled(t *testing.T, s store.Store) {
	put(t, s, []store.Outcome{I, I, I}, article("one", "First."), article("two", "Second."), article("three", "Third."))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()

	calls := 0
	checks := []struct {
		name string
		call func() error
	}{
		{"Put", func() error {
			_, err := s.Put(ctx, []*news.Article{article("late", "Too late.")})
			return err
		}},
		{"Article", func() error { _, err := s.Article(ctx, "one"); return err }},
		{"Revisions", func() error { _, err := s.Revisions(ctx, "one"); return err }},
		{"Articles", func() error {
			return s.Articles(ctx, func(*news.Article) error { calls++; return nil })
		}},
		{"Count", func() error { _, err := s.Count(ctx); return err }},
		{"Search", func() error { _, err := s.Search(ctx, "second", 10); return err }},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if err := c.call(); !errors.Is(err, context.Canceled) {
				t.Errorf("error = %v, want context.Canceled", err)
			}
		})
	}
	if calls != 0 {
		t.Errorf("Articles called back %d times with a cancelled context", calls)
	}
	if _, err := s.Article(t.Context(), "late"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Article(late) after cancelled Put: %v, want ErrNotFound", err)
	}

	t.Run("during Articles", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		calls := 0
		err := s.Articles(ctx, func(*news.Article) error {
			calls++
			cancel()
			return nil
		})
		if !errors.Is(err, context.Canceled) || calls != 1 {
			t.Errorf("Articles = %d calls, %v; want 1 call, context.Canceled", calls, err)
		}
	})
}

func testClose(t *testing.T, s store.Store) {
	put(t, s, []store.Outcome{I}, article("a", "Before closing."))
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	ctx := t.Context()
	checks := []struct {
		name string
		call func() error
	}{
		{"Put", func() error { _, err := s.Put(ctx, []*news.Article{article("b", "After closing.")}); return err }},
		{"Article", func() error { _, err := s.Article(ctx, "a"); return err }},
		{"Revisions", func() error { _, err := s.Revisions(ctx, "a"); return err }},
		{"Articles", func() error { return s.Articles(ctx, func(*news.Article) error { return nil }) }},
		{"Count", func() error { _, err := s.Count(ctx); return err }},
		{"Search", func() error { _, err := s.Search(ctx, "closing", 10); return err }},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if err := c.call(); err == nil {
				t.Error("no error after Close")
			}
		})
	}
}
