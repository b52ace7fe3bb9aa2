package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/evaldata"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// realSets are the shared sets whose articles the benchmarks ingest.
var realSets = []string{"duc2004-dev", "ecbplus-dev", "multiling2011", "polnear-train"}

// realRecords returns the real articles of the shared sets as JSON Lines
// records, repeated with fresh ids and a varied last sentence until n are
// reached, so every record is distinct content.
func realRecords(b *testing.B, n int) ([]byte, int64) {
	var base []evaldata.Article
	for _, a := range evaldata.Articles(b, realSets...) {
		if a.Text != "" {
			base = append(base, a)
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	var textBytes int64
	for i := range n {
		r := base[i%len(base)]
		r.ID = fmt.Sprintf("%s-%d", r.ID, i)
		if k := i / len(base); k > 0 {
			// A distinct text: the paragraphs rotated by k.
			paras := strings.Split(r.Text, "\n")
			k %= len(paras)
			r.Text = strings.Join(append(paras[k:], paras[:k]...), "\n")
		}
		textBytes += int64(len(r.Text))
		m := map[string]string{"id": r.ID, "source": r.Source, "title": r.Title, "published": r.Published, "url": r.URL, "text": r.Text}
		if err := enc.Encode(m); err != nil {
			b.Fatal(err)
		}
	}
	return bytes.Clone(buf.Bytes()), textBytes // exact size: the peak heap subtracts it
}

// BenchmarkIngest_JSONL streams real article records end to end into a
// fresh SQLite store per iteration; it reports articles/s and the peak
// heap, which must stay flat as the number of articles grows.
//
// The 10,000 and 40,000 runs repeat the real articles (paragraphs rotated),
// so a third of them are near copies of others: they measure the pipeline
// and the store without the archive-wide stages, which such a stream would
// turn into a copies stress test. "real" ingests each real article once
// with the copies and stories stages, as `parallax ingest` does.
func BenchmarkIngest_JSONL(b *testing.B) {
	for _, n := range []int{10_000, 40_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchIngestJSONL(b, n, false) })
	}
	b.Run("real", func(b *testing.B) { benchIngestJSONL(b, 0, true) })
}

func benchIngestJSONL(b *testing.B, n int, analyze bool) {
	if n == 0 {
		n = len(evaldata.Articles(b, realSets...))
	}
	data, textBytes := realRecords(b, n)
	// Read from a file, as `parallax ingest records.jsonl` does, so the
	// benchmark holds no copy of the input and the heap is the pipeline's.
	input := filepath.Join(b.TempDir(), "records.jsonl")
	if err := os.WriteFile(input, data, 0o644); err != nil {
		b.Fatal(err)
	}
	data = nil
	b.SetBytes(textBytes)
	b.ReportAllocs()
	b.ResetTimer()
	unique := 0
	var peak uint64
	var cpu time.Duration
	for i := range b.N {
		b.StopTimer()
		db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), fmt.Sprintf("b%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		opts := ingest.Options{}
		if analyze {
			opts.Analyzers = ingest.Analyzers(db, cluster.Config{})
		}
		in := ingest.New(db, opts)
		runtime.GC() // so the live-heap figure starts from the pipeline alone
		stop := sampleHeap(&peak)
		cpu0 := evaldata.CPUTime()
		b.StartTimer()
		sum, err := in.Run(context.Background(), []string{input})
		cpu += evaldata.CPUTime() - cpu0
		if err != nil || sum.Stored()+sum.Failed != n || sum.Failed > n/100 {
			b.Fatalf("Run = %d inserted (%d failed: %v), %v", sum.Inserted, sum.Failed, firstFailure(sum), err)
		}
		unique = sum.Inserted
		b.StopTimer()
		stop()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(unique), "unique")
	// CPU time per article, all goroutines: on a shared machine the figure
	// that says what two idle cores would reach (2e6 / cpu-µs articles/s).
	b.ReportMetric(float64(cpu.Microseconds())/float64(n*b.N), "cpu-µs/article")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// sampleHeap records the peak live heap — the bytes the last garbage
// collection found reachable — every 20 ms until stopped. (HeapInuse would
// also count garbage awaiting collection, which grows with whatever else
// the benchmark holds.)
func sampleHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > *peak {
				*peak = v
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}

func firstFailure(s ingest.Summary) error {
	if len(s.Failures) == 0 {
		return nil
	}
	return s.Failures[0]
}

// BenchmarkIngest_HTML ingests the 181 real pages of the extraction
// benchmark end to end into a fresh SQLite store per iteration, with the
// copies and stories stages, as `parallax ingest` runs them.
func BenchmarkIngest_HTML(b *testing.B) {
	dir := evaldata.Dir(b, "extraction-aeb", "html")
	pages, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if len(pages) == 0 {
		b.Skip("no pages")
	}
	var size int64
	for _, p := range pages {
		if fi, err := os.Stat(p); err == nil {
			size += fi.Size()
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var cpu time.Duration
	for i := range b.N {
		b.StopTimer()
		db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), fmt.Sprintf("h%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		in := ingest.New(db, ingest.Options{Analyzers: ingest.Analyzers(db, cluster.Config{})})
		cpu0 := evaldata.CPUTime()
		b.StartTimer()
		sum, err := in.Run(context.Background(), []string{dir})
		if err != nil || sum.Stored() < len(pages)*9/10 {
			b.Fatalf("Run = %d stored of %d (%v), %v", sum.Stored(), len(pages), firstFailure(sum), err)
		}
		b.StopTimer()
		cpu += evaldata.CPUTime() - cpu0
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(len(pages)*b.N)/1000, "cpu-ms/page")
}
