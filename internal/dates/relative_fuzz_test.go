package dates

import (
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

func FuzzFindAll(f *testing.F) {
	for _, s := range []string{
		"The ferry sank on Friday. A warning issued the day before went unheeded.",
		"Talks stalled in December; since at least September prices rose, two weeks ago.",
		"Pumps failed on May 2, 2024; three days later the mine closed. Later that month",
		"OSLO | Thu Apr 29, 2010 3:08 pm EDT the quay flooded last night",
		"mid-April 25 January of 2023 2 Jun. last Friday next week 12 days ago",
		"Jan. 31 Feb 29 the same day that year 2000 people",
	} {
		f.Add(s, true, false)
	}
	f.Fuzz(func(t *testing.T, s string, withRef, floor bool) {
		ref := news.Time{}
		if withRef {
			ref = relRef
		}
		ms := Resolver{Ref: ref, Floor: floor && withRef}.FindAll(s)
		last := -1
		for _, m := range ms {
			if m.Span.Start < 0 || m.Span.End > len(s) || m.Span.Start >= m.Span.End {
				t.Fatalf("span %v out of %d bytes", m.Span, len(s))
			}
			if m.Span.Start < last {
				t.Fatalf("mentions out of order or overlapping at %v", m.Span)
			}
			last = m.Span.End
			if m.Time.IsZero() || m.Time.Precision > news.PrecisionMinute {
				t.Fatalf("mention %q has time %+v", s[m.Span.Start:m.Span.End], m.Time)
			}
			if _, err := news.ParseTime(m.Time.String()); err != nil {
				t.Fatalf("mention %q: %v", s[m.Span.Start:m.Span.End], err)
			}
		}
	})
}
