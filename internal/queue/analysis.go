package queue

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/postgres"
)

// DefaultRoundArticles bounds the articles one analysis round takes: one
// PutReuse and one RecordStories transaction each.
const DefaultRoundArticles = 512

// Analyser runs the analysis stage (copies, then stories) for the queue,
// in whichever worker holds the analysis lock.
type Analyser struct {
	db  *postgres.DB
	q   *PG
	cfg cluster.Config
	// RoundArticles bounds the articles analysed per round; 0 means
	// DefaultRoundArticles.
	RoundArticles int
	// Idle is how long to wait when nothing is ready, and between tries
	// for the lock; 0 means 200 ms.
	Idle time.Duration
	// PruneEvery is how often the lock holder prunes the queue (PG.Prune);
	// 0 means DefaultPruneEvery, a negative value never.
	PruneEvery time.Duration
	// KeepDone is how long the rows of cleanly done, analysed jobs are
	// kept; 0 means DefaultKeepDone.
	KeepDone time.Duration
	// Log, when set, is told of takeovers and rounds.
	Log func(format string, args ...any)
}

// Defaults of the queue's housekeeping: analysed jobs lose their payload
// within a minute and their row after a day.
const (
	DefaultPruneEvery = time.Minute
	DefaultKeepDone   = 24 * time.Hour
)

// prune runs PG.Prune when PruneEvery has passed since last. Pruning is
// housekeeping: a failure is logged and tried again next time, and does
// not stop the analysis.
func (a *Analyser) prune(ctx context.Context, last *time.Time) {
	every, keep := a.PruneEvery, a.KeepDone
	if every == 0 {
		every = DefaultPruneEvery
	}
	if keep <= 0 {
		keep = DefaultKeepDone
	}
	if every < 0 || time.Since(*last) < every {
		return
	}
	*last = time.Now()
	p, err := a.q.Prune(ctx, keep)
	switch {
	case err != nil:
		a.logf("analysis: %v (will try again)", err)
	case p.Payloads > 0 || p.Jobs > 0:
		a.logf("analysis: pruned %d payloads and %d jobs", p.Payloads, p.Jobs)
	}
}

// NewAnalyser returns the analysis stage over a postgres store and its
// queue. The zero Config means the clusterer's defaults.
func NewAnalyser(db *postgres.DB, q *PG, cfg cluster.Config) *Analyser {
	return &Analyser{db: db, q: q, cfg: cfg}
}

func (a *Analyser) logf(format string, args ...any) {
	if a.Log != nil {
		a.Log(format, args...)
	}
}

func (a *Analyser) idle() time.Duration {
	if a.Idle > 0 {
		return a.Idle
	}
	return 200 * time.Millisecond
}

// Run takes the analysis lock whenever it is free and analyses the
// finished jobs in order until ctx is done. A round under way when ctx
// ends is finished first (its transactions are short). An error in a
// round gives the lock up and drops the in-memory state, which the next
// holder rebuilds from the store; Run goes on trying. It returns nil when
// ctx ends.
func (a *Analyser) Run(ctx context.Context) error {
	for ctx.Err() == nil {
		held, err := a.lead(ctx)
		if err != nil && ctx.Err() == nil {
			a.logf("analysis: %v (giving the lock up)", err)
		}
		if !held || err != nil {
			sleep(ctx, a.idle())
		}
	}
	return nil
}

// lead runs rounds while it holds the lock. held is false when another
// worker holds it.
func (a *Analyser) lead(ctx context.Context) (held bool, err error) {
	conn, err := a.q.pool.Acquire(ctx)
	if err != nil {
		return false, fmt.Errorf("take the lock: %w", err)
	}
	// The session lock lives as long as this connection: when the process
	// dies, PostgreSQL ends the session and frees it.
	var ok bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, a.q.analysisLock).Scan(&ok); err != nil {
		conn.Release()
		return false, fmt.Errorf("take the lock: %w", err)
	}
	if !ok {
		conn.Release()
		return false, nil
	}
	defer func() {
		_, uerr := conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, a.q.analysisLock)
		if uerr != nil {
			// The session may hold the lock still: close it rather than
			// return it to the pool.
			conn.Conn().Close(context.WithoutCancel(ctx))
		}
		conn.Release()
	}()
	st, err := a.takeOver(ctx, conn)
	if err != nil {
		return true, err
	}
	a.logf("analysis: took over at job %d (epoch %d)", st.done, st.epoch)
	// A round under way when ctx ends may finish, within roundGrace.
	rctx, stop := afterGrace(ctx, roundGrace)
	defer stop()
	var pruned time.Time
	for ctx.Err() == nil {
		n, err := a.round(rctx, st)
		if err != nil {
			return true, err
		}
		a.prune(ctx, &pruned)
		if n == 0 {
			sleep(ctx, a.idle())
		}
	}
	return true, nil
}

