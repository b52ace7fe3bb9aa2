package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/queue"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// jobList is a queue that keeps the jobs enqueued, numbered from 1.
type jobList struct {
	mu   sync.Mutex
	jobs []queue.Job
}

func (q *jobList) Enqueue(_ context.Context, jobs []queue.Job) ([]int64, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	ids := make([]int64, len(jobs))
	for i, j := range jobs {
		q.jobs = append(q.jobs, j)
		ids[i] = int64(len(q.jobs))
	}
	return ids, nil
}

func (q *jobList) len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.jobs)
}

func TestServer_addQueued(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	q := &jobList{}
	ui, err := New(api.New(st, api.Options{Brief: claimBrief, Queue: q}), Options{Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ui)
	defer srv.Close()
	site := &testSite{srv: srv, st: st}

	post := func(path string, form url.Values) (int, string) {
		t.Helper()
		resp, err := http.PostForm(srv.URL+path, form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	tests := []struct {
		name     string
		do       func() (int, string)
		wantJobs int
		wantText string
	}{
		{"paste", func() (int, string) {
			return post("/add/text", url.Values{"source": {"Island Ledger"}, "title": {"Tollen ferry halted"},
				"text": {"Islanders face weeks without a ferry after the MV Corrin was taken out of service on Friday."}})
		}, 1, "Queued 1 input for the workers: job 1."},
		{"upload", func() (int, string) {
			return site.upload(t, "", map[string]string{"ferry.txt": "The ferry to Tollen Island is back in service.",
				"more.jsonl": "{\"id\":\"a\",\"text\":\"Quay works begin.\"}\n"})
		}, 3, "Queued 2 inputs for the workers: 2 jobs, 2–3."},
		{"url", func() (int, string) {
			return post("/add/url", url.Values{"url": {"https://gazette.example/ferry"}})
		}, 4, "job 4"},
	}
	if code, body := site.get(t, "/add"); code != http.StatusOK || !strings.Contains(body, "This server queues it") {
		t.Errorf("GET /add = %d, want 200 saying that additions are queued:\n%s", code, body)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := tt.do()
			if code != http.StatusAccepted || !strings.Contains(body, tt.wantText) || q.len() != tt.wantJobs {
				t.Errorf("= %d with %d jobs, want 202 with %d jobs and %q:\n%s", code, q.len(), tt.wantJobs, tt.wantText, body)
			}
		})
	}
	if n := site.count(t); n != 0 {
		t.Errorf("the server stored %d articles itself, want none", n)
	}
}
