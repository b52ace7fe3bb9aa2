package cluster_test

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/evaldata"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// benchArticles is the stream length of BenchmarkCluster.
const benchArticles = 100_000

// benchShift is how far each repetition of the stream is moved on: past
// the window after the previous repetition's 20 days, so that a
// repetition founds its own stories instead of joining its copies.
const benchShift = cluster.DefaultWindow + 40*24*time.Hour

// benchStream returns n articles: the real ones of the shared clustering
// sets repeated, each repetition with new ids and dates shifted benchShift
// on (so that earlier stories leave the window), or invented ones when the
// sets are absent.
func benchStream(b *testing.B, n int) []*news.Article {
	var real []*news.Article
	if root, ok := evaldata.Root(); ok {
		for _, set := range []string{"duc2004-dev", "multiling2011", "ecbplus-dev"} {
			arts, err := evaldata.ReadArticles(filepath.Join(root, set, "articles.jsonl"))
			if err != nil {
				continue
			}
			for _, r := range arts {
				real = append(real, &news.Article{ID: r.ID, Title: lang.Normalize(r.Title), Text: lang.Normalize(r.Text)})
			}
		}
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
			c.Published = news.Time{T: start.Add(time.Duration(rep)*benchShift + time.Duration(i)*20*24*time.Hour/time.Duration(len(real))), Precision: news.PrecisionMinute, Zoned: true}
			out = append(out, &c)
		}
	}
	return out
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
		t0, c0 := time.Now(), evaldata.CPUTime()
		for i, a := range stream {
			c.Add(a, cluster.Hint{})
			if i%1000 == 999 {
				b.StopTimer()
				total += time.Since(t0)
				cpu += evaldata.CPUTime() - c0
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc-min(baseline, ms.HeapAlloc))
				t0, c0 = time.Now(), evaldata.CPUTime()
				b.StartTimer()
			}
		}
		total += time.Since(t0)
		cpu += evaldata.CPUTime() - c0
	}
	b.ReportMetric(float64(b.N*len(stream))/total.Seconds(), "articles/s")
	if cpu > 0 {
		b.ReportMetric(float64(b.N*len(stream))/cpu.Seconds(), "articles/cpu-s")
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
