package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/queue"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// fakeQueue records the jobs enqueued and numbers them from 1.
type fakeQueue struct {
	mu   sync.Mutex
	jobs []queue.Job
	err  error
}

func (q *fakeQueue) Enqueue(_ context.Context, jobs []queue.Job) ([]int64, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.err != nil {
		return nil, q.err
	}
	ids := make([]int64, len(jobs))
	for i, j := range jobs {
		q.jobs = append(q.jobs, j)
		ids[i] = int64(len(q.jobs))
	}
	return ids, nil
}

// newQueueService returns a Service in queue mode over an empty store.
func newQueueService(t *testing.T, split int) (*Service, *fakeQueue) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	q := &fakeQueue{}
	return New(st, Options{Brief: testBrief, Queue: q, Split: split}), q
}

func TestHandler_postArticles_queued(t *testing.T) {
	svc, q := newQueueService(t, 3)
	srv := httptest.NewServer(NewHandler(svc, HandlerOptions{}))
	defer srv.Close()
	body, _ := json.Marshal(testRecords)
	code, out := do(t, "POST", srv.URL+"/api/v1/articles", "application/json", bytes.NewReader(body))
	if code != http.StatusAccepted {
		t.Fatalf("POST = %d %s, want 202", code, out)
	}
	var got struct {
		Queued int     `json:"queued"`
		Jobs   []int64 `json:"jobs"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if got.Queued != 4 || len(got.Jobs) != 2 || got.Jobs[0] != 1 || got.Jobs[1] != 2 {
		t.Errorf("answer = %+v, want 4 queued in jobs [1 2]", got)
	}
	if len(q.jobs) != 2 || q.jobs[0].Kind != queue.KindRecords || strings.Count(q.jobs[0].Payload, "\n") != 3 {
		t.Fatalf("jobs = %+v, want 2 record jobs of 3 and 1", q.jobs)
	}
	// The records travel whole: the worker reads them as `parallax ingest` does.
	var first ingest.Record
	if err := json.Unmarshal([]byte(strings.SplitN(q.jobs[0].Payload, "\n", 2)[0]), &first); err != nil || first.ID != "gazette-ferry" || first.Source != "Harbour Gazette" {
		t.Errorf("first record = %+v, %v", first, err)
	}
	n, err := svc.Store().Count(context.Background())
	if err != nil || n != 0 {
		t.Errorf("the server stored %d articles itself (%v), want none", n, err)
	}

	// A record without text is refused before anything is queued.
	code, out = do(t, "POST", srv.URL+"/api/v1/articles", "application/json", strings.NewReader(`{"id":"x","title":"no text"}`))
	if code != http.StatusBadRequest || len(q.jobs) != 2 {
		t.Errorf("POST without text = %d %s with %d jobs, want 400 and nothing queued", code, out, len(q.jobs))
	}
	// A queue that cannot be written is a server error.
	q.err = errors.New("connection refused")
	code, _ = do(t, "POST", srv.URL+"/api/v1/articles", "application/json", bytes.NewReader(body))
	if code != http.StatusInternalServerError {
		t.Errorf("POST with the queue down = %d, want 500", code)
	}
}

func TestService_queuedInputs(t *testing.T) {
	ctx := context.Background()
	svc, q := newQueueService(t, 0)
	if !svc.Queued() {
		t.Fatal("Queued() = false with a queue")
	}
	// Uploads: a text file becomes a file job, a JSON Lines file record jobs.
	res, err := svc.IngestFiles(ctx, []NamedFile{
		{Name: `C:\uploads\harbour-report.txt`, Body: strings.NewReader(testRecords[0]["text"])},
		{Name: "batch.jsonl", Body: strings.NewReader("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n")},
	})
	if err != nil || res.Queued != 2 || len(res.Jobs) != 2 {
		t.Fatalf("IngestFiles = %+v, %v; want 2 files in 2 jobs", res, err)
	}
	if q.jobs[0].Kind != queue.KindFile || q.jobs[0].Label != "harbour-report.txt" || q.jobs[1].Kind != queue.KindRecords {
		t.Errorf("file jobs = %+v", q.jobs)
	}
	if _, err := svc.IngestFiles(ctx, []NamedFile{{Name: "blank.txt", Body: strings.NewReader(" \n")}}); !errors.Is(err, news.ErrEmpty) {
		t.Errorf("IngestFiles(blank) = %v, want ErrEmpty", err)
	}

	// URLs are fetched by the workers, without a fetcher here.
	res, err = svc.IngestURLs(ctx, []string{"https://gazette.example/ferry"})
	if err != nil || res.Queued != 1 || q.jobs[2].Kind != queue.KindSource || q.jobs[2].Payload != "https://gazette.example/ferry" {
		t.Errorf("IngestURLs = %+v, %v; jobs %+v", res, err, q.jobs)
	}
	if _, err := svc.IngestURLs(ctx, []string{"file:///etc/passwd"}); !errors.Is(err, news.ErrInvalid) {
		t.Errorf("IngestURLs(file:) = %v, want ErrInvalid", err)
	}

	// A polled feed's body travels in the job.
	const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>
<item><title>Quay works</title><link>https://gazette.example/quay</link><description>Works on the quay begin.</description></item></channel></rss>`
	res, err = svc.IngestFeedBody(ctx, "https://gazette.example/feed.xml", []byte(rss))
	if err != nil || res.Queued != 1 || len(q.jobs) != 4 || q.jobs[3].Kind != queue.KindFile || q.jobs[3].Label != "https://gazette.example/feed.xml" {
		t.Errorf("IngestFeedBody = %+v, %v; jobs %+v", res, err, q.jobs)
	}
	if _, err := svc.IngestFeedBody(ctx, "https://gazette.example/x", []byte("not a feed")); !errors.Is(err, news.ErrInvalid) {
		t.Errorf("IngestFeedBody(not a feed) = %v, want ErrInvalid", err)
	}
	if n := len(q.jobs); n != 4 {
		t.Errorf("%d jobs queued, want 4", n)
	}
}
