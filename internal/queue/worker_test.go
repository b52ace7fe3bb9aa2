package queue

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// inventedRecords returns JSON Lines of articles about a few invented
// events, several outlets each: a story's articles share its invented
// vocabulary and nothing else but function words.
func inventedRecords(events, perEvent int) string {
	syll := []string{"ka", "lo", "mir", "ven", "tas", "dru", "pel", "sor", "gan", "fi", "bra", "quo", "zen", "hul", "wex", "ny"}
	word := func(e, i int) string {
		n := e*131 + i*17 + 7
		return syll[n%16] + syll[(n/16+e)%16] + syll[(n/3+i)%16] + "o"
	}
	var b strings.Builder
	for e := range events {
		vocab := make([]string, 14)
		for i := range vocab {
			vocab[i] = word(e, i)
		}
		for k := range perEvent {
			var text strings.Builder
			for sn := range 6 {
				fmt.Fprintf(&text, "The %s of %s said the %s and the %s were %s in %s. ",
					vocab[(sn+k)%14], vocab[(sn*3+1)%14], vocab[(sn*5+2+k)%14], vocab[(sn+7)%14], vocab[(sn*2+9)%14], vocab[(sn+k+11)%14])
			}
			rec := map[string]string{
				"id":        fmt.Sprintf("ev%d-%d", e, k),
				"source":    fmt.Sprintf("Outlet %c", 'A'+k),
				"title":     fmt.Sprintf("The %s of %s and the %s", vocab[k%14], vocab[(k+3)%14], vocab[(k+5)%14]),
				"published": time.Date(2025, 3, 1+e, 8+k, 0, 0, 0, time.UTC).Format(time.RFC3339),
				"text":      text.String(),
			}
			line, _ := json.Marshal(rec)
			b.Write(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// storyLabels returns the story of each id, in ids' order.
func storyLabels(t *testing.T, m map[string]string, ids []string) []string {
	t.Helper()
	out := make([]string, len(ids))
	for i, id := range ids {
		s, ok := m[id]
		if !ok {
			t.Fatalf("article %s has no story", id)
		}
		out[i] = s
	}
	return out
}

func TestWorker_Run(t *testing.T) {
	db, q, _ := openBoth(t)
	ctx := t.Context()
	recs := inventedRecords(6, 8)
	// A later job repeats an article word for word and revises another.
	lines := strings.Split(strings.TrimSpace(recs), "\n")
	var revised map[string]string
	if err := json.Unmarshal([]byte(lines[9]), &revised); err != nil {
		t.Fatal(err)
	}
	revised["text"] += " A correction followed the first report."
	line, _ := json.Marshal(revised)
	recs += lines[0] + "\n" + string(line) + "\n"
	jobs, err := RecordJobs(strings.NewReader(recs), "invented.jsonl", 5)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := q.Enqueue(ctx, jobs); err != nil {
		t.Fatal(err)
	}

	// Three workers in one process, as three processes would run them.
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range errs {
		w := NewWorker(db, q, WorkerOptions{Name: fmt.Sprint("w", i), Jobs: 2, Drain: true,
			Lease: 5 * time.Second, Poll: 50 * time.Millisecond})
		wg.Go(func() { errs[i] = w.Run(ctx) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("worker %d: %v", i, err)
		}
	}
	st, err := q.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !st.Drained() || st.Done != len(jobs) || st.Analysed != 49 {
		t.Fatalf("Stats = %+v, want %d jobs done and 48 articles and a revision analysed", st, len(jobs))
	}
	if n, _ := db.Count(ctx); n != 48 {
		t.Errorf("Count = %d, want 48", n)
	}
	if revs, err := db.Revisions(ctx, revised["id"]); err != nil || len(revs) != 2 {
		t.Errorf("Revisions(%s) = %d, %v; want 2", revised["id"], len(revs), err)
	}
	got, err := db.StoryMap(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 48 {
		t.Errorf("%d articles have a story, want 48", len(got))
	}

	// The same records through one ordinary ingest.
	base, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "base.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer base.Close()
	in := ingest.New(base, ingest.Options{Workers: 1, Stdin: strings.NewReader(recs), Analyzers: ingest.Analyzers(base, cluster.Config{})})
	if _, err := in.Run(ctx, []string{"-"}); err != nil {
		t.Fatal(err)
	}
	want, err := base.StoryMap(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(want))
	for id := range want {
		ids = append(ids, id)
	}
	_, _, f1 := eval.BCubed(storyLabels(t, want, ids), storyLabels(t, got, ids))
	if f1 < 0.999 {
		t.Errorf("BCubed F1 against one process = %.4f, want 1", f1)
	}
	if stories := distinct(got); stories != 6 {
		t.Errorf("%d stories for 6 events, want 6", stories)
	}
}

func distinct(m map[string]string) int {
	seen := map[string]bool{}
	for _, v := range m {
		seen[v] = true
	}
	return len(seen)
}

// TestAnalyser_Fenced checks that an analyser whose epoch has passed
// cannot advance the cursor.
func TestAnalyser_Fenced(t *testing.T) {
	_, q, _ := openBoth(t)
	ctx := t.Context()
	var epoch int64
	if err := q.pool.QueryRow(ctx, `UPDATE queue_analysis SET epoch = epoch + 1 RETURNING epoch`).Scan(&epoch); err != nil {
		t.Fatal(err)
	}
	if err := advance(ctx, q.pool, epoch, 3, 1); err != nil {
		t.Fatalf("advance by the current analyser: %v", err)
	}
	if _, err := q.pool.Exec(ctx, `UPDATE queue_analysis SET epoch = epoch + 1`); err != nil {
		t.Fatal(err)
	}
	if err := advance(ctx, q.pool, epoch, 5, 1); err == nil {
		t.Error("an analyser taken over advanced the cursor")
	}
	st, _ := q.Stats(ctx)
	if st.AnalysedJob != 3 {
		t.Errorf("cursor = %d, want 3", st.AnalysedJob)
	}
}

// TestWorker_Shutdown checks that a worker stopped mid-job gives the job
// back, untouched, for another.
func TestWorker_Shutdown(t *testing.T) {
	db, q, _ := openBoth(t)
	release := make(chan struct{})
	started := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case started <- struct{}{}:
		default:
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	if _, err := q.Enqueue(t.Context(), []Job{{Kind: KindSource, Payload: srv.URL + "/slow", Label: "slow"}}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	w := NewWorker(db, q, WorkerOptions{Jobs: 1, NoAnalysis: true, Grace: 100 * time.Millisecond, Poll: 20 * time.Millisecond,
		Fetch: fetch.New(fetch.Options{AllowPrivate: true, Timeout: time.Minute})})
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	select {
	case <-started:
	case <-time.After(10 * time.Second):
		t.Fatal("the job never started")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run after cancel = %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("worker did not stop")
	}
	st, err := q.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if st.Queued != 1 || st.Running != 0 {
		t.Fatalf("Stats after shutdown = %+v, want the job queued again", st)
	}
	j, err := q.Claim(t.Context(), "next", time.Minute)
	if err != nil || j == nil || j.Attempt != 1 {
		t.Errorf("Claim after shutdown = %+v, %v; want attempt 1", j, err)
	}
}

// TestWorker_Feed runs a feed URL job: the feed is fetched and its items
// stored and analysed.
func TestWorker_Feed(t *testing.T) {
	db, q, _ := openBoth(t)
	const rss = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Quessary Courier</title><link>http://example.invalid/</link>
<item><title>Dam council votes on the Varnholt reservoir</title><link>http://example.invalid/a</link>
<pubDate>Mon, 03 Mar 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The Varnholt council voted on Monday to raise the reservoir dam by four metres. Engineers said the work would take two years.&lt;/p&gt;</description></item>
<item><title>Tram drivers in Lindmoor walk out</title><link>http://example.invalid/b</link>
<pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Tram drivers in Lindmoor stopped work on Tuesday over rosters. The operator said talks would resume on Friday.&lt;/p&gt;</description></item>
</channel></rss>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed.xml" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(rss))
	}))
	defer srv.Close()
	if _, err := q.Enqueue(t.Context(), []Job{{Kind: KindSource, Payload: srv.URL + "/feed.xml", Label: "feed"}}); err != nil {
		t.Fatal(err)
	}
	w := NewWorker(db, q, WorkerOptions{Jobs: 1, Drain: true, Poll: 20 * time.Millisecond,
		Fetch: fetch.New(fetch.Options{AllowPrivate: true, Timeout: 10 * time.Second})})
	if err := w.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	st, err := q.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if st.Done != 1 || st.Analysed != 2 {
		fails, _ := q.Failures(t.Context(), 5)
		t.Fatalf("Stats = %+v, want the job done and 2 articles analysed (%q)", st, fails)
	}
	m, err := db.StoryMap(t.Context())
	if err != nil || len(m) != 2 || distinct(m) != 2 {
		t.Errorf("StoryMap = %v, %v; want the 2 items in 2 stories", m, err)
	}
}

func TestAfterGrace(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	g, stop := afterGrace(ctx, 100*time.Millisecond)
	defer stop()
	cancel()
	if g.Err() != nil {
		t.Fatal("the grace context ended with its parent")
	}
	select {
	case <-g.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the grace context outlived its grace")
	}

	g2, stop2 := afterGrace(t.Context(), time.Hour)
	stop2()
	if g2.Err() == nil {
		t.Error("stop did not release the grace context")
	}
}
