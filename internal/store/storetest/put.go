package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// I = Inserted, U = Unchanged, R = Revised, for short outcome lists.
const (
	I = store.Inserted
	U = store.Unchanged
	R = store.Revised
)

func testRoundTrip(t *testing.T, s store.Store) {
	unicodeText := "Паром отменили. Ο άνεμος ήταν δυνατός. 港口关闭了。 Les élèves ont chanté 🎶 à l'école. وصل القارب متأخرا."
	tests := []struct {
		name string
		a    *news.Article
	}{
		{"every field", article("full", "Fog closed the estuary at dawn. Ferries waited offshore until noon.")},
		{"unicode", func() *news.Article {
			a := article("unicode-ünï", unicodeText)
			a.Title = "Заголовок — «кавычки» & <tags>"
			a.Author = "Zoë Ñúñez"
			a.Source = "Ελληνικά Νέα"
			a.Language = "ru"
			a.Sentences = []news.Span{{Start: 0, End: 27}, {Start: 28, End: 71}, {Start: 72, End: 90}, {Start: 91, End: len(unicodeText)}}
			return a
		}()},
		{"only required fields", &news.Article{ID: "minimal", Text: "Just a body."}},
		{"many sentences", func() *news.Article {
			a := article("spans", "One. Two two. Three three three.")
			a.Sentences = []news.Span{{Start: 0, End: 4}, {Start: 5, End: 13}, {Start: 14, End: 32}}
			a.Format = news.FormatHTML
			return a
		}()},
		{"large offsets", func() *news.Article {
			body := make([]byte, 70000)
			for i := range body {
				body[i] = 'a' + byte(i%26)
				if i%100 == 99 {
					body[i] = ' '
				}
			}
			a := article("large", string(body))
			a.Sentences = []news.Span{{Start: 0, End: 300}, {Start: 301, End: 65537}, {Start: 65537, End: 70000}}
			return a
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := clone(tt.a)
			before := time.Now()
			put(t, s, []store.Outcome{I}, tt.a)
			if got := tt.a.Revision; got != 1 {
				t.Errorf("Revision after Put = %d, want 1", got)
			}
			if d := tt.a.Ingested.Sub(before); d < -time.Hour || d > time.Hour {
				t.Errorf("Ingested after Put = %v, want about %v", tt.a.Ingested, before)
			}
			want.Revision, want.Ingested = 1, tt.a.Ingested
			same(t, "Article", get(t, s, want.ID), want)
		})
	}
}

func testPublishedPrecision(t *testing.T, s store.Store) {
	utc := func(y int, m time.Month, d, h, min, sec int) time.Time {
		return time.Date(y, m, d, h, min, sec, 0, time.UTC)
	}
	tests := []struct {
		name string
		p    news.Time
	}{
		{"unknown", news.Time{}},
		{"year", news.Time{T: utc(2031, 1, 1, 0, 0, 0), Precision: news.PrecisionYear}},
		{"month", news.Time{T: utc(2031, 11, 1, 0, 0, 0), Precision: news.PrecisionMonth}},
		{"day", news.Time{T: utc(2031, 2, 28, 0, 0, 0), Precision: news.PrecisionDay}},
		{"minute no zone", news.Time{T: utc(2031, 6, 30, 23, 59, 0), Precision: news.PrecisionMinute}},
		{"seconds no zone", news.Time{T: utc(2031, 6, 30, 23, 59, 41), Precision: news.PrecisionMinute}},
		{"zoned UTC", news.Time{T: utc(2031, 7, 4, 12, 0, 0), Precision: news.PrecisionMinute, Zoned: true}},
		{"zoned east", news.Time{T: time.Date(2031, 7, 4, 17, 30, 0, 0, time.FixedZone("", 5*3600+1800)), Precision: news.PrecisionMinute, Zoned: true}},
		{"zoned west", news.Time{T: time.Date(2031, 12, 31, 21, 5, 9, 0, time.FixedZone("", -3*3600)), Precision: news.PrecisionMinute, Zoned: true}},
	}
	var batch, wants []*news.Article
	for _, tt := range tests {
		a := article("time "+tt.name, "Published "+tt.name+".")
		a.Published = tt.p
		batch = append(batch, a)
		wants = append(wants, clone(a))
	}
	if _, err := s.Put(t.Context(), batch); err != nil {
		t.Fatalf("Put: %v", err)
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := wants[i]
			want.Revision, want.Ingested = 1, batch[i].Ingested
			same(t, "Article", get(t, s, want.ID), want)
		})
	}
}

