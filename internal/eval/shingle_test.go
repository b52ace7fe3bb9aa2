package eval

import (
	"math"
	"slices"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"ascii", "Hello, world! it's 2024_v2", []string{"Hello", "world", "it", "s", "2024_v2"}},
		{"accented precomposed", "café crème", []string{"café", "crème"}},
		// Python's \w does not match combining marks (Mn).
		{"combining mark splits", "cafe\u0301 ok", []string{"cafe", "ok"}},
		{"cyrillic and digits", "Москва 3½ ²", []string{"Москва", "3½", "²"}},
		{"cjk", "東京 タワー", []string{"東京", "タワー"}},
		{"punctuation only", "— … “ ”", nil},
		{"soft hyphen splits", "co\u00adop", []string{"co", "op"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokens(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestShingles(t *testing.T) {
	tests := []struct {
		name   string
		tokens []string
		want   map[string]int
	}{
		{"none", nil, map[string]int{}},
		{"short text is one shingle", []string{"a", "b"}, map[string]int{"a\x00b": 1}},
		{"exactly four", []string{"a", "b", "c", "d"}, map[string]int{"a\x00b\x00c\x00d": 1}},
		{"repeats counted", []string{"a", "b", "c", "d", "a", "b", "c", "d"}, map[string]int{
			"a\x00b\x00c\x00d": 2, "b\x00c\x00d\x00a": 1, "c\x00d\x00a\x00b": 1, "d\x00a\x00b\x00c": 1,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Shingles(tt.tokens)
			if len(got) != len(tt.want) {
				t.Fatalf("Shingles(%q) = %v, want %v", tt.tokens, got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("Shingles(%q)[%q] = %d, want %d", tt.tokens, k, got[k], v)
				}
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

func TestMatch(t *testing.T) {
	tests := []struct {
		name             string
		gold, pred       string
		want             Counts
		wantP, wantR     float64
		wantPok, wantRok bool
		wantExact        bool
	}{
		{
			name: "identical", gold: "one two three four five", pred: "One two three four five",
			// Case matters: "One..." differs from "one..." in its first shingle.
			want: Counts{TP: 1.0 / 3, FP: 1.0 / 3, FN: 1.0 / 3}, wantP: 0.5, wantR: 0.5, wantPok: true, wantRok: true,
		},
		{
			name: "identical up to punctuation", gold: "one two, three four five.", pred: "one two three\n\nfour five",
			want: Counts{TP: 1}, wantP: 1, wantR: 1, wantPok: true, wantRok: true, wantExact: true,
		},
		{
			name: "disjoint", gold: "a b c d", pred: "e f g h",
			want: Counts{FP: 0.5, FN: 0.5}, wantP: 0, wantR: 0, wantPok: true, wantRok: true,
		},
		{
			// gold 6 tokens → 3 shingles; pred adds 2 tokens of furniture
			// in front → 5 shingles, 3 shared: tp 3, fp 2, fn 0.
			name: "partial extra text", gold: "a b c d e f", pred: "menu home a b c d e f",
			want: Counts{TP: 3.0 / 5, FP: 2.0 / 5}, wantP: 3.0 / 5, wantR: 1, wantPok: true, wantRok: true,
		},
		{
			// pred misses the last two tokens: 1 of 3 gold shingles found.
			name: "partial missing text", gold: "a b c d e f", pred: "a b c d",
			want: Counts{TP: 1.0 / 3, FN: 2.0 / 3}, wantP: 1, wantR: 1.0 / 3, wantPok: true, wantRok: true,
		},
		{
			name: "empty prediction", gold: "a b c d", pred: "",
			want: Counts{FN: 1}, wantR: 0, wantPok: false, wantRok: true,
		},
		{
			name: "empty gold", gold: "", pred: "a b c d",
			want: Counts{FP: 1}, wantP: 0, wantPok: true, wantRok: false,
		},
		{
			name: "both empty", gold: "…", pred: "",
			want: Counts{}, wantPok: false, wantRok: false, wantExact: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Match(tt.gold, tt.pred)
			if !near(got.TP, tt.want.TP) || !near(got.FP, tt.want.FP) || !near(got.FN, tt.want.FN) {
				t.Errorf("Match = %+v, want %+v", got, tt.want)
			}
			p, pok := got.Precision()
			if pok != tt.wantPok || pok && !near(p, tt.wantP) {
				t.Errorf("Precision = %v, %v, want %v, %v", p, pok, tt.wantP, tt.wantPok)
			}
			r, rok := got.Recall()
			if rok != tt.wantRok || rok && !near(r, tt.wantR) {
				t.Errorf("Recall = %v, %v, want %v, %v", r, rok, tt.wantR, tt.wantRok)
			}
			if e := Exact(tt.gold, tt.pred); e != tt.wantExact {
				t.Errorf("Exact = %v, want %v", e, tt.wantExact)
			}
		})
	}
}

func TestSummarise(t *testing.T) {
	counts := []Counts{
		Match("a b c d e f", "a b c d e f"),           // p 1, r 1
		Match("a b c d e f", "menu home a b c d e f"), // p .6, r 1
		Match("a b c d e f", ""),                      // p left out, r 0
		Match("", ""),                                 // left out of both
	}
	exact := []bool{true, false, false, true}
	got := Summarise(counts, exact)
	wantP := (1 + 0.6) / 2
	wantR := (1 + 1 + 0.0) / 3
	want := Summary{Precision: wantP, Recall: wantR, F1: 2 * wantP * wantR / (wantP + wantR), Accuracy: 0.5}
	if !near(got.Precision, want.Precision) || !near(got.Recall, want.Recall) || !near(got.F1, want.F1) || !near(got.Accuracy, want.Accuracy) {
		t.Errorf("Summarise = %+v, want %+v", got, want)
	}
	if got := Summarise(nil, nil); got != (Summary{}) {
		t.Errorf("Summarise(nil) = %+v, want zero", got)
	}
}

func FuzzMatch(f *testing.F) {
	f.Add("one two three four five", "two three four five six")
	f.Add("", "x")
	f.Add("é\u0301 ½ _", "\xff\xfe")
	f.Fuzz(func(t *testing.T, gold, pred string) {
		c := Match(gold, pred)
		s := c.TP + c.FP + c.FN
		if s != 0 && math.Abs(s-1) > 1e-9 {
			t.Fatalf("Match(%q, %q) = %+v, sum %v", gold, pred, c, s)
		}
		if same := Match(gold, gold); len(Tokens(gold)) > 0 && same.TP != 1 {
			t.Fatalf("Match(x, x) = %+v, want TP 1", same)
		}
	})
}

func BenchmarkMatch(b *testing.B) {
	gold := ""
	for i := range 2000 {
		gold += []string{"the ", "minister ", "said ", "on ", "Tuesday ", "that "}[i%6] + string(rune('a'+i%26)) + " "
	}
	pred := "Home News World " + gold + " Subscribe to our newsletter"
	b.SetBytes(int64(len(gold) + len(pred)))
	b.ReportAllocs()
	for range b.N {
		Match(gold, pred)
	}
}
