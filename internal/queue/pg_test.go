package queue

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/store/postgres"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// openBoth opens a store and its queue on a new schema.
func openBoth(t testing.TB) (*postgres.DB, *PG, string) {
	t.Helper()
	dsn := pgtest.FreshSchema(t, "q_")
	db, err := postgres.Open(t.Context(), dsn)
	if err != nil {
		t.Fatalf("postgres.Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	q, err := Open(t.Context(), dsn)
	if err != nil {
		t.Fatalf("queue.Open: %v", err)
	}
	t.Cleanup(func() { q.Close() })
	return db, q, dsn
}

func sourceJobs(n int) []Job {
	jobs := make([]Job, n)
	for i := range jobs {
		jobs[i] = Job{Kind: KindSource, Payload: fmt.Sprintf("/nowhere/%d.txt", i), Label: fmt.Sprint(i)}
	}
	return jobs
}

func TestOpen_Concurrent(t *testing.T) {
	dsn := pgtest.FreshSchema(t, "q_")
	if _, err := postgres.Open(t.Context(), dsn); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			q, err := Open(t.Context(), dsn)
			if err == nil {
				q.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("opener %d: %v", i, err)
		}
	}
}

func TestPG_Claim(t *testing.T) {
	_, q, _ := openBoth(t)
	ctx := t.Context()
	ids, err := q.Enqueue(ctx, sourceJobs(40))
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 40 || ids[0] >= ids[39] {
		t.Fatalf("Enqueue ids = %v, want 40 increasing", ids)
	}
	// Eight claimers race; every job must be claimed exactly once.
	var mu sync.Mutex
	got := map[int64]string{}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			name := fmt.Sprint("w", w)
			for {
				j, err := q.Claim(ctx, name, time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if j == nil {
					return
				}
				mu.Lock()
				if prev, dup := got[j.ID]; dup {
					t.Errorf("job %d claimed by %s and %s", j.ID, prev, name)
				}
				got[j.ID] = name
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(got) != 40 {
		t.Errorf("claimed %d jobs, want 40", len(got))
	}
	st, err := q.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Running != 40 || st.Queued != 0 || st.LastJob != ids[39] || st.Drained() {
		t.Errorf("Stats = %+v, want 40 running, not drained", st)
	}
}

func TestPG_LeaseExpiry(t *testing.T) {
	_, q, _ := openBoth(t)
	ctx := t.Context()
	if _, err := q.Enqueue(ctx, sourceJobs(1)); err != nil {
		t.Fatal(err)
	}
	dead, err := q.Claim(ctx, "dead", 1500*time.Millisecond)
	if err != nil || dead == nil {
		t.Fatalf("Claim = %v, %v", dead, err)
	}
	if j, err := q.Claim(ctx, "other", time.Minute); err != nil || j != nil {
		t.Fatalf("Claim under a live lease = %+v, %v; want none", j, err)
	}
	time.Sleep(2 * time.Second)
	again, err := q.Claim(ctx, "other", time.Minute)
	if err != nil || again == nil {
		t.Fatalf("Claim after expiry = %v, %v", again, err)
	}
	if again.ID != dead.ID || again.Attempt != 2 {
		t.Errorf("reclaimed job %d attempt %d, want job %d attempt 2", again.ID, again.Attempt, dead.ID)
	}
	// The first holder wakes up: everything it tries is refused.
	if err := q.Extend(ctx, dead, time.Minute); !errors.Is(err, ErrLost) {
		t.Errorf("Extend by the old holder = %v, want ErrLost", err)
	}
	if err := q.Complete(ctx, dead, Result{}); !errors.Is(err, ErrLost) {
		t.Errorf("Complete by the old holder = %v, want ErrLost", err)
	}
	if err := q.Extend(ctx, again, time.Minute); err != nil {
		t.Errorf("Extend by the holder = %v", err)
	}
	if err := q.Complete(ctx, again, Result{}); err != nil {
		t.Errorf("Complete by the holder = %v", err)
	}
	st, err := q.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Done != 1 || st.Running != 0 {
		t.Errorf("Stats = %+v, want 1 done", st)
	}
}

func TestPG_ReleaseRetry(t *testing.T) {
	_, q, _ := openBoth(t)
	ctx := t.Context()
	q.SetMaxAttempts(2)
	if _, err := q.Enqueue(ctx, sourceJobs(1)); err != nil {
		t.Fatal(err)
	}
	j, _ := q.Claim(ctx, "a", time.Minute)
	if err := q.Release(ctx, j); err != nil {
		t.Fatal(err)
	}
	j, _ = q.Claim(ctx, "a", time.Minute)
	if j == nil || j.Attempt != 1 {
		t.Fatalf("after Release, Claim = %+v, want attempt 1 again", j)
	}
	if err := q.Retry(ctx, j, "disk full"); err != nil {
		t.Fatal(err)
	}
	j, _ = q.Claim(ctx, "a", time.Minute)
	if j == nil || j.Attempt != 2 {
		t.Fatalf("after Retry, Claim = %+v, want attempt 2", j)
	}
	if err := q.Retry(ctx, j, "disk full"); err != nil {
		t.Fatal(err)
	}
	if j, _ := q.Claim(ctx, "a", time.Minute); j != nil {
		t.Errorf("a job out of attempts was claimed: %+v", j)
	}
	st, _ := q.Stats(ctx)
	if st.Failed != 1 {
		t.Errorf("Stats = %+v, want 1 failed", st)
	}
	fails, err := q.Failures(ctx, 10)
	if err != nil || len(fails) != 1 || !strings.Contains(fails[0], "disk full") {
		t.Errorf("Failures = %q, %v; want the reason", fails, err)
	}
}

func TestRecordJobs(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     []string // payloads
		wantErr  bool
	}{
		{"lines", "{\"id\":\"a\"}\n\n{\"id\": \"b\"}\n{\"id\":\"c\"}\n", 2,
			[]string{"{\"id\":\"a\"}\n{\"id\":\"b\"}\n", "{\"id\":\"c\"}\n"}, false},
		{"array", ` [ {"id":"a"}, {"id":"b"} ]`, 5, []string{"{\"id\":\"a\"}\n{\"id\":\"b\"}\n"}, false},
		{"pretty", "{\n \"id\": \"a\"\n}\n", 1, []string{"{\"id\":\"a\"}\n"}, false},
		{"not object", `{"id":"a"} 42`, 1, nil, true},
		{"broken", `{"id":`, 1, nil, true},
		{"empty", "  \n", 1, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			jobs, err := RecordJobs(strings.NewReader(tt.in), "x.jsonl", tt.n)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			var got []string
			for _, j := range jobs {
				if j.Kind != KindRecords {
					t.Errorf("kind %q", j.Kind)
				}
				got = append(got, j.Payload)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("payloads = %q, want %q", got, tt.want)
			}
		})
	}
}
