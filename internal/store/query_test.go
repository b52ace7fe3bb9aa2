package store

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		query string
		want  Query
	}{
		{"", Query{}},
		{"   ", Query{}},
		{"fog", Query{Groups: [][]string{{"fog"}}}},
		{`"ferry sailed" fog`, Query{Groups: [][]string{{"ferry sailed"}, {"fog"}}}},
		{`"unclosed phrase`, Query{Groups: [][]string{{"unclosed phrase"}}}},
		{"a OR b OR c d", Query{Groups: [][]string{{"a", "b", "c"}, {"d"}}}},
		{"OR a", Query{Groups: [][]string{{"a"}}}},
		{"a OR", Query{Groups: [][]string{{"a"}}}},
		{"or and", Query{Groups: [][]string{{"or"}, {"and"}}}},
		{`fog -"ferry sailed" -rain`, Query{Groups: [][]string{{"fog"}}, Exclude: []string{"ferry sailed", "rain"}}},
		{"-only", Query{}},
		{"- spaced", Query{Groups: [][]string{{"spaced"}}}},
		{"a OR -b c", Query{Groups: [][]string{{"a"}, {"c"}}, Exclude: []string{"b"}}},
		{`* ( ) : ^ + !`, Query{}},
		{"tab\tnul\x00end", Query{Groups: [][]string{{"tab"}, {"nul"}, {"end"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := ParseQuery(tt.query); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseQuery(%q) = %+v, want %+v", tt.query, got, tt.want)
			}
		})
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, q := range []string{"fog", `"a b" -c OR d`, `"`, "-", "a OR OR b", "\x00", "a\"b\"c"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, query string) {
		q := ParseQuery(query)
		if q.Empty() && q.Exclude != nil {
			t.Errorf("ParseQuery(%q) = %+v: exclusions without groups", query, q)
		}
		for _, g := range append(q.Groups, q.Exclude) {
			for _, term := range g {
				if !searchable(term) || strings.ContainsFunc(term, unicode.IsControl) {
					t.Errorf("ParseQuery(%q) kept term %q", query, term)
				}
			}
		}
	})
}
