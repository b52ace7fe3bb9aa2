package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/parallax-news/parallax/internal/news"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func parseFile(t testing.TB, name string) *Feed {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fd, err := Parse(f)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return fd
}

// TestParse_Golden compares each fixture's parse, NeedsPage included,
// with testdata/NAME.golden.json; go test -update rewrites them.
func TestParse_Golden(t *testing.T) {
	type goldenItem struct {
		Item
		NeedsPage bool
	}
	for _, name := range []string{"rss_full.xml", "rss_snippets.xml", "atom.xml", "jsonfeed.json", "latin1.xml"} {
		t.Run(name, func(t *testing.T) {
			fd := parseFile(t, name)
			out := struct {
				Title, Link, Language string
				Items                 []goldenItem
			}{fd.Title, fd.Link, fd.Language, nil}
			for _, it := range fd.Items {
				out.Items = append(out.Items, goldenItem{it, it.NeedsPage()})
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(out); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			golden := filepath.Join("testdata", strings.TrimSuffix(name, filepath.Ext(name))+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
				t.Errorf("parse of %s differs from %s:\n%s", name, golden, got)
			}
		})
	}
}

func TestParse_Fields(t *testing.T) {
	tests := []struct {
		file      string
		item      int
		id, url   string
		title     string
		author    string
		published string
		content   bool // has Content
		needsPage bool
	}{
		{"rss_full.xml", 0, "gazette-2024-0312", "https://gazette.example/news/night-ferries", "Harbour authority approves night ferries",
			"Ada Lindqvist", "2024-03-05T14:41:00+01:00", true, false},
		{"rss_full.xml", 1, "https://gazette.example/news/bridge-repairs", "https://gazette.example/news/bridge-repairs", "Bridge repairs to run until autumn & beyond",
			"Tomas Brandt", "2024-03-04T09:05:30Z", false, false},
		{"rss_snippets.xml", 0, "https://islands.example/2024/03/timetable", "https://islands.example/2024/03/timetable", "Ferry timetable published",
			"", "2024-03-06T08:00:00-05:00", false, true},
		{"rss_snippets.xml", 1, "https://islands.example/2024/03/bakery", "https://islands.example/2024/03/bakery", "Bakery owner doubts ferry promise",
			"", "2024-03-06T07:30:00", false, true},
		{"rss_snippets.xml", 2, "https://islands.example/2024/03/petition", "https://islands.example/2024/03/petition", "Petition gathers signatures",
			"", "2024-03-06", false, true},
		{"rss_snippets.xml", 3, "https://islands.example/2024/03/title-only", "https://islands.example/2024/03/title-only", "Title-only item",
			"", "", false, true},
		{"atom.xml", 0, "urn:uuid:7a1f0c2e-0000-4000-8000-000000000002", "https://coastwatch.example/insurers-night-crossings", "Insurers back night crossings",
			"Noor Haddad, Pieter Vos", "2024-03-05T18:20:00+02:00", true, false},
		{"atom.xml", 1, "urn:uuid:7a1f0c2e-0000-4000-8000-000000000003", "https://coastwatch.example/beacons-repaired", "Beacon repairs completed",
			"", "2024-03-04T12:00:00Z", false, true},
		{"jsonfeed.json", 0, "post-7781", "https://post.example/2024/03/05/ferries", "Night ferries return after five years",
			"Grace Mbeki", "2024-03-05T16:45:00-05:00", true, false},
		{"jsonfeed.json", 1, "post-7782", "https://post.example/2024/03/06/tickets", "Ticket sales date set",
			"", "2024-03-06", true, true},
		{"latin1.xml", 0, "https://journal.example/ferries-de-nuit", "https://journal.example/ferries-de-nuit", "Les ferries de nuit approuvés à Port Ellis",
			"", "2024-03-05T15:10:00+01:00", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.title, func(t *testing.T) {
			fd := parseFile(t, tt.file)
			it := fd.Items[tt.item]
			for _, c := range []struct{ field, got, want string }{
				{"ID", it.ID, tt.id}, {"URL", it.URL, tt.url}, {"Title", it.Title, tt.title},
				{"Author", it.Author, tt.author}, {"Published", it.Published.String(), tt.published},
				{"FeedTitle", it.FeedTitle, fd.Title},
			} {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
				}
			}
			if got := it.Content != ""; got != tt.content {
				t.Errorf("has Content = %v, want %v", got, tt.content)
			}
			if got := it.NeedsPage(); got != tt.needsPage {
				t.Errorf("NeedsPage() = %v, want %v", got, tt.needsPage)
			}
		})
	}
	t.Run("latin-1 summary decoded", func(t *testing.T) {
		it := parseFile(t, "latin1.xml").Items[0]
		if want := "L'autorité portuaire a voté mardi. Les habitants de l'île sont satisfaits\u00a0; « enfin », dit une boulangère."; it.Summary != want {
			t.Errorf("Summary = %q, want %q", it.Summary, want)
		}
	})
	t.Run("content is html, summary the description", func(t *testing.T) {
		it := parseFile(t, "rss_full.xml").Items[0]
		if !strings.HasPrefix(it.Content, "<p>The Port Ellis harbour authority") {
			t.Errorf("Content = %.60q…", it.Content)
		}
		if it.Summary != "The authority voted 7–2 to allow night crossings." {
			t.Errorf("Summary = %q", it.Summary)
		}
	})
}

