package postgres

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

// BenchmarkDB_Put stores batches of 256 new ~3 KB articles, the shape of
// an ingest run, as the SQLite store's benchmark of the same name does, so
// the two compare (storetest.BenchPut). One op is one batch.
func BenchmarkDB_Put(b *testing.B) {
	db := openTemp(b)
	defer db.Close()
	storetest.BenchPut(b, db)
}

// BenchmarkDB_Search queries a store of 5,000 articles.
func BenchmarkDB_Search(b *testing.B) {
	db := openTemp(b)
	defer db.Close()
	storetest.BenchSearch(b, db)
}

// BenchmarkDB_PutWriters stores batches of 256 new articles from 1, 2 and
// 4 goroutines at once, as several workers would; one op is one batch.
func BenchmarkDB_PutWriters(b *testing.B) {
	const batchSize = 256
	for _, writers := range []int{1, 2, 4} {
		b.Run(fmt.Sprint("writers=", writers), func(b *testing.B) {
			db := openTemp(b)
			defer db.Close()
			batches := make([][]*news.Article, b.N)
			r := rand.New(rand.NewPCG(3, 4))
			for i := range batches {
				batches[i] = make([]*news.Article, batchSize)
				for j := range batches[i] {
					batches[i][j] = storetest.BenchArticle(r, i*batchSize+j)
				}
			}
			var next atomic.Int64
			var wg sync.WaitGroup
			b.ResetTimer()
			for range writers {
				wg.Go(func() {
					for {
						i := int(next.Add(1)) - 1
						if i >= len(batches) {
							return
						}
						if _, err := db.Put(b.Context(), batches[i]); err != nil {
							b.Error(err)
							return
						}
					}
				})
			}
			wg.Wait()
			b.ReportMetric(float64(b.N*batchSize)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
