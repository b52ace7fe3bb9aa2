package cli

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// lockedBuffer is a stderr the server and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var servingRE = regexp.MustCompile(`serving (http://[0-9.:]+)`)

// startServe runs `parallax serve` in-process and returns its base URL,
// a stop function that returns Run's error, and its stderr.
func startServe(t *testing.T, args ...string) (string, func() error, *lockedBuffer) {
	t.Helper()
	env, _, _ := testEnv("")
	stderr := &lockedBuffer{}
	env.Stderr = stderr
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), env) }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if m := servingRE.FindStringSubmatch(stderr.String()); m != nil {
			stop := func() error { cancel(); return <-errc }
			return m[1], stop, stderr
		}
		select {
		case err := <-errc:
			cancel()
			t.Fatalf("serve ended early: %v\n%s", err, stderr)
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve did not start:\n%s", stderr)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestRun_Serve(t *testing.T) {
	db := filepath.Join(t.TempDir(), "serve.db")
	base, stop, stderr := startServe(t, "--db", db)
	body := `[{"id":"quay-1","source":"Quay Courier","title":"Pier reopens","text":"The pier at Marrow Quay reopened on Monday after three months of repairs, the harbour authority said."}]`
	resp, err := http.Post(base+"/api/v1/articles", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	out, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST = %d %s", resp.StatusCode, out)
	}
	for _, path := range []string{"/", "/add", "/api/v1/stories", "/articles/quay-1"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), "Pier reopens") && path != "/add" {
			t.Errorf("GET %s = %d:\n%.300s", path, resp.StatusCode, b)
		}
	}
	if err := stop(); err != nil {
		t.Fatalf("serve after interrupt = %v, want nil\n%s", err, stderr)
	}
	if _, err := http.Get(base + "/"); err == nil {
		t.Error("server still answers after shutdown")
	}
	// The store was closed cleanly and kept the article.
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, _ := st.Count(context.Background()); n != 1 {
		t.Errorf("store holds %d articles after shutdown, want 1", n)
	}
}

func TestRun_Serve_feeds(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Courier</title>
<item><title>Pier reopens at Marrow Quay</title><link>https://quay-courier.example/pier</link><guid>https://quay-courier.example/pier</guid>
<pubDate>Mon, 05 May 2025 09:00:00 +0000</pubDate>
<description><![CDATA[<p>The pier at Marrow Quay reopened on Monday after three months of repairs, the harbour authority said. Fishing boats returned to their berths within hours.</p>]]></description></item>
</channel></rss>`
	var gets sync.WaitGroup
	gets.Add(1)
	var once sync.Once
	fs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", `"1"`)
		_, _ = w.Write([]byte(feed))
		once.Do(gets.Done)
	}))
	defer fs.Close()
	dir := t.TempDir()
	list := filepath.Join(dir, "feeds.txt")
	if err := os.WriteFile(list, []byte("# test feeds\n\n"+fs.URL+"/rss\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	base, stop, stderr := startServe(t, "--db", filepath.Join(dir, "f.db"), "--feeds", list, "--allow-private")
	defer stop()
	gets.Wait()
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(base + "/api/v1/search?q=pier")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(b), "Pier reopens at Marrow Quay") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("feed item never ingested; search says %s\n%s", b, stderr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestRun_Serve_usage(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"public address without token", []string{"serve", "--addr", "0.0.0.0:0"}},
		{"bad address", []string{"serve", "--addr", "nonsense"}},
		{"stray argument", []string{"serve", "extra"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, _, _ := testEnv("")
			err := Run(context.Background(), append(tt.args, "--db", filepath.Join(t.TempDir(), "u.db")), env)
			if !errors.Is(err, ErrUsage) {
				t.Errorf("Run(%v) = %v, want a usage error", tt.args, err)
			}
		})
	}
}

func TestLoopbackAddr(t *testing.T) {
	tests := map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true,
		"0.0.0.0:8080": false, ":8080": false, "192.168.1.4:80": false, "example.org:80": false,
	}
	for addr, want := range tests {
		got, err := loopbackAddr(addr)
		if err != nil || got != want {
			t.Errorf("loopbackAddr(%q) = %v, %v; want %v", addr, got, err, want)
		}
	}
}

// TestRun_Serve_shutdownFinishesIngest interrupts the server while a
// POST is still arriving: the server stops accepting, finishes that
// ingest, answers it, and only then closes the store.
func TestRun_Serve_shutdownFinishesIngest(t *testing.T) {
	db := filepath.Join(t.TempDir(), "shutdown.db")
	base, stop, stderr := startServe(t, "--db", db)
	pr, pw := io.Pipe()
	type answer struct {
		code int
		body string
		err  error
	}
	answers := make(chan answer, 1)
	go func() {
		// With Expect: 100-continue the client sends the body only once
		// the handler reads it: the first write below returns when the
		// request is surely being handled.
		req, _ := http.NewRequest("POST", base+"/api/v1/articles", pr)
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Expect", "100-continue")
		client := &http.Client{Transport: &http.Transport{ExpectContinueTimeout: time.Minute}}
		resp, err := client.Do(req)
		if err != nil {
			answers <- answer{err: err}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		answers <- answer{code: resp.StatusCode, body: string(b)}
	}()
	rec := `{"id":"late-%d","source":"Quay Courier","title":"Late report %d","text":"The harbour authority said on Monday that the pier at Marrow Quay would reopen in %d days after repairs."}`
	if _, err := io.WriteString(pw, "[\n"+strings.ReplaceAll(rec, "%d", "1")); err != nil {
		t.Fatal(err)
	}
	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	// Wait until the server has begun shutting down, then finish the body.
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(stderr.String(), "shutting down") {
		if time.Now().After(deadline) {
			t.Fatal("server never began shutting down")
		}
		time.Sleep(5 * time.Millisecond)
	}
	select {
	case err := <-stopped:
		t.Fatalf("serve returned (%v) while a request was still arriving", err)
	case <-time.After(100 * time.Millisecond):
	}
	if _, err := io.WriteString(pw, ",\n"+strings.ReplaceAll(rec, "%d", "2")+"\n]"); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	a := <-answers
	if a.err != nil || a.code != http.StatusCreated {
		t.Fatalf("in-flight POST = %d %s %v, want 201", a.code, a.body, a.err)
	}
	if err := <-stopped; err != nil {
		t.Fatalf("serve = %v, want nil", err)
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, _ := st.Count(context.Background()); n != 2 {
		t.Errorf("store holds %d articles, want the 2 of the in-flight request", n)
	}
}
