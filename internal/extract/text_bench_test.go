package extract

import (
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/evaldata"
)

// benchRecord is the part of an evaluation record the benchmarks read.
type benchRecord struct {
	Source string `json:"source"`
	Title  string `json:"title"`
	Text   string `json:"text"`
}

// benchCorpora are the shared evaluation sets whose articles pass through
// Text during ingest: already-clean news in several languages and styles.
var benchCorpora = []string{"duc2004-dev", "ecbplus-dev", "polnear-train", "multiling2011"}

// loadRecords reads the articles of the shared evaluation sets, skipping
// the benchmark when none is present.
func loadRecords(b testing.TB) []benchRecord {
	b.Helper()
	var out []benchRecord
	for _, a := range evaldata.Articles(b, benchCorpora...) {
		if a.Text != "" {
			out = append(out, benchRecord{Source: a.Source, Title: a.Title, Text: a.Text})
		}
	}
	return out
}

// BenchmarkText_Records cleans every article of the shared evaluation
// sets as ingest does — record hints and the outlet's repeated lines —
// and reports the cost per article.
func BenchmarkText_Records(b *testing.B) {
	recs := loadRecords(b)
	x := NewLineIndex(0)
	size := 0
	for _, r := range recs {
		x.Observe(r.Source, r.Text)
		size += len(r.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	start, cpu := time.Now(), evaldata.CPUTime()
	for range b.N {
		for _, r := range recs {
			opts := TextOptions{}
			if r.Source != "" {
				opts.Repeated = x.Repeated(r.Source)
			}
			Text(r.Text, Hints{Source: r.Source, Title: r.Title}, opts)
		}
	}
	n := float64(b.N * len(recs))
	b.ReportMetric(float64(time.Since(start).Microseconds())/n, "µs/article")
	b.ReportMetric(float64((evaldata.CPUTime()-cpu).Microseconds())/n, "cpu-µs/article")
}