func testUnchanged(t *testing.T, s store.Store) {
	a := article("a", "The bridge reopened after repairs.")
	put(t, s, []store.Outcome{I}, a)
	again := clone(a)
	again.Revision, again.Ingested = 0, time.Time{}
	put(t, s, []store.Outcome{U}, again)
	if again.ID != "a" || again.Revision != 1 || !again.Ingested.Equal(a.Ingested) {
		t.Errorf("re-put article = id %q revision %d ingested %v, want a 1 %v", again.ID, again.Revision, again.Ingested, a.Ingested)
	}
	// Fields outside the content hash do not make a new revision.
	moved := clone(a)
	moved.Origin = "elsewhere.txt"
	put(t, s, []store.Outcome{U}, moved)
	if n := count(t, s); n != 1 {
		t.Errorf("Count = %d, want 1", n)
	}
	revs, err := s.Revisions(t.Context(), "a")
	if err != nil || len(revs) != 1 {
		t.Errorf("Revisions = %d revisions, %v; want 1, nil", len(revs), err)
	}
}

func testDedupeOtherID(t *testing.T, s store.Store) {
	a := article("original", "Snow closed the mountain pass overnight.")
	put(t, s, []store.Outcome{I}, a)
	copied := clone(a)
	copied.ID, copied.Revision, copied.Ingested = "copy", 0, time.Time{}
	copied.Source, copied.Origin = "Another Outlet", "feed.xml"
	put(t, s, []store.Outcome{U}, copied)
	if copied.ID != "original" || copied.Revision != 1 || !copied.Ingested.Equal(a.Ingested) {
		t.Errorf("duplicate = id %q revision %d ingested %v, want original 1 %v", copied.ID, copied.Revision, copied.Ingested, a.Ingested)
	}
	if _, err := s.Article(t.Context(), "copy"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Article(copy) error = %v, want ErrNotFound", err)
	}
	if n := count(t, s); n != 1 {
		t.Errorf("Count = %d, want 1", n)
	}

	// Content that is an old revision of another id is still a duplicate.
	v2 := clone(a)
	v2.Text += " It reopened at noon."
	put(t, s, []store.Outcome{R}, v2)
	old := clone(a)
	old.ID = "late copy"
	put(t, s, []store.Outcome{U}, old)
	if old.ID != "original" || old.Revision != 1 {
		t.Errorf("duplicate of old revision = id %q revision %d, want original 1", old.ID, old.Revision)
	}
}

func testRevised(t *testing.T, s store.Store) {
	v1 := article("story", "The mayor opened the new library on Monday.")
	put(t, s, []store.Outcome{I}, v1)
	v2 := clone(v1)
	v2.Text = "The mayor opened the new library on Monday, a day late."
	v2.Sentences = []news.Span{{Start: 0, End: len(v2.Text)}}
	put(t, s, []store.Outcome{R}, v2)
	if v2.Revision != 2 {
		t.Errorf("Revision after revising = %d, want 2", v2.Revision)
	}
	v3 := clone(v2)
	v3.Title = "Library opens a day late"
	put(t, s, []store.Outcome{R}, v3)

	same(t, "Article", get(t, s, "story"), v3)
	revs, err := s.Revisions(t.Context(), "story")
	if err != nil {
		t.Fatalf("Revisions: %v", err)
	}
	if len(revs) != 3 {
		t.Fatalf("Revisions = %d revisions, want 3", len(revs))
	}
	for i, want := range []*news.Article{v1, v2, v3} {
		same(t, "revision "+string(rune('1'+i)), revs[i], want)
	}

	// Going back to the first version stores nothing: it is kept already.
	back := clone(v1)
	back.Revision, back.Ingested = 0, time.Time{}
	put(t, s, []store.Outcome{U}, back)
	if back.Revision != 1 {
		t.Errorf("Revision of reverted content = %d, want 1", back.Revision)
	}
	if got := get(t, s, "story").Revision; got != 3 {
		t.Errorf("latest Revision after revert = %d, want 3", got)
	}
	if n := count(t, s); n != 1 {
		t.Errorf("Count = %d, want 1", n)
	}
}

