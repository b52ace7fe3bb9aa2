package ingest

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

func collect(t testing.TB, in string) (recs []*Record, errs []error, err error) {
	err = readRecords(strings.NewReader(in), func(line int, rec *Record, e error) error {
		if e != nil {
			errs = append(errs, e)
			return nil
		}
		recs = append(recs, rec)
		return nil
	})
	return recs, errs, err
}

func TestReadRecords(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantIDs  []string
		wantErrs int
		wantErr  error
	}{
		{"json lines", "{\"id\":\"a\",\"text\":\"x\"}\n\n{\"id\":\"b\",\"text\":\"y\"}\n", []string{"a", "b"}, 0, nil},
		{"crlf and bom", "\ufeff{\"id\":\"a\"}\r\n{\"id\":\"b\"}\r\n", []string{"a", "b"}, 0, nil},
		{"array", `[{"id":"a"}, {"id":"b"}]`, []string{"a", "b"}, 0, nil},
		{"single pretty object", "{\n  \"id\": \"a\",\n  \"text\": \"x\"\n}\n", []string{"a"}, 0, nil},
		{"bad middle line", "{\"id\":\"a\"}\n{oops\n{\"id\":\"c\"}\n", []string{"a", "c"}, 1, nil},
		{"broken first line then good", "{\"id\":\"a\",\n{\"id\":\"b\"}\n", []string{"b"}, 1, nil},
		{"empty", "   \n", nil, 0, news.ErrEmpty},
		{"no final newline", `{"id":"a"}`, []string{"a"}, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, errs, err := collect(t, tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			var ids []string
			for _, r := range recs {
				ids = append(ids, r.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.wantIDs, ",") {
				t.Errorf("ids = %v, want %v", ids, tt.wantIDs)
			}
			if len(errs) != tt.wantErrs {
				t.Errorf("line errors = %v, want %d", errs, tt.wantErrs)
			}
			for _, e := range errs {
				if !errors.Is(e, news.ErrInvalid) || !strings.Contains(e.Error(), "line") {
					t.Errorf("line error %q does not name the line or wrap ErrInvalid", e)
				}
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, body, file string
		want             kind
	}{
		{"html doctype", "<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", kindHTML},
		{"plain text in .html", "Just a headline\n\nAnd a paragraph of text about the harbour.", "a.html", kindText},
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, "feed", kindFeed},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"></feed>`, "x.xml", kindFeed},
		{"json feed", `{"version":"https://jsonfeed.org/version/1.1","items":[]}`, "f.json", kindFeed},
		{"jsonl", `{"id":"a","text":"x"}`, "r.txt", kindJSON},
		{"array", ` [ {"id":"a"} ]`, "r", kindJSON},
		{"markdown", "# Title\n\nBody text.", "a.md", kindText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniff([]byte(tt.body), tt.file); got != tt.want {
				t.Errorf("sniff = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFileID(t *testing.T) {
	for in, want := range map[string]string{
		"a/b/000_x.txt": "000_x", "page.html.gz": "page", "x.y.jsonl": "x.y", "noext": "noext", "v1.2": "v1.2",
	} {
		if got := fileID(in); got != want {
			t.Errorf("fileID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCanonicalURL(t *testing.T) {
	for in, want := range map[string]string{
		"HTTPS://Example.COM:443/a/b/?utm_source=x&b=2&a=1#frag": "https://example.com/a/b?a=1&b=2",
		"http://example.com:80/":                                 "http://example.com/",
		"https://example.com/path/?fbclid=abc":                   "https://example.com/path",
	} {
		if got := canonicalURL(in); got != want {
			t.Errorf("canonicalURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzReadRecords(f *testing.F) {
	f.Add("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\"}\n")
	f.Add(`[{"id":"a"},{"id":`)
	f.Add("{\n\"id\": 1\n")
	f.Add("\ufeff\n\n{}")
	f.Fuzz(func(t *testing.T, in string) {
		n := 0
		_ = readRecords(strings.NewReader(in), func(line int, rec *Record, err error) error {
			n++
			if line < 1 {
				t.Fatalf("line %d < 1", line)
			}
			if (rec == nil) == (err == nil) {
				t.Fatalf("exactly one of record and error must be set")
			}
			if rec != nil && utf8.ValidString(in) && !utf8.ValidString(rec.Text) {
				t.Fatalf("invalid UTF-8 text from valid input")
			}
			return nil
		})
		if n > strings.Count(in, "\n")+strings.Count(in, "{")+1 {
			t.Fatalf("%d callbacks for %d lines", n, strings.Count(in, "\n")+1)
		}
	})
}

func FuzzSniff(f *testing.F) {
	f.Add([]byte("<html>"), "a.txt")
	f.Add([]byte("{"), "a.json")
	f.Fuzz(func(t *testing.T, b []byte, name string) {
		k := sniff(b, name)
		if k < kindText || k > kindFeed {
			t.Fatalf("kind %d out of range", k)
		}
	})
}
