package extract

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/evaldata"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"

	"github.com/parallax-news/parallax/internal/news"
)

var updateHTML = flag.Bool("update-html", false, "rewrite the golden .txt files of testdata/html")

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "html", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHTML_Fixtures(t *testing.T) {
	tests := []struct {
		file      string
		title     string
		author    string
		source    string
		url       string
		published string
		contains  []string
		absent    []string
	}{
		{
			file:   "article.html",
			title:  "Riverside library reopens after flood repairs",
			author: "Maren Holt", source: "The Valley Courier",
			url:       "https://valleycourier.example/news/2024/03/14/riverside-library-reopens",
			published: "2024-03-14T09:30:00+01:00",
			contains: []string{
				"The Riverside branch library opened its doors again on Thursday",
				"“We rebuilt it so that the next flood, if it comes, will cost us a week of cleaning rather than a year of work,” Verhoeven said.",
				"until the end of May, when the council will decide whether to make them permanent.",
			},
			absent: []string{"cookie", "Accept all", "Sport", "Related stories", "flood barrier", "Subscribe", "newsletter", "All rights reserved", "Privacy", "Facebook", "Riverside library reopens after flood repairs"},
		},
		{
			file:   "windows1252.html",
			title:  "Café owners welcome the new market hall",
			author: "Renée Laval", source: "Harbour Weekly",
			published: "2023-11-02",
			contains: []string{
				"Owners of the small cafés around the harbour",
				"“We used to count the tourists in the summer and nobody in the winter,” said Amélie Roussel",
				"crêperie", "A résumé of complaints",
			},
			absent: []string{"\uFFFD", "Home | Local", "Contact the newsroom"},
		},
		{
			file:     "latin1-httpequiv.html",
			title:    "Señora Ibáñez opens the school garden",
			contains: []string{"a retired teacher, Señora Ibáñez, who spent the summer"},
			absent:   []string{"\uFFFD"},
		},
		{
			file:   "utf16le-bom.html",
			title:  "Harbour ferry timetable changes next month",
			author: "Jonas Eklund",
			contains: []string{
				"The harbour ferry will run every twenty minutes",
				"a new boat, the Ålesund Star, which joins",
				"Tickets bought before the change remain valid until the end of the year.",
			},
			absent: []string{"Travel", "\x00"},
		},
		{
			file:      "truncated.html",
			title:     "Night trains return to the northern line",
			author:    "Ilse Brandt",
			published: "2022-06-30",
			contains: []string{
				"Night trains will run on the northern line again from September",
				"Tickets go on sale in July.",
				"and that the council would",
			},
			absent: []string{"Home", "Travel"},
		},
		{
			file:   "gzipped.html.gz",
			title:  "Beekeepers count a good year despite the wet spring",
			author: "Pieter Mols", source: "Polder Post",
			url:       "https://polderpost.example/2021/09/08/beekeepers-good-year",
			published: "2021-09-08T14:05:00Z",
			contains: []string{
				"Beekeepers in the polder region expect their best honey harvest in five years",
				"fuel all cost more than last year.",
			},
			absent: []string{"Follow us", "©", "Farming"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := HTML(context.Background(), readFixture(t, tt.file), Hints{})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range []struct{ name, got, want string }{
				{"title", got.Title, tt.title},
				{"author", got.Author, tt.author},
				{"source", got.Source, tt.source},
				{"url", got.URL, tt.url},
				{"published", got.Published.String(), tt.published},
			} {
				if f.got != f.want {
					t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
				}
			}
			for _, s := range tt.contains {
				if !strings.Contains(got.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, got.Text)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(got.Text, s) {
					t.Errorf("text contains furniture %q:\n%s", s, got.Text)
				}
			}
			if !utf8.ValidString(got.Text) || !norm.NFC.IsNormalString(got.Text) {
				t.Errorf("text is not valid NFC UTF-8")
			}
			checkGolden(t, strings.TrimSuffix(tt.file, filepath.Ext(tt.file)), got.Text)
		})
	}
}

