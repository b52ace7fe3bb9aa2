package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// storyText is an invented article used by the tests.
const storyText = `Riverside council approves new flood barrier

By Alma Grove
June 3, 2025

The Riverside town council voted on Monday to build a 2.4-kilometre flood barrier along the east bank of the Lune, ending a decade of debate about how to protect the old town.

The barrier will cost about 31 million euros and is due to be finished in 2028, council leader Ravi Mehta said after the vote, which passed by 17 votes to 4.

Residents of the lower streets, flooded three times since 2015, welcomed the decision. "We have waited long enough for someone to act," said shop owner Dora Lind.

Opponents argued that the money would be better spent on restoring wetlands upstream, which they say would slow the river at lower cost.
`

func openStore(t *testing.T) store.Store {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func write(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func pageHTML(title, body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>%s</h1>", title, title)
	for _, p := range strings.Split(strings.TrimSpace(body), "\n\n") {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</article><footer>© 2025 Example</footer></body></html>")
	return b.String()
}

const htmlBody = `The regional airport at Kolding will add a second runway by 2027, its operator said on Thursday, after passenger numbers rose by 40 per cent in three years.

The 310-million-krone project was approved by the municipal board in a closed session, according to minutes published on the airport's website.

Environmental groups said they would challenge the decision in court, arguing that noise studies had been carried out during the pandemic, when traffic was unusually low.

The operator said construction would start in the autumn and that the existing runway would stay open throughout.`

func TestIngester_Run(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write(t, dir, "a/flood.txt", []byte(storyText))
	write(t, dir, "b/airport.html", []byte(pageHTML("Kolding airport to get second runway", htmlBody)))
	write(t, dir, "b/airport-copy.htm.gz", gz(t, []byte(pageHTML("Kolding airport plans a second runway", htmlBody+"\n\nA spokesperson added that ticket prices would not change."))))
	write(t, dir, "c/records.jsonl", []byte(`{"id":"r1","source":"Wire One","title":"Ferry service resumes","published":"2025-06-04","url":"https://wire.example/ferry","text":"The ferry between Arnsby and Holm resumed service on Wednesday after a three-week strike ended with a new pay deal.\nThe operator said timetables would return to normal by the weekend."}
{"id":"r2","source":"Wire One","title":"Museum reopens","published":"June 5, 2025","text":"The city museum reopened on Thursday after a two-year renovation that cost 12 million euros.\nVisitors queued from early morning to see the restored east wing."}
`))
	st := openStore(t)
	in := ingest.New(st, ingest.Options{})
	sum, err := in.Run(ctx, []string{dir})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if sum.Failed != 0 {
		t.Fatalf("failures: %v", sum.Failures)
	}
	if got, want := sum.Inserted, 5; got != want {
		t.Errorf("inserted = %d, want %d", got, want)
	}

	a, err := st.Article(ctx, "flood")
	if err != nil {
		t.Fatalf("article flood: %v", err)
	}
	if got, want := a.Title, "Riverside council approves new flood barrier"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if got, want := a.Published.String(), "2025-06-03"; got != want {
		t.Errorf("published = %q, want %q", got, want)
	}
	if a.Language != "en" {
		t.Errorf("language = %q, want en", a.Language)
	}
	if len(a.Sentences) < 5 {
		t.Errorf("sentences = %d, want ≥ 5", len(a.Sentences))
	}
	for _, s := range a.Sentences {
		if s.Start < 0 || s.End > len(a.Text) || s.Start >= s.End {
			t.Fatalf("bad sentence span %+v in text of %d bytes", s, len(a.Text))
		}
	}
	if strings.Contains(a.Text, "By Alma Grove") {
		t.Errorf("byline left in body: %q", a.Text)
	}

	h, err := st.Article(ctx, "airport")
	if err != nil {
		t.Fatalf("article airport: %v", err)
	}
	if !strings.Contains(h.Text, "second runway by 2027") || strings.Contains(h.Text, "© 2025 Example") {
		t.Errorf("html body = %q", h.Text)
	}
	if _, err := st.Article(ctx, "airport-copy"); err != nil {
		t.Errorf("gzipped page not stored under its base name: %v", err)
	}
	r2, err := st.Article(ctx, "r2")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r2.Published.String(), "2025-06-05"; got != want {
		t.Errorf("record published = %q, want %q", got, want)
	}
	if r2.Source != "Wire One" {
		t.Errorf("record source = %q", r2.Source)
	}

	t.Run("re-ingest changes nothing", func(t *testing.T) {
		sum, err := in.Run(ctx, []string{dir})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Inserted != 0 || sum.Revised != 0 || sum.Unchanged != 5 {
			t.Errorf("second run = %+v, want 5 unchanged", sum)
		}
	})
	t.Run("an edited file is a new revision", func(t *testing.T) {
		edited := strings.Replace(storyText, "17 votes to 4", "17 votes to 5", 1)
		p := write(t, t.TempDir(), "flood.txt", []byte(edited))
		sum, err := in.Run(ctx, []string{p})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Revised != 1 {
			t.Fatalf("summary = %+v, want 1 revised", sum)
		}
		revs, err := st.Revisions(ctx, "flood")
		if err != nil {
			t.Fatal(err)
		}
		if len(revs) != 2 || !strings.Contains(revs[0].Text, "17 votes to 4") || !strings.Contains(revs[1].Text, "17 votes to 5") {
			t.Errorf("revisions = %d, want the old and the new text", len(revs))
		}
	})
}

func TestIngester_BadInput(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	in := ingest.New(st, ingest.Options{})
	good := write(t, t.TempDir(), "good.txt", []byte(storyText))
	if _, err := in.Run(ctx, []string{good}); err != nil {
		t.Fatal(err)
	}
	before, err := st.Article(ctx, "good")
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	binary := make([]byte, 4096)
	for i := range binary {
		binary[i] = byte(i * 7)
	}
	write(t, dir, "binary.txt", binary)
	write(t, dir, "empty.txt", nil)
	write(t, dir, "blank.md", []byte("  \n\n \t\n"))
	write(t, dir, "broken.jsonl", []byte("{\"id\":\"ok1\",\"title\":\"Fine record\",\"text\":\"A perfectly fine record about the harbour festival, which drew 20,000 visitors on Saturday.\"}\n{not json\n{\"id\":\"notext\",\"title\":\"No body\"}\n"))
	write(t, dir, "feed.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bad`))
	write(t, dir, "trunc.html.gz", gz(t, []byte(pageHTML("Cut short", htmlBody)))[:60])
	// Windows-1252 text with curly quotes and an accented name.
	cp1252 := strings.ReplaceAll(storyText, "Dora Lind", "Dora L\xe9n")
	cp1252 = strings.ReplaceAll(cp1252, `"We have`, "\x93We have")
	cp1252 = strings.ReplaceAll(cp1252, `to act,"`, "to act,\x94")
	write(t, dir, "win1252.txt", []byte(strings.Replace(cp1252, "flood barrier", "flood wall", 1)))
	// UTF-16LE with a BOM.
	u16 := []byte{0xff, 0xfe}
	for _, r := range strings.Replace(storyText, "flood barrier", "river wall", 1) {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	write(t, dir, "utf16.txt", u16)

	sum, err := in.Run(ctx, []string{dir, filepath.Join(dir, "missing.txt"), "ftp://example.com/x", filepath.Join(dir, "*.none")})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	reasons := map[string]string{}
	for _, f := range sum.Failures {
		reasons[filepath.Base(strings.SplitN(f.Input, ":", 2)[0])] += f.Err.Error() + "; "
	}
	for _, name := range []string{"binary.txt", "empty.txt", "blank.md", "broken.jsonl", "feed.xml", "trunc.html.gz", "missing.txt", "ftp", "*.none"} {
		if reasons[name] == "" {
			t.Errorf("no failure reported for %s (failures: %v)", name, sum.Failures)
		}
	}
	if !errors.Is(sum.Err(), ingest.ErrPartial) {
		t.Errorf("Err = %v, want ErrPartial", sum.Err())
	}
	for _, id := range []string{"ok1", "win1252", "utf16"} {
		if _, err := st.Article(ctx, id); err != nil {
			t.Errorf("good input %s lost among bad ones: %v", id, err)
		}
	}
	w, err := st.Article(ctx, "win1252")
	if err == nil && (!strings.Contains(w.Text, "Dora Lén") || !strings.Contains(w.Text, "“We have")) {
		t.Errorf("windows-1252 not decoded: %q", w.Text)
	}
	after, err := st.Article(ctx, "good")
	if err != nil || after.Text != before.Text || after.Revision != before.Revision {
		t.Errorf("stored article harmed by a bad ingest: %v", err)
	}
}

func TestIngester_Stdin(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	stdin := strings.NewReader(`{"id":"s1","source":"Wire Two","title":"Bridge opens","text":"The new footbridge over the Aa opened on Sunday, two years late and 8 million euros over budget."}` + "\n")
	in := ingest.New(st, ingest.Options{Stdin: stdin})
	sum, err := in.Run(ctx, []string{"-"})
	if err != nil || sum.Inserted != 1 {
		t.Fatalf("Run = %+v, %v", sum, err)
	}
	if _, err := st.Article(ctx, "s1"); err != nil {
		t.Fatal(err)
	}
}

func TestIngester_URLs(t *testing.T) {
	ctx := context.Background()
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, pageHTML("Kolding airport to get second runway", htmlBody))
	})
	var srv *httptest.Server
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Gazette</title>
<item><title>Snippet item</title><link>%s/page</link><description>Only a teaser…</description><pubDate>Thu, 05 Jun 2025 09:00:00 +0200</pubDate></item>
<item><title>Dead link item</title><link>%s/gone</link><description>A teaser whose page is gone…</description></item>
</channel></rss>`, srv.URL, srv.URL)
	})
	mux.HandleFunc("/gone", http.NotFound)
	srv = httptest.NewServer(mux)
	defer srv.Close()

	// A port on loopback with nothing listening.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := "http://" + l.Addr().String() + "/x"
	l.Close()

	st := openStore(t)
	in := ingest.New(st, ingest.Options{Fetch: fetch.New(fetch.Options{AllowPrivate: true})})
	sum, err := in.Run(ctx, []string{srv.URL + "/feed", dead})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := st.Articles(ctx, func(a *news.Article) error {
		n++
		if a.Title == "Snippet item" && !strings.Contains(a.Text, "second runway") {
			t.Errorf("snippet item's page not fetched: %q", a.Text)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("stored %d articles, want 2 (the fetched page and the dead link's snippet)", n)
	}
	if sum.Failed != 2 {
		t.Errorf("failed = %d (%v), want 2: the dead host and the 404 page", sum.Failed, sum.Failures)
	}

	t.Run("refuses private addresses by default", func(t *testing.T) {
		in := ingest.New(openStore(t), ingest.Options{Fetch: fetch.New(fetch.Options{})})
		sum, err := in.Run(ctx, []string{srv.URL + "/page"})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Failed != 1 || sum.Inserted != 0 {
			t.Errorf("summary = %+v, want the loopback fetch refused", sum)
		}
	})
}
