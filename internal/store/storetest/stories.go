package storetest

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// RunStories runs the conformance suite of store.StoryStore. open is
// called once per subtest and must return a new, empty store; RunStories
// closes it.
//
//	func TestDB_Stories(t *testing.T) {
//		storetest.RunStories(t, func(t *testing.T) store.StoryStore { return openTemp(t) })
//	}
func RunStories(t *testing.T, open func(t *testing.T) store.StoryStore) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.StoryStore)
	}{
		{"RecordAndList", testStoriesRecordAndList},
		{"Merge", testStoriesMerge},
		{"Reassign", testStoriesReassign},
		{"Atomic", testStoriesAtomic},
		{"NotFound", testStoriesNotFound},
		{"Invalid", testStoriesInvalid},
		{"Window", testStoriesWindow},
		{"Limit", testStoriesLimit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

// day is a fixed instant plus n days.
func day(n int) time.Time { return time.Date(2031, 3, 14, 9, 0, 0, 0, time.UTC).AddDate(0, 0, n) }

// storyArticles stores articles with the given ids, titles and outlets.
func storyArticles(t *testing.T, s store.Store, specs ...[3]string) {
	t.Helper()
	var batch []*news.Article
	for _, sp := range specs {
		a := article(sp[0], "The body of "+sp[0]+" about the river ferry.")
		a.Title, a.Source = sp[1], sp[2]
		batch = append(batch, a)
	}
	if _, err := s.Put(t.Context(), batch); err != nil {
		t.Fatalf("Put: %v", err)
	}
}

func record(t *testing.T, s store.StoryStore, batch ...store.StoryAssignment) {
	t.Helper()
	if err := s.RecordStories(t.Context(), batch); err != nil {
		t.Fatalf("RecordStories: %v", err)
	}
}

func storyOf(t *testing.T, s store.StoryStore, article string) string {
	t.Helper()
	got, err := s.StoryOf(t.Context(), article)
	if err != nil {
		t.Fatalf("StoryOf(%s): %v", article, err)
	}
	return got
}

func testStoriesRecordAndList(t *testing.T, s store.StoryStore) {
	storyArticles(t, s,
		[3]string{"a1", "Ferry strike halts crossings", "Harbour Gazette"},
		[3]string{"a2", "Crossings halted by strike", "Valley Courier"},
		[3]string{"a3", "Orchard prices fall", "Harbour Gazette"},
		[3]string{"a4", "", "Harbour Gazette"})
	record(t, s,
		store.StoryAssignment{Article: "a1", Story: "s1", At: day(0)},
		store.StoryAssignment{Article: "a2", Story: "s1", At: day(1)},
		store.StoryAssignment{Article: "a3", Story: "s2", At: day(0)},
		store.StoryAssignment{Article: "a4", Story: "s1", At: day(1)})

	for art, want := range map[string]string{"a1": "s1", "a2": "s1", "a3": "s2", "a4": "s1"} {
		if got := storyOf(t, s, art); got != want {
			t.Errorf("StoryOf(%s) = %q, want %q", art, got, want)
		}
	}
	m, err := s.StoryMap(t.Context())
	if err != nil {
		t.Fatalf("StoryMap: %v", err)
	}
	if want := map[string]string{"a1": "s1", "a2": "s1", "a3": "s2", "a4": "s1"}; !mapsEqual(m, want) {
		t.Errorf("StoryMap = %v, want %v", m, want)
	}

	list, err := s.Stories(t.Context(), 0)
	if err != nil {
		t.Fatalf("Stories: %v", err)
	}
	if len(list) != 2 {
		t.Fatalf("Stories: %d stories, want 2", len(list))
	}
	got := list[0]
	if got.ID != "s1" || got.Headline != "Ferry strike halts crossings" || got.ArticleCount != 3 ||
		got.IndependentOrigins != 3 || !slices.Equal(got.Outlets, []string{"Harbour Gazette", "Valley Courier"}) ||
		!got.FirstSeen.Equal(day(0)) || !got.LastSeen.Equal(day(1)) {
		t.Errorf("Stories[0] = %+v, want s1 with headline, 3 articles, 3 origins, two outlets, days 0-1", got)
	}
	if list[1].ID != "s2" || list[1].ArticleCount != 1 {
		t.Errorf("Stories[1] = %+v, want s2 with 1 article", list[1])
	}
	st, err := s.Story(t.Context(), "s1")
	if err != nil {
		t.Fatalf("Story: %v", err)
	}
	if want := []string{"a1", "a2", "a4"}; !slices.Equal(st.Articles, want) {
		t.Errorf("Story(s1).Articles = %v, want %v", st.Articles, want)
	}
	n, err := s.IndependentOrigins(t.Context(), "s1")
	if err != nil || n != 3 {
		t.Errorf("IndependentOrigins(s1) = %d, %v; want 3", n, err)
	}
}

func testStoriesMerge(t *testing.T, s store.StoryStore) {
	storyArticles(t, s,
		[3]string{"a1", "Bridge closed", "Harbour Gazette"},
		[3]string{"a2", "Bridge shut for repairs", "Valley Courier"},
		[3]string{"a3", "Repairs close the bridge", "Plainfield Ledger"})
	record(t, s,
		store.StoryAssignment{Article: "a1", Story: "s1", At: day(0)},
		store.StoryAssignment{Article: "a2", Story: "s2", At: day(2)})
	record(t, s, store.StoryAssignment{Article: "a3", Story: "s1", At: day(1), Merged: []string{"s2"}})

	if got := storyOf(t, s, "a2"); got != "s1" {
		t.Errorf("StoryOf(a2) after merge = %q, want s1", got)
	}
	for _, id := range []string{"s1", "s2"} {
		got, err := s.ResolveStory(t.Context(), id)
		if err != nil || got != "s1" {
			t.Errorf("ResolveStory(%s) = %q, %v; want s1", id, got, err)
		}
	}
	list, err := s.Stories(t.Context(), 0)
	if err != nil {
		t.Fatalf("Stories: %v", err)
	}
	if len(list) != 1 || list[0].ID != "s1" || list[0].ArticleCount != 3 || !list[0].LastSeen.Equal(day(2)) {
		t.Errorf("Stories after merge = %+v, want only s1 with 3 articles, last seen day 2", list)
	}
	st, err := s.Story(t.Context(), "s2")
	if err != nil || st.ID != "s1" {
		t.Errorf("Story(s2) = %q, %v; want the survivor s1", st.ID, err)
	}
	// A chain: s1 merged into s3 resolves s2 to s3 too.
	storyArticles(t, s, [3]string{"a4", "Bridge reopens", "Valley Courier"})
	record(t, s, store.StoryAssignment{Article: "a4", Story: "s3", At: day(3), Merged: []string{"s1"}})
	if got, err := s.ResolveStory(t.Context(), "s2"); err != nil || got != "s3" {
		t.Errorf("ResolveStory(s2) after a second merge = %q, %v; want s3", got, err)
	}
}

func testStoriesReassign(t *testing.T, s store.StoryStore) {
	storyArticles(t, s, [3]string{"a1", "Dam inspected", "Harbour Gazette"})
	record(t, s, store.StoryAssignment{Article: "a1", Story: "s1", At: day(0)})
	record(t, s, store.StoryAssignment{Article: "a1", Story: "s9", At: day(0)})
	if got := storyOf(t, s, "a1"); got != "s9" {
		t.Errorf("StoryOf(a1) after reassignment = %q, want s9", got)
	}
}

func testStoriesAtomic(t *testing.T, s store.StoryStore) {
	storyArticles(t, s, [3]string{"a1", "Dam inspected", "Harbour Gazette"})
	err := s.RecordStories(t.Context(), []store.StoryAssignment{
		{Article: "a1", Story: "s1", At: day(0)},
		{Article: "missing", Story: "s1", At: day(0)},
	})
	if !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("RecordStories with an unstored article: %v, want ErrNotFound", err)
	}
	if _, err := s.StoryOf(t.Context(), "a1"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("StoryOf(a1) after a failed batch: %v, want ErrNotFound (nothing written)", err)
	}
}

func testStoriesNotFound(t *testing.T, s store.StoryStore) {
	if _, err := s.StoryOf(t.Context(), "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("StoryOf(unknown) = %v, want ErrNotFound", err)
	}
	if _, err := s.ResolveStory(t.Context(), "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("ResolveStory(unknown) = %v, want ErrNotFound", err)
	}
	if _, err := s.Story(t.Context(), "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Story(unknown) = %v, want ErrNotFound", err)
	}
	list, err := s.Stories(t.Context(), 10)
	if err != nil || len(list) != 0 {
		t.Errorf("Stories on an empty store = %v, %v; want none", list, err)
	}
	last, err := s.LastAssigned(t.Context())
	if err != nil || !last.IsZero() {
		t.Errorf("LastAssigned on an empty store = %v, %v; want zero", last, err)
	}
}

