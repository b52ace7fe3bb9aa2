package queue

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/evaldata"
)

// realSets are the shared evaluation sets whose articles the multi-process
// tests ingest, in this order, the first realArticles of them.
var realSets = []string{"polnear-train", "ecbplus-dev", "duc2004-dev", "multiling2011", "timeline17-dev/H1N1_bbc", "timeline17-dev/MJ_bbc"}

const realArticles = 2000

// writeRealArticles writes the real articles as one JSON Lines file and
// returns its path and the number of records.
func writeRealArticles(t testing.TB, dir string) (string, int) {
	t.Helper()
	arts := evaldata.Articles(t, realSets...)
	if len(arts) > realArticles {
		arts = arts[:realArticles]
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, a := range arts {
		if err := enc.Encode(a); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "articles.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, len(arts)
}

// buildParallax builds the command into dir.
func buildParallax(t testing.TB, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "parallax")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/parallax-news/parallax/cmd/parallax")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// run runs the command to completion.
func run(t testing.TB, bin string, args ...string) {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("parallax %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// logBuffer collects a process's output for inspection while it runs.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// proc is a running `parallax worker`.
type proc struct {
	cmd  *exec.Cmd
	log  *logBuffer
	done chan struct{} // closed when the process has exited
	err  error         // its exit, once done is closed
}

func startWorker(t testing.TB, bin, dsn, name string, extra ...string) *proc {
	t.Helper()
	p := &proc{log: &logBuffer{}, done: make(chan struct{})}
	args := append([]string{"worker", "--db", dsn, "--name", name}, extra...)
	p.cmd = exec.Command(bin, args...)
	p.cmd.Stderr = p.log
	p.cmd.Stdout = p.log
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start worker: %v", err)
	}
	go func() {
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		<-p.done
	})
	return p
}

// waitFor polls cond every 100 ms until it holds or the time is up.
func waitFor(t testing.TB, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", limit, what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (q *PG) mustStats(t testing.TB) Stats {
	t.Helper()
	st, err := q.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func describe(procs []*proc) string {
	var b strings.Builder
	for i, p := range procs {
		log := p.log.String()
		if len(log) > 3000 {
			log = "…" + log[len(log)-3000:]
		}
		fmt.Fprintf(&b, "--- worker %d:\n%s\n", i, log)
	}
	return b.String()
}

// stop sends SIGTERM and waits for a clean exit.
func (p *proc) stop(t testing.TB) {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Errorf("SIGTERM: %v", err)
	}
	select {
	case <-p.done:
		if p.err != nil {
			t.Errorf("worker exited with %v after SIGTERM, want status 0\n%s", p.err, p.log.String())
		}
	case <-time.After(30 * time.Second):
		t.Errorf("worker did not stop within 30 s of SIGTERM")
	}
}