// checkGolden compares text with testdata/html/<name>.txt, or writes it
// under -update.
func checkGolden(t *testing.T, name, text string) {
	t.Helper()
	path := filepath.Join("testdata", "html", strings.TrimSuffix(name, ".html")+".txt")
	if *updateHTML {
		if err := os.WriteFile(path, []byte(text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file: %v (run go test -update-html)", err)
	}
	if got := text + "\n"; got != string(want) {
		t.Errorf("text differs from %s (run go test -update-html after checking):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

func TestHTML_Paragraphs(t *testing.T) {
	got, err := HTML(context.Background(), readFixture(t, "article.html"), Hints{})
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(got.Text, "\n\n")
	if len(paras) != 5 {
		t.Errorf("paragraphs = %d, want 5:\n%q", len(paras), paras)
	}
	if len(got.Removed) == 0 || got.Removed[0] != "Riverside library reopens after flood repairs" {
		t.Errorf("removed = %q, want the repeated headline first", got.Removed)
	}
}

func TestHTML_Hints(t *testing.T) {
	page := readFixture(t, "article.html")
	when := news.Time{T: time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionDay}
	tests := []struct {
		name  string
		hints Hints
		want  Result
	}{
		{
			name:  "hints win",
			hints: Hints{Title: "Given title", Author: "Given Author", Source: "Given Outlet", Published: when, URL: "https://mirror.example/x"},
			// The page's canonical URL is kept over the fetch address.
			want: Result{Title: "Given title", Author: "Given Author", Source: "Given Outlet", Published: when, URL: "https://valleycourier.example/news/2024/03/14/riverside-library-reopens"},
		},
		{
			name:  "empty hints change nothing",
			hints: Hints{},
			want: Result{Title: "Riverside library reopens after flood repairs", Author: "Maren Holt", Source: "The Valley Courier",
				URL:       "https://valleycourier.example/news/2024/03/14/riverside-library-reopens",
				Published: news.Time{T: time.Date(2024, 3, 14, 9, 30, 0, 0, time.FixedZone("", 3600)), Precision: news.PrecisionMinute, Zoned: true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := HTML(context.Background(), page, tt.hints)
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != tt.want.Title || got.Author != tt.want.Author || got.Source != tt.want.Source || got.URL != tt.want.URL {
				t.Errorf("got %q %q %q %q, want %q %q %q %q", got.Title, got.Author, got.Source, got.URL,
					tt.want.Title, tt.want.Author, tt.want.Source, tt.want.URL)
			}
			if got.Published.String() != tt.want.Published.String() || !got.Published.T.Equal(tt.want.Published.T) {
				t.Errorf("published = %v, want %v", got.Published, tt.want.Published)
			}
		})
	}
	t.Run("url hint fills a page without canonical", func(t *testing.T) {
		got, err := HTML(context.Background(), readFixture(t, "truncated.html"), Hints{URL: "https://rail.example/night-trains"})
		if err != nil {
			t.Fatal(err)
		}
		if want := "https://rail.example/night-trains"; got.URL != want {
			t.Errorf("url = %q, want %q", got.URL, want)
		}
	})
}

func TestHTML_Errors(t *testing.T) {
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write([]byte("<html><body><p>"))
	zw.Close()
	tests := []struct {
		name string
		page []byte
		want error
	}{
		{"empty", nil, news.ErrEmpty},
		{"no text", []byte("<html><head><title></title></head><body><nav><a href=/><img src=logo.png></a></nav><script>var a;</script></body></html>"), news.ErrEmpty},
		{"broken gzip", []byte{0x1f, 0x8b, 0x00, 0x01}, news.ErrInvalid},
		{"gzip of nothing useful", bomb.Bytes(), news.ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := HTML(context.Background(), tt.page, Hints{})
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := HTML(ctx, readFixture(t, "article.html"), Hints{}); !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
}

func TestGunzipCapped(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(bytes.Repeat([]byte("<p>a</p>"), 1000))
	zw.Close()
	full := buf.Bytes()
	t.Run("over the cap", func(t *testing.T) {
		if _, err := gunzipCapped(full, 7999); !errors.Is(err, news.ErrTooLarge) {
			t.Errorf("err = %v, want ErrTooLarge", err)
		}
	})
	t.Run("at the cap", func(t *testing.T) {
		got, err := gunzipCapped(full, 8000)
		if err != nil || len(got) != 8000 {
			t.Errorf("len, err = %d, %v, want 8000, nil", len(got), err)
		}
	})
	t.Run("truncated stream keeps its start", func(t *testing.T) {
		got, err := gunzipCapped(full[:len(full)-10], 8000)
		if err != nil || !bytes.HasPrefix(got, []byte("<p>a</p><p>a</p>")) {
			t.Errorf("got %d bytes, err %v; want a prefix", len(got), err)
		}
	})
	t.Run("not gzip", func(t *testing.T) {
		in := []byte("<p>plain</p>")
		got, err := gunzipCapped(in, 1)
		if err != nil || !bytes.Equal(got, in) {
			t.Errorf("got %q, %v; want input unchanged", got, err)
		}
	})
}

func TestHTML_LargePage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 50 MB page")
	}
	var sb strings.Builder
	sb.WriteString("<html><head><title>A very long page</title></head><body><article><h1>A very long page</h1>")
	for i := range 8 {
		sb.WriteString("<p>This opening paragraph of the story is long enough to read as prose, and it is number ")
		sb.WriteByte(byte('0' + i))
		sb.WriteString(" of eight that come before a very long comment thread.</p>")
	}
	sb.WriteString("</article>")
	for sb.Len() < 50<<20 {
		sb.WriteString(`<div class="comment"><a href="/u">reader</a><p>A comment that says very little at some length.</p></div>`)
	}
	sb.WriteString("</body></html>")
	start := time.Now()
	got, err := HTML(context.Background(), []byte(sb.String()), Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Text, "number 7 of eight") {
		t.Errorf("body lost: %.300q", got.Text)
	}
	// Generous: about 0.3 s here, but the machine is shared.
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestTruncateDOM(t *testing.T) {
	tests := []struct {
		name   string
		budget domBudget
		want   string
		cut    bool
	}{
		{"within", domBudget{100, 100, 1000}, "<p>a</p><p>b</p><div><p>c</p>d</div>", false},
		// html, head, script, body, p, p, div, p: 8 elements.
		{"exactly", domBudget{8, 3, 4}, "<p>a</p><p>b</p><div><p>c</p>d</div>", false},
		{"elements", domBudget{6, 100, 1000}, "<p>a</p><p>b</p>", true},
		{"paragraphs", domBudget{100, 2, 1000}, "<p>a</p><p>b</p><div></div>", true},
		{"text", domBudget{100, 100, 2}, "<p>a</p><p>b</p><div><p></p></div>", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><head><script>var x = 'long script text not counted';</script></head><body><p>a</p><p>b</p><div><p>c</p>d</div></body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			cut := truncateDOM(doc, tt.budget)
			var buf bytes.Buffer
			html.Render(&buf, doc)
			body := buf.String()
			body = body[strings.Index(body, "<body>")+6:]
			body = strings.TrimSuffix(body, "</body></html>")
			if cut != tt.cut || body != tt.want {
				t.Errorf("truncateDOM = %v, body %q; want %v, %q", cut, body, tt.cut, tt.want)
			}
		})
	}
}

func FuzzHTML(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "html", "*.htm*"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("<p>a<table><td>b<p>c</table>"))
	f.Add([]byte("<html><body><h1>x</h1><pre>  a\n b</pre><br><br></body>"))
	f.Fuzz(func(t *testing.T, page []byte) {
		r, err := HTML(context.Background(), page, Hints{})
		if err != nil {
			return
		}
		if r.Text == "" || !utf8.ValidString(r.Text) {
			t.Errorf("text %q: empty or invalid UTF-8 without an error", r.Text)
		}
	})
}

// aebPages loads the extraction benchmark's pages, gunzipped, or skips.
func aebPages(b *testing.B) [][]byte {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join(evaldata.Dir(b, "extraction-aeb", "html"), "*.html.gz"))
	if len(files) == 0 {
		b.Skip("../shared/eval/extraction-aeb absent")
	}
	pages := make([][]byte, 0, len(files))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		page, err := gunzipCapped(raw, MaxDecompressed)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, page)
	}
	return pages
}

func benchmarkPages(b *testing.B, extract func(page []byte) error) {
	pages := aebPages(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, p := range pages {
			if err := extract(p); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkHTML runs HTML over the 181 pages of the extraction benchmark.
func BenchmarkHTML(b *testing.B) {
	benchmarkPages(b, func(page []byte) error {
		_, err := HTML(context.Background(), page, Hints{})
		return err
	})
}

// BenchmarkHTMLStock is the library's own path on the same pages:
// trafilatura.Extract, which detects the charset and NFC-normalises the
// whole page before parsing, with the same options, its own fast date
// search standing in for ours, and no post-processing.
func BenchmarkHTMLStock(b *testing.B) {
	opts := trafilaturaOptions()
	opts.HtmlDateMode = trafilatura.Fast
	benchmarkPages(b, func(page []byte) error {
		_, err := trafilatura.Extract(bytes.NewReader(page), opts)
		return err
	})
}
