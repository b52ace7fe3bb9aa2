package sqlite

import (
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

func TestDB_Stories(t *testing.T) {
	storetest.RunStories(t, func(t *testing.T) store.StoryStore { return openTemp(t) })
}

// TestDB_StoriesIndependentOrigins: articles the copies stage linked as
// copies do not count as independent origins; partial reuse does.
func TestDB_StoriesIndependentOrigins(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx := t.Context()
	var batch []store.StoryAssignment
	for _, id := range []string{"orig", "copy", "para", "part"} {
		if _, err := db.Put(ctx, []*news.Article{sample(id, "Text of "+id)}); err != nil {
			t.Fatal(err)
		}
		batch = append(batch, store.StoryAssignment{Article: id, Story: "s1", At: time.Unix(0, 0)})
	}
	if err := db.RecordStories(ctx, batch); err != nil {
		t.Fatal(err)
	}
	for _, l := range []struct{ copy, kind string }{{"copy", "verbatim"}, {"para", "paraphrase"}, {"part", "partial"}} {
		_, err := db.writer.ExecContext(ctx, `INSERT INTO reuse_links (copy, original, kind, coverage, confidence, evidence, pairs)
			SELECT c.seq, o.seq, ?, 1, 1, '', '[]' FROM articles c, articles o WHERE c.id = ? AND o.id = 'orig'`, l.kind, l.copy)
		if err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.IndependentOrigins(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if want := 2; got != want { // orig and the partial reuse
		t.Errorf("IndependentOrigins = %d, want %d", got, want)
	}
	list, err := db.Stories(ctx, 0)
	if err != nil || len(list) != 1 || list[0].IndependentOrigins != 2 || list[0].ArticleCount != 4 {
		t.Errorf("Stories = %+v, %v; want one story of 4 articles and 2 origins", list, err)
	}
}
