package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// benchSentences are invented sentences of Zipf-distributed words from an
// invented vocabulary, enough of them that the full-text index grows as it
// would on news. Articles are drawn from them, so making one is cheap.
var benchSentences = func() []string {
	syll := []string{"ka", "lo", "min", "ter", "sa", "vel", "or", "ith", "pra", "nu", "dex", "ra", "bel", "cor", "fa", "gul", "ho", "ize", "jun", "qua"}
	r := rand.New(rand.NewPCG(1, 2))
	words := make([]string, 20000)
	for i := range words {
		var b strings.Builder
		for range 1 + r.IntN(4) {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		words[i] = b.String()
	}
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(words)-1))
	sentences := make([]string, 8000)
	for i := range sentences {
		var b strings.Builder
		for w := range 8 + r.IntN(18) {
			word := words[zipf.Uint64()]
			if w == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(word)
		}
		b.WriteByte('.')
		sentences[i] = b.String()
	}
	return sentences
}()

// BenchArticle invents article n of about 3 KB with its sentence spans,
// for a backend's benchmarks; r picks its sentences.
func BenchArticle(r *rand.Rand, n int) *news.Article {
	var b strings.Builder
	b.Grow(3200)
	var spans []news.Span
	for b.Len() < 3000 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(benchSentences[r.IntN(len(benchSentences))])
		spans = append(spans, news.Span{Start: start, End: b.Len()})
	}
	pub := news.Time{T: time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Minute), Precision: news.PrecisionMinute, Zoned: true}
	return &news.Article{
		ID:        fmt.Sprintf("bench-%08d", n),
		Source:    "Bench Daily",
		Title:     fmt.Sprintf("Bench report %d: %s", n, benchSentences[r.IntN(len(benchSentences))]),
		Author:    "Bench Writer",
		Published: pub,
		URL:       fmt.Sprintf("https://bench.example/%d", n),
		Language:  "en",
		Text:      b.String(),
		Sentences: spans,
		Format:    news.FormatText,
		Origin:    "bench",
	}
}

// BenchPut stores batches of 256 new ~3 KB articles in s, the shape of an
// ingest run; one op is one batch. Every backend's BenchmarkDB_Put calls
// it, so their figures compare.
func BenchPut(b *testing.B, s store.Store) {
	b.Helper()
	const batchSize = 256
	r := rand.New(rand.NewPCG(3, 4))
	batch := make([]*news.Article, batchSize)
	n, bytes := 0, int64(0)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		var size int64
		for i := range batch {
			batch[i] = BenchArticle(r, n)
			size += int64(len(batch[i].Text))
			n++
		}
		bytes += size
		b.StartTimer()
		if _, err := s.Put(b.Context(), batch); err != nil {
			b.Fatal(err)
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(n)/sec, "articles/s")
	b.ReportMetric(float64(bytes)/sec/1e6, "MB/s")
}

// BenchSearch fills s with 5,000 invented articles and then queries it.
func BenchSearch(b *testing.B, s store.Store) {
	b.Helper()
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 5000; i += 250 {
		batch := make([]*news.Article, 250)
		for j := range batch {
			batch[j] = BenchArticle(r, i+j)
		}
		if _, err := s.Put(b.Context(), batch); err != nil {
			b.Fatal(err)
		}
	}
	first := strings.Fields(benchSentences[0])
	queries := []string{first[1] + " " + first[2], first[3], `"` + first[1] + " " + first[2] + `"`}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if _, err := s.Search(b.Context(), queries[i%len(queries)], 20); err != nil {
			b.Fatal(err)
		}
	}
}
