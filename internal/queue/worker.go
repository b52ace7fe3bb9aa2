package queue

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/postgres"
)

// WorkerOptions configure a Worker. The zero value works.
type WorkerOptions struct {
	// Name identifies the worker in the jobs it holds; "" means a name
	// made from the host name and process id by the caller, else "worker".
	Name string
	// Jobs is the number of jobs run at once; 0 means GOMAXPROCS. Each
	// job is extracted by one goroutine, in order.
	Jobs int
	// Lease is how long a claimed job stays the worker's without news
	// from it; the worker renews it every third of it. 0 means 30 s. A
	// killed worker's jobs are claimed again this long after it died.
	Lease time.Duration
	// Poll is the wait between claims when the queue is empty; 0 means
	// 500 ms.
	Poll time.Duration
	// Grace is how long jobs under way may go on after ctx ends before
	// they are given back; 0 means 20 s.
	Grace time.Duration
	// Drain makes Run return once every job enqueued is finished and
	// analysed, instead of waiting for more.
	Drain bool
	// NoAnalysis keeps this worker out of the analysis stage.
	NoAnalysis bool
	// KeepDone is how long the rows of cleanly done, analysed jobs are
	// kept (their payload goes at once); 0 means DefaultKeepDone.
	KeepDone time.Duration
	// Fetch fetches URL sources; nil makes them fail.
	Fetch *fetch.Client
	// Cluster configures the stories stage.
	Cluster cluster.Config
	// Log, when set, is told what the worker does.
	Log func(format string, args ...any)
}

// Worker runs jobs from a queue into a postgres store and takes its turn
// at the analysis stage.
type Worker struct {
	db   *postgres.DB
	q    *PG
	opts WorkerOptions
}

// NewWorker returns a worker over a store and its queue.
func NewWorker(db *postgres.DB, q *PG, opts WorkerOptions) *Worker {
	if opts.Name == "" {
		opts.Name = "worker"
	}
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.GOMAXPROCS(0)
	}
	if opts.Lease <= 0 {
		opts.Lease = 30 * time.Second
	}
	if opts.Poll <= 0 {
		opts.Poll = 500 * time.Millisecond
	}
	if opts.Grace <= 0 {
		opts.Grace = 20 * time.Second
	}
	return &Worker{db: db, q: q, opts: opts}
}

func (w *Worker) logf(format string, args ...any) {
	if w.opts.Log != nil {
		w.opts.Log(format, args...)
	}
}

// Run works until ctx ends (or, with Drain, until the queue is drained).
// When ctx ends it claims nothing more, lets the jobs under way finish for
// up to Grace and gives back those that do not; the analysis stage
// finishes its round. It returns nil after such a shutdown, and an error
// only when the queue cannot be read at all (20 claims in a row failed),
// after letting the jobs under way finish.
func (w *Worker) Run(ctx context.Context) error {
	stop, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	errs := make(chan error, w.opts.Jobs+1)
	if !w.opts.NoAnalysis {
		an := NewAnalyser(w.db, w.q, w.opts.Cluster)
		an.Log = w.opts.Log
		an.KeepDone = w.opts.KeepDone
		wg.Go(func() { errs <- an.Run(stop) })
	}
	for range w.opts.Jobs {
		wg.Go(func() {
			// A slot that cannot reach the queue stops the whole worker.
			if err := w.slot(ctx, stop); err != nil {
				errs <- err
				cancel(err)
			}
		})
	}
	if w.opts.Drain {
		wg.Go(func() {
			for stop.Err() == nil {
				st, err := w.q.Stats(stop)
				if err == nil && st.Drained() {
					cancel(errDrained)
					return
				}
				sleep(stop, w.opts.Poll)
			}
		})
	}
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		if err != nil {
			all = append(all, err)
		}
	}
	return errors.Join(all...)
}

var errDrained = errors.New("queue drained")

// slot claims and runs jobs one after another until stop ends. ctx is the
// caller's: when it ends, the job under way gets the grace period.
func (w *Worker) slot(ctx, stop context.Context) error {
	failures := 0
	for stop.Err() == nil {
		j, err := w.q.Claim(stop, w.opts.Name, w.opts.Lease)
		if err != nil {
			if stop.Err() != nil {
				return nil
			}
			failures++
			if failures >= 20 {
				return fmt.Errorf("worker %s: %w", w.opts.Name, err)
			}
			w.logf("claim: %v", err)
			sleep(stop, w.opts.Poll)
			continue
		}
		failures = 0
		if j == nil {
			sleep(stop, w.opts.Poll)
			continue
		}
		w.run(ctx, j)
	}
	return nil
}

