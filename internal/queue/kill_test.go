package queue

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/store/postgres"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// TestWorkers_KillOne ingests 2,000 real articles through four `parallax
// worker` processes on one database, SIGKILLs the one running the
// analysis stage mid-run, and checks that every article is stored and
// assigned exactly once and that the stories match a single `parallax
// ingest` of the same file (BCubed F1 ≥ 0.99).
func TestWorkers_KillOne(t *testing.T) {
	dsn := pgtest.FreshSchema(t, "q_")
	dir := t.TempDir()
	file, n := writeRealArticles(t, dir)
	start := time.Now()
	bin := buildParallax(t, dir)
	t.Logf("built in %s", time.Since(start).Round(time.Millisecond))
	ctx := context.Background()

	// One process, one extraction worker: the reference.
	start = time.Now()
	base := filepath.Join(dir, "base.db")
	run(t, bin, "ingest", "--quiet", "--workers", "1", "--db", base, file)
	t.Logf("single process: %d articles in %s", n, time.Since(start).Round(time.Millisecond))

	db, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	run(t, bin, "enqueue", "--quiet", "--db", dsn, "--split", "25", file)
	total := q.mustStats(t).Queued

	start = time.Now()
	var procs []*proc
	for i := range 4 {
		procs = append(procs, startWorker(t, bin, dsn, "w"+string(rune('0'+i)), "--jobs", "2", "--lease", "3s", "--grace", "10s"))
	}
	// Mid-run, kill the worker running the analysis stage.
	var victim int
	waitFor(t, 2*time.Minute, "a third of the jobs and some analysis", func() bool {
		st := q.mustStats(t)
		return st.Done >= total/3 && st.Analysed > 0
	})
	victim = -1
	for i, p := range procs {
		if strings.Contains(p.log.String(), "analysis: took over") {
			victim = i
		}
	}
	if victim < 0 {
		t.Fatalf("no worker runs the analysis\n%s", describe(procs))
	}
	before := q.mustStats(t)
	held := heldJobs(t, q, "w"+string(rune('0'+victim)))
	if err := procs[victim].cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-procs[victim].done
	t.Logf("killed worker %d (the analyser, holding jobs %v) at %d/%d jobs done, %d articles analysed, %s in",
		victim, held, before.Done, total, before.Analysed, time.Since(start).Round(time.Millisecond))

	waitFor(t, 150*time.Second, "the queue to drain", func() bool { return q.mustStats(t).Drained() })
	t.Logf("4 workers, one killed: %d articles in %s", n, time.Since(start).Round(time.Millisecond))
	takeovers := 0
	for i, p := range procs {
		if i != victim {
			p.stop(t)
			takeovers += strings.Count(p.log.String(), "analysis: took over")
		}
	}
	if takeovers == 0 {
		t.Errorf("no surviving worker took the analysis over\n%s", describe(procs))
	}

	st := q.mustStats(t)
	if st.Failed != 0 || st.Done != total {
		fails, _ := q.Failures(ctx, 5)
		t.Errorf("Stats = %+v, want all %d jobs done: %q", st, total, fails)
	}
	// The jobs the killed worker held were run again by another.
	for _, id := range held {
		var attempts int
		var state, worker string
		if err := q.pool.QueryRow(ctx, `SELECT attempts, state, worker FROM queue_jobs WHERE id = $1`, id).Scan(&attempts, &state, &worker); err != nil {
			t.Fatal(err)
		}
		if attempts < 2 || state != "done" || worker == "w"+string(rune('0'+victim)) {
			t.Errorf("job %d of the killed worker: %d attempts, %s by %s; want done again by another", id, attempts, state, worker)
		}
	}

	// Every article stored once, with one revision and one story.
	ref, err := sqlite.Open(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	want, err := ref.StoryMap(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var articles, revisions int
	if err := q.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM revisions)`).Scan(&articles, &revisions); err != nil {
		t.Fatal(err)
	}
	if articles != len(want) || revisions != len(want) {
		t.Errorf("stored %d articles in %d revisions, want %d once each", articles, revisions, len(want))
	}
	got, err := db.StoryMap(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || st.Analysed != int64(len(want)) {
		t.Errorf("%d articles assigned, %d analysed; want %d", len(got), st.Analysed, len(want))
	}
	ids := make([]string, 0, len(want))
	for id := range want {
		ids = append(ids, id)
	}
	p, r, f1 := eval.BCubed(storyLabels(t, want, ids), storyLabels(t, got, ids))
	t.Logf("BCubed against one process: P %.4f R %.4f F1 %.4f (%d stories vs %d)", p, r, f1, distinct(got), distinct(want))
	if f1 < 0.99 {
		t.Errorf("BCubed F1 = %.4f, want ≥ 0.99", f1)
	}
	if t.Failed() {
		t.Log(describe(procs))
	}
}

// heldJobs returns the jobs a worker holds now.
func heldJobs(t testing.TB, q *PG, worker string) []int64 {
	t.Helper()
	rows, err := q.pool.Query(context.Background(), `SELECT id FROM queue_jobs WHERE worker = $1 AND state = 'running' ORDER BY id`, worker)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// TestWorkers_Throughput prints the articles per second of 1, 2 and 4
// worker processes on the real articles, store and analysis included:
//
//	PARALLAX_QUEUE_THROUGHPUT=1 go test -run TestWorkers_Throughput -v ./internal/queue/
func TestWorkers_Throughput(t *testing.T) {
	if os.Getenv("PARALLAX_QUEUE_THROUGHPUT") == "" {
		t.Skip("set PARALLAX_QUEUE_THROUGHPUT=1 to measure (about 3 minutes)")
	}
	pgtest.DSN(t)
	dir := t.TempDir()
	file, n := writeRealArticles(t, dir)
	bin := buildParallax(t, dir)
	for _, workers := range []int{1, 2, 4} {
		dsn := pgtest.FreshSchema(t, "q_")
		q, err := Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		run(t, bin, "enqueue", "--quiet", "--db", dsn, "--split", "25", file)
		total := q.mustStats(t).Queued
		start := time.Now()
		var procs []*proc
		for i := range workers {
			procs = append(procs, startWorker(t, bin, dsn, "w"+string(rune('0'+i)), "--drain", "--quiet"))
		}
		var stored time.Duration
		waitFor(t, 10*time.Minute, "the queue to drain", func() bool {
			st := q.mustStats(t)
			if stored == 0 && st.Done == total {
				stored = time.Since(start)
			}
			return st.Drained()
		})
		drained := time.Since(start)
		for _, p := range procs {
			<-p.done
			if p.err != nil {
				t.Errorf("worker: %v\n%s", p.err, p.log.String())
			}
		}
		st := q.mustStats(t)
		q.Close()
		t.Logf("%d workers: %d articles stored in %s (%.0f/s), stored and analysed in %s (%.0f/s)",
			workers, n, stored.Round(time.Millisecond), float64(n)/stored.Seconds(),
			drained.Round(time.Millisecond), float64(st.Analysed)/drained.Seconds())
	}

	// The analysis stage alone, on articles stored beforehand: the
	// ceiling of the whole, since one worker at a time runs it.
	dsn := pgtest.FreshSchema(t, "q_")
	q, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	run(t, bin, "enqueue", "--quiet", "--db", dsn, "--split", "25", file)
	total := q.mustStats(t).Queued
	var procs []*proc
	for i := range 2 {
		procs = append(procs, startWorker(t, bin, dsn, "s"+string(rune('0'+i)), "--no-analysis", "--quiet"))
	}
	waitFor(t, 10*time.Minute, "the jobs to be done", func() bool { return q.mustStats(t).Done == total })
	for _, p := range procs {
		p.stop(t)
	}
	start := time.Now()
	p := startWorker(t, bin, dsn, "analyser", "--drain")
	<-p.done
	if p.err != nil {
		t.Fatalf("analyser: %v\n%s", p.err, p.log.String())
	}
	elapsed := time.Since(start)
	st := q.mustStats(t)
	t.Logf("analysis stage alone: %d articles in %s (%.0f/s)", st.Analysed, elapsed.Round(time.Millisecond), float64(st.Analysed)/elapsed.Seconds())
}
