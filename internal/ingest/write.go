package ingest

import (
	"context"
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// writer stores batches and runs the analyzers on what each batch added,
// in its own goroutine, one batch at a time and in the order received.
type writer struct {
	batches chan []*news.Article // closed by the owner when no more come
	done    chan written         // closed by the writer when batches is drained
}

// written is one stored batch and what happened to it.
type written struct {
	batch    []*news.Article
	outcomes []store.Outcome
	err      error
}

// startWriter starts the writer goroutine. Its owner sends batches, reads
// done until it is closed, and closes batches when finished; after the
// first error the writer stores nothing more but keeps draining.
func startWriter(ctx context.Context, st store.Store, analyzers []Analyzer) *writer {
	w := &writer{
		batches: make(chan []*news.Article, 1),
		done:    make(chan written, 4),
	}
	go func() {
		defer close(w.done)
		failed := false
		for batch := range w.batches {
			if failed {
				continue
			}
			out := write(ctx, st, analyzers, batch)
			failed = out.err != nil
			w.done <- out
		}
	}()
	return w
}

// write stores one batch and analyses the articles it inserted or revised.
func write(ctx context.Context, st store.Store, analyzers []Analyzer, batch []*news.Article) written {
	outcomes, err := st.Put(ctx, batch)
	if err != nil {
		return written{batch: batch, err: fmt.Errorf("store %d articles: %w", len(batch), err)}
	}
	var fresh []*news.Article
	for i, o := range outcomes {
		if o == store.Inserted || o == store.Revised {
			fresh = append(fresh, batch[i])
		}
	}
	if len(fresh) > 0 {
		for _, an := range analyzers {
			if err := an.Analyze(ctx, fresh); err != nil {
				return written{batch: batch, outcomes: outcomes, err: fmt.Errorf("analyse %d new articles: %w", len(fresh), err)}
			}
		}
	}
	return written{batch: batch, outcomes: outcomes}
}
