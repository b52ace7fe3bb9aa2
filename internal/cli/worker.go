package cli

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/queue"
	"github.com/parallax-news/parallax/internal/store/postgres"
)

// openQueue opens a postgres store and the job queue beside it; the
// --db value must be a postgres:// URL.
func openQueue(ctx context.Context, cmd, dsn string, env Env) (*postgres.DB, *queue.PG, error) {
	if dsn == "" {
		dsn = env.Getenv("PARALLAX_DB")
	}
	if !strings.HasPrefix(dsn, "postgres://") && !strings.HasPrefix(dsn, "postgresql://") {
		return nil, nil, usagef("%s: --db must name a PostgreSQL database (postgres://…): workers share work through it", cmd)
	}
	db, err := postgres.Open(ctx, dsn)
	if err != nil {
		return nil, nil, fmt.Errorf("open store: %w", err)
	}
	q, err := queue.Open(ctx, dsn)
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("open queue: %w", err)
	}
	return db, q, nil
}

func runWorker(ctx context.Context, args []string, env Env) error {
	fs := newFlags("worker", env)
	db := dbFlag(fs)
	jobs := fs.Int("jobs", 0, "jobs run at once (default: number of cores)")
	lease := fs.Duration("lease", 30*time.Second, "a claimed job is retried this long after its worker stops renewing it")
	grace := fs.Duration("grace", 20*time.Second, "on SIGTERM, time left to jobs under way before they are given back")
	keepDone := fs.Duration("keep-done", queue.DefaultKeepDone, "how long finished, analysed jobs stay listed in the queue (failed ones stay until deleted)")
	drain := fs.Bool("drain", false, "exit once every enqueued job is stored and analysed")
	noAnalysis := fs.Bool("no-analysis", false, "never run the copies and stories stage in this worker")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	name := fs.String("name", "", "worker name shown in the queue (default HOST:PID)")
	timeout := fs.Duration("fetch-timeout", 20*time.Second, "time limit for one HTTP fetch")
	maxFetch := fs.Int64("fetch-max-bytes", 20<<20, "size limit for one fetched page or feed")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching loopback and private-network addresses")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("worker: unexpected argument %q (enqueue sources with 'parallax enqueue')", rest[0])
	}
	st, q, err := openQueue(ctx, "worker", *db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	defer q.Close()
	if *name == "" {
		host, _ := os.Hostname()
		*name = fmt.Sprintf("%s:%d", host, os.Getpid())
	}
	var mu sync.Mutex
	logf := func(format string, args ...any) {
		if *quiet {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(env.Stderr, "%s %s: %s\n", time.Now().UTC().Format("15:04:05.000"), *name, fmt.Sprintf(format, args...))
	}
	w := queue.NewWorker(st, q, queue.WorkerOptions{
		Name: *name, Jobs: *jobs, Lease: *lease, Grace: *grace, Drain: *drain, NoAnalysis: *noAnalysis, KeepDone: *keepDone,
		Fetch: fetch.New(fetch.Options{Timeout: *timeout, MaxBytes: *maxFetch, AllowPrivate: *allowPrivate}),
		Log:   logf,
	})
	logf("started")
	if err := w.Run(ctx); err != nil {
		return err
	}
	logf("stopped")
	if !*drain || ctx.Err() != nil {
		return nil
	}
	// Drained: say what became of the jobs.
	qs, err := q.Stats(ctx)
	if err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(env.Stderr, "queue drained: %d jobs done (%d with failed inputs), %d failed, %d articles analysed\n",
			qs.Done, qs.Partial, qs.Failed, qs.Analysed)
	}
	fails, err := q.Failures(ctx, 20)
	if err != nil {
		return err
	}
	for _, f := range fails {
		fmt.Fprintf(env.Stderr, "parallax: worker: %s\n", f)
	}
	if qs.Failed > 0 || qs.Partial > 0 {
		return fmt.Errorf("%d jobs failed and %d stored part of their input: %w", qs.Failed, qs.Partial, ingest.ErrPartial)
	}
	return nil
}

func runEnqueue(ctx context.Context, args []string, env Env) error {
	fs := newFlags("enqueue", env)
	db := dbFlag(fs)
	split := fs.Int("split", 50, "records per job for JSON and JSON Lines sources and stdin (0: one job per file)")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	sources, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(sources) == 0 {
		return usagef("enqueue: name at least one SOURCE (file, folder, glob, -, URL)")
	}
	inputs, failures := ingest.Expand(sources)
	for _, f := range failures {
		fmt.Fprintf(env.Stderr, "parallax: enqueue %s: %v\n", f.Input, f.Err)
	}
	var jobs []queue.Job
	for _, in := range inputs {
		js, err := jobsFor(in, *split, env)
		if err != nil {
			return err
		}
		jobs = append(jobs, js...)
	}
	if len(jobs) == 0 {
		return fmt.Errorf("enqueue: nothing to enqueue: %w", ingest.ErrPartial)
	}
	st, q, err := openQueue(ctx, "enqueue", *db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	defer q.Close()
	ids, err := q.Enqueue(ctx, jobs)
	if err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(env.Stderr, "enqueued %d jobs (%d–%d) from %d inputs\n", len(ids), ids[0], ids[len(ids)-1], len(inputs))
	}
	if len(failures) > 0 {
		return fmt.Errorf("%d of the sources named nothing: %w", len(failures), ingest.ErrPartial)
	}
	return nil
}

// jobsFor makes the jobs of one input (queue.SourceJobs): URLs and
// non-JSON files are one job each, JSON sources and stdin are split into
// jobs of records carried inline.
func jobsFor(in string, split int, env Env) ([]queue.Job, error) {
	if in == "-" && env.Stdin == nil {
		return nil, usagef("enqueue: standard input is not available")
	}
	return queue.SourceJobs(in, env.Stdin, split)
}
