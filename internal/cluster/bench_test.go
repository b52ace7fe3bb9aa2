package cluster_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// benchArticles is the stream length of BenchmarkCluster.
const benchArticles = 100_000

// benchStream returns n articles: the real ones of the shared clustering
// sets repeated, each repetition with new ids and dates shifted 40 days
// on (so that earlier stories leave the window), or invented ones when the
// sets are absent.
func benchStream(b *testing.B, n int) []*news.Article {
	var real []*news.Article
	for _, set := range []string{"duc2004-dev", "multiling2011", "ecbplus-dev"} {
		dir := sharedEvalOptional(set)
		if dir == "" {
			continue
		}
		f, err := os.Open(filepath.Join(dir, "articles.jsonl"))
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			var r struct{ ID, Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				b.Fatal(err)
			}
			real = append(real, &news.Article{ID: r.ID, Title: lang.Normalize(r.Title), Text: lang.Normalize(r.Text)})
		}
		f.Close()
	}
	if len(real) == 0 {
		for i := range 1000 {
			real = append(real, &news.Article{ID: fmt.Sprint(i), Title: fmt.Sprintf("Event %d in town%d", i%50, i%50),
				Text: fmt.Sprintf("Officials in town%d reported event %d with %d people on site, the mayor of town%d said.", i%50, i%50, i, i%50)})
		}
	}
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]*news.Article, 0, n)
	for rep := 0; len(out) < n; rep++ {
		for i, a := range real {
			if len(out) == n {
				break
			}
			c := *a
			c.ID = fmt.Sprintf("%s-r%d", a.ID, rep)
			// Spread each repetition over 20 days.
			c.Published = news.Time{T: start.Add(time.Duration(rep)*40*24*time.Hour + time.Duration(i)*20*24*time.Hour/time.Duration(len(real))), Precision: news.PrecisionMinute, Zoned: true}
			out = append(out, &c)
		}
	}
	return out
}

// sharedEvalOptional is sharedEval without skipping: "" when absent.
func sharedEvalOptional(set string) string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "eval", set)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// BenchmarkCluster streams 100,000 articles through one Clusterer per
// iteration and reports articles per second of clustering, by wall time
// and by the process's CPU time (which a shared, loaded machine does not
// inflate; run with GOMAXPROCS=1 for one core), and the peak live heap
// sampled every 1,000 articles.
//
//	go test -run '^$' -bench Cluster -benchtime 1x ./internal/cluster
func BenchmarkCluster(b *testing.B) {
	stream := benchStream(b, benchArticles)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	baseline := ms.HeapAlloc
	var peak uint64
	var total, cpu time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		c := cluster.New(cluster.Config{})
		t0, c0 := time.Now(), cpuTime()
		for i, a := range stream {
			c.Add(a, cluster.Hint{})
			if i%1000 == 999 {
				b.StopTimer()
				total += time.Since(t0)
				cpu += cpuTime() - c0
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc-min(baseline, ms.HeapAlloc))
				t0, c0 = time.Now(), cpuTime()
				b.StartTimer()
			}
		}
		total += time.Since(t0)
		cpu += cpuTime() - c0
	}
	b.ReportMetric(float64(b.N*len(stream))/total.Seconds(), "articles/s")
	if cpu > 0 {
		b.ReportMetric(float64(b.N*len(stream))/cpu.Seconds(), "articles/cpu-s")
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