func TestParse_Errors(t *testing.T) {
	malformed, err := os.ReadFile("testdata/malformed.xml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in string
	}{
		{"malformed", string(malformed)},
		{"empty", ""},
		{"html page", "<!doctype html><html><body><p>Not a feed</p></body></html>"},
		{"plain text", "Harbour authority approves night ferries"},
		{"json not a feed", `{"id": 1, "text": "hello"}`},
		{"broken json feed", `{"version": "https://jsonfeed.org/version/1.1", "items": [`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in))
			if !errors.Is(err, news.ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			if !strings.HasPrefix(err.Error(), "parse feed: ") {
				t.Errorf("err = %q, want it to start with %q", err, "parse feed: ")
			}
		})
	}
	t.Run("read error", func(t *testing.T) {
		boom := errors.New("boom")
		_, err := Parse(iotest.ErrReader(boom))
		if !errors.Is(err, boom) || errors.Is(err, news.ErrInvalid) {
			t.Errorf("err = %v, want the read error and not ErrInvalid", err)
		}
	})
}

func TestItem_NeedsPage(t *testing.T) {
	long := strings.Repeat("The harbour authority met again to discuss the timetable. ", 10)
	tests := []struct {
		name string
		item Item
		want bool
	}{
		{"nothing", Item{Title: "A title"}, true},
		{"short summary", Item{Summary: "<p>A short teaser.</p>"}, true},
		{"long content", Item{Content: "<p>" + long + "</p>"}, false},
		{"long summary only", Item{Summary: long}, false},
		{"long text in markup counts as text", Item{Content: "<p>" + strings.Repeat(`<a href="https://example.com/a/very/long/url">x</a>`, 50) + "</p>"}, true},
		{"ellipsis", Item{Content: long + "and then…"}, true},
		{"three dots", Item{Content: long + "and then..."}, true},
		{"bracketed", Item{Content: long + "and then [...]"}, true},
		{"read more link", Item{Content: "<p>" + long + `</p><p><a href="/x">Read more »</a></p>`}, true},
		{"continue reading", Item{Content: long + " Continue reading →"}, true},
		{"content wins over summary", Item{Summary: long, Content: "Short."}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.item.NeedsPage(); got != tt.want {
				t.Errorf("NeedsPage() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel/></rss>`, true},
		{"rss with bom and comment", "\uFEFF\n<?xml version=\"1.0\"?>\n<!-- generated -->\n<rss>", true},
		{"rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">`, true},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>`, true},
		{"latin-1 declared", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>Actualit\xe9s", true},
		{"json feed", `{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}`, true},
		{"html", `<!DOCTYPE html><html><head><title>x</title></head></html>`, false},
		{"svg", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`, false},
		{"feed in another namespace", `<feed xmlns="urn:example:other"/>`, false},
		{"json record", `{"id": "a1", "text": "Harbour news"}`, false},
		{"plain text", "Harbour authority approves night ferries", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff([]byte(tt.in)); got != tt.want {
				t.Errorf("Sniff(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
	t.Run("fixtures", func(t *testing.T) {
		for _, name := range []string{"rss_full.xml", "rss_snippets.xml", "atom.xml", "jsonfeed.json", "latin1.xml"} {
			b, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			if !Sniff(b) {
				t.Errorf("Sniff(%s) = false", name)
			}
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"rss_full.xml", "rss_snippets.xml", "atom.xml", "jsonfeed.json", "malformed.xml", "latin1.xml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<rss><channel><item><pubDate>Mon, 04 Mar 2024 09:05:30 XYZ</pubDate><link>/a</link></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		Sniff(b)
		fd, err := Parse(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, news.ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		for _, it := range fd.Items {
			it.NeedsPage()
			if s := it.Published.String(); s != "" {
				if _, err := news.ParseTime(s); err != nil {
					t.Fatalf("Published %q does not round-trip: %v", s, err)
				}
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("testdata/rss_full.xml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for range b.N {
		if _, err := Parse(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
