package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// Invented articles of one event in three outlets.
const (
	textGazette = `Ferry to Tollen Island suspended after hull damage

The ferry service between Marrow Quay and Tollen Island was suspended on Friday after inspectors found damage to the hull of the MV Corrin, the harbour authority said.

About 1,400 passengers use the crossing every day. The authority said a replacement vessel would not be available before June 10.

Island council leader Petra Vanning called the suspension a blow to local businesses. "We were promised a reliable service," she said.`
	textWire = `Ferry to Tollen Island suspended after hull damage

The ferry service between Marrow Quay and Tollen Island was suspended on Friday after inspectors found damage to the hull of the MV Corrin, the harbour authority said.

About 1,400 passengers use the crossing every day. The authority said a replacement ship would not be available before June 10.

Island council leader Petra Vanning called the suspension a blow to local businesses.`
)

// claimBrief is a brief with a claim, a denial of it, a quote and a
// cited source, to check how the story page lays them out. The pipeline's
// own brief is exercised by the browser test.
func claimBrief(ctx context.Context, st store.Archive, id string) (*news.Brief, error) {
	s, err := st.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	b := &news.Brief{Story: s.ID, Headline: s.Headline, Articles: s.Articles, Outlets: map[string]string{},
		Claims: []news.Claim{{ID: "c1", Text: "The hull of the MV Corrin is damaged", Stances: map[string]news.Stance{}, Evidence: map[string]string{}},
			{ID: "c2", Text: "The hull is sound", Denies: "c1", Origin: "the ferry operator", Stances: map[string]news.Stance{}}},
		Quotes:       []news.Quote{{Speaker: "Petra Vanning", Role: "council leader", Text: "We were promised a reliable service", Articles: s.Articles}},
		CitedSources: []news.CitedSource{{Name: "the harbour authority", Kind: "official", Articles: s.Articles}, {Name: "inspectors", Kind: "anonymous", Via: "the harbour authority", Articles: s.Articles[:1]}},
		Timeline:     []news.TimelineEntry{{Date: "2025-06-10", Text: "Replacement vessel available", Articles: s.Articles}},
	}
	for i, a := range s.Articles {
		art, err := st.Article(ctx, a)
		if err != nil {
			return nil, err
		}
		b.Outlets[a] = art.Source
		b.Claims[0].Stances[a] = news.Asserts
		b.Claims[0].Evidence[a] = "inspectors found damage to the hull"
		if i == 0 {
			b.Claims[1].Stances[a] = news.ReportsDenial
		}
	}
	return b, nil
}

type testSite struct {
	srv *httptest.Server
	st  store.Archive
}

func newTestSite(t *testing.T, opts Options) *testSite {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := api.New(st, api.Options{Brief: claimBrief, Workers: 2, Fetch: fetch.New(fetch.Options{})})
	if opts.Logf == nil {
		opts.Logf = t.Logf
	}
	ui, err := New(svc, opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ui)
	t.Cleanup(srv.Close)
	return &testSite{srv: srv, st: st}
}

