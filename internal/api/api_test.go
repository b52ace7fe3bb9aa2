package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// Invented articles: two outlets on one harbour event, one near copy of
// the first, and an unrelated report.
var testRecords = []map[string]string{
	{
		"id": "gazette-ferry", "source": "Harbour Gazette", "title": "Ferry service to Tollen Island suspended after hull damage",
		"published": "2025-05-02T09:00:00Z", "url": "https://gazette.example/ferry",
		"text": "The ferry service between Marrow Quay and Tollen Island was suspended on Friday after inspectors found damage to the hull of the MV Corrin, the harbour authority said.\n\n" +
			"About 1,400 passengers use the crossing every day. The authority said a replacement vessel would not be available before June 10.\n\n" +
			"Island council leader Petra Vanning called the suspension a blow to local businesses. \"We were promised a reliable service,\" she said.",
	},
	{
		"id": "ledger-ferry", "source": "Island Ledger", "title": "Tollen ferry halted; islanders face weeks without crossing",
		"published": "2025-05-02T13:30:00Z", "url": "https://ledger.example/tollen-ferry",
		"text": "Islanders face weeks without a ferry after the MV Corrin was taken out of service on Friday because of damage to its hull.\n\n" +
			"The harbour authority said a replacement would not arrive before June 10. Shop owners on Tollen Island said deliveries had already stopped.\n\n" +
			"Petra Vanning, who leads the island council, said residents had been promised a reliable service.",
	},
	{
		"id": "wire-ferry", "source": "Coast Wire", "title": "Ferry service to Tollen Island suspended after hull damage",
		"published": "2025-05-02T10:15:00Z", "url": "https://wire.example/ferry",
		"text": "The ferry service between Marrow Quay and Tollen Island was suspended on Friday after inspectors found damage to the hull of the MV Corrin, the harbour authority said.\n\n" +
			"About 1,400 passengers use the crossing every day. The authority said a replacement vessel would not be available before June 10.\n\n" +
			"Island council leader Petra Vanning called the suspension a blow to local businesses.",
	},
	{
		"id": "gazette-choir", "source": "Harbour Gazette", "title": "Marrow Quay choir wins regional contest",
		"published": "2025-04-20T18:00:00Z",
		"text": "The Marrow Quay community choir won the regional choral contest in Elsby on Saturday, beating eleven other choirs.\n\n" +
			"Conductor Ilse Brandt said the singers had rehearsed twice a week since January. The choir will represent the region at the national final in October.",
	},
}

// testBrief stands in for brief.Build: it states the story's articles
// and outlets, which is what the API tests check passes through.
func testBrief(ctx context.Context, st store.Archive, id string) (*news.Brief, error) {
	s, err := st.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	b := &news.Brief{Story: s.ID, Headline: s.Headline, Articles: s.Articles, Outlets: map[string]string{}}
	for _, a := range s.Articles {
		art, err := st.Article(ctx, a)
		if err != nil {
			return nil, err
		}
		b.Outlets[a] = art.Source
	}
	return b, nil
}

func newTestServer(t *testing.T, opts HandlerOptions) (*httptest.Server, store.Archive) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := New(st, Options{Brief: testBrief, Workers: 2})
	srv := httptest.NewServer(NewHandler(svc, opts))
	t.Cleanup(srv.Close)
	return srv, st
}

func do(t *testing.T, method, url, contentType string, body io.Reader) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s %s: Content-Type %q, want JSON", method, url, ct)
	}
	return resp.StatusCode, b
}

func postRecords(t *testing.T, srv *httptest.Server) IngestResult {
	t.Helper()
	body, _ := json.Marshal(testRecords)
	code, out := do(t, "POST", srv.URL+"/api/v1/articles", "application/json", bytes.NewReader(body))
	if code != http.StatusCreated {
		t.Fatalf("POST records = %d %s, want 201", code, out)
	}
	var res IngestResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	return res
}

