package reuse

import (
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// FuzzCompare feeds arbitrary text through Prepare, Keys and Compare: no
// panic, spans inside the text, and any text with words is a verbatim copy
// of itself under another id.
func FuzzCompare(f *testing.F) {
	for _, s := range []string{
		"",
		"One sentence.",
		"“Quoted, unclosed. Next sentence” said he. \"Another",
		"Numbers 1,000 and 3.5 rose.\n\nA new paragraph with \"a quote that runs\n\non\" and on.",
		"\xff\xfe broken utf-8 \"\x80\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // stored text is always valid UTF-8 (lang.Normalize)
		}
		a := Prepare(&news.Article{ID: "a", Text: text})
		for _, s := range a.Sentences {
			if s.Span.Start < 0 || s.Span.End > len(text) || s.Span.Start >= s.Span.End {
				t.Fatalf("span %v outside text of %d bytes", s.Span, len(text))
			}
		}
		Keys(a)
		b := Prepare(&news.Article{ID: "b", Text: text})
		r := Compare(a, b, []*Doc{a, b})
		if a.Words > 0 && (!r.Copy || r.Link.Kind != news.ReuseVerbatim) {
			t.Fatalf("text is not a verbatim copy of itself: %+v", r)
		}
		for _, p := range r.Alignment.Pairs {
			if p.Similarity < 0 || p.Similarity > 1 {
				t.Fatalf("similarity %v outside [0, 1]", p.Similarity)
			}
		}
	})
}
