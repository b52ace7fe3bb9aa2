package lang

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", []string{}},
		{"simple", "The Harbour, at night!", []string{"the", "harbour", "at", "night"}},
		{"apostrophes inside", "Don’t stop: it's the council's 'plan'", []string{"don't", "stop", "it's", "the", "council's", "plan"}},
		{"numbers", "rose 14% to 4,120 or 2.3 million in 2023.", []string{"rose", "14", "to", "4,120", "or", "2.3", "million", "in", "2023"}},
		{"hyphen and dash split", "long-overdue—yes", []string{"long", "overdue", "yes"}},
		{"non-latin", "Портовое управление, Zürich", []string{"портовое", "управление", "zürich"}},
		{"trailing apostrophe", "the islanders' vote", []string{"the", "islanders", "vote"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Words(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"reported", "report"},
		{"reports", "report"},
		{"Reporting", "report"},
		{"crossings", "cross"},
		{"the", "the"},
		{"at", "at"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Stem(tt.in); got != tt.want {
				t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsStopWord(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"the", true}, {"don't", true}, {"would", true}, {"not", true},
		{"ferry", false}, {"said", false}, {"", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := IsStopWord(tt.in); got != tt.want {
				t.Errorf("IsStopWord(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func BenchmarkWords(b *testing.B) {
	text := readArticle(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for range b.N {
		Words(text)
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"", "Don’t stop", "4,120 and 2.3", "Zu\u0308rich", "a'b' 'c", "\xff\xfeA"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range Words(s) {
			if w == "" || strings.ContainsFunc(w, unicode.IsSpace) {
				t.Fatalf("Words(%q) gave bad word %q", s, w)
			}
			if strings.ToLower(w) != w {
				t.Fatalf("Words(%q) gave %q, not lower case", s, w)
			}
		}
	})
}

func TestCount(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 articles"}, {1, "1 article"}, {2, "2 articles"}, {12, "12 articles"}} {
		if got := Count(tt.n, "article"); got != tt.want {
			t.Errorf("Count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
