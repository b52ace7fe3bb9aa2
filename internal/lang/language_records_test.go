package lang

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// recordCorpora are the shared evaluation sets whose articles ingest
// passes to Language.
var recordCorpora = []string{"duc2004-dev", "ecbplus-dev", "polnear-train", "multiling2011"}

// loadRecordTexts returns the normalised texts of the shared evaluation
// sets' articles, found beside the repository root, or skips.
func loadRecordTexts(tb testing.TB) []string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("repository root not found")
		}
		dir = parent
	}
	var texts []string
	for _, c := range recordCorpora {
		f, err := os.Open(filepath.Join(dir, "..", "shared", "eval", c, "articles.jsonl"))
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var r struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				f.Close()
				tb.Fatalf("%s: %v", c, err)
			}
			if r.Text != "" {
				texts = append(texts, Normalize(r.Text))
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			tb.Fatalf("%s: %v", c, err)
		}
	}
	if len(texts) == 0 {
		tb.Skip("evaluation data absent")
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
	start, cpu := time.Now(), cpuTime()
	for range b.N {
		for _, t := range texts {
			Language(t)
		}
	}
	n := float64(b.N * len(texts))
	b.ReportMetric(float64(time.Since(start).Microseconds())/n, "µs/article")
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/n, "cpu-µs/article")
}
