package poll

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/news"
)

const testFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><title>Orchard pier reopens</title><link>https://wire.example/pier</link><description>The pier reopened.</description></item>
</channel></rss>`

// feedServer serves testFeed with an ETag and counts full and 304 answers.
type feedServer struct {
	full, notModified atomic.Int32
	fail              atomic.Bool
}

func (f *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if f.fail.Load() {
		http.Error(w, "down", http.StatusServiceUnavailable)
		return
	}
	if r.Header.Get("If-None-Match") == `"v1"` {
		f.notModified.Add(1)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	f.full.Add(1)
	w.Header().Set("ETag", `"v1"`)
	w.Header().Set("Content-Type", "application/rss+xml")
	_, _ = w.Write([]byte(testFeed))
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestPoller_Run_conditionalGet(t *testing.T) {
	fs := &feedServer{}
	srv := httptest.NewServer(fs)
	defer srv.Close()
	var ingested atomic.Int32
	p := New([]string{srv.URL + "/feed.xml"}, Options{
		Fetch:    fetch.New(fetch.Options{AllowPrivate: true}),
		Interval: 20 * time.Millisecond,
		Ingest: func(ctx context.Context, u string, body []byte) error {
			if string(body) != testFeed {
				t.Errorf("ingested body %q, want the feed", body)
			}
			ingested.Add(1)
			return nil
		},
	})
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- p.Run(ctx) }()
	// Wait on the poller's own record: the server's count runs ahead of
	// it while a 304 is on its way back.
	waitFor(t, "three 304 answers recorded", func() bool {
		st := p.Feeds()
		return len(st) == 1 && st[0].NotModified >= 3
	})
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}
	if got, want := fs.full.Load(), int32(1); got != want {
		t.Errorf("full answers = %d, want %d", got, want)
	}
	if got, want := ingested.Load(), int32(1); got != want {
		t.Errorf("ingests = %d, want %d (304s must not be ingested)", got, want)
	}
	st := p.Feeds()
	if len(st) != 1 || st[0].NotModified < 3 || st[0].Failures != 0 || st[0].LastChange.IsZero() {
		t.Errorf("status = %+v, want 1 feed, ≥3 not modified, no failures, a change", st)
	}
}

func TestPoller_Run_backoff(t *testing.T) {
	fs := &feedServer{}
	fs.fail.Store(true)
	srv := httptest.NewServer(fs)
	defer srv.Close()
	var mu sync.Mutex
	var tries []time.Time
	p := New(nil, Options{
		Fetch:        fetch.New(fetch.Options{AllowPrivate: true}),
		Interval:     time.Millisecond,
		FirstBackoff: 40 * time.Millisecond,
		MaxBackoff:   time.Second,
		Ingest:       func(context.Context, string, []byte) error { return nil },
		Logf: func(string, ...any) {
			mu.Lock()
			tries = append(tries, time.Now())
			mu.Unlock()
		},
	})
	if err := p.Add(srv.URL + "/feed"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go p.Run(ctx)
	waitFor(t, "four failures", func() bool { mu.Lock(); defer mu.Unlock(); return len(tries) >= 4 })
	mu.Lock()
	gaps := []time.Duration{tries[1].Sub(tries[0]), tries[2].Sub(tries[1]), tries[3].Sub(tries[2])}
	mu.Unlock()
	// 40 ms, 80 ms, 160 ms, each ±10%; the last must clearly exceed the first.
	if gaps[0] < 30*time.Millisecond || gaps[2] < 2*gaps[0] {
		t.Errorf("retry gaps %v: want ≥ 36ms growing exponentially", gaps)
	}
	st := p.Feeds()[0]
	if st.Failures < 4 || st.LastError == "" {
		t.Errorf("status = %+v, want ≥4 failures and an error", st)
	}
	fs.fail.Store(false)
	waitFor(t, "recovery", func() bool { return p.Feeds()[0].Failures == 0 && fs.full.Load() == 1 })
}

func TestPoller_Run_oneFetchPerHost(t *testing.T) {
	var inFlight, most atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		_, _ = w.Write([]byte(testFeed))
	}))
	defer srv.Close()
	var polled atomic.Int32
	urls := []string{srv.URL + "/a", srv.URL + "/b", srv.URL + "/c", srv.URL + "/d"}
	p := New(urls, Options{
		Fetch:    fetch.New(fetch.Options{AllowPrivate: true}),
		Interval: time.Hour,
		Workers:  4,
		Ingest:   func(context.Context, string, []byte) error { polled.Add(1); return nil },
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go p.Run(ctx)
	waitFor(t, "all four feeds", func() bool { return polled.Load() == 4 })
	if got := most.Load(); got != 1 {
		t.Errorf("most concurrent fetches to one host = %d, want 1", got)
	}
}

func TestPoller_Add(t *testing.T) {
	p := New(nil, Options{})
	tests := []struct {
		url  string
		want error
	}{
		{"https://wire.example/feed.xml", nil},
		{"https://wire.example/feed.xml", nil}, // again: no second entry
		{"ftp://wire.example/feed", news.ErrInvalid},
		{"/relative/feed", news.ErrInvalid},
	}
	for _, tt := range tests {
		if err := p.Add(tt.url); !errors.Is(err, tt.want) {
			t.Errorf("Add(%q) = %v, want %v", tt.url, err, tt.want)
		}
	}
	if got := len(p.Feeds()); got != 1 {
		t.Errorf("feeds = %d, want 1", got)
	}
}

func TestPoller_backoff(t *testing.T) {
	p := New(nil, Options{FirstBackoff: time.Minute, MaxBackoff: time.Hour})
	for n, want := range map[int]time.Duration{1: time.Minute, 2: 2 * time.Minute, 4: 8 * time.Minute, 20: time.Hour} {
		got := p.backoff(n)
		if got < want*9/10 || got > want*11/10 {
			t.Errorf("backoff(%d) = %v, want %v ±10%%", n, got, want)
		}
	}
}