func testBatchDuplicates(t *testing.T, s store.Store) {
	a := article("first", "Rain flooded the lower town.")
	b := clone(a)
	b.ID = "second"
	c := clone(a)
	put(t, s, []store.Outcome{I, U, U}, a, b, c)
	if b.ID != "first" || b.Revision != 1 {
		t.Errorf("in-batch duplicate = id %q revision %d, want first 1", b.ID, b.Revision)
	}

	x1 := article("x", "Version one.")
	x2 := article("x", "Version two.")
	put(t, s, []store.Outcome{I, R}, x1, x2)
	if x2.Revision != 2 {
		t.Errorf("in-batch revision = %d, want 2", x2.Revision)
	}
	if n := count(t, s); n != 2 {
		t.Errorf("Count = %d, want 2", n)
	}
}

func testBatchAtomic(t *testing.T, s store.Store) {
	kept := article("kept", "The old pier is safe.")
	put(t, s, []store.Outcome{I}, kept)

	tests := []struct {
		name string
		bad  *news.Article
	}{
		{"empty text", &news.Article{ID: "bad", Title: "No body"}},
		{"empty id", &news.Article{Text: "A body without an id."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			revised := clone(kept)
			revised.Text = "The old pier is closed."
			revised.Revision, revised.Ingested = 0, time.Time{}
			fresh1 := article("fresh1", "A new article before the bad one.")
			fresh2 := article("fresh2", "A new article after the bad one.")
			batch := []*news.Article{revised, fresh1, tt.bad, fresh2}
			got, err := s.Put(t.Context(), batch)
			if !errors.Is(err, news.ErrInvalid) {
				t.Fatalf("Put error = %v, want ErrInvalid", err)
			}
			if got != nil {
				t.Errorf("Put outcomes = %v, want nil", got)
			}
			for _, a := range batch {
				if a.Revision != 0 || !a.Ingested.IsZero() {
					t.Errorf("article %q changed by failed Put: revision %d ingested %v", a.ID, a.Revision, a.Ingested)
				}
			}
			if n := count(t, s); n != 1 {
				t.Errorf("Count = %d, want 1", n)
			}
			same(t, "kept", get(t, s, "kept"), kept)
			for _, id := range []string{"fresh1", "fresh2"} {
				if _, err := s.Article(t.Context(), id); !errors.Is(err, news.ErrNotFound) {
					t.Errorf("Article(%s) error = %v, want ErrNotFound", id, err)
				}
			}
		})
	}
}

func testEmptyBatch(t *testing.T, s store.Store) {
	got, err := s.Put(t.Context(), nil)
	if err != nil || len(got) != 0 {
		t.Errorf("Put(nil) = %v, %v; want no outcomes, nil", got, err)
	}
	if n := count(t, s); n != 0 {
		t.Errorf("Count = %d, want 0", n)
	}
}

func testNotFound(t *testing.T, s store.Store) {
	check := func(t *testing.T) {
		if _, err := s.Article(t.Context(), "missing"); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("Article error = %v, want ErrNotFound", err)
		}
		if _, err := s.Revisions(t.Context(), "missing"); !errors.Is(err, news.ErrNotFound) {
			t.Errorf("Revisions error = %v, want ErrNotFound", err)
		}
	}
	t.Run("empty store", check)
	put(t, s, []store.Outcome{I}, article("present", "Something is here."))
	t.Run("other articles stored", check)
}

func testCount(t *testing.T, s store.Store) {
	if n := count(t, s); n != 0 {
		t.Errorf("Count of new store = %d, want 0", n)
	}
	a := article("a", "Alpha.")
	put(t, s, []store.Outcome{I, I, I}, a, article("b", "Beta."), article("c", "Gamma."))
	steps := []struct {
		name  string
		batch []*news.Article
		want  store.Outcome
	}{
		{"revision", []*news.Article{article("a", "Alpha, revised.")}, R},
		{"duplicate", []*news.Article{clone(a)}, U},
		{"duplicate other id", []*news.Article{func() *news.Article { d := clone(a); d.ID = "d"; return d }()}, U},
	}
	for _, st := range steps {
		put(t, s, []store.Outcome{st.want}, st.batch...)
		if n := count(t, s); n != 3 {
			t.Errorf("Count after %s = %d, want 3", st.name, n)
		}
	}
}
