package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/brief"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/poll"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// Load test bounds: PARALLAX_LOAD=1 runs it; it stops after loadSeconds
// or loadMaxRequests, whichever comes first.
const (
	loadClients     = 50
	loadArticles    = 50
	loadSeconds     = 8
	loadMaxRequests = 40_000
	loadP99         = 100 * time.Millisecond
)

// TestLoad_storyPage serves the story page of a 50-article story to 50
// concurrent clients on loopback while three feeds are polled and
// ingested and articles are posted to the API, and requires a p99 under
// 100 ms. It prints p50, p99 and requests per second.
//
//	PARALLAX_LOAD=1 go test -run TestLoad -v ./internal/web/
func TestLoad_storyPage(t *testing.T) {
	if os.Getenv("PARALLAX_LOAD") == "" {
		t.Skip("load test: set PARALLAX_LOAD=1")
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "load.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := api.New(st, api.Options{
		Brief: func(ctx context.Context, st store.Archive, id string) (*news.Brief, error) {
			return brief.Build(ctx, st, id, brief.Options{})
		},
		Fetch: fetch.New(fetch.Options{AllowPrivate: true}),
	})
	story := buildLoadStory(t, st, svc)
	ui, err := New(svc, Options{LoopbackHosts: true, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ui)
	defer srv.Close()
	// The clients ask for gzip as browsers do and, like a browser
	// measuring time to the last byte, do not count unzipping it: the
	// load generator shares the machine's cores with the server.
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadClients, MaxConnsPerHost: loadClients, DisableCompression: true}}
	get := func() (time.Duration, error) {
		start := time.Now()
		req, _ := http.NewRequest("GET", srv.URL+"/stories/"+story, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err == nil && resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		return time.Since(start), err
	}
	cold, err := get()
	if err != nil {
		t.Fatalf("first story page: %v", err)
	}
	t.Logf("first (cold) story page of %d articles: %s", loadArticles, cold.Round(time.Millisecond))

	// Concurrent ingestion: three feeds with fresh items on every poll,
	// and articles posted to the API.
	feeds := &freshFeeds{}
	fsrv := httptest.NewServer(feeds)
	defer fsrv.Close()
	before, _ := st.Count(ctx)
	ingCtx, stopIngest := context.WithCancel(ctx)
	var ingWG sync.WaitGroup
	poller := poll.New([]string{fsrv.URL + "/a.xml", fsrv.URL + "/b.xml", fsrv.URL + "/c.xml"}, poll.Options{
		Fetch:    fetch.New(fetch.Options{AllowPrivate: true}),
		Interval: 200 * time.Millisecond,
		Logf:     t.Logf,
		Ingest: func(ctx context.Context, u string, body []byte) error {
			_, err := svc.IngestFeedBody(ctx, u, body)
			return err
		},
	})
	ingWG.Add(2)
	go func() { defer ingWG.Done(); _ = poller.Run(ingCtx) }()
	var posted atomic.Int64
	go func() {
		defer ingWG.Done()
		for i := 0; ingCtx.Err() == nil; i++ {
			body := fmt.Sprintf(`{"id":"post-%d","source":"Upland Bulletin","title":"%s","text":%q}`, i, fillerTitle(100000+i), fillerText(100000+i))
			resp, err := client.Post(srv.URL+"/api/v1/articles", "application/json", strings.NewReader(body))
			if err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode == http.StatusCreated {
					posted.Add(1)
				}
			}
			select {
			case <-ingCtx.Done():
			case <-time.After(100 * time.Millisecond):
			}
		}
	}()

	// 50 clients, bounded in time and requests.
	var (
		mu        sync.Mutex
		latencies = make([]time.Duration, 0, loadMaxRequests)
		failures  atomic.Int64
		issued    atomic.Int64
		wg        sync.WaitGroup
	)
	deadline := time.Now().Add(loadSeconds * time.Second)
	start := time.Now()
	for range loadClients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := make([]time.Duration, 0, loadMaxRequests/loadClients)
			for time.Now().Before(deadline) && issued.Add(1) <= loadMaxRequests {
				d, err := get()
				if err != nil {
					failures.Add(1)
					continue
				}
				local = append(local, d)
			}
			mu.Lock()
			latencies = append(latencies, local...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	stopIngest()
	ingWG.Wait()
	after, _ := st.Count(ctx)

	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))]
	}
	p50, p99 := pct(0.50), pct(0.99)
	rps := float64(len(latencies)) / elapsed.Seconds()
	t.Logf("story page, %d articles, %d clients, %s: %d requests, %.0f req/s, p50 %s, p99 %s, max %s, %d failed",
		loadArticles, loadClients, elapsed.Round(time.Millisecond), len(latencies), rps,
		p50.Round(100*time.Microsecond), p99.Round(100*time.Microsecond), pct(1).Round(100*time.Microsecond), failures.Load())
	t.Logf("ingested meanwhile: %d articles (%d feed polls answered, %d API posts)", after-before, feeds.served.Load(), posted.Load())
	fmt.Printf("LOAD story-page articles=%d clients=%d requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f ingested=%d\n",
		loadArticles, loadClients, len(latencies), rps, ms(p50), ms(p99), after-before)
	if failures.Load() > 0 {
		t.Errorf("%d requests failed", failures.Load())
	}
	if after-before == 0 {
		t.Errorf("nothing was ingested during the load: the test did not measure what it claims")
	}
	if p99 >= loadP99 {
		t.Errorf("p99 %s, want < %s", p99, loadP99)
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// buildLoadStory ingests 50 invented reports of one event through the
// pipeline and records them as one story (the clusterer may split
// invented text differently; the page's cost is what is measured).
func buildLoadStory(t *testing.T, st store.Archive, svc *api.Service) string {
	t.Helper()
	ctx := context.Background()
	recs := make([]ingest.Record, loadArticles)
	for i := range recs {
		recs[i] = loadArticle(i)
	}
	res, err := svc.IngestRecords(ctx, recs)
	if err != nil || res.Inserted != loadArticles {
		t.Fatalf("ingest %d load articles: %v (%+v)", loadArticles, err, res)
	}
	story, err := st.StoryOf(ctx, recs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	batch := make([]store.StoryAssignment, 0, len(recs))
	for i, r := range recs {
		batch = append(batch, store.StoryAssignment{Article: r.ID, Story: story, At: time.Date(2025, 5, 6, 8, 0, 0, 0, time.UTC).Add(time.Duration(i) * 20 * time.Minute)})
	}
	if err := st.RecordStories(ctx, batch); err != nil {
		t.Fatal(err)
	}
	s, err := st.Story(ctx, story)
	if err != nil || s.ArticleCount != loadArticles {
		t.Fatalf("load story %s: %d articles, %v; want %d", story, s.ArticleCount, err, loadArticles)
	}
	return story
}

// Invented outlets and wordings of one event: a canal lock failure.
var (
	loadOutlets = []string{"Brennmoor Post", "Canal Times", "River Ledger", "Northgate Wire", "Valley Herald",
		"Dock Review", "Lowland Mail", "Barge Weekly", "Harbour Signal", "County Courier"}
	loadTitles = []string{
		"Lock gate failure strands barges on Lindqvist Canal",
		"Lindqvist Canal closed after lock gate gives way",
		"Operator denies skipped maintenance as canal stays shut",
		"Barges stranded at Brennmoor; repairs may take weeks",
		"Canal lock collapse could cost shippers millions",
	}
	loadSentences = [][]string{
		{"A lock gate on the Lindqvist Canal at Brennmoor failed on Tuesday, stranding 37 barges, the canal authority said.",
			"A lock gate on the Lindqvist Canal at Brennmoor failed on Tuesday and 37 barges are stranded.",
			"A lock gate at Brennmoor reportedly failed on Tuesday, leaving dozens of barges stranded."},
		{"Repairs are expected to take three weeks, the authority said.",
			"Engineers said repairs could take up to four weeks.",
			"Repairs will take about three weeks."},
		{"The operator, Tessaly Waterways, denied that maintenance had been skipped.",
			"Tessaly Waterways said maintenance had not been skipped and called the failure unforeseeable.",
			"The operator rejected claims that inspections were cut to save money."},
		{"Inspectors had warned about corrosion in the gate last year, according to documents seen by the newspaper.",
			"Corrosion in the gate was flagged by inspectors in 2024, people familiar with the report said.",
			"Inspectors may have raised concerns about the gate last year."},
		{"\"We have never seen a failure like this,\" said harbour master Olle Dranvik.",
			"\"We have never seen a failure of this kind,\" harbour master Olle Dranvik said.",
			"Harbour master Olle Dranvik said he had never seen such a failure."},
		{"Shipping firms said the closure would cost about 2 million euros a week.",
			"The closure could cost shippers around 2 million euros a week, a trade group estimated.",
			"Losses may reach 2 million euros a week, according to shipping firms."},
		{"The canal carries about 40 percent of the region's grain exports.",
			"Around two fifths of the region's grain exports travel on the canal.",
			"The waterway is the main route for the region's grain."},
		{"The lock was last overhauled in March 2019.",
			"The gate was last overhauled in March 2019, records show.",
			"Its last full overhaul was in 2019."},
		{"A temporary bypass channel is due to open on 14 May, local officials said.",
			"Officials plan to open a bypass channel on 14 May.",
			"A bypass could open in mid-May."},
		{"Farmers in the district said their harvest contracts were at risk.",
			"Grain traders warned of delays to harvest deliveries.",
			"Some farmers said they would switch to road transport."},
	}
)

func loadArticle(i int) ingest.Record {
	var b strings.Builder
	for k, variants := range loadSentences {
		if (i+k)%5 == 4 { // each article leaves out some facts
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(variants[(i+k)%len(variants)])
	}
	if i%7 == 3 {
		fmt.Fprintf(&b, "\n\nA reporter for this outlet counted %d idle crews at the quay on Wednesday.", 10+i)
	}
	return ingest.Record{
		ID:        "load-" + strconv.Itoa(i),
		Source:    fmt.Sprintf("%s %d", loadOutlets[i%len(loadOutlets)], i/len(loadOutlets)+1),
		Title:     loadTitles[i%len(loadTitles)],
		Published: time.Date(2025, 5, 6, 8, 0, 0, 0, time.UTC).Add(time.Duration(i) * 20 * time.Minute).Format(time.RFC3339),
		Text:      b.String(),
	}
}

// freshFeeds serves RSS feeds whose items are new on every request, about
// unrelated invented local events.
type freshFeeds struct {
	n      atomic.Int64
	served atomic.Int64
}

func (f *freshFeeds) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.served.Add(1)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Upland Notices</title>`)
	for range 3 {
		k := int(f.n.Add(1))
		fmt.Fprintf(&b, `<item><title>%s</title><link>https://notices.example/%d</link><guid>https://notices.example/%d</guid><description><![CDATA[<p>%s</p>]]></description><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>%s</p>]]></content:encoded></item>`,
			fillerTitle(k), k, k, fillerText(k), fillerText(k))
	}
	b.WriteString(`</channel></rss>`)
	w.Header().Set("Content-Type", "application/rss+xml")
	_, _ = io.WriteString(w, b.String())
}

var (
	fillTowns  = []string{"Askervik", "Doln", "Merrow", "Paltby", "Quenn", "Rusk", "Sallow", "Tiverby", "Umsted", "Wexley", "Yarrow", "Zell"}
	fillThings = []string{"library", "swimming pool", "market hall", "football ground", "bus depot", "school", "bakery", "museum", "orchard", "cinema"}
	fillVerbs  = []string{"reopened", "closed for repairs", "won an award", "celebrated its centenary", "hired new staff", "raised its prices"}
)

func fillerTitle(k int) string {
	return fmt.Sprintf("%s %s %s", fillTowns[k%len(fillTowns)], fillThings[(k/len(fillTowns))%len(fillThings)], fillVerbs[k%len(fillVerbs)])
}

func fillerText(k int) string {
	town, thing := fillTowns[k%len(fillTowns)], fillThings[(k/len(fillTowns))%len(fillThings)]
	return fmt.Sprintf("The %s in %s %s on day %d, the town council said. About %d residents visited in the first week. "+
		"Council member Ada Fenn%d said the %s would stay open on Sundays. Notice number %d.",
		thing, town, fillVerbs[k%len(fillVerbs)], k%28+1, 100+k%900, k, thing, k)
}
