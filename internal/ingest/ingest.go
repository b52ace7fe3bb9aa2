package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Defaults for Options.
const (
	DefaultBatchSize     = 256
	DefaultMaxInputBytes = 100 << 20 // one file or page; JSON Lines stream without limit
	flushInterval        = 500 * time.Millisecond
	// reorderCap bounds the built articles held back to restore reading
	// order behind one slow document (a page fetch, a huge file); beyond
	// it they are stored as they come.
	reorderCap   = 4096
	lineIndexCap = extract.DefaultLinesPerOutlet // distinct short lines remembered per outlet
)

// Options configure an Ingester. The zero value works: all cores, batches
// of DefaultBatchSize, no network.
type Options struct {
	// Workers is the number of extraction workers; 0 means GOMAXPROCS.
	Workers int
	// BatchSize is the number of articles written per store transaction.
	BatchSize int
	// Fetch fetches URL sources and the pages of feed items that carry
	// only a snippet. Nil makes every URL input fail with a clear reason.
	Fetch *fetch.Client
	// Stdin is read for the source "-".
	Stdin io.Reader
	// MaxInputBytes bounds one file or page.
	MaxInputBytes int64
	// Progress, when set, is called from a single goroutine after every
	// stored batch and every failure.
	Progress func(Progress)
	// Analyzers run, in order, on the articles each batch inserted or
	// revised, right after the batch is stored: the archive-wide stages
	// (copies, then stories) that must see every new article exactly once
	// and in arrival order.
	Analyzers []Analyzer
}

// Analyzer is an archive-wide stage run incrementally on newly stored
// articles. Analyze is called from one goroutine at a time, with the
// articles of one batch in the order they were stored; it must record its
// results in the store itself. An error stops the ingest: the batch's
// articles stay stored and a later run can analyse them again.
type Analyzer interface {
	Analyze(ctx context.Context, articles []*news.Article) error
}

// Progress is a snapshot of a running ingest.
type Progress struct {
	Inputs     int   // inputs named, after expanding folders and globs
	InputsDone int   // inputs fully read
	Articles   int   // articles stored or found unchanged
	Failed     int   // failures so far
	Bytes      int64 // raw bytes read
}

// Failure is one input (or one record or feed item of an input) that could
// not be ingested, and why.
type Failure struct {
	Input string `json:"input"`
	Err   error  `json:"-"`
}

// Error reads "INPUT: reason".
func (f Failure) Error() string { return f.Input + ": " + f.Err.Error() }

// Summary is what one Run did.
type Summary struct {
	Inputs    int           `json:"inputs"`
	Inserted  int           `json:"inserted"`
	Revised   int           `json:"revised"`
	Unchanged int           `json:"unchanged"`
	Failed    int           `json:"failed"`
	Failures  []Failure     `json:"failures"`
	Bytes     int64         `json:"bytes"`
	Elapsed   time.Duration `json:"elapsed_ns"`
	// IDs lists the ids of the articles stored or found unchanged, in the
	// order they were written (bounded to the first maxSummaryIDs).
	IDs []string `json:"ids,omitempty"`
}

const maxSummaryIDs = 10_000

// Ingester runs sources through the pipeline into a store. It is safe to
// call Run several times, one after another.
type Ingester struct {
	store store.Store
	opts  Options
	lines *extract.LineIndex
}

// New returns an Ingester writing to st.
func New(st store.Store, opts Options) *Ingester {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if opts.MaxInputBytes <= 0 {
		opts.MaxInputBytes = DefaultMaxInputBytes
	}
	return &Ingester{store: st, opts: opts, lines: extract.NewLineIndex(lineIndexCap)}
}

// result is what a worker or the reader hands to the writer.
type result struct {
	seq       int // the document's reading order; -1 for reader failures
	article   *news.Article
	fail      *Failure
	inputDone bool
	bytes     int64
}