// roundGrace is how long a round under way may go on after shutdown
// begins: its transactions are short, so only a hung database takes it.
const roundGrace = 30 * time.Second

// afterGrace returns a context that ends grace after ctx ends, and a
// function releasing it.
func afterGrace(ctx context.Context, grace time.Duration) (context.Context, context.CancelFunc) {
	g, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(ctx, func() {
		t := time.AfterFunc(grace, cancel)
		context.AfterFunc(g, func() { t.Stop() })
	})
	return g, func() {
		stop()
		cancel()
	}
}

// stage is one analyser's in-memory state, valid while it holds the lock.
type stage struct {
	view      *view
	analyzers []ingest.Analyzer
	done      int64 // the cursor: last job analysed
	epoch     int64
}

// takeOver bumps the epoch, which fences any analyser that lost the lock
// without knowing it, reads the cursor and prepares the stages: the
// clusterer is replayed now, the copies index is rebuilt from the store on
// the first round.
func (a *Analyser) takeOver(ctx context.Context, conn *pgxpool.Conn) (*stage, error) {
	s := &stage{}
	err := conn.QueryRow(ctx, `UPDATE queue_analysis SET epoch = epoch + 1 RETURNING epoch, done_job`).Scan(&s.epoch, &s.done)
	if err != nil {
		return nil, fmt.Errorf("take over: %w", err)
	}
	assigned, err := a.db.StoryMap(ctx)
	if err != nil {
		return nil, fmt.Errorf("take over: %w", err)
	}
	analysed := make(map[string]bool, len(assigned))
	for id := range assigned {
		analysed[id] = true
	}
	s.view = &view{Archive: a.db, db: a.db, analysed: analysed, epoch: s.epoch}
	c, err := a.replay(ctx, len(assigned))
	if err != nil {
		return nil, fmt.Errorf("take over: %w", err)
	}
	stories := ingest.NewStoryAnalyzerWith(s.view, c)
	stories.CopyOf = s.view.copyOf
	s.analyzers = []ingest.Analyzer{ingest.NewReuseAnalyzer(s.view, s.view), stories}
	return s, nil
}

// ReplayCap bounds the assignments replayed into the clusterer when an
// analyser takes over: the most recent ones, in assignment order.
const ReplayCap = 200_000

// replay rebuilds the clusterer by clustering again, in the order they
// were assigned, the articles already assigned (the last ReplayCap of
// them), each with the copy hint the stories stage would give it
// (ingest.Replay). The clusterer is deterministic, so it comes back in the
// state the one in the process that died had — the same stories,
// centroids, merges and evictions — and the stories made next are those
// an uninterrupted process would make. The store keeps the assignments
// already recorded; replay only reports how many it would place
// otherwise, which happens when copy links were revised since.
func (a *Analyser) replay(ctx context.Context, assigned int) (*cluster.Clusterer, error) {
	c := cluster.New(a.cfg)
	rs, err := ingest.Replay(ctx, a.db, c, ingest.ReplayOptions{
		Skip: max(assigned-ReplayCap, 0),
		Original: func(ctx context.Context, art *news.Article) (string, error) {
			return a.db.Original(ctx, art.ID)
		},
	})
	if err != nil {
		return nil, err
	}
	a.logf("analysis: replayed %d assignments in %s (%d seeded, %d placed otherwise)",
		rs.Replayed+rs.Seeded, rs.Took.Round(time.Millisecond), rs.Seeded, rs.Differ)
	return c, nil
}

// item is one inbox row.
type item struct {
	article  string
	revision int
	job      int64
}

