package sqlite

import (
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

func TestMatchExpr(t *testing.T) {
	tests := []struct {
		query string
		want  string
	}{
		{"", ""},
		{"   ", ""},
		{"fog", `"fog"`},
		{"ferry fog", `"ferry" AND "fog"`},
		{`"ferry sailed" fog`, `"ferry sailed" AND "fog"`},
		{`"unclosed phrase`, `"unclosed phrase"`},
		{"a OR b", `("a" OR "b")`},
		{"a OR b OR c d", `("a" OR "b" OR "c") AND "d"`},
		{"x a OR b", `"x" AND ("a" OR "b")`},
		{"OR a", `"a"`},
		{"a OR", `"a"`},
		{"or and not", `"or" AND "and" AND "not"`},
		{"ferry -airport", `("ferry") NOT "airport"`},
		{`fog -"ferry sailed" -rain`, `(("fog") NOT "ferry sailed") NOT "rain"`},
		{"-only", ""},
		{"- spaced", `"spaced"`},
		{"a OR -b c", `("a" AND "c") NOT "b"`},
		{`say "it's"`, `"say" AND "it's"`},
		{`quote"inside`, `"quote""inside"`},
		{`* ( ) : ^ + !`, ""},
		{"title:ferry", `"title:ferry"`},
		{"NEAR(a b)", `"NEAR(a" AND "b)"`},
		{"острова", `"острова"`},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := matchExpr(tt.query); got != tt.want {
				t.Errorf("matchExpr(%q) = %s, want %s", tt.query, got, tt.want)
			}
		})
	}
}

// FuzzDB_Search checks that no query is an FTS5 syntax error.
func FuzzDB_Search(f *testing.F) {
	for _, q := range []string{"fog", `"a b" -c OR d`, `"`, "-", "a OR OR b", `NEAR("a" "b", 3)`, "col:x*", "\x00", "a\"b\"c"} {
		f.Add(q)
	}
	db, err := Open(f.Context(), filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	if _, err := db.Put(f.Context(), []*news.Article{
		{ID: "a", Title: "Fog at sea", Text: "The ferry waited for the fog to lift."},
		{ID: "b", Title: "Rain", Text: "Rain closed the airport for an hour."},
	}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := db.Search(t.Context(), q, 5); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	})
}
