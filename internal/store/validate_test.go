package store

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

func TestValidateArticle(t *testing.T) {
	tests := []struct {
		name string
		a    *news.Article
		ok   bool
	}{
		{"nil", nil, false},
		{"no id", &news.Article{Text: "x"}, false},
		{"no text", &news.Article{ID: "a"}, false},
		{"valid", &news.Article{ID: "a", Text: "x"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateArticle(tt.a)
			if got := err == nil; got != tt.ok || (err != nil && !errors.Is(err, news.ErrInvalid)) {
				t.Errorf("ValidateArticle = %v, want ok %v", err, tt.ok)
			}
		})
	}
}

func TestEncodeLinkPairs(t *testing.T) {
	good := news.Link{Copy: "c", Original: "o", Kind: news.ReuseVerbatim, Coverage: 1, DirectionConfidence: 0.5}
	tests := []struct {
		name string
		edit func(*news.Link)
		ok   bool
	}{
		{"valid", func(*news.Link) {}, true},
		{"empty id", func(l *news.Link) { l.Copy = "" }, false},
		{"itself", func(l *news.Link) { l.Original = "c" }, false},
		{"no kind", func(l *news.Link) { l.Kind = "" }, false},
		{"coverage", func(l *news.Link) { l.Coverage = 1.5 }, false},
		{"confidence NaN", func(l *news.Link) { l.DirectionConfidence = math.NaN() }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := good
			tt.edit(&l)
			pairs, err := EncodeLinkPairs([]news.Link{l})
			if got := err == nil; got != tt.ok || (err != nil && !errors.Is(err, news.ErrInvalid)) {
				t.Fatalf("EncodeLinkPairs = %v, want ok %v", err, tt.ok)
			}
			if tt.ok && string(pairs[0]) != "[]" {
				t.Errorf("pairs = %s, want []", pairs[0])
			}
		})
	}
}

func TestSplitProvenance(t *testing.T) {
	links := []news.Derivation{
		{ID: "p", Kind: news.ReusePartial},
		{ID: "n", Kind: news.ReuseNear},
		{ID: "v", Kind: news.ReuseVerbatim},
		{ID: "q", Kind: news.ReuseParaphrase},
	}
	dup, derived := SplitProvenance(links)
	if want := []news.Derivation{links[0], links[3]}; dup != "n" || !slices.Equal(derived, want) {
		t.Errorf("SplitProvenance = %q, %v; want n, %v", dup, derived, want)
	}
	if _, derived := SplitProvenance(nil); derived == nil {
		t.Error("SplitProvenance(nil) derived = nil, want empty")
	}
}

func TestFollowMerges(t *testing.T) {
	merged := map[string]string{"a": "b", "b": "c", "x": "y", "y": "x"}
	step := func(cur string) (string, bool, error) {
		next, ok := merged[cur]
		return next, ok, nil
	}
	if got, err := FollowMerges("a", step); got != "c" || err != nil {
		t.Errorf("FollowMerges(a) = %q, %v; want c", got, err)
	}
	if got, err := FollowMerges("x", step); err == nil {
		t.Errorf("FollowMerges(cycle) = %q, want an error", got)
	}
	if got, err := FollowOriginals("x", step); got != "y" || err != nil {
		t.Errorf("FollowOriginals(cycle) = %q, %v; want y", got, err)
	}
}

func TestValidateAssignments(t *testing.T) {
	if err := ValidateAssignments([]StoryAssignment{{Article: "a", Story: "s"}}); err != nil {
		t.Errorf("valid batch: %v", err)
	}
	if err := ValidateAssignments([]StoryAssignment{{Article: "a"}}); !errors.Is(err, news.ErrInvalid) {
		t.Errorf("no story: %v, want ErrInvalid", err)
	}
}

func FuzzDecodeKeys(f *testing.F) {
	f.Add(EncodeKeys([]uint64{1, 1 << 63}))
	f.Add([]byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, b []byte) {
		keys, err := DecodeKeys(b)
		if err != nil {
			return
		}
		if again := EncodeKeys(keys); string(again) != string(b) {
			t.Errorf("re-encode = %x, want %x", again, b)
		}
	})
}