// round analyses the inbox of the finished jobs after the cursor, up to
// the first unfinished job, and advances the cursor. It returns the number
// of articles analysed.
func (a *Analyser) round(ctx context.Context, s *stage) (int, error) {
	last, err := a.readyUpTo(ctx, s.done)
	if err != nil || last == s.done {
		return 0, err
	}
	items, err := a.inbox(ctx, s.done, last)
	if err != nil {
		return 0, err
	}
	limit := a.RoundArticles
	if limit <= 0 {
		limit = DefaultRoundArticles
	}
	if len(items) > limit {
		// Cut at a job boundary; a job bigger than the limit goes whole.
		cut := items[limit].job
		if cut == items[0].job {
			for limit < len(items) && items[limit].job == cut {
				limit++
			}
			if limit < len(items) {
				last = items[limit].job - 1
			}
		} else {
			last = cut - 1
			for limit > 0 && items[limit-1].job >= cut {
				limit--
			}
		}
		items = items[:limit]
	}
	t0 := time.Now()
	articles, err := a.load(ctx, items)
	if err != nil {
		return 0, err
	}
	took := make([]time.Duration, 0, 3)
	took = append(took, time.Since(t0))
	if len(articles) == 0 {
		if err := advance(ctx, a.q.pool, s.epoch, last, 0); err != nil {
			return 0, err
		}
		s.done = last
		return 0, nil
	}
	s.view.arm(last, len(articles))
	for _, an := range s.analyzers {
		t := time.Now()
		if err := an.Analyze(ctx, articles); err != nil {
			return 0, fmt.Errorf("analyse jobs %d-%d: %w", s.done+1, last, err)
		}
		took = append(took, time.Since(t))
	}
	if !s.view.committed {
		return 0, fmt.Errorf("analyse jobs %d-%d: the stories stage recorded nothing", s.done+1, last)
	}
	for _, art := range articles {
		s.view.analysed[art.ID] = true
	}
	s.done = last
	a.logf("analysis: jobs up to %d, %d articles in %s (read %s, copies %s, stories %s)", last, len(articles),
		time.Since(t0).Round(time.Millisecond), took[0].Round(time.Millisecond), took[1].Round(time.Millisecond), took[2].Round(time.Millisecond))
	return len(articles), nil
}

// readyUpTo returns the last job of the run of finished jobs right after
// done (done itself when the next job is not finished).
func (a *Analyser) readyUpTo(ctx context.Context, done int64) (int64, error) {
	rows, err := a.q.pool.Query(ctx, `SELECT id, state FROM queue_jobs WHERE id > $1 ORDER BY id LIMIT 1000`, done)
	if err != nil {
		return 0, fmt.Errorf("read jobs: %w", err)
	}
	defer rows.Close()
	last := done
	for rows.Next() {
		var id int64
		var state string
		if err := rows.Scan(&id, &state); err != nil {
			return 0, fmt.Errorf("read jobs: %w", err)
		}
		if state != "done" && state != "failed" {
			break
		}
		last = id
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("read jobs: %w", err)
	}
	return last, nil
}

// inbox reads the articles listed by the jobs after done up to last, in
// job order and each job's order.
func (a *Analyser) inbox(ctx context.Context, done, last int64) ([]item, error) {
	rows, err := a.q.pool.Query(ctx, `SELECT article, revision, job FROM queue_inbox WHERE job > $1 AND job <= $2 ORDER BY job, ord`, done, last)
	if err != nil {
		return nil, fmt.Errorf("read inbox: %w", err)
	}
	defer rows.Close()
	var items []item
	for rows.Next() {
		var it item
		if err := rows.Scan(&it.article, &it.revision, &it.job); err != nil {
			return nil, fmt.Errorf("read inbox: %w", err)
		}
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read inbox: %w", err)
	}
	return items, nil
}

// load reads each listed article revision, once, leaving out a first
// revision that already has a story: it was analysed by a plain `parallax
// ingest` into the same store.
func (a *Analyser) load(ctx context.Context, items []item) ([]*news.Article, error) {
	seen := make(map[Listed]bool, len(items))
	out := make([]*news.Article, 0, len(items))
	for _, it := range items {
		key := Listed{it.article, it.revision}
		if seen[key] {
			continue
		}
		seen[key] = true
		art, err := a.revision(ctx, it.article, it.revision)
		if err != nil {
			return nil, fmt.Errorf("read inbox: %w", err)
		}
		if art == nil {
			continue
		}
		if art.Revision <= 1 {
			_, err := a.db.StoryOf(ctx, art.ID)
			if err == nil {
				continue
			}
			if !errors.Is(err, news.ErrNotFound) {
				return nil, fmt.Errorf("read inbox: %w", err)
			}
		}
		out = append(out, art)
	}
	return out, nil
}

