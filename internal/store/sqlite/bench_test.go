package sqlite

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

// BenchmarkDB_Put stores batches of 256 new ~3 KB articles, the shape of
// an ingest run (storetest.BenchPut). One op is one batch.
func BenchmarkDB_Put(b *testing.B) {
	db, err := Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	storetest.BenchPut(b, db)
}

// BenchmarkDB_Search queries a store of 5,000 articles.
func BenchmarkDB_Search(b *testing.B) {
	db, err := Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	storetest.BenchSearch(b, db)
}

// BenchmarkDB_Article reads articles by id from several goroutines, with
// the reader pool at its default size and cut to one connection, to show
// what the pool buys.
func BenchmarkDB_Article(b *testing.B) {
	db, err := Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	r := rand.New(rand.NewPCG(9, 10))
	const n = 2000
	batch := make([]*news.Article, n)
	for i := range batch {
		batch[i] = storetest.BenchArticle(r, i)
	}
	if _, err := db.Put(b.Context(), batch); err != nil {
		b.Fatal(err)
	}
	for _, conns := range []int{1, max(minReaders, runtime.GOMAXPROCS(0))} {
		b.Run(fmt.Sprint("readers=", conns), func(b *testing.B) {
			db.reader.SetMaxOpenConns(conns)
			b.ReportAllocs()
			b.SetParallelism(4)
			var next atomic.Int64
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					id := fmt.Sprintf("bench-%08d", next.Add(1)%n)
					if _, err := db.Article(b.Context(), id); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}
