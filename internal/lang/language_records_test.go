package lang

import (
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/evaldata"
)

// recordCorpora are the shared evaluation sets whose articles ingest
// passes to Language.
var recordCorpora = []string{"duc2004-dev", "ecbplus-dev", "polnear-train", "multiling2011"}

// loadRecordTexts reads and normalises the articles of the shared
// evaluation sets, skipping when they are absent.
func loadRecordTexts(tb testing.TB) []string {
	tb.Helper()
	var texts []string
	for _, a := range evaldata.Articles(tb, recordCorpora...) {
		if a.Text != "" {
			texts = append(texts, Normalize(a.Text))
		}
	}
	return texts
}

// BenchmarkLanguage_Records detects the language of every article of the
// shared evaluation sets and reports the cost per article.
func BenchmarkLanguage_Records(b *testing.B) {
	texts := loadRecordTexts(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	start, cpu := time.Now(), evaldata.CPUTime()
	for range b.N {
		for _, t := range texts {
			Language(t)
		}
	}
	n := float64(b.N * len(texts))
	b.ReportMetric(float64(time.Since(start).Microseconds())/n, "µs/article")
	b.ReportMetric(float64((evaldata.CPUTime()-cpu).Microseconds())/n, "cpu-µs/article")
}
