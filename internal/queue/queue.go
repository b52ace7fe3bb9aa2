// Package queue shares Parallax's work among any number of worker
// processes, on any number of machines, through the PostgreSQL database
// they store into.
//
// # Jobs
//
// A job is one thing to ingest: a source (a file path every worker can
// read, or an http(s) URL of a page or a feed), a few article records
// carried inline as JSON Lines, or one file carried inline (an upload, a
// polled feed's body). Jobs wait in a table; a worker claims the
// oldest free one with SELECT … FOR UPDATE SKIP LOCKED, so two workers
// never take the same job, and holds it under a lease that it extends
// while it works. A worker that dies (SIGKILL, power cut, lost network)
// stops extending its lease; when the lease expires the job is claimed
// again. Ingesting is idempotent — the store finds content it already
// holds — so a job run twice stores every article once. A job that keeps
// failing is given up after a few attempts and marked failed.
//
// When a worker finishes a job it marks it done and, in the same
// transaction, lists the job's articles in an inbox, in the order the job
// read them. Extraction and storing therefore run in parallel on every
// worker.
//
// # Analysis
//
// The archive-wide stages — copy detection, then story clustering — keep
// state in memory (the copies index, the clusterer's window) and must see
// every article once, in one order. One worker at a time runs them: the
// one holding a PostgreSQL advisory lock. It walks the jobs in id order
// (the order they were enqueued; enqueuing takes a lock so that ids are
// also commit order) and analyses the inbox of each finished job, waiting
// for the oldest unfinished job before going past it. Its cursor — the
// last job analysed — is advanced in the same transaction as the story
// assignments, and guarded by an epoch number bumped at every takeover, so
// an analyser that lost its lock cannot commit. When the analyser dies the
// lock is released with its connection; another worker takes over,
// rebuilds the copies index from the stored signatures of the articles
// already analysed and the clusterer by clustering those articles again in
// their order (it is deterministic, so it comes back as it was), and goes
// on from the cursor. A round the dead analyser left half-written (copy
// links stored, stories not) is analysed again. Because the order is the
// enqueue order and not the order in which workers happen to finish, the
// stories come out as a single process ingesting the same sources one
// after another would make them. docs/SCALING.md has the measurements
// and the limits.
package queue

import (
	"context"
	"errors"
	"time"
)

// Kind says what a job's payload is.
type Kind string

// Kinds of job.
const (
	// KindSource: the payload is one ingest source, a file path (which
	// every worker must be able to read) or an http(s) URL of a page or a
	// feed.
	KindSource Kind = "source"
	// KindRecords: the payload is article records as JSON Lines, in the
	// layout `parallax ingest` reads.
	KindRecords Kind = "records"
	// KindFile: the payload is one file carried inline, its name and its
	// bytes (see FileJob); the worker reads it as `parallax ingest` reads
	// a file of that name: text, HTML, JSON records or a feed.
	KindFile Kind = "file"
)

// Job is one unit of ingest work.
type Job struct {
	ID      int64
	Kind    Kind
	Payload string
	// Label is what messages name: the source, or where the records came
	// from ("file.jsonl records 51-100").
	Label string
	// Attempt counts the claims of this job, this one included.
	Attempt int
	// Worker is the name of the worker holding the job's lease.
	Worker string
}

// Listed is one article revision a job stored or found stored.
type Listed struct {
	ID       string
	Revision int
}

// Result is what a worker reports for a finished job.
type Result struct {
	// Articles are the article revisions the job stored or found already
	// stored, in the order it read them: the analysis stage takes them in
	// this order.
	Articles []Listed
	// Failed counts the inputs or records that could not be ingested;
	// Errors holds the first few reasons.
	Failed int
	Errors []string
}

// Stats is a snapshot of the queue.
type Stats struct {
	Queued, Running, Done, Failed int
	// Partial counts the done jobs some of whose inputs or records failed.
	Partial int
	// LastJob is the highest job id enqueued, 0 when none.
	LastJob int64
	// AnalysedJob is the analysis stage's cursor: every job up to it has
	// been analysed.
	AnalysedJob int64
	// Analysed counts the articles the analysis stage has analysed.
	Analysed int64
}

// Drained reports whether every job enqueued is finished and analysed.
func (s Stats) Drained() bool {
	return s.Queued == 0 && s.Running == 0 && s.AnalysedJob >= s.LastJob
}

// Queue is the contract of a job queue shared by many processes.
// Implementations are safe for concurrent use.
type Queue interface {
	// Enqueue appends jobs, in order, and returns their ids. Ids grow in
	// the order the jobs become visible to other processes.
	Enqueue(ctx context.Context, jobs []Job) ([]int64, error)

	// Claim takes the oldest job that is free — queued, or running under
	// an expired lease — for worker, under a lease of the given length.
	// It returns nil and no error when there is none. A job claimed more
	// than the queue's attempt limit is marked failed instead.
	Claim(ctx context.Context, worker string, lease time.Duration) (*Job, error)

	// Extend renews the lease of a job the caller holds. It returns
	// ErrLost when the lease expired and another worker claimed the job,
	// or the job is no longer running.
	Extend(ctx context.Context, j *Job, lease time.Duration) error

	// Complete marks a job the caller holds done and lists its articles
	// for analysis, atomically. It returns ErrLost, and changes nothing,
	// when the caller no longer holds the job.
	Complete(ctx context.Context, j *Job, res Result) error

	// Release gives a job back untouched, as if never claimed: for a
	// worker shutting down.
	Release(ctx context.Context, j *Job) error

	// Retry gives a job back after an error that may pass, or marks it
	// failed for good with the reason when it has had its attempts.
	Retry(ctx context.Context, j *Job, reason string) error

	// Stats counts the jobs by state and reports the analysis cursor.
	Stats(ctx context.Context) (Stats, error)

	// Close releases the queue's connections.
	Close() error
}

// ErrLost means the caller no longer holds a job: its lease expired and
// another worker claimed it, or it was finished meanwhile.
var ErrLost = errors.New("job lease lost")

// DefaultMaxAttempts is how many times a job is claimed before it is
// given up.
const DefaultMaxAttempts = 5