func count(t *testing.T, st store.Store) int {
	t.Helper()
	n, err := st.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestHandler_postArticles(t *testing.T) {
	srv, st := newTestServer(t, HandlerOptions{})
	res := postRecords(t, srv)
	if res.Inserted != 4 || res.Failed != 0 || len(res.IDs) != 4 || len(res.Stories) == 0 {
		t.Fatalf("first POST = %+v, want 4 inserted in some stories", res)
	}
	// The same records again are already stored.
	body, _ := json.Marshal(testRecords[0])
	code, out := do(t, "POST", srv.URL+"/api/v1/articles", "", bytes.NewReader(body))
	if code != http.StatusOK || !strings.Contains(string(out), `"unchanged": 1`) {
		t.Errorf("repeat POST = %d %s, want 200 with 1 unchanged", code, out)
	}
	if got := count(t, st); got != 4 {
		t.Errorf("stored %d articles, want 4", got)
	}
}

func TestHandler_postArticles_badInput(t *testing.T) {
	srv, st := newTestServer(t, HandlerOptions{MaxBodyBytes: 4 << 10})
	good := `{"id":"ok-1","source":"Harbour Gazette","title":"A title","text":"The pier at Marrow Quay reopened on Monday after repairs, the harbour authority said."}`
	tests := []struct {
		name, contentType, body string
		want                    int
		wantMsg                 string
	}{
		{"malformed JSON", "application/json", `{"id": "x", "text": "abc"`, http.StatusBadRequest, "malformed JSON"},
		{"not JSON at all", "application/json", `text=hello`, http.StatusBadRequest, "malformed JSON"},
		{"trailing data", "application/json", good + ` {"id":"y"}`, http.StatusBadRequest, "data after"},
		{"wrong field type", "application/json", `{"id":"x","published":2025,"text":"Words here."}`, http.StatusBadRequest, "published"},
		{"empty body", "application/json", ``, http.StatusBadRequest, "empty body"},
		{"empty array", "application/json", `[]`, http.StatusBadRequest, "empty array"},
		{"array of non-objects", "application/json", `[1, 2]`, http.StatusBadRequest, "malformed JSON"},
		{"record without text", "application/json", `{"id":"x","title":"only a title"}`, http.StatusBadRequest, "neither text nor html"},
		{"one bad record spoils the batch", "application/json", `[` + good + `,{"id":"x"}]`, http.StatusBadRequest, "record 2"},
		{"oversize body", "application/json", `{"id":"big","text":"` + strings.Repeat("word ", 2000) + `"}`, http.StatusRequestEntityTooLarge, "too large"},
		{"form content type", "application/x-www-form-urlencoded", good, http.StatusUnsupportedMediaType, "application/json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out := do(t, "POST", srv.URL+"/api/v1/articles", tt.contentType, strings.NewReader(tt.body))
			if code != tt.want {
				t.Errorf("status = %d, want %d (%s)", code, tt.want, out)
			}
			var e errorBody
			if err := json.Unmarshal(out, &e); err != nil || e.Status != tt.want || !strings.Contains(e.Error, tt.wantMsg) {
				t.Errorf("body = %s, want a JSON error with status %d mentioning %q", out, tt.want, tt.wantMsg)
			}
			if got := count(t, st); got != 0 {
				t.Errorf("%d articles stored after a refused request, want 0", got)
			}
		})
	}
}

