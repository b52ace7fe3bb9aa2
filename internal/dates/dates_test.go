package dates

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

func TestDates_Parse(t *testing.T) {
	tests := []struct {
		in   string
		want string // news.Time.String(); "" means Parse must fail
	}{
		// Month first.
		{"January 26, 2024", "2024-01-26"},
		{"Jan. 26, 2024", "2024-01-26"},
		{"Jan 26 2024", "2024-01-26"},
		{"Dec. 26, 2023", "2023-12-26"},
		{"Sept. 3, 2023", "2023-09-03"},
		{"January 26th, 2024", "2024-01-26"},
		{"january 26, 2024", "2024-01-26"},
		{"Jan.26 - 2024 2:14 PM CET", "2024-01-26T14:14:00+01:00"},
		{"January 26, 2024 2:41 PM", "2024-01-26T14:41:00"},
		{"January 26, 2024 at 2:41 p.m.", "2024-01-26T14:41:00"},
		{"January 26, 2024, 12:05 am", "2024-01-26T00:05:00"},
		{"January 26, 2024 12 PM", "2024-01-26T12:00:00"},
		{"Jan 26, 2024 3pm GMT", "2024-01-26T15:00:00Z"},
		{"Friday, January 26, 2024", "2024-01-26"},
		{"Fri., Jan. 26, 2024", "2024-01-26"},
		{"Updated: Jan 26, 2024, 10:02 am ET", "2024-01-26T10:02:00-05:00"},
		{"Updated: Jul 26, 2024, 10:02 am ET", "2024-07-26T10:02:00-04:00"},
		{"Published on March 10, 2024 1:30 AM PT", "2024-03-10T01:30:00-08:00"},
		{"March 10, 2024 3:30 AM PT", "2024-03-10T03:30:00-07:00"},
		{"Nov 3, 2024 1:00 AM CT", "2024-11-03T01:00:00-05:00"},
		{"Nov 3, 2024 3:00 AM CT", "2024-11-03T03:00:00-06:00"},
		{"Posted: May 5, 2006 9:00 ET", "2006-05-05T09:00:00-04:00"},
		{"December 2023", "2023-12"},
		{"Dec 2023", "2023-12"},
		{"December, 2023", "2023-12"},
		{"May 2024", "2024-05"},
		{"January 26, 2024 14:14 MSK", "2024-01-26T14:14:00+03:00"},
		{"January 26, 2024 14:14 (CEST)", "2024-01-26T14:14:00+02:00"},
		{"Jan 26, 2024 9:00 PM IST", "2024-01-26T21:00:00+05:30"},
		{"Jan 26, 2024 9:00 KST", "2024-01-26T09:00:00+09:00"},
		{"Jan 26, 2024 9:00 AEST", "2024-01-26T09:00:00+10:00"},
		{"Jan 26, 2024 9:00 UTC+3", "2024-01-26T09:00:00+03:00"},
		{"Jan 26, 2024 9:00 GMT-05:00", "2024-01-26T09:00:00-05:00"},
		{"Jan 26, 2024 9:00 BST", "2024-01-26T09:00:00+01:00"},
		{"Jan 26, 2024 9:00 EEST", "2024-01-26T09:00:00+03:00"},
		{"Jan 26, 2024 9:00 JST", "2024-01-26T09:00:00+09:00"},
		{"Jan 26, 2024 9:00 PDT", "2024-01-26T09:00:00-07:00"},
		// Day first.
		{"26 January 2024", "2024-01-26"},
		{"26th of January, 2024", "2024-01-26"},
		{"26 Jan 2024 14:14", "2024-01-26T14:14:00"},
		{"Fri 26 Jan 2024 14.14 GMT", "2024-01-26T14:14:00Z"},
		{"26. Januar 2024", "2024-01-26"},
		{"26 janvier 2024", "2024-01-26"},
		{"26 de enero de 2024", "2024-01-26"},
		{"26 января 2024", "2024-01-26"},
		{"26-Jan-2024", "2024-01-26"},
		// Feeds.
		{"Fri, 26 Jan 2024 14:14:00 GMT", "2024-01-26T14:14:00Z"},
		{"Fri, 26 Jan 2024 14:14:00 +0100", "2024-01-26T14:14:00+01:00"},
		{"Fri, 26 Jan 2024 14:14:00 -0500", "2024-01-26T14:14:00-05:00"},
		{"26 Jan 24 14:14 EST", "2024-01-26T14:14:00-05:00"},
		{"Friday, 26-Jan-24 14:14:00 GMT", "2024-01-26T14:14:00Z"},
		// ISO 8601 / RFC 3339.
		{"2024-01-26", "2024-01-26"},
		{"2024/01/26", "2024-01-26"},
		{"2024-01-26T14:14:00+01:00", "2024-01-26T14:14:00+01:00"},
		{"2024-01-26T14:14:00Z", "2024-01-26T14:14:00Z"},
		{"2024-01-26T14:14:00.123Z", "2024-01-26T14:14:00Z"},
		{"2024-01-26T14:14", "2024-01-26T14:14:00"},
		{"2024-01-26 14:14:00", "2024-01-26T14:14:00"},
		{"2024-01-26 14:14:00 +0000 UTC", "2024-01-26T14:14:00Z"},
		{"2023-12", "2023-12"},
		// Numeric.
		{"01/26/2024", "2024-01-26"},
		{"26/01/2024", "2024-01-26"},
		{"02/03/2024", "2024-02-03"},
		{"26.01.2024", "2024-01-26"},
		{"02.03.2024", "2024-03-02"},
		{"26.01.2024 14:14", "2024-01-26T14:14:00"},
		{"26-01-2024", "2024-01-26"},
		{"1/5/2024 4:05 PM EST", "2024-01-05T16:05:00-05:00"},
		// C library order.
		{"Fri Jan 26 14:14:00 2024", "2024-01-26T14:14:00"},
		{"Fri Jan 26 14:14:00 UTC 2024", "2024-01-26T14:14:00Z"},
		{"Mon Jul  1 09:00:00 EDT 2024", "2024-07-01T09:00:00-04:00"},
		// Time first.
		{"9:15 AM EST, Mon March 3, 2025", "2025-03-03T09:15:00-05:00"},
		{"Published 9:15 AM ET, July 3, 2025", "2025-07-03T09:15:00-04:00"},
		{"14:14, 26 January 2024", "2024-01-26T14:14:00"},
		{"14:14 26.01.2024", "2024-01-26T14:14:00"},
		{"2 pm on Friday, January 26, 2024", "2024-01-26T14:00:00"},
		// Blanks and labels.
		{"  January\u00a026,\u00a02024  ", "2024-01-26"},
		{"Published: 26 January 2024.", "2024-01-26"},
		{"Last updated on 2024-01-26", "2024-01-26"},
		// Negatives.
		{"", ""},
		{"2024", ""},
		{"26", ""},
		{"10,000", ""},
		{"2 min read", ""},
		{"14:00", ""},
		{"Jan 26", ""},
		{"January", ""},
		{"555-123-4567", ""},
		{"+1 (555) 123-4567", ""},
		{"07 1234 5678", ""},
		{"v1.2.3", ""},
		{"1.26.8", ""},
		{"2.0.2024.1", ""},
		{"February 30, 2024", ""},
		{"2023-02-29", ""},
		{"13/13/2024", ""},
		{"2024-13-01", ""},
		{"January 26, 2024 25:00", ""},
		{"January 26, 2024 and more", ""},
		{"Friday", ""},
		{"Marco 26, 2024", ""},
		{"26 Jan 24", ""},
		{"12-34-5678", ""},
		{"Jan 26 14:14:00", ""},
		{"Jan 26 2 pm", ""},
		{"1/2/3", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := Parse(tt.in)
			if tt.want == "" {
				if ok {
					t.Fatalf("Parse(%q) = %s, want failure", tt.in, got)
				}
				return
			}
			if !ok {
				t.Fatalf("Parse(%q) failed, want %s", tt.in, tt.want)
			}
			if got.String() != tt.want {
				t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestDates_ParsePrecision(t *testing.T) {
	tests := []struct {
		in    string
		prec  news.Precision
		zoned bool
	}{
		{"January 26, 2024", news.PrecisionDay, false},
		{"January 26, 2024 2:41 PM", news.PrecisionMinute, false},
		{"Jan.26 - 2024 2:14 PM CET", news.PrecisionMinute, true},
		{"December 2023", news.PrecisionMonth, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := Parse(tt.in)
			if !ok {
				t.Fatalf("Parse(%q) failed", tt.in)
			}
			if got.Precision != tt.prec || got.Zoned != tt.zoned {
				t.Errorf("Parse(%q) = precision %d zoned %v, want %d %v", tt.in, got.Precision, got.Zoned, tt.prec, tt.zoned)
			}
		})
	}
}

func TestDates_Options(t *testing.T) {
	t.Run("year only when asked", func(t *testing.T) {
		if got, ok := Parse("2024"); ok {
			t.Errorf("Parse(2024) = %s, want failure", got)
		}
		got, ok := Options{AllowYear: true}.Parse("2024")
		if !ok || got.String() != "2024" || got.Precision != news.PrecisionYear {
			t.Errorf("AllowYear Parse(2024) = %s %v, want 2024", got, ok)
		}
		if _, _, ok := (Options{AllowYear: true}).Find("in 2024 the"); ok {
			t.Errorf("Find reported a bare year")
		}
	})
	t.Run("day first", func(t *testing.T) {
		got, ok := Options{DayFirst: true}.Parse("02/03/2024")
		if !ok || got.String() != "2024-03-02" {
			t.Errorf("DayFirst Parse(02/03/2024) = %s %v, want 2024-03-02", got, ok)
		}
	})
}

func TestDates_Find(t *testing.T) {
	tests := []struct {
		in      string
		want    string // news.Time.String(); "" means no date
		matched string // the text the span covers
	}{
		{"by Jane Roe January 26, 2024 2:41 PM 2 min read", "2024-01-26T14:41:00", "January 26, 2024 2:41 PM"},
		{"by Jane Roe January 26, 2024 2 min read", "2024-01-26", "January 26, 2024"},
		{"Written by Ann Lee | Friday, January 26, 2024 | 5 min", "2024-01-26", "Friday, January 26, 2024"},
		{"Posted 26.01.2024 14:14 in World", "2024-01-26T14:14:00", "26.01.2024 14:14"},
		{"On December 23, 2023, the paper reported", "2023-12-23", "December 23, 2023"},
		{"During a December 2023 conference, he said", "2023-12", "December 2023"},
		{"a man, 26, said on Jan. 25, citing sources, that in March 2024 it ends", "2024-03", "March 2024"},
		{"Published 2024-01-26T14:14:00Z.", "2024-01-26T14:14:00Z", "2024-01-26T14:14:00Z"},
		{"Theresa May 26 January 2024", "2024-01-26", "26 January 2024"},
		{"(Photo taken on Dec. 26, 2023.)", "2023-12-26", "Dec. 26, 2023"},
		{"they may 2024 be", "", ""},
		{"2 min read", "", ""},
		{"Call 555-123-4567 or +44 20 7946 0958", "", ""},
		{"10,000 readers and 12,000 supporters", "", ""},
		{"version 1.2.3 and go1.26.8 released", "", ""},
		{"It costs $4.5 billion, 11:54 PM", "", ""},
		{"in 2024 and 2025", "", ""},
		{"At 10:00, 26 people had left", "", ""},
		{"Updated 11:54 PM, 2 min read", "", ""},
		{"Posted at 9:15 AM EST, Mon March 3, 2025 by staff", "2025-03-03T09:15:00-05:00", "9:15 AM EST, Mon March 3, 2025"},
		{"ID12/01/2024", "", ""},
		{"January 26 - 27, 2024", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, span, ok := Find(tt.in)
			if tt.want == "" {
				if ok {
					t.Fatalf("Find(%q) = %s at %q, want none", tt.in, got, tt.in[span.Start:span.End])
				}
				return
			}
			if !ok {
				t.Fatalf("Find(%q) found nothing, want %s", tt.in, tt.want)
			}
			if got.String() != tt.want {
				t.Errorf("Find(%q) = %s, want %s", tt.in, got, tt.want)
			}
			if m := tt.in[span.Start:span.End]; m != tt.matched {
				t.Errorf("Find(%q) span covers %q, want %q", tt.in, m, tt.matched)
			}
		})
	}
}

func TestDates_Names(t *testing.T) {
	for _, w := range []string{"January", "jan.", "Sept", "März", "января"} {
		if !IsMonthName(w) {
			t.Errorf("IsMonthName(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"Janus", "Marco", "", "2024"} {
		if IsMonthName(w) {
			t.Errorf("IsMonthName(%q) = true, want false", w)
		}
	}
	if !IsWeekdayName("Fri.") || IsWeekdayName("Friday's") {
		t.Errorf("IsWeekdayName wrong")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"January 26, 2024", "Jan.26 - 2024 2:14 PM CET", "2024-01-26T14:14:00+01:00",
		"Fri, 26 Jan 2024 14:14:00 GMT", "26.01.2024", "December 2023", "Updated: Jan 26, 2024, 10:02 am ET",
		"26 Jan 24 14:14 EST", "2024", "1/5/2024 4:05 PM EST"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := Options{AllowYear: true}.Parse(s)
		if !ok {
			return
		}
		if got.IsZero() {
			t.Fatalf("Parse(%q) ok with zero time", s)
		}
		// Whatever Parse reads, the contract's own form must read back.
		back, err := news.ParseTime(got.String())
		if err != nil || back.String() != got.String() {
			t.Fatalf("Parse(%q) = %s, which does not round-trip: %v", s, got, err)
		}
	})
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"by Jane Roe January 26, 2024 2:41 PM 2 min read", "On December 23, 2023, the",
		"Posted 26.01.2024 14:14 in World", "Fri, 26 Jan 2024 14:14:00 +0100", "\xff26 января 2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, span, ok := Find(s)
		if !ok {
			return
		}
		if span.Start < 0 || span.End > len(s) || span.Start >= span.End {
			t.Fatalf("Find(%q) span %v out of bounds", s, span)
		}
		if got.Precision < news.PrecisionMonth {
			t.Fatalf("Find(%q) = %s, less than a month", s, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(s[span.Start:span.End]) {
			t.Fatalf("Find(%q) span %v splits a character", s, span)
		}
		// The matched text parses to the same time on its own.
		if again, ok := Parse(s[span.Start:span.End]); !ok || again.String() != got.String() {
			t.Fatalf("Find(%q) = %s at %q, but Parse of it = %s %v", s, got, s[span.Start:span.End], again, ok)
		}
	})
}

var benchLines = []string{
	"by Jane Roe January 26, 2024 2:41 PM 2 min read",
	"Jan.26 - 2024 2:14 PM CET",
	"Fri, 26 Jan 2024 14:14:00 +0100",
	"The council said on Tuesday that 10,000 people had signed the petition, up from 8,500 in March.",
	"2024-01-26T14:14:00+01:00",
}

func BenchmarkParse(b *testing.B) {
	n := 0
	for _, s := range benchLines {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for range b.N {
		for _, s := range benchLines {
			Parse(s)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat(strings.Join(benchLines, " "), 4)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for range b.N {
		for s := text; ; {
			_, span, ok := Find(s)
			if !ok {
				break
			}
			s = s[span.End:]
		}
	}
}
