package queue

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/parallax-news/parallax/internal/store/postgres"
)

// PG is the queue in a PostgreSQL database, beside a postgres store: the
// same database and the same schema (the first of the search_path), since
// the inbox names the store's articles.
type PG struct {
	pool        *pgxpool.Pool
	maxAttempts int
	// appendLock and analysisLock are advisory lock keys of this schema:
	// enqueuing holds the first so that job ids are commit order; the
	// analysis stage's one runner holds the second.
	appendLock, analysisLock int64
}

var _ Queue = (*PG)(nil)

// Open connects to the database dsn names (as postgres.Open reads it) and
// creates or updates the queue's tables. The store's schema must already
// exist: open the store first.
func Open(ctx context.Context, dsn string) (*PG, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("queue open: parse dsn: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("queue open: %w", err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("queue open: %w", err)
	}
	var schema string
	if err := pool.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		pool.Close()
		return nil, fmt.Errorf("queue open: %w", err)
	}
	return &PG{
		pool:         pool,
		maxAttempts:  DefaultMaxAttempts,
		appendLock:   lockKey("queue append", schema),
		analysisLock: lockKey("queue analysis", schema),
	}, nil
}

// SetMaxAttempts changes how many claims a job gets before it is failed.
func (q *PG) SetMaxAttempts(n int) {
	if n > 0 {
		q.maxAttempts = n
	}
}

// Close implements Queue.
func (q *PG) Close() error {
	q.pool.Close()
	return nil
}

func lockKey(kind, schema string) int64 {
	h := fnv.New64a()
	h.Write([]byte("parallax "))
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(schema))
	return int64(h.Sum64())
}

// migrations build the queue's tables in order, recorded in
// queue_migrations; like the store's, a released step is never edited,
// only followed by new ones. They run under the store's migration lock.
var migrations = []string{`
CREATE TABLE queue_jobs (
	id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- enqueue order = commit order
	kind        TEXT NOT NULL,
	payload     TEXT NOT NULL,
	label       TEXT NOT NULL,
	state       TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
	attempts    INTEGER NOT NULL DEFAULT 0,
	worker      TEXT NOT NULL DEFAULT '',
	lease_until TIMESTAMPTZ,
	enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
	finished_at TIMESTAMPTZ,
	stored      INTEGER NOT NULL DEFAULT 0,
	failed      INTEGER NOT NULL DEFAULT 0,
	error       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX queue_jobs_open ON queue_jobs (id) WHERE state IN ('queued', 'running');

-- The articles each finished job read, in its order, until analysed. An
-- article revision is listed once, under the earliest job that read it.
CREATE TABLE queue_inbox (
	article  TEXT NOT NULL,
	revision INTEGER NOT NULL,
	job      BIGINT NOT NULL,
	ord      INTEGER NOT NULL,
	PRIMARY KEY (article, revision)
);
CREATE INDEX queue_inbox_job ON queue_inbox (job, ord);

-- The analysis stage's cursor, one row.
CREATE TABLE queue_analysis (
	one      BOOLEAN PRIMARY KEY DEFAULT true CHECK (one),
	done_job BIGINT NOT NULL DEFAULT 0, -- every job up to it is analysed
	epoch    BIGINT NOT NULL DEFAULT 0, -- bumped by every analyser taking over
	analysed BIGINT NOT NULL DEFAULT 0  -- articles analysed
);
INSERT INTO queue_analysis DEFAULT VALUES;
`}

// migrate applies the missing steps, each in a transaction holding the
// store's migration lock.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	for {
		done, err := migrateOne(ctx, pool)
		if err != nil || done {
			return err
		}
	}
}

