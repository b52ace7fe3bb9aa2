package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// BenchmarkStoryAnalyzer_Rebuild times the stories stage's rebuild on
// first use over a store of 20,000 assigned articles (the real articles
// of the shared sets, repeated with fresh ids and rotated paragraphs),
// as it does (seeding, then replaying the last ReplayLimit), replaying
// all and seeding the window (what it did).
// A third of the articles are near copies of others (without copy
// links), which makes the stories bigger and clustering slower than on a
// real stream.
func BenchmarkStoryAnalyzer_Rebuild(b *testing.B) {
	const n = ingest.RebuildLimit
	ctx := context.Background()
	data, _ := realRecords(b, n)
	// A distinct URL and text each, so that no repeat is taken for a
	// revision or a duplicate.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for line := range bytes.Lines(data) {
		var m map[string]string
		if err := json.Unmarshal(line, &m); err != nil {
			b.Fatal(err)
		}
		if m["url"] != "" {
			m["url"] += "?copy=" + m["id"]
		}
		m["text"] = "Report " + m["id"] + " follows. " + m["text"]
		if err := enc.Encode(m); err != nil {
			b.Fatal(err)
		}
	}
	data = buf.Bytes()
	dir := b.TempDir()
	input := filepath.Join(dir, "records.jsonl")
	if err := os.WriteFile(input, data, 0o644); err != nil {
		b.Fatal(err)
	}
	db, err := sqlite.Open(ctx, filepath.Join(dir, "rebuild.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if sum, err := ingest.New(db, ingest.Options{}).Run(ctx, []string{input}); err != nil || sum.Inserted < n*9/10 {
		b.Fatalf("Run = %+v, %v", sum, err)
	}
	// The assignments a stories stage without copy hints would record.
	var all []store.StoryAssignment
	c := cluster.New(cluster.Config{})
	err = db.Articles(ctx, func(a *news.Article) error {
		as := c.Add(a, cluster.Hint{})
		all = append(all, store.StoryAssignment{Article: a.ID, Story: as.Story, At: as.At, Merged: as.Merged})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for batch := range slices.Chunk(all, 500) {
		if err := db.RecordStories(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	if m, err := db.StoryMap(ctx); err != nil || len(m) < n*9/10 {
		b.Fatalf("StoryMap = %d assignments, %v", len(m), err)
	}
	for _, mode := range []string{"default", "replay-all", "seed-window"} {
		b.Run(mode, func(b *testing.B) {
			var rs ingest.ReplayStats
			for range b.N {
				sa := ingest.NewStoryAnalyzer(db, cluster.Config{})
				ingest.SetSeedRebuild(sa, mode == "seed-window")
				if mode == "replay-all" {
					ingest.SetReplayLimit(sa, ingest.RebuildLimit)
				}
				sa.CopyOf = func(ctx context.Context, articles []*news.Article) (map[string]string, error) {
					m := make(map[string]string)
					for _, a := range articles {
						orig, err := db.Original(ctx, a.ID)
						if err != nil {
							return nil, err
						}
						if orig != a.ID {
							m[a.ID] = orig
						}
					}
					return m, nil
				}
				if err := sa.Load(ctx); err != nil {
					b.Fatal(err)
				}
				rs = sa.Rebuilt
			}
			b.ReportMetric(float64(rs.Seeded), "seeded")
			b.ReportMetric(float64(rs.Replayed), "replayed")
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/rebuild")
		})
	}
}
