package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/evaldata"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// writeRecords writes articles as JSON Lines records to path.
func writeRecords(t *testing.T, path string, arts []evaldata.Article) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for _, a := range arts {
		m := map[string]string{"id": a.ID, "source": a.Source, "title": a.Title, "published": a.Published, "url": a.URL, "text": a.Text}
		if err := enc.Encode(m); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// analyzersFor are the stages of Analyzers, with the stories stage
// rebuilding by seeding when seed is set.
func analyzersFor(st *sqlite.DB, seed bool, limit int) []Analyzer {
	stories := NewStoryAnalyzer(st, cluster.Config{})
	stories.seedRebuild = seed
	stories.replayLimit = limit
	stories.CopyOf = func(ctx context.Context, articles []*news.Article) (map[string]string, error) {
		return originals(ctx, st, articles)
	}
	return []Analyzer{NewReuseAnalyzer(st, st), stories}
}

// ingestRuns ingests the files into a fresh store, one Ingester (and so
// one clusterer rebuild) per file, and returns the store.
func ingestRuns(t *testing.T, path string, files []string, seed bool, limit int) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, f := range files {
		in := New(db, Options{Workers: 1, Analyzers: analyzersFor(db, seed, limit)})
		sum, err := in.Run(ctx, []string{f})
		if err != nil || sum.Failed > 0 {
			t.Fatalf("Run(%s) = %+v, %v", f, sum.Failures, err)
		}
	}
	return db
}

func storyMap(t *testing.T, db *sqlite.DB) map[string]string {
	t.Helper()
	m, err := db.StoryMap(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// bcubed compares two story assignments of the same articles. An article
// may be stored under another id in one store than in the other (two
// records of the same content, whichever comes first in its batch): the
// articles assigned in one store only are left out, but more than one in
// a hundred fails the test.
func bcubed(t *testing.T, want, got map[string]string) float64 {
	t.Helper()
	var w, g []string
	for id, s := range want {
		if gs, ok := got[id]; ok {
			w, g = append(w, s), append(g, gs)
		}
	}
	if only := len(want) + len(got) - 2*len(w); only > len(want)/100 {
		t.Fatalf("%d articles assigned in one store only (%d and %d assigned)", only, len(want), len(got))
	}
	_, _, f1 := eval.BCubed(w, g)
	return f1
}

// TestStoryAnalyzer_Rebuild ingests the real articles of three shared
// sets into one store in one run, and into others in four runs of a
// quarter each, so that the stories stage rebuilds its clusterer three
// times; the stories must match the single run's (BCubed F1 ≥ 0.99) when
// the rebuild replays all of them or seeds all but the last 200 and
// replays those. It logs the figures for seeding the window (the former
// rebuild) too.
func TestStoryAnalyzer_Rebuild(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 1,100 real articles three times")
	}
	arts := evaldata.Articles(t, "duc2004-dev", "ecbplus-dev", "multiling2011")
	if raceEnabled {
		// Ten times slower: the first 250 only, enough for the race
		// detector to see the rebuild.
		arts = arts[:min(len(arts), 250)]
	}
	dir := t.TempDir()
	all := filepath.Join(dir, "all.jsonl")
	writeRecords(t, all, arts)
	var quarters []string
	for q := range 4 {
		p := filepath.Join(dir, fmt.Sprintf("q%d.jsonl", q))
		writeRecords(t, p, arts[q*len(arts)/4:(q+1)*len(arts)/4])
		quarters = append(quarters, p)
	}
	start := time.Now()
	want := storyMap(t, ingestRuns(t, filepath.Join(dir, "one.db"), []string{all}, false, 0))
	t.Logf("one run: %d articles in %s", len(want), time.Since(start).Round(time.Millisecond))
	for _, tc := range []struct {
		name  string
		seed  bool
		limit int
		minF1 float64
	}{
		{"seed the window", true, 0, 0},
		{"replay all", false, 0, 0.99},
		{"seed, replay the last 200", false, 200, 0.99},
	} {
		if raceEnabled && tc.seed {
			continue
		}
		db := ingestRuns(t, filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_")+".db"), quarters, tc.seed, tc.limit)
		f1 := bcubed(t, want, storyMap(t, db))
		// The rebuild a fifth run would do, timed alone.
		sa := NewStoryAnalyzer(db, cluster.Config{})
		sa.seedRebuild = tc.seed
		sa.replayLimit = tc.limit
		sa.CopyOf = func(ctx context.Context, articles []*news.Article) (map[string]string, error) {
			return originals(ctx, db, articles)
		}
		t0 := time.Now()
		if err := sa.load(context.Background()); err != nil {
			t.Fatal(err)
		}
		took := time.Since(t0)
		t.Logf("%s: 4 runs vs one: BCubed F1 %.4f; rebuild of %d stored in %s (%+v)", tc.name, f1, len(want), took.Round(time.Millisecond), sa.Rebuilt)
		if f1 < tc.minF1 {
			t.Errorf("%s: BCubed F1 of 4 runs against one = %.4f, want ≥ %.2f", tc.name, f1, tc.minF1)
		}
	}
}