// revision reads one revision of an article, nil when it is gone.
func (a *Analyser) revision(ctx context.Context, id string, rev int) (*news.Article, error) {
	art, err := a.db.Article(ctx, id)
	if errors.Is(err, news.ErrNotFound) {
		return nil, nil
	}
	if err != nil || art.Revision == rev {
		return art, err
	}
	revs, err := a.db.Revisions(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, r := range revs {
		if r.Revision == rev {
			return r, nil
		}
	}
	return nil, nil
}

// advance moves the cursor to last, if this analyser's epoch is still the
// current one.
func advance(ctx context.Context, ex execer, epoch, last int64, n int) error {
	tag, err := ex.Exec(ctx, `UPDATE queue_analysis SET done_job = $1, analysed = analysed + $2 WHERE epoch = $3`, last, n, epoch)
	if err != nil {
		return fmt.Errorf("advance the analysis cursor: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("advance the analysis cursor: another worker took the analysis over: %w", ErrLost)
	}
	return nil
}

// execer is a pool or a transaction.
type execer interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// view is the store as the analysis stages see it: the copies index is
// rebuilt from analysed articles only (others are stored but wait their
// turn), and recording stories advances the cursor in the same
// transaction.
type view struct {
	store.Archive
	db       *postgres.DB
	analysed map[string]bool
	epoch    int64
	// next and n are the cursor and article count the next RecordStories
	// commits; committed says it did.
	next      int64
	n         int
	committed bool
}

func (v *view) arm(next int64, n int) {
	v.next, v.n, v.committed = next, n, false
}

// Signatures implements store.ReuseStore for the copies index's rebuild.
func (v *view) Signatures(ctx context.Context, fn func(store.ReuseSignature) error) error {
	return v.Archive.Signatures(ctx, func(sg store.ReuseSignature) error {
		if !v.analysed[sg.Article] {
			return nil
		}
		return fn(sg)
	})
}

// Articles implements store.Store for the copies index's rebuild.
func (v *view) Articles(ctx context.Context, fn func(*news.Article) error) error {
	return v.Archive.Articles(ctx, func(a *news.Article) error {
		if !v.analysed[a.ID] {
			return nil
		}
		return fn(a)
	})
}

// Links implements store.ReuseStore for the copies stage, which reads the
// links of an arrival's candidates: links naming an article not yet
// analysed are left out. They are the leftovers of a round that an
// analyser killed mid-way stored before it could record its stories; the
// round is analysed again, and as in the first attempt (and in a single
// process) its articles must not see one another's links before the
// round ends.
func (v *view) Links(ctx context.Context, id string) ([]news.Link, error) {
	links, err := v.Archive.Links(ctx, id)
	if err != nil {
		return nil, err
	}
	kept := links[:0]
	for _, l := range links {
		if v.analysed[l.Copy] && v.analysed[l.Original] {
			kept = append(kept, l)
		}
	}
	return kept, nil
}

// copyOf maps each article of a batch that copies another to the article
// it ultimately comes from, as the stories stage wants it.
func (v *view) copyOf(ctx context.Context, articles []*news.Article) (map[string]string, error) {
	m := make(map[string]string)
	for _, a := range articles {
		orig, err := v.Original(ctx, a.ID)
		if err != nil {
			return nil, fmt.Errorf("original of %s: %w", a.ID, err)
		}
		if orig != "" && orig != a.ID {
			m[a.ID] = orig
		}
	}
	return m, nil
}

// RecordStories implements store.StoryStore: the assignments and the
// cursor commit together.
func (v *view) RecordStories(ctx context.Context, batch []store.StoryAssignment) error {
	err := v.db.RecordStoriesThen(ctx, batch, func(ctx context.Context, tx pgx.Tx) error {
		return advance(ctx, tx, v.epoch, v.next, v.n)
	})
	if err != nil {
		return err
	}
	v.committed = true
	return nil
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