func testStoriesInvalid(t *testing.T, s store.StoryStore) {
	for _, as := range []store.StoryAssignment{{Story: "s1"}, {Article: "a1"}} {
		if err := s.RecordStories(t.Context(), []store.StoryAssignment{as}); !errors.Is(err, news.ErrInvalid) {
			t.Errorf("RecordStories(%+v) = %v, want ErrInvalid", as, err)
		}
	}
	if err := s.RecordStories(t.Context(), nil); err != nil {
		t.Errorf("RecordStories(empty) = %v, want nil", err)
	}
}

func testStoriesWindow(t *testing.T, s store.StoryStore) {
	storyArticles(t, s,
		[3]string{"old", "Old flood", "Harbour Gazette"},
		[3]string{"mid", "Storm warning", "Harbour Gazette"},
		[3]string{"new", "Storm arrives", "Valley Courier"})
	record(t, s,
		store.StoryAssignment{Article: "old", Story: "s1", At: day(-40)},
		store.StoryAssignment{Article: "mid", Story: "s2", At: day(-1)},
		store.StoryAssignment{Article: "new", Story: "s2", At: day(0)})
	last, err := s.LastAssigned(t.Context())
	if err != nil || !last.Equal(day(0)) {
		t.Fatalf("LastAssigned = %v, %v; want %v", last, err, day(0))
	}
	var got []string
	err = s.AssignedSince(t.Context(), day(-7), func(a *news.Article, story string, at time.Time) error {
		got = append(got, a.ID+"→"+story+"@"+at.Format("01-02"))
		if a.Text == "" || a.Title == "" {
			t.Errorf("AssignedSince gave %s without its content", a.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("AssignedSince: %v", err)
	}
	if want := []string{"mid→s2@" + day(-1).Format("01-02"), "new→s2@" + day(0).Format("01-02")}; !slices.Equal(got, want) {
		t.Errorf("AssignedSince = %v, want %v", got, want)
	}
	stop := errors.New("stop")
	n := 0
	err = s.AssignedSince(t.Context(), time.Time{}, func(*news.Article, string, time.Time) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("AssignedSince stopping: %v after %d calls, want stop after 1", err, n)
	}
}

func testStoriesLimit(t *testing.T, s store.StoryStore) {
	var specs [][3]string
	var batch []store.StoryAssignment
	for i, id := range []string{"a", "b", "c", "d", "e"} {
		specs = append(specs, [3]string{id, "Title " + id, "Harbour Gazette"})
		batch = append(batch, store.StoryAssignment{Article: id, Story: "s" + id, At: day(i)})
	}
	storyArticles(t, s, specs...)
	record(t, s, batch...)
	list, err := s.Stories(t.Context(), 2)
	if err != nil {
		t.Fatalf("Stories: %v", err)
	}
	var ids []string
	for _, st := range list {
		ids = append(ids, st.ID)
	}
	if want := []string{"se", "sd"}; !slices.Equal(ids, want) {
		t.Errorf("Stories(limit 2) = %v, want the newest %v", ids, want)
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
