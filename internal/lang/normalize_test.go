package lang

import (
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "A plain line.", "A plain line."},
		{"crlf", "one\r\ntwo\rthree", "one\ntwo\nthree"},
		{"bom and zero width", "\uFEFFbe\u200Bfore\u200D and\u00AD after", "before and after"},
		{"controls dropped, tab kept as space", "a\x00b\x07c\td", "abc d"},
		{"unicode spaces", "a\u00A0b\u2009c\u3000d\u202Fe", "a b c d e"},
		{"collapse and trim", "  lots   of \t space  \n  next   line ", "lots of space\nnext line"},
		{"blank lines", "\n\npara one\n\n\n\n  \npara two\n\n", "para one\n\npara two"},
		{"paragraph separator", "one\u2029two\u2028three", "one\n\ntwo\nthree"},
		{"quotes and dashes kept", "“Yes” – ‘no’ — «maybe»", "“Yes” – ‘no’ — «maybe»"},
		{"nfc", "Cafe\u0301 Zu\u0308rich", "Café Zürich"},
		{"nfc after removal", "e\u200B\u0301", "é"},
		{"invalid utf-8", "a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.in)
			if got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Normalize(got); again != got {
				t.Errorf("Normalize not idempotent: %q then %q", got, again)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"lower", "The Harbour", "the harbour"},
		{"curly quotes", "“It’s over,” she said", `"it's over," she said`},
		{"angle quotes", "«Non» ‹oui›", `"non" 'oui'`},
		{"dashes", "2019–2023 — a long wait ‐ really", "2019-2023 - a long wait - really"},
		{"ellipsis", "wait…", "wait..."},
		{"diacritics kept", "Zürich Café", "zürich café"},
		{"spacing", "  a\u00A0 b ", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	t.Run("quote styles compare equal", func(t *testing.T) {
		a, b := Fold("He said “no” – twice…"), Fold(`he said "no" - twice...`)
		if a != b {
			t.Errorf("Fold differs: %q vs %q", a, b)
		}
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "a\r\nb", "\uFEFF x \u00A0 y\n\n\n z", "e\u200B\u0301", "\xff\xfe", "\u2029\u2028 \t", "a\u0085b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Normalize(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, got)
		}
		if again := Normalize(got); again != got {
			t.Fatalf("Normalize not idempotent on %q: %q then %q", s, got, again)
		}
		if folded := Fold(s); Fold(folded) != folded {
			t.Fatalf("Fold not idempotent on %q: %q then %q", s, folded, Fold(folded))
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	text := readArticle(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for range b.N {
		Normalize(text)
	}
}