// run runs one claimed job, renewing its lease, and reports it.
func (w *Worker) run(ctx context.Context, j *Job) {
	// The job runs on past ctx's end for the grace period.
	jobCtx, cancelJob := context.WithCancelCause(context.WithoutCancel(ctx))
	defer cancelJob(nil)
	finished := make(chan struct{})
	var bg sync.WaitGroup
	defer bg.Wait()
	defer close(finished)
	bg.Go(func() {
		select {
		case <-ctx.Done():
		case <-finished:
			return
		}
		t := time.NewTimer(w.opts.Grace)
		defer t.Stop()
		select {
		case <-t.C:
			cancelJob(errShutdown)
		case <-finished:
		}
	})
	bg.Go(func() {
		tick := time.NewTicker(w.opts.Lease / 3)
		defer tick.Stop()
		for {
			select {
			case <-finished:
				return
			case <-tick.C:
				if err := w.q.Extend(jobCtx, j, w.opts.Lease); err != nil {
					if errors.Is(err, ErrLost) {
						cancelJob(ErrLost)
						return
					}
					w.logf("job %d: renew lease: %v", j.ID, err)
				}
			}
		}
	})

	start := time.Now()
	res, err := w.ingest(jobCtx, j)
	bgctx := context.WithoutCancel(ctx)
	cause := context.Cause(jobCtx)
	switch {
	case errors.Is(cause, ErrLost):
		w.logf("job %d (%s): lease lost, left to the worker that took it over", j.ID, j.Label)
	case errors.Is(cause, errShutdown):
		if rerr := w.q.Release(bgctx, j); rerr != nil {
			w.logf("job %d: give back: %v", j.ID, rerr)
		} else {
			w.logf("job %d (%s): given back at shutdown", j.ID, j.Label)
		}
	case errors.Is(err, errPermanent):
		if ferr := w.q.finish(bgctx, j, "failed", 0, 0, err.Error()); ferr != nil {
			w.logf("job %d: %v; mark failed: %v", j.ID, err, ferr)
		} else {
			w.logf("job %d (%s) failed: %v", j.ID, j.Label, err)
		}
	case err != nil:
		if rerr := w.q.Retry(bgctx, j, err.Error()); rerr != nil {
			w.logf("job %d: %v; retry: %v", j.ID, err, rerr)
		} else {
			w.logf("job %d (%s) attempt %d: %v", j.ID, j.Label, j.Attempt, err)
		}
	default:
		if cerr := w.q.Complete(bgctx, j, res); cerr != nil {
			w.logf("job %d: %v", j.ID, cerr)
			return
		}
		w.logf("job %d (%s): %d articles, %d failed, in %s", j.ID, j.Label, len(res.Articles), res.Failed, time.Since(start).Round(time.Millisecond))
	}
}

var (
	errShutdown  = errors.New("worker shutting down")
	errPermanent = errors.New("job cannot succeed")
)

// maxErrors is how many failure reasons a job keeps.
const maxErrors = 5

// ingest runs a job's source through the ingest pipeline, without the
// analysis stages, extracting in order so that the job's articles are
// listed in the order it read them.
func (w *Worker) ingest(ctx context.Context, j *Job) (Result, error) {
	opts := ingest.Options{Workers: 1, Fetch: w.opts.Fetch}
	src := j.Payload
	rename := func(s string) string { return s }
	switch j.Kind {
	case KindRecords:
		opts.Stdin = strings.NewReader(j.Payload)
		src = "-"
	case KindSource:
	case KindFile:
		// The file is written under its own name in a folder of its own
		// and read as that file, so that it is told apart (text, HTML,
		// JSON, feed) and named (the article id) as `parallax ingest
		// NAME` would.
		p, err := decodeFile(j.Payload)
		if err != nil {
			return Result{}, fmt.Errorf("%w: %w", err, errPermanent)
		}
		dir, err := os.MkdirTemp("", "parallax-job-")
		if err != nil {
			return Result{}, fmt.Errorf("job %d: %w", j.ID, err)
		}
		defer os.RemoveAll(dir)
		src = filepath.Join(dir, p.Name)
		if err := os.WriteFile(src, p.Body, 0o600); err != nil {
			return Result{}, fmt.Errorf("job %d: write %s: %w", j.ID, p.Name, err)
		}
		rename = func(s string) string { return strings.Replace(s, src, j.Label, 1) }
	default:
		return Result{}, fmt.Errorf("unknown job kind %q: %w", j.Kind, errPermanent)
	}
	rec := &recorder{Store: w.db}
	sum, err := ingest.New(rec, opts).Run(ctx, []string{src})
	if err != nil {
		return Result{}, err
	}
	res := Result{Articles: rec.listed, Failed: sum.Failed}
	for _, f := range sum.Failures {
		if len(res.Errors) == maxErrors {
			break
		}
		res.Errors = append(res.Errors, rename(f.Error()))
	}
	return res, nil
}

// recorder is the store as a job's ingest sees it: it notes the revision
// each Put stored or found, in order — found ones too, since a job retried
// after its worker died finds its articles already stored and must still
// list them.
type recorder struct {
	store.Store
	mu     sync.Mutex
	listed []Listed
}

// Put implements store.Store.
func (r *recorder) Put(ctx context.Context, articles []*news.Article) ([]store.Outcome, error) {
	out, err := r.Store.Put(ctx, articles)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, a := range articles {
		r.listed = append(r.listed, Listed{ID: a.ID, Revision: a.Revision})
	}
	return out, nil
}