func migrateOne(ctx context.Context, pool *pgxpool.Pool) (done bool, err error) {
	err = inTx(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, postgres.MigrateLock); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS queue_migrations (
			version    INTEGER PRIMARY KEY,
			applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
			return err
		}
		var v int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM queue_migrations`).Scan(&v); err != nil {
			return fmt.Errorf("read version: %w", err)
		}
		switch {
		case v > len(migrations):
			return fmt.Errorf("queue schema version %d is newer than this program's %d", v, len(migrations))
		case v == len(migrations):
			done = true
			return nil
		}
		if _, err := tx.Exec(ctx, migrations[v], pgx.QueryExecModeSimpleProtocol); err != nil {
			return fmt.Errorf("step %d: %w", v+1, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO queue_migrations (version) VALUES ($1)`, v+1); err != nil {
			return fmt.Errorf("step %d: %w", v+1, err)
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	return done, nil
}

// inTx runs fn in a transaction, committing when it returns nil.
func inTx(ctx context.Context, pool *pgxpool.Pool, fn func(tx pgx.Tx) error) (err error) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			if rerr := tx.Rollback(context.WithoutCancel(ctx)); rerr != nil && !errors.Is(rerr, pgx.ErrTxClosed) {
				err = errors.Join(err, rerr)
			}
		}
	}()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Enqueue implements Queue. The append lock, held from taking the ids to
// the commit, makes id order commit order: the analysis stage, which walks
// the jobs by id, never passes a job that becomes visible later.
func (q *PG) Enqueue(ctx context.Context, jobs []Job) ([]int64, error) {
	if len(jobs) == 0 {
		return nil, nil
	}
	kinds := make([]string, len(jobs))
	payloads := make([]string, len(jobs))
	labels := make([]string, len(jobs))
	for i, j := range jobs {
		if j.Kind != KindSource && j.Kind != KindRecords && j.Kind != KindFile {
			return nil, fmt.Errorf("queue enqueue: job %d: unknown kind %q", i, j.Kind)
		}
		if strings.TrimSpace(j.Payload) == "" || strings.IndexByte(j.Payload, 0) >= 0 {
			return nil, fmt.Errorf("queue enqueue: job %d: empty payload or NUL byte", i)
		}
		kinds[i], payloads[i], labels[i] = string(j.Kind), j.Payload, j.Label
	}
	ids := make([]int64, 0, len(jobs))
	err := inTx(ctx, q.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, q.appendLock); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		rows, err := tx.Query(ctx, `INSERT INTO queue_jobs (kind, payload, label)
			SELECT u.kind, u.payload, u.label
			FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u (kind, payload, label, ord)
			ORDER BY u.ord
			RETURNING id`, kinds, payloads, labels)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("queue enqueue %d jobs: %w", len(jobs), err)
	}
	return ids, nil
}

// claimQuery takes the oldest free job: SKIP LOCKED passes over rows
// another worker is claiming this instant, so claims never queue behind
// one another.
const claimQuery = `
WITH next AS (
	SELECT id FROM queue_jobs
	WHERE state = 'queued' OR (state = 'running' AND lease_until < now())
	ORDER BY id
	LIMIT 1
	FOR UPDATE SKIP LOCKED
)
UPDATE queue_jobs j
SET state = 'running', attempts = j.attempts + 1, worker = $1,
	lease_until = now() + make_interval(secs => $2)
FROM next WHERE j.id = next.id
RETURNING j.id, j.kind, j.payload, j.label, j.attempts`

// Claim implements Queue.
func (q *PG) Claim(ctx context.Context, worker string, lease time.Duration) (*Job, error) {
	for {
		j := &Job{Worker: worker}
		var kind string
		err := q.pool.QueryRow(ctx, claimQuery, worker, lease.Seconds()).Scan(&j.ID, &kind, &j.Payload, &j.Label, &j.Attempt)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("queue claim: %w", err)
		}
		j.Kind = Kind(kind)
		if j.Attempt <= q.maxAttempts {
			return j, nil
		}
		reason := fmt.Sprintf("given up after %d attempts: the workers running it died or timed out", q.maxAttempts)
		if err := q.finish(ctx, j, "failed", 0, 0, reason); err != nil && !errors.Is(err, ErrLost) {
			return nil, fmt.Errorf("queue claim: %w", err)
		}
	}
}

