package ingest_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// storyRecords are invented articles: three on a flood barrier in
// Riverside, two on an airport runway in Kolding.
var storyRecords = []map[string]string{
	{"id": "flood-1", "source": "Lune Valley News", "published": "2025-06-02", "title": "Riverside council approves Lune flood barrier",
		"text": "The Riverside town council voted to build a flood barrier along the east bank of the Lune. Council leader Ravi Mehta said the barrier would cost 31 million euros."},
	{"id": "air-1", "source": "Kolding Courier", "published": "2025-06-02", "title": "Kolding airport to add second runway",
		"text": "The regional airport at Kolding will add a second runway by 2027, its operator said, after passenger numbers rose by 40 per cent."},
	{"id": "flood-2", "source": "Riverside Echo", "published": "2025-06-03", "title": "Lune flood barrier gets the go-ahead in Riverside",
		"text": "Riverside's council backed a 31 million euro flood barrier on the Lune after years of debate, Ravi Mehta, the council leader, said."},
	{"id": "air-2", "source": "Jutland Post", "published": "2025-06-03", "title": "Second runway planned at Kolding airport",
		"text": "Kolding airport's operator plans a second runway by 2027 as passenger numbers at the regional airport keep rising."},
	{"id": "flood-3", "source": "Lune Valley News", "published": "2025-06-04", "title": "Residents welcome Riverside flood barrier",
		"text": "Residents of Riverside's lower streets welcomed the council's flood barrier on the Lune, which Ravi Mehta's council approved."},
}

func jsonLines(t *testing.T, recs []map[string]string) string {
	t.Helper()
	var b strings.Builder
	for _, r := range recs {
		line, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String()
}

func TestStoryAnalyzer_Analyze(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	run := func(recs []map[string]string) {
		t.Helper()
		an := ingest.NewStoryAnalyzer(db, cluster.Config{})
		in := ingest.New(db, ingest.Options{Stdin: strings.NewReader(jsonLines(t, recs)), Analyzers: []ingest.Analyzer{an}, Workers: 1})
		sum, err := in.Run(ctx, []string{"-"})
		if err != nil || sum.Err() != nil {
			t.Fatalf("Run: %v, %v", err, sum.Err())
		}
	}
	run(storyRecords)

	story := func(id string) string {
		t.Helper()
		s, err := db.StoryOf(ctx, id)
		if err != nil {
			t.Fatalf("StoryOf(%s): %v", id, err)
		}
		return s
	}
	flood, air := story("flood-1"), story("air-1")
	if flood == air {
		t.Fatalf("flood and airport articles share story %s", flood)
	}
	for _, id := range []string{"flood-2", "flood-3"} {
		if got := story(id); got != flood {
			t.Errorf("StoryOf(%s) = %s, want the flood story %s", id, got, flood)
		}
	}
	if got := story("air-2"); got != air {
		t.Errorf("StoryOf(air-2) = %s, want the airport story %s", got, air)
	}
	if want := cluster.StoryID("flood-1"); flood != want {
		t.Errorf("flood story id = %s, want %s (from its founding article)", flood, want)
	}

	t.Run("Restart", func(t *testing.T) {
		// A new analyzer rebuilds its window from the store.
		run([]map[string]string{{"id": "flood-4", "source": "Riverside Echo", "published": "2025-06-05",
			"title": "Work on Lune flood barrier to start in Riverside",
			"text":  "Work on Riverside's flood barrier along the Lune will start in autumn, council leader Ravi Mehta said."}})
		if got := story("flood-4"); got != flood {
			t.Errorf("after a restart StoryOf(flood-4) = %s, want %s", got, flood)
		}
	})

	t.Run("CopyHint", func(t *testing.T) {
		an := ingest.NewStoryAnalyzer(db, cluster.Config{})
		an.CopyOf = func(_ context.Context, arts []*news.Article) (map[string]string, error) {
			return map[string]string{"copy-1": "air-1"}, nil
		}
		rec := []map[string]string{{"id": "copy-1", "source": "Aggregator", "published": "2025-06-05",
			"title": "Orchard prices", "text": "A text sharing no words with the airport story at all."}}
		in := ingest.New(db, ingest.Options{Stdin: strings.NewReader(jsonLines(t, rec)), Analyzers: []ingest.Analyzer{an}, Workers: 1})
		if _, err := in.Run(ctx, []string{"-"}); err != nil {
			t.Fatalf("Run: %v", err)
		}
		if got := story("copy-1"); got != air {
			t.Errorf("StoryOf(copy-1) = %s, want its original's story %s", got, air)
		}
	})

	list, err := db.Stories(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Errorf("Stories = %d, want 2: %+v", len(list), list)
	}
}