func (s *testSite) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(s.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// upload posts files to /add/files as a browser form does.
func (s *testSite) upload(t *testing.T, token string, files map[string]string) (int, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for name, body := range files {
		fw, err := mw.CreateFormFile("files", name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(fw, body)
	}
	if token != "" {
		mw.WriteField("token", token)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", s.srv.URL+"/add/files", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (s *testSite) count(t *testing.T) int {
	n, err := s.st.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestServer_pages(t *testing.T) {
	site := newTestSite(t, Options{})
	code, body := site.upload(t, "", map[string]string{"gazette-ferry.txt": textGazette, "wire-ferry.txt": textWire,
		"choir.jsonl": `{"id":"choir","source":"Quay Courier","title":"Elsby choir wins regional contest","text":"The Elsby community choir won the regional singing contest in Fennick on Saturday, beating eleven other choirs. Conductor Ilse Brandt said the singers had rehearsed twice a week since January."}`})
	if code != http.StatusOK || !strings.Contains(body, "3 new articles") {
		t.Fatalf("upload = %d, want 200 with 3 new articles:\n%s", code, body)
	}
	story, err := site.st.StoryOf(context.Background(), "gazette-ferry")
	if err != nil || !strings.Contains(body, "/stories/"+story) {
		t.Fatalf("upload result does not link the ferry story %q (%v):\n%s", story, err, body)
	}

	tests := []struct {
		name, path string
		want       int
		contains   []string
	}{
		{"story list", "/", 200, []string{"Ferry to Tollen Island suspended", `<li class="chip">Quay Courier</li>`, "2 articles"}},
		{"story list by outlet", "/?outlet=quay+courier", 200, []string{"choir wins"}},
		{"story list, no outlet matches", "/?outlet=nobody", 200, []string{"No story matches"}},
		{"story list bad date", "/?since=soon", 400, []string{"not a date"}},
		{"search", "/?q=hull", 200, []string{"<mark>hull</mark>", "/articles/gazette-ferry"}},
		{"story", "/stories/" + story, 200, []string{
			`class="matrix"`, `class="cell st-asserts"`, "●", `class="cell st-reports_denial"`, "⊘",
			`href="#claim-c1"`, "denies: The hull of the MV Corrin is damaged", "per the ferry operator",
			"We were promised a reliable service", "Petra Vanning", "2025-06-10", `<svg class="sources"`, "inspectors",
			`class="side-by-side"`, `/compare?a=`}},
		{"unknown story", "/stories/s0000", 404, []string{"not found"}},
		{"article", "/articles/wire-ferry", 200, []string{"replacement ship would not be available", "/stories/" + story}},
		{"unknown article", "/articles/nope", 404, []string{"not found"}},
		{"compare", "/compare?a=gazette-ferry&b=wire-ferry", 200, []string{`class="pair"`, "<del>vessel</del>", "<ins>ship</ins>"}},
		{"compare without b", "/compare?a=gazette-ferry", 400, []string{"two article ids"}},
		{"add page", "/add", 200, []string{`action="/add/files"`, `action="/add/text"`, `action="/add/url"`}},
		{"no such page", "/nothing/here", 404, []string{"no page"}},
		{"stylesheet", "/static/style.css", 200, []string{".matrix"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := site.get(t, tt.path)
			if code != tt.want {
				t.Errorf("GET %s = %d, want %d", tt.path, code, tt.want)
			}
			for _, c := range tt.contains {
				if !strings.Contains(body, c) {
					t.Errorf("GET %s lacks %q", tt.path, c)
				}
			}
		})
	}
}

func TestServer_addText(t *testing.T) {
	site := newTestSite(t, Options{})
	form := url.Values{"source": {"Island Ledger"}, "title": {"Tollen ferry halted"}, "published": {"2025-05-02"},
		"text": {"Islanders face weeks without a ferry after the MV Corrin was taken out of service on Friday."}}
	resp, err := http.PostForm(site.srv.URL+"/add/text", form)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "1 new article") || site.count(t) != 1 {
		t.Fatalf("add text = %d, %d stored:\n%s", resp.StatusCode, site.count(t), b)
	}
	resp, err = http.PostForm(site.srv.URL+"/add/text", url.Values{"title": {"no text"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest || site.count(t) != 1 {
		t.Errorf("add without text = %d, %d stored; want 400, 1", resp.StatusCode, site.count(t))
	}
}

func TestServer_addURL_refusesPrivate(t *testing.T) {
	site := newTestSite(t, Options{})
	resp, err := http.PostForm(site.srv.URL+"/add/url", url.Values{"url": {site.srv.URL + "/"}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(b), "non-public address") || site.count(t) != 0 {
		t.Errorf("add loopback URL = %d, %d stored, want 422 naming the refused address:\n%s", resp.StatusCode, site.count(t), b)
	}
	resp, err = http.PostForm(site.srv.URL+"/add/url", url.Values{"url": {"file:///etc/passwd"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("add file URL = %d, want 400", resp.StatusCode)
	}
}

func TestServer_storyPageGzip(t *testing.T) {
	site := newTestSite(t, Options{})
	if code, body := site.upload(t, "", map[string]string{"gazette-ferry.txt": textGazette, "wire-ferry.txt": textWire}); code != 200 {
		t.Fatalf("upload = %d:\n%s", code, body)
	}
	story, err := site.st.StoryOf(context.Background(), "gazette-ferry")
	if err != nil {
		t.Fatal(err)
	}
	_, plain := site.get(t, "/stories/"+story)
	for range 2 { // rendered, then from the page cache
		req, _ := http.NewRequest("GET", site.srv.URL+"/stories/"+story, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := (&http.Client{Transport: &http.Transport{DisableCompression: true}}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		if got := resp.Header.Get("Content-Encoding"); got != "gzip" {
			t.Fatalf("Content-Encoding = %q, want gzip", got)
		}
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr)
		resp.Body.Close()
		if err != nil || string(got) != plain {
			t.Errorf("gunzipped page (%d bytes, %v) differs from the plain page (%d bytes)", len(got), err, len(plain))
		}
	}
}

func TestServer_writeGuards(t *testing.T) {
	site := newTestSite(t, Options{Token: "s3cret", MaxUploadBytes: 2 << 10})
	files := map[string]string{"gazette-ferry.txt": textGazette}
	if code, _ := site.upload(t, "", files); code != http.StatusUnauthorized {
		t.Errorf("upload without token = %d, want 401", code)
	}
	if code, _ := site.upload(t, "wrong", files); code != http.StatusUnauthorized {
		t.Errorf("upload with a wrong token = %d, want 401", code)
	}
	if code, _ := site.upload(t, "s3cret", map[string]string{"big.txt": strings.Repeat("A long line of words. ", 200)}); code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversize upload = %d, want 413", code)
	}
	if n := site.count(t); n != 0 {
		t.Fatalf("%d articles stored by refused uploads, want 0", n)
	}
	if code, body := site.upload(t, "s3cret", files); code != http.StatusOK {
		t.Errorf("upload with token = %d, want 200:\n%s", code, body)
	}
	// A form posted from another site's page is refused.
	req, _ := http.NewRequest("POST", site.srv.URL+"/add/text", strings.NewReader("text=hello&token=s3cret"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://evil.example")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST = %d, want 403", resp.StatusCode)
	}
	if n := site.count(t); n != 1 {
		t.Errorf("%d articles stored, want 1", n)
	}
}

func TestServer_loopbackHosts(t *testing.T) {
	site := newTestSite(t, Options{LoopbackHosts: true})
	for host, want := range map[string]int{"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:80": 200, "rebind.example:8080": http.StatusMisdirectedRequest} {
		req, _ := http.NewRequest("GET", site.srv.URL+"/healthz", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, resp.StatusCode, want)
		}
	}
}

func TestServer_securityHeaders(t *testing.T) {
	site := newTestSite(t, Options{})
	resp, err := http.Get(site.srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options"} {
		if resp.Header.Get(h) == "" {
			t.Errorf("header %s missing", h)
		}
	}
}

func TestDiffWords(t *testing.T) {
	a, b := diffWords("The authority said a replacement vessel would come.", "The authority said a new ship would come.")
	render := func(segs []segment) string {
		var sb strings.Builder
		for _, s := range segs {
			if s.Changed {
				sb.WriteString("[" + s.Text + "]")
			} else {
				sb.WriteString(s.Text)
			}
		}
		return sb.String()
	}
	if got, want := render(a), "The authority said a [replacement vessel] would come."; got != want {
		t.Errorf("A = %q, want %q", got, want)
	}
	if got, want := render(b), "The authority said a [new ship] would come."; got != want {
		t.Errorf("B = %q, want %q", got, want)
	}
}

func TestSnippet(t *testing.T) {
	got := string(snippet("a <b> ⟦ferry⟧ and ⟦hull"))
	want := "a &lt;b&gt; <mark>ferry</mark> and <mark>hull</mark>"
	if got != want {
		t.Errorf("snippet = %q, want %q", got, want)
	}
}