func TestHandler_postArticles_token(t *testing.T) {
	srv, st := newTestServer(t, HandlerOptions{Authorize: func(r *http.Request) bool {
		return r.Header.Get("Authorization") == "Bearer s3cret"
	}})
	body, _ := json.Marshal(testRecords[3])
	code, out := do(t, "POST", srv.URL+"/api/v1/articles", "application/json", bytes.NewReader(body))
	if code != http.StatusUnauthorized || count(t, st) != 0 {
		t.Errorf("POST without token = %d %s, %d stored; want 401, none", code, out, count(t, st))
	}
	req, _ := http.NewRequest("POST", srv.URL+"/api/v1/articles", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || count(t, st) != 1 {
		t.Errorf("POST with token = %d, %d stored; want 201, 1", resp.StatusCode, count(t, st))
	}
}

func TestHandler_reads(t *testing.T) {
	srv, _ := newTestServer(t, HandlerOptions{})
	res := postRecords(t, srv)
	story := res.Stories[0]
	tests := []struct {
		name, path string
		want       int
		contains   []string
	}{
		{"stories", "/api/v1/stories", 200, []string{`"stories"`, `"article_count"`, `"Harbour Gazette"`}},
		{"stories by outlet", "/api/v1/stories?outlet=island+ledger", 200, []string{`"Island Ledger"`}},
		{"stories since", "/api/v1/stories?since=2000-01-01&until=2100-12-31&limit=5", 200, []string{`"stories"`}},
		{"stories bad since", "/api/v1/stories?since=yesterday", 400, []string{`not a date`}},
		{"stories bad limit", "/api/v1/stories?limit=many", 400, []string{`limit`}},
		{"brief", "/api/v1/stories/" + story, 200, []string{`"story": "` + story + `"`, `"articles"`}},
		{"unknown story", "/api/v1/stories/s000000000000", 404, []string{`not found`}},
		{"article", "/api/v1/articles/ledger-ferry", 200, []string{`"id": "ledger-ferry"`, `"source": "Island Ledger"`, `"story": "s`, `"sentences"`, `Islanders face weeks`}},
		{"unknown article", "/api/v1/articles/no-such-article", 404, []string{`"status": 404`}},
		{"search", "/api/v1/search?q=ferry+hull", 200, []string{`"hits"`, `gazette-ferry`, `"story": "s`}},
		{"search no hits", "/api/v1/search?q=zeppelin", 200, []string{`"hits": []`}},
		{"search without query", "/api/v1/search?q=", 400, []string{`give a query`}},
		{"search bad limit", "/api/v1/search?q=ferry&limit=-2", 400, []string{`limit`}},
		{"compare", "/api/v1/compare?a=gazette-ferry&b=wire-ferry", 200, []string{`"verdict"`, `"rows"`, `"similarity"`}},
		{"compare missing b", "/api/v1/compare?a=gazette-ferry", 400, []string{`two article ids`}},
		{"compare unknown", "/api/v1/compare?a=gazette-ferry&b=nope", 404, []string{`nope`}},
		{"unknown endpoint", "/api/v1/nothing", 404, []string{`no API endpoint`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out := do(t, "GET", srv.URL+tt.path, "", nil)
			if code != tt.want {
				t.Errorf("GET %s = %d, want %d: %s", tt.path, code, tt.want, out)
			}
			for _, c := range tt.contains {
				if !strings.Contains(string(out), c) {
					t.Errorf("GET %s: body lacks %q:\n%.600s", tt.path, c, out)
				}
			}
		})
	}
}

func TestHandler_compareVerdict(t *testing.T) {
	srv, _ := newTestServer(t, HandlerOptions{})
	postRecords(t, srv)
	code, out := do(t, "GET", srv.URL+"/api/v1/compare?a=gazette-ferry&b=wire-ferry", "", nil)
	if code != 200 {
		t.Fatalf("compare = %d %s", code, out)
	}
	var c Comparison
	if err := json.Unmarshal(out, &c); err != nil {
		t.Fatal(err)
	}
	aligned := 0
	for _, r := range c.Rows {
		if r.Aligned() {
			aligned++
		}
	}
	if c.Verdict == "independent" || aligned < 3 {
		t.Errorf("verdict %q with %d aligned rows, want a copy with ≥3 aligned sentences", c.Verdict, aligned)
	}
	code, out = do(t, "GET", srv.URL+"/api/v1/compare?a=gazette-ferry&b=gazette-choir", "", nil)
	if code != 200 || !strings.Contains(string(out), `"verdict": "independent"`) {
		t.Errorf("compare unrelated = %d %s, want independent", code, out)
	}
}

func TestService_Story_cache(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	builds := 0
	svc := New(st, Options{Brief: func(ctx context.Context, st store.Archive, id string) (*news.Brief, error) {
		builds++
		return testBrief(ctx, st, id)
	}})
	recs := decode(t, testRecords[:2])
	if _, err := svc.IngestRecords(ctx, recs); err != nil {
		t.Fatal(err)
	}
	story, err := st.StoryOf(ctx, "gazette-ferry")
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := svc.Story(ctx, story); err != nil {
			t.Fatal(err)
		}
	}
	if builds != 1 {
		t.Errorf("3 reads built the brief %d times, want 1", builds)
	}
	// A revision of one of its articles invalidates the story's brief.
	recs[0].Text += "\n\nThe authority later said the replacement might come a week earlier."
	if _, err := svc.IngestRecords(ctx, recs[:1]); err != nil {
		t.Fatal(err)
	}
	sb, err := svc.Story(ctx, story)
	if err != nil {
		t.Fatal(err)
	}
	if builds != 2 {
		t.Errorf("after a revision: %d builds, want 2", builds)
	}
	if _, ok := sb.Articles["gazette-ferry"]; !ok {
		t.Errorf("story articles %v lack gazette-ferry", sb.Story.Articles)
	}
}

func decode(t *testing.T, recs []map[string]string) []ingest.Record {
	t.Helper()
	b, _ := json.Marshal(recs)
	out, err := DecodeRecords(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestService_IngestFeedBody(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "f.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := New(st, Options{Brief: testBrief})
	if _, err := svc.IngestFeedBody(ctx, "https://wire.example/page", []byte("<!doctype html><html><body><p>A page, not a feed.</p></body></html>")); !errors.Is(err, news.ErrInvalid) {
		t.Errorf("IngestFeedBody(HTML page) = %v, want news.ErrInvalid", err)
	}
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Wire</title>
<item><title>Harbour crane toppled by storm</title><link>https://wire.example/crane</link>
<description><![CDATA[<p>A harbour crane at Marrow Quay was toppled by a storm on Sunday night, the harbour authority said. Nobody was hurt.</p>]]></description></item>
</channel></rss>`
	res, err := svc.IngestFeedBody(ctx, "https://wire.example/rss", []byte(rss))
	if err != nil || res.Inserted != 1 || len(res.Stories) != 1 {
		t.Fatalf("IngestFeedBody(RSS) = %+v, %v; want 1 inserted in 1 story", res, err)
	}
	a, err := st.Article(ctx, res.IDs[0])
	if err != nil || a.Source != "Coast Wire" || a.Title != "Harbour crane toppled by storm" {
		t.Errorf("stored item = %+v, %v; want the feed's outlet and the item's title", a, err)
	}
}