// Run ingests every source. Failures of single inputs are collected in the
// summary and never stop the others; Run returns an error only when the
// whole ingest cannot go on (the store fails, ctx is cancelled), and then
// every batch written before stays intact.
func (in *Ingester) Run(ctx context.Context, sources []string) (Summary, error) {
	start := time.Now()
	inputs, expandFailures := expand(sources)
	sum := Summary{Inputs: len(inputs) + len(expandFailures)}
	prog := Progress{Inputs: sum.Inputs}
	for _, f := range expandFailures {
		sum.addFailure(f)
		prog.Failed++
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	docs := make(chan doc, in.opts.Workers*4)
	results := make(chan result, in.opts.BatchSize)

	var readers sync.WaitGroup
	readers.Add(1)
	go func() { // owner: Run; ends when every input is read or ctx is done
		defer readers.Done()
		defer close(docs)
		seq := 0
		for _, inp := range inputs {
			emit := func(d doc) bool {
				d.seq = seq
				seq++
				select {
				case docs <- d:
					return true
				case <-ctx.Done():
					return false
				}
			}
			fail := func(name string, err error) bool {
				select {
				case results <- result{seq: -1, fail: &Failure{Input: name, Err: err}}:
					return true
				case <-ctx.Done():
					return false
				}
			}
			n, err := in.read(ctx, inp, emit, fail)
			if err != nil && ctx.Err() == nil {
				fail(inp.name, err)
			}
			select {
			case results <- result{seq: -1, inputDone: true, bytes: n}:
			case <-ctx.Done():
				return
			}
		}
	}()

	var workers sync.WaitGroup
	for range in.opts.Workers {
		workers.Add(1)
		go func() { // owner: Run; ends when docs is closed
			defer workers.Done()
			for d := range docs {
				art, warn, err := in.build(ctx, d)
				r := result{seq: d.seq, article: art}
				if err == nil {
					err = warn
				}
				if err != nil {
					r.fail = &Failure{Input: d.origin, Err: err}
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		readers.Wait()
		workers.Wait()
		close(results)
	}()

	// The writer stores batches in its own goroutine, so that extraction
	// goes on while a batch is written; at most two batches are in flight.
	w := startWriter(ctx, in.store, in.opts.Analyzers)
	var runErr error
	absorb := func(b written) {
		if b.err != nil && runErr == nil {
			runErr = b.err
		}
		if b.outcomes == nil {
			return
		}
		for i, o := range b.outcomes {
			switch o {
			case store.Inserted:
				sum.Inserted++
			case store.Revised:
				sum.Revised++
			case store.Unchanged:
				sum.Unchanged++
			}
			if len(sum.IDs) < maxSummaryIDs {
				sum.IDs = append(sum.IDs, b.batch[i].ID)
			}
		}
		prog.Articles += len(b.batch)
		in.report(prog)
	}
	batch := make([]*news.Article, 0, in.opts.BatchSize)
	flush := func() {
		if len(batch) == 0 || runErr != nil {
			return
		}
		for sent := false; !sent; {
			select {
			case w.batches <- batch:
				sent = true
			case b := <-w.done:
				absorb(b)
			case <-ctx.Done():
				return
			}
		}
		batch = make([]*news.Article, 0, in.opts.BatchSize)
	}
	// Built articles are stored in reading order, so the same input gives
	// the same archive, copies and stories however the workers are
	// scheduled; held-back articles are bounded by reorderCap.
	order := newReorder()
	add := func(a *news.Article) {
		batch = append(batch, a)
		if len(batch) >= in.opts.BatchSize {
			flush()
		}
	}
	ticker := time.NewTicker(flushInterval)
	defer ticker.Stop()
loop:
	for runErr == nil {
		select {
		case r, ok := <-results:
			if !ok {
				break loop
			}
			if r.fail != nil {
				sum.addFailure(*r.fail)
				prog.Failed++
				in.report(prog)
			}
			if r.inputDone {
				prog.InputsDone++
				prog.Bytes += r.bytes
				sum.Bytes += r.bytes
				in.report(prog)
			}
			if r.seq >= 0 {
				order.put(r.seq, r.article, add)
			}
		case b := <-w.done:
			absorb(b)
		case <-ticker.C:
			flush()
		case <-ctx.Done():
			break loop
		}
	}
	if runErr == nil && ctx.Err() == nil {
		order.drain(add)
		flush()
	}
	close(w.batches)
	for b := range w.done {
		absorb(b)
	}
	if runErr == nil && ctx.Err() != nil {
		runErr = fmt.Errorf("ingest interrupted: %w", context.Cause(ctx))
	}
	cancel()
	// Drain so that every goroutine ends before Run returns.
	for range results {
	}
	sum.Elapsed = time.Since(start)
	return sum, runErr
}

func (in *Ingester) report(p Progress) {
	if in.opts.Progress != nil {
		in.opts.Progress(p)
	}
}

func (s *Summary) addFailure(f Failure) {
	s.Failed++
	s.Failures = append(s.Failures, f)
}

// Stored is the number of articles written or found already stored.
func (s Summary) Stored() int { return s.Inserted + s.Revised + s.Unchanged }

// Err is nil when nothing failed, else an error saying how many inputs
// failed; the failures themselves are in s.Failures.
func (s Summary) Err() error {
	if s.Failed == 0 {
		return nil
	}
	return fmt.Errorf("%d of the inputs failed: %w", s.Failed, ErrPartial)
}

// ErrPartial marks an ingest in which some inputs failed and the rest were
// stored.
var ErrPartial = errors.New("partial ingest")
