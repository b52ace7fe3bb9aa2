package queue

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
)

// payloads returns each job's payload by id.
func payloads(t *testing.T, q *PG) map[int64]string {
	t.Helper()
	rows, err := q.pool.Query(t.Context(), `SELECT id, payload FROM queue_jobs`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var p string
		if err := rows.Scan(&id, &p); err != nil {
			t.Fatal(err)
		}
		out[id] = p
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPG_Prune(t *testing.T) {
	_, q, _ := openBoth(t)
	ctx := t.Context()
	q.SetMaxAttempts(1)
	ids, err := q.Enqueue(ctx, sourceJobs(4))
	if err != nil {
		t.Fatal(err)
	}
	// Job 1 stores cleanly, job 2 with a failed record, job 3 cleanly but
	// is not analysed yet, job 4 fails for good.
	results := []Result{
		{Articles: []Listed{{"a1", 1}}},
		{Articles: []Listed{{"a2", 1}}, Failed: 1, Errors: []string{"record 2: not JSON"}},
		{Articles: []Listed{{"a3", 1}}},
	}
	for i, res := range results {
		j, err := q.Claim(ctx, "w", time.Minute)
		if err != nil || j == nil || j.ID != ids[i] {
			t.Fatalf("Claim = %+v, %v; want job %d", j, err, ids[i])
		}
		if err := q.Complete(ctx, j, res); err != nil {
			t.Fatal(err)
		}
	}
	j, _ := q.Claim(ctx, "w", time.Minute)
	if err := q.Retry(ctx, j, "feed gone"); err != nil {
		t.Fatal(err)
	}
	if _, err := q.pool.Exec(ctx, `UPDATE queue_analysis SET done_job = $1`, ids[1]); err != nil {
		t.Fatal(err)
	}

	p, err := q.Prune(ctx, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if p.Payloads != 1 || p.Jobs != 0 {
		t.Errorf("Prune(1h) = %+v, want job 1's payload cleared and no row deleted", p)
	}
	got := payloads(t, q)
	if got[ids[0]] != "" {
		t.Errorf("job 1 keeps its payload %q after analysis", got[ids[0]])
	}
	for _, id := range ids[1:] {
		if got[id] == "" {
			t.Errorf("job %d lost its payload: it failed or is not analysed", id)
		}
	}

	// With no retention, the clean analysed job goes; the rest stay.
	if p, err := q.Prune(ctx, 0); err != nil || p.Jobs != 1 {
		t.Errorf("Prune(0) = %+v, %v; want job 1 deleted", p, err)
	}
	if _, ok := payloads(t, q)[ids[0]]; ok {
		t.Error("job 1 still has a row")
	}
	st, err := q.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Done != 2 || st.Failed != 1 || st.Partial != 1 || st.LastJob != ids[3] || st.Drained() {
		t.Errorf("Stats = %+v, want jobs 2 and 3 done, 4 failed, not drained", st)
	}
	fails, err := q.Failures(ctx, 10)
	if err != nil || len(fails) != 2 || !strings.Contains(strings.Join(fails, "\n"), "not JSON") {
		t.Errorf("Failures = %q, %v; want both failures kept", fails, err)
	}
	// The inbox keeps what was analysed.
	var listed int
	if err := q.pool.QueryRow(ctx, `SELECT count(*) FROM queue_inbox`).Scan(&listed); err != nil || listed != 3 {
		t.Errorf("inbox rows = %d, %v; want 3", listed, err)
	}
}

// TestAnalyser_PruneEvery checks that the lock holder prunes at most once
// per PruneEvery, and never when it is negative.
func TestAnalyser_PruneEvery(t *testing.T) {
	_, q, _ := openBoth(t)
	ctx := t.Context()
	complete := func() int64 {
		ids, err := q.Enqueue(ctx, sourceJobs(1))
		if err != nil {
			t.Fatal(err)
		}
		j, err := q.Claim(ctx, "w", time.Minute)
		if err != nil || j == nil {
			t.Fatalf("Claim = %+v, %v", j, err)
		}
		if err := q.Complete(ctx, j, Result{}); err != nil {
			t.Fatal(err)
		}
		if _, err := q.pool.Exec(ctx, `UPDATE queue_analysis SET done_job = $1`, ids[0]); err != nil {
			t.Fatal(err)
		}
		return ids[0]
	}
	a := NewAnalyser(nil, q, cluster.Config{})
	a.PruneEvery = -1
	var last time.Time
	first := complete()
	a.prune(ctx, &last)
	if payloads(t, q)[first] == "" {
		t.Fatal("PruneEvery < 0 pruned")
	}
	a.PruneEvery = time.Hour
	a.prune(ctx, &last)
	if payloads(t, q)[first] != "" {
		t.Fatal("the first prune left the payload")
	}
	second := complete()
	a.prune(ctx, &last)
	if payloads(t, q)[second] == "" {
		t.Error("pruned again within PruneEvery")
	}
}
