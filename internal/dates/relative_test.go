package dates

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// relRef is a Friday.
var relRef = news.Time{T: time.Date(2025, 6, 13, 9, 30, 0, 0, time.UTC), Precision: news.PrecisionMinute}

// mentionStrings renders mentions as "span=date" with a "~" after the date
// of a relative one, for compact comparison.
func mentionStrings(s string, ms []Mention) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		rel := ""
		if m.Relative {
			rel = "~"
		}
		out[i] = s[m.Span.Start:m.Span.End] + "=" + m.Time.String() + rel
	}
	return out
}

func TestFindAll_Expressions(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		// Stated in full.
		{"The harbour board met on March 3, 2024 to vote.", []string{"March 3, 2024=2024-03-03"}},
		{"Ferries stopped on Dec. 23, 2023, the operator said.", []string{"Dec. 23, 2023=2023-12-23"}},
		{"The mayor spoke in November 2024 about tolls.", []string{"November 2024=2024-11"}},
		{"Output has doubled since 2019, the guild says.", []string{"2019=2019"}},
		{"The tunnel opened in 2021 and closed in 2023.", []string{"2021=2021", "2023=2023"}},
		{"Some 2000 people came.", nil},
		{"In 2020 cases rose.", nil},
		// A date without its year takes the reference's.
		{"The council voted on January 25 to close the pier.", []string{"January 25=2025-01-25~"}},
		{"The council voted on Jan. 25 to close the pier.", []string{"Jan. 25=2025-01-25~"}},
		{"The strike began on 2 June.", []string{"2 June=2025-06-02~"}},
		{"The report, published June 20, found leaks.", []string{"June 20=2024-06-20~"}},
		{"The vote will be held on June 20.", []string{"June 20=2025-06-20~"}},
		{"Talks stalled in December, the union said.", []string{"December=2024-12~"}},
		{"Talks stalled in June, the union said.", []string{"June=2025-06~"}},
		{"The union will strike in December.", []string{"December=2025-12~"}},
		{"Prices have risen since at least September.", []string{"September=2024-09~"}},
		{"Repairs lasted until mid-April.", []string{"April=2025-04~"}},
		{"March organisers said nothing.", nil},
		{"She may resign.", nil},
		// Counted from the time of writing.
		{"The ferry sank on Friday.", []string{"Friday=2025-06-13~"}},
		{"The ferry sank Tuesday, officials said.", []string{"Tuesday=2025-06-10~"}},
		{"In comments in Thursday's report, she agreed.", []string{"Thursday's=2025-06-12~"}},
		{"The council will vote on Monday.", []string{"Monday=2025-06-16~"}},
		{"The mayor said talks would resume on Tuesday.", []string{"Tuesday=2025-06-17~"}},
		{"Talks, planned for Wednesday, were postponed.", []string{"Wednesday=2025-06-18~"}},
		{"The mayor said on Tuesday that she would resign.", []string{"Tuesday=2025-06-10~"}},
		{"The ferry sank last Friday.", []string{"last Friday=2025-06-06~"}},
		{"The court sits next Tuesday.", []string{"next Tuesday=2025-06-17~"}},
		{"The bridge closed yesterday.", []string{"yesterday=2025-06-12~"}},
		{"The bridge reopens today.", []string{"today=2025-06-13~"}},
		{"The bridge reopens tomorrow.", []string{"tomorrow=2025-06-14~"}},
		{"Crews worked through last night.", []string{"last night=2025-06-12~"}},
		{"The mayor resigned last month.", []string{"last month=2025-05~"}},
		{"The audit is due this month.", []string{"this month=2025-06~"}},
		{"Turnout fell last year.", []string{"last year=2024~"}},
		{"The plan was drafted late last year.", []string{"late last year=2024~"}},
		{"The board met earlier this week.", []string{"earlier this week=2025-06~"}},
		{"Divers return next week.", []string{"next week=2025-06~"}},
		{"The first leak was seen two weeks ago.", []string{"two weeks ago=2025-05~"}},
		{"The first leak was seen 10 days ago.", []string{"10 days ago=2025-06-03~"}},
		{"The pier was sold a year ago.", []string{"a year ago=2024~"}},
		{"The mayor moved out last December.", []string{"last December=2024-12~"}},
		{"Good Friday services were held.", nil},
		{"Exports should resume by October or November, he said.", []string{"October=2025-10~", "November=2025-11~"}},
		{"The king has set July 2 as the start of talks.", []string{"July 2=2025-07-02~"}},
		{"London's Sunday Times reported the leak.", nil},
		{"A hearing is set for Monday.", []string{"Monday=2025-06-16~"}},
		{"The court set for Monday a hearing on the leak.", []string{"Monday=2025-06-16~"}},
		// Counted from the date mentioned just before.
		{"The ferry sank on Friday. A warning issued the day before went unheeded.",
			[]string{"Friday=2025-06-13~", "the day before=2025-06-12~"}},
		{"Pumps failed on May 2, 2024. Divers arrived the next day.",
			[]string{"May 2, 2024=2024-05-02", "the next day=2024-05-03~"}},
		{"The dam cracked in October 2023. Later that month the valley flooded.",
			[]string{"October 2023=2023-10", "Later that month=2023-10~"}},
		{"The day before the vote, rain fell.", nil},
		{"Pumps failed on May 2, 2024; three days later the mine closed.",
			[]string{"May 2, 2024=2024-05-02", "three days later=2024-05-05~"}},
		// Datelines and clock times are read whole.
		{"OSLO | Thu Apr 29, 2010 3:08 pm EDT The quay flooded.", []string{"Thu Apr 29, 2010 3:08 pm EDT=2010-04-29T15:08:00-04:00"}},
		{"Saturday, 25 April 2009 Experts met.", []string{"Saturday, 25 April 2009=2009-04-25"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := mentionStrings(tt.in, FindAll(tt.in, relRef))
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("FindAll(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFindAll_NoReference(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The ferry sank on Friday after warnings last month.", nil},
		{"It sank on May 2, 2024 and was raised in 2025.", []string{"May 2, 2024=2024-05-02", "2025=2025"}},
		{"It sank on May 2, 2024; the day before, a warning went out.", []string{"May 2, 2024=2024-05-02", "the day before=2024-05-01~"}},
		{"Talks stalled in December.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := mentionStrings(tt.in, FindAll(tt.in, news.Time{}))
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("FindAll(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestResolver_Floor(t *testing.T) {
	floor := news.Time{T: time.Date(2023, 12, 20, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionDay}
	in := "Divers found the wreck on January 5. It sank in November. Crews left last week."
	got := mentionStrings(in, Resolver{Ref: floor, Floor: true}.FindAll(in))
	want := []string{"January 5=2024-01-05~", "November=2023-11~"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		in, want string // want "" means Resolve must fail
	}{
		{"last month", "2025-05"},
		{"on Friday", "2025-06-13"},
		{"in December", "2024-12"},
		{"since at least September", "2024-09"},
		{"December 23, 2023", "2023-12-23"},
		{"January 25", "2025-01-25"},
		{"the ferry sank", ""},
		{"Friday and Monday", ""},
	}
	for _, tt := range tests {
		got, ok := Resolve(tt.in, relRef)
		if !ok {
			got = news.Time{}
		}
		if got.String() != tt.want {
			t.Errorf("Resolve(%q) = %q, want %q", tt.in, got.String(), tt.want)
		}
	}
}

func TestFindAll_Future(t *testing.T) {
	ms := FindAll("The council will vote on Monday.", relRef)
	if len(ms) != 1 || !ms[0].Future {
		t.Fatalf("got %+v, want one future mention", ms)
	}
	ms = FindAll("The council voted on Monday.", relRef)
	if len(ms) != 1 || ms[0].Future {
		t.Fatalf("got %+v, want one past mention", ms)
	}
}

func BenchmarkFindAll(b *testing.B) {
	text := strings.Repeat("The ferry sank on Friday, two weeks after inspectors warned in December that its hull, "+
		"built in 1998 and refitted on March 3, 2021, was failing. A report published the day before said repairs "+
		"would cost 2,000 crowns. ", 20)
	b.SetBytes(int64(len(text)))
	for range b.N {
		FindAll(text, relRef)
	}
}
