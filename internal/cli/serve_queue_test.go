package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallax-news/parallax/internal/evaldata"
	"github.com/parallax-news/parallax/internal/queue"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// testPostgres returns a DSN on a fresh schema (see pgtest).
func testPostgres(t *testing.T) string { return pgtest.FreshSchema(t, "serveq_") }

// workerProc is a `parallax worker` process.
type workerProc struct {
	cmd  *exec.Cmd
	log  *lockedBuffer
	done chan error
}

func startWorkerProc(t *testing.T, bin, dsn, name string) *workerProc {
	t.Helper()
	p := &workerProc{log: &lockedBuffer{}, done: make(chan error, 1)}
	p.cmd = exec.Command(bin, "worker", "--db", dsn, "--name", name, "--lease", "5s", "--grace", "5s")
	p.cmd.Stdout, p.cmd.Stderr = p.log, p.log
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start worker: %v", err)
	}
	go func() { p.done <- p.cmd.Wait() }()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			p.cmd.Process.Kill()
		}
	})
	return p
}

// TestRun_Serve_queueMode runs `parallax serve` on a PostgreSQL database
// beside two `parallax worker` processes, posts real articles through the
// API in several requests while reading stories and story pages, and
// checks that serve only queued them, that the workers stored each once
// and assigned it a story, and that the API's briefs list them.
func TestRun_Serve_queueMode(t *testing.T) {
	const perRequest, requests = 40, 6
	dsn := testPostgres(t)
	arts := evaldata.Articles(t, "ecbplus-dev", "polnear-train")
	seen := map[string]bool{}
	var posted []evaldata.Article
	for _, a := range arts {
		if len(posted) == perRequest*requests {
			break
		}
		if a.ID != "" && strings.TrimSpace(a.Text) != "" && !seen[a.ID] {
			seen[a.ID] = true
			posted = append(posted, a)
		}
	}
	if len(posted) < perRequest*requests {
		t.Skipf("only %d articles in the evaluation sets", len(posted))
	}

	start := time.Now()
	dir := t.TempDir()
	bin := filepath.Join(dir, "parallax")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/parallax-news/parallax/cmd/parallax").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("built in %s", time.Since(start).Round(time.Millisecond))

	base, stop, stderr := startServe(t, "--db", dsn)
	if !strings.Contains(stderr.String(), "queued for `parallax worker`") {
		t.Errorf("serve does not say it queues:\n%s", stderr)
	}
	workers := []*workerProc{startWorkerProc(t, bin, dsn, "w1"), startWorkerProc(t, bin, dsn, "w2")}

	// Readers: the story list, a story's brief and its page, all along.
	var (
		readMu   sync.Mutex
		reads    int
		bad      []string
		storyHit int
	)
	get := func(path string) []byte {
		resp, err := http.Get(base + path)
		if err != nil {
			readMu.Lock()
			bad = append(bad, fmt.Sprintf("GET %s: %v", path, err))
			readMu.Unlock()
			return nil
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		readMu.Lock()
		defer readMu.Unlock()
		reads++
		if resp.StatusCode != http.StatusOK {
			bad = append(bad, fmt.Sprintf("GET %s = %d %.200s", path, resp.StatusCode, b))
			return nil
		}
		return b
	}
	readCtx, stopReads := context.WithCancel(context.Background())
	var readers sync.WaitGroup
	for r := range 2 {
		readers.Go(func() {
			for readCtx.Err() == nil {
				var list struct {
					Stories []struct {
						ID string `json:"id"`
					} `json:"stories"`
				}
				if b := get("/api/v1/stories?limit=20"); b != nil {
					if err := json.Unmarshal(b, &list); err != nil {
						readMu.Lock()
						bad = append(bad, fmt.Sprintf("story list: %v", err))
						readMu.Unlock()
					}
				}
				if n := len(list.Stories); n > 0 {
					readMu.Lock()
					id := list.Stories[(r+reads)%n].ID
					readMu.Unlock()
					get("/api/v1/stories/" + id)
					get("/stories/" + id)
					readMu.Lock()
					storyHit++
					readMu.Unlock()
				}
				time.Sleep(20 * time.Millisecond)
			}
		})
	}

	// Post the articles in several requests; each is only queued.
	var jobs []int64
	for i := range requests {
		body, err := json.Marshal(posted[i*perRequest : (i+1)*perRequest])
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.Post(base+"/api/v1/articles", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var ans struct {
			Queued int     `json:"queued"`
			Jobs   []int64 `json:"jobs"`
		}
		if err := json.Unmarshal(out, &ans); err != nil || resp.StatusCode != http.StatusAccepted || ans.Queued != perRequest || len(ans.Jobs) == 0 {
			t.Fatalf("POST %d = %d %s, want 202 with %d queued", i, resp.StatusCode, out, perRequest)
		}
		jobs = append(jobs, ans.Jobs...)
		time.Sleep(150 * time.Millisecond)
	}
	postedAt := time.Since(start)

	// Wait for the workers to store and analyse every job.
	ctx := context.Background()
	q, err := queue.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	deadline := time.Now().Add(60 * time.Second)
	var st queue.Stats
	for {
		if st, err = q.Stats(ctx); err != nil {
			t.Fatal(err)
		}
		if st.Drained() && st.LastJob >= jobs[len(jobs)-1] {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("queue not drained after 60 s: %+v\n%s\n%s", st, workers[0].log, workers[1].log)
		}
		time.Sleep(100 * time.Millisecond)
	}
	drainedAt := time.Since(start)
	stopReads()
	readers.Wait()
	if st.Failed != 0 || st.Partial != 0 || st.Done != len(jobs) {
		fails, _ := q.Failures(ctx, 5)
		t.Errorf("Stats = %+v, want all %d jobs done without failures: %q", st, len(jobs), fails)
	}
	readMu.Lock()
	t.Logf("posted %d articles in %d requests (%d jobs) by %s, drained at %s; %d reads during ingest (%d story rounds)",
		len(posted), requests, len(jobs), postedAt.Round(time.Millisecond), drainedAt.Round(time.Millisecond), reads, storyHit)
	if len(bad) > 0 {
		t.Errorf("%d reads during ingest did not answer 200, first: %s", len(bad), strings.Join(bad[:min(len(bad), 5)], "\n"))
	}
	if storyHit == 0 {
		t.Error("no story was read while the articles were ingested")
	}
	readMu.Unlock()

	// Every article stored once and assigned a story.
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var articles, revisions, assigned int
	if err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM revisions)`).Scan(&articles, &revisions); err != nil {
		t.Fatal(err)
	}
	if articles != len(posted) || revisions != len(posted) {
		t.Errorf("stored %d articles in %d revisions, want %d once each", articles, revisions, len(posted))
	}
	storyOf := map[string]string{}
	for _, a := range posted {
		var story struct {
			Story string `json:"story"`
		}
		if b := get("/api/v1/articles/" + url.PathEscape(a.ID)); b != nil && json.Unmarshal(b, &story) == nil && story.Story != "" {
			storyOf[a.ID] = story.Story
			assigned++
		}
	}
	if assigned != len(posted) {
		t.Errorf("%d of %d articles have a story", assigned, len(posted))
	}
	// The brief of each story lists its articles. (Wait out the brief
	// cache's recheck interval: reads during ingest cached older briefs.)
	time.Sleep(1100 * time.Millisecond)
	want := map[string][]string{}
	for id, s := range storyOf {
		want[s] = append(want[s], id)
	}
	for s, ids := range want {
		var b struct {
			Articles []string `json:"articles"`
		}
		raw := get("/api/v1/stories/" + s)
		if raw == nil || json.Unmarshal(raw, &b) != nil {
			t.Errorf("GET /api/v1/stories/%s: no brief", s)
			continue
		}
		in := map[string]bool{}
		for _, a := range b.Articles {
			in[a] = true
		}
		for _, id := range ids {
			if !in[id] {
				t.Errorf("the brief of story %s lacks article %s (has %d articles)", s, id, len(b.Articles))
			}
		}
	}
	t.Logf("%d stories checked; whole test %s", len(want), time.Since(start).Round(time.Millisecond))

	for _, w := range workers {
		if err := w.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Error(err)
		}
		select {
		case err := <-w.done:
			if err != nil {
				t.Errorf("worker exited with %v after SIGTERM\n%s", err, w.log)
			}
		case <-time.After(20 * time.Second):
			t.Error("a worker did not stop within 20 s of SIGTERM")
		}
	}
	if err := stop(); err != nil {
		t.Errorf("serve: %v", err)
	}
	if t.Failed() {
		t.Logf("serve:\n%s\nw1:\n%s\nw2:\n%s", stderr, workers[0].log, workers[1].log)
	}
}