// held is the condition that the caller still holds job $1 as worker $2
// at attempt $3.
const held = `id = $1 AND worker = $2 AND attempts = $3 AND state = 'running'`

// Extend implements Queue.
func (q *PG) Extend(ctx context.Context, j *Job, lease time.Duration) error {
	tag, err := q.pool.Exec(ctx, `UPDATE queue_jobs SET lease_until = now() + make_interval(secs => $4) WHERE `+held,
		j.ID, j.Worker, j.Attempt, lease.Seconds())
	if err != nil {
		return fmt.Errorf("queue extend job %d: %w", j.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("queue extend job %d: %w", j.ID, ErrLost)
	}
	return nil
}

// inboxQuery lists a job's article revisions for analysis. A revision
// already listed keeps its place unless this job comes earlier and the
// listing has not been analysed yet (a job that was retried, or two jobs
// reading the same article); a revision analysed already is never listed
// again.
const inboxQuery = `
INSERT INTO queue_inbox (article, revision, job, ord)
SELECT u.id, u.rev, $1, u.ord
FROM unnest($2::text[], $3::integer[]) WITH ORDINALITY AS u (id, rev, ord)
ON CONFLICT (article, revision) DO UPDATE SET job = excluded.job, ord = excluded.ord
WHERE queue_inbox.job > excluded.job
	AND queue_inbox.job > (SELECT done_job FROM queue_analysis)`

// Complete implements Queue.
func (q *PG) Complete(ctx context.Context, j *Job, res Result) error {
	ids := make([]string, 0, len(res.Articles))
	revs := make([]int32, 0, len(res.Articles))
	seen := make(map[Listed]bool, len(res.Articles))
	for _, l := range res.Articles {
		if !seen[l] {
			seen[l] = true
			ids = append(ids, l.ID)
			revs = append(revs, int32(l.Revision))
		}
	}
	errText := strings.Join(res.Errors, "\n")
	err := inTx(ctx, q.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE queue_jobs SET state = 'done', finished_at = now(), lease_until = NULL,
			stored = $4, failed = $5, error = $6 WHERE `+held, j.ID, j.Worker, j.Attempt, len(ids), res.Failed, errText)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return ErrLost
		}
		if len(ids) == 0 {
			return nil
		}
		_, err = tx.Exec(ctx, inboxQuery, j.ID, ids, revs)
		return err
	})
	if err != nil {
		return fmt.Errorf("queue complete job %d: %w", j.ID, err)
	}
	return nil
}

// Release implements Queue.
func (q *PG) Release(ctx context.Context, j *Job) error {
	tag, err := q.pool.Exec(ctx, `UPDATE queue_jobs SET state = 'queued', attempts = attempts - 1, worker = '', lease_until = NULL
		WHERE `+held, j.ID, j.Worker, j.Attempt)
	if err != nil {
		return fmt.Errorf("queue release job %d: %w", j.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("queue release job %d: %w", j.ID, ErrLost)
	}
	return nil
}

// Retry implements Queue.
func (q *PG) Retry(ctx context.Context, j *Job, reason string) error {
	if j.Attempt >= q.maxAttempts {
		return q.finish(ctx, j, "failed", 0, 0, fmt.Sprintf("given up after %d attempts: %s", j.Attempt, reason))
	}
	tag, err := q.pool.Exec(ctx, `UPDATE queue_jobs SET state = 'queued', worker = '', lease_until = NULL, error = $4
		WHERE `+held, j.ID, j.Worker, j.Attempt, reason)
	if err != nil {
		return fmt.Errorf("queue retry job %d: %w", j.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("queue retry job %d: %w", j.ID, ErrLost)
	}
	return nil
}

// finish ends a held job in a final state.
func (q *PG) finish(ctx context.Context, j *Job, state string, stored, failed int, reason string) error {
	tag, err := q.pool.Exec(ctx, `UPDATE queue_jobs SET state = $4, finished_at = now(), lease_until = NULL,
		stored = $5, failed = $6, error = $7 WHERE `+held, j.ID, j.Worker, j.Attempt, state, stored, failed, reason)
	if err != nil {
		return fmt.Errorf("queue finish job %d: %w", j.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("queue finish job %d: %w", j.ID, ErrLost)
	}
	return nil
}

// Stats implements Queue.
func (q *PG) Stats(ctx context.Context) (Stats, error) {
	var s Stats
	err := q.pool.QueryRow(ctx, `SELECT
		count(*) FILTER (WHERE state = 'queued'),
		count(*) FILTER (WHERE state = 'running'),
		count(*) FILTER (WHERE state = 'done'),
		count(*) FILTER (WHERE state = 'failed'),
		count(*) FILTER (WHERE state = 'done' AND failed > 0),
		coalesce(max(id), 0),
		(SELECT done_job FROM queue_analysis),
		(SELECT analysed FROM queue_analysis)
		FROM queue_jobs`).Scan(&s.Queued, &s.Running, &s.Done, &s.Failed, &s.Partial, &s.LastJob, &s.AnalysedJob, &s.Analysed)
	if err != nil {
		return Stats{}, fmt.Errorf("queue stats: %w", err)
	}
	return s, nil
}

// Failures returns the jobs that failed for good or stored with errors,
// oldest first, at most limit of them: their label and reasons.
func (q *PG) Failures(ctx context.Context, limit int) ([]string, error) {
	rows, err := q.pool.Query(ctx, `SELECT id, label, state, error FROM queue_jobs
		WHERE error <> '' AND state IN ('done', 'failed') ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("queue failures: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id int64
		var label, state, msg string
		if err := rows.Scan(&id, &label, &state, &msg); err != nil {
			return nil, fmt.Errorf("queue failures: %w", err)
		}
		out = append(out, fmt.Sprintf("job %d (%s, %s): %s", id, label, state, msg))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("queue failures: %w", err)
	}
	return out, nil
}

// Pruned is what Prune removed.
type Pruned struct {
	// Payloads counts the analysed jobs whose payload was cleared.
	Payloads int64
	// Jobs counts the job rows deleted.
	Jobs int64
}

// cleanAnalysed selects the jobs the analysis stage has passed that
// finished with nothing failed: their payload and, later, their row are
// no longer needed. Jobs that failed, or stored with failures, keep both,
// for Failures and for whoever looks into them.
const cleanAnalysed = `state = 'done' AND failed = 0 AND error = ''
	AND id <= (SELECT done_job FROM queue_analysis)`

// Prune frees what analysed jobs no longer need: it clears the payload of
// every cleanly done job the analysis stage has passed (inline files and
// records, the bulk of the table), and deletes the rows of those that
// finished more than keep ago. Their articles stay listed in the inbox,
// which records what was analysed (a later job listing the same revision
// must not have it analysed again), and Stats counts only the jobs kept.
func (q *PG) Prune(ctx context.Context, keep time.Duration) (Pruned, error) {
	var p Pruned
	err := inTx(ctx, q.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE queue_jobs SET payload = '' WHERE payload <> '' AND `+cleanAnalysed)
		if err != nil {
			return err
		}
		p.Payloads = tag.RowsAffected()
		tag, err = tx.Exec(ctx, `DELETE FROM queue_jobs WHERE finished_at < now() - $1::interval AND `+cleanAnalysed,
			fmt.Sprintf("%d microseconds", keep.Microseconds()))
		if err != nil {
			return err
		}
		p.Jobs = tag.RowsAffected()
		return nil
	})
	if err != nil {
		return Pruned{}, fmt.Errorf("prune the queue: %w", err)
	}
	return p, nil
}
