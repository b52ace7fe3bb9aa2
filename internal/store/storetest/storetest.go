// Package storetest is the conformance suite every Parallax store must
// pass. A backend's own test calls Run with a function that opens a fresh,
// empty store; the suite then checks the store.Store contract — Put's
// outcomes, revisions, batch atomicity, ordering, search, errors,
// cancellation, concurrency and Close — without knowing which database is
// underneath:
//
//	func TestDB_Store(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store {
//			db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "p.db"))
//			if err != nil {
//				t.Fatal(err)
//			}
//			return db
//		})
//	}
//
// Run closes every store it opens, so open must not close it.
package storetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Run runs the conformance suite. open is called once per subtest and must
// return a new, empty store.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	t.Helper()
	fresh := func(t *testing.T) store.Store {
		t.Helper()
		s := open(t)
		t.Cleanup(func() {
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
		return s
	}
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"PublishedPrecision", testPublishedPrecision},
		{"Unchanged", testUnchanged},
		{"DedupeOtherID", testDedupeOtherID},
		{"Revised", testRevised},
		{"BatchDuplicates", testBatchDuplicates},
		{"BatchAtomic", testBatchAtomic},
		{"EmptyBatch", testEmptyBatch},
		{"NotFound", testNotFound},
		{"Articles", testArticles},
		{"ArticlesStop", testArticlesStop},
		{"ArticlesMany", testArticlesMany},
		{"Count", testCount},
		{"Search", testSearch},
		{"SearchSyntax", testSearchSyntax},
		{"SearchRevised", testSearchRevised},
		{"Concurrent", testConcurrent},
		{"Cancelled", testCancelled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, fresh(t)) })
	}
	// Close is the one subtest that closes the store itself.
	t.Run("Close", func(t *testing.T) { testClose(t, open(t)) })
}

// article returns a valid article whose content is determined by id and
// body, with every field set.
func article(id, body string) *news.Article {
	return &news.Article{
		ID:     id,
		Source: "The Harbour Gazette",
		Title:  "Title of " + id,
		Author: "Mara Quill",
		Published: news.Time{
			T:         time.Date(2031, 3, 14, 9, 26, 53, 0, time.FixedZone("", 2*3600)),
			Precision: news.PrecisionMinute,
			Zoned:     true,
		},
		URL:       "https://gazette.example/" + id,
		Language:  "en",
		Text:      body,
		Sentences: []news.Span{{Start: 0, End: len(body)}},
		Format:    news.FormatText,
		Origin:    "testdata/" + id + ".txt",
	}
}

// clone copies an article so that Put's updates to one do not show in the
// other.
func clone(a *news.Article) *news.Article {
	c := *a
	c.Sentences = slices.Clone(a.Sentences)
	return &c
}

// put stores a batch and checks the outcomes.
func put(t *testing.T, s store.Store, want []store.Outcome, articles ...*news.Article) {
	t.Helper()
	got, err := s.Put(t.Context(), articles)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("Put outcomes = %v, want %v", got, want)
	}
}

// get loads an article that must exist.
func get(t *testing.T, s store.Store, id string) *news.Article {
	t.Helper()
	a, err := s.Article(t.Context(), id)
	if err != nil {
		t.Fatalf("Article(%q): %v", id, err)
	}
	return a
}

// count returns the store's count, which must not fail.
func count(t *testing.T, s store.Store) int {
	t.Helper()
	n, err := s.Count(t.Context())
	if err != nil {
		t.Fatalf("Count: %v", err)
	}
	return n
}

// diff lists the fields in which got differs from want, comparing times as
// instants with their precision, zone offset and rendering.
func diff(got, want *news.Article) []string {
	var d []string
	field := func(name string, g, w any) {
		if g != w {
			d = append(d, fmt.Sprintf("%s = %#v, want %#v", name, g, w))
		}
	}
	field("ID", got.ID, want.ID)
	field("Source", got.Source, want.Source)
	field("Title", got.Title, want.Title)
	field("Author", got.Author, want.Author)
	field("URL", got.URL, want.URL)
	field("Language", got.Language, want.Language)
	field("Text", got.Text, want.Text)
	field("Format", got.Format, want.Format)
	field("Origin", got.Origin, want.Origin)
	field("Revision", got.Revision, want.Revision)
	field("Published", got.Published.String(), want.Published.String())
	field("Published.Precision", got.Published.Precision, want.Published.Precision)
	field("Published.Zoned", got.Published.Zoned, want.Published.Zoned)
	if want.Published.Zoned {
		// A zoned time is an instant with a known offset; others are only
		// their String form.
		if !got.Published.T.Equal(want.Published.T) {
			d = append(d, fmt.Sprintf("Published.T = %v, want %v", got.Published.T, want.Published.T))
		}
		_, goff := got.Published.T.Zone()
		_, woff := want.Published.T.Zone()
		field("Published offset", goff, woff)
	}
	if len(got.Sentences) != 0 || len(want.Sentences) != 0 {
		if !slices.Equal(got.Sentences, want.Sentences) {
			d = append(d, fmt.Sprintf("Sentences = %v, want %v", got.Sentences, want.Sentences))
		}
	}
	if !got.Ingested.Equal(want.Ingested) {
		d = append(d, fmt.Sprintf("Ingested = %v, want %v", got.Ingested, want.Ingested))
	}
	return d
}

// same fails the test when got and want differ.
func same(t *testing.T, what string, got, want *news.Article) {
	t.Helper()
	for _, d := range diff(got, want) {
		t.Errorf("%s: %s", what, d)
	}
}
