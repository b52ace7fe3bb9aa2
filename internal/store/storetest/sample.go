package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Sample is a valid article with one sentence, for a backend's own tests.
func Sample(id, text string) *news.Article {
	pub, _ := news.ParseTime("2031-05-02T08:15:00+03:00")
	return &news.Article{
		ID: id, Source: "Valley Courier", Title: "Title " + id, Text: text, Published: pub,
		Sentences: []news.Span{{Start: 0, End: len(text)}}, Format: news.FormatText,
	}
}

// IndependentOrigins checks that articles linked as copies do not count
// as a story's independent origins and partial reuse does. link writes a
// reuse link of kind from copyID to the article "orig" straight into the
// backend's tables, as the copies stage would.
func IndependentOrigins(t *testing.T, s store.StoryStore, link func(ctx context.Context, copyID, kind string) error) {
	t.Helper()
	ctx := t.Context()
	var batch []store.StoryAssignment
	for _, id := range []string{"orig", "copy", "para", "part"} {
		if _, err := s.Put(ctx, []*news.Article{Sample(id, "Text of "+id)}); err != nil {
			t.Fatal(err)
		}
		batch = append(batch, store.StoryAssignment{Article: id, Story: "s1", At: time.Unix(0, 0)})
	}
	if err := s.RecordStories(ctx, batch); err != nil {
		t.Fatal(err)
	}
	for _, l := range []struct{ copy, kind string }{{"copy", "verbatim"}, {"para", "paraphrase"}, {"part", "partial"}} {
		if err := link(ctx, l.copy, l.kind); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.IndependentOrigins(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if want := 2; got != want { // orig and the partial reuse
		t.Errorf("IndependentOrigins = %d, want %d", got, want)
	}
	list, err := s.Stories(ctx, 0)
	if err != nil || len(list) != 1 || list[0].IndependentOrigins != 2 || list[0].ArticleCount != 4 {
		t.Errorf("Stories = %+v, %v; want one story of 4 articles and 2 origins", list, err)
	}
}
