package timeline

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// friday is 14 March 2025.
var friday = news.Time{T: time.Date(2025, 3, 14, 10, 0, 0, 0, time.UTC), Precision: news.PrecisionMinute}

func article(id string, pub news.Time, text string) *news.Article {
	return &news.Article{ID: id, Published: pub, Text: text}
}

// entryFor returns the entry whose text contains s.
func entryFor(t *testing.T, tl []news.TimelineEntry, s string) news.TimelineEntry {
	t.Helper()
	for _, e := range tl {
		if strings.Contains(e.Text, s) {
			return e
		}
	}
	t.Fatalf("no entry mentions %q in %+v", s, tl)
	return news.TimelineEntry{}
}

func TestBuild_MergesAndDisagrees(t *testing.T) {
	arts := []*news.Article{
		article("a", friday, "The harbour authority closed the Varnes bridge on Tuesday after engineers found cracks in its main span. Ferries will run instead."),
		article("b", friday, "Engineers found cracks in the main span of the Varnes bridge, and the harbour authority closed the bridge on March 11. Traders in Morvik complained."),
		article("c", friday, "The harbour authority closed the Varnes bridge on Monday after engineers found cracks in its main span."),
		article("d", friday, "Morvik's mayor Ilse Brandvold resigned last month over the budget of the ferry company."),
	}
	tl := Build(arts)
	closed := entryFor(t, tl, "closed")
	if got, want := closed.Date, "2025-03-11"; got != want {
		t.Errorf("closure date = %s, want %s", got, want)
	}
	if got, want := strings.Join(closed.Articles, ","), "a,b"; got != want {
		t.Errorf("closure articles = %s, want %s", got, want)
	}
	if len(closed.Disagreements) != 1 || closed.Disagreements[0] != (news.DatedBy{Article: "c", Date: "2025-03-10"}) {
		t.Errorf("closure disagreements = %+v, want c dating it 2025-03-10", closed.Disagreements)
	}
	mayor := entryFor(t, tl, "resigned")
	if got, want := mayor.Date, "2025-02"; got != want {
		t.Errorf("resignation date = %s, want %s", got, want)
	}
	for i := 1; i < len(tl); i++ {
		if tl[i].Date < tl[i-1].Date {
			t.Errorf("entries out of order: %s after %s", tl[i].Date, tl[i-1].Date)
		}
	}
}

func TestEvents_SkipsStamps(t *testing.T) {
	pub := news.Time{T: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionDay}
	a := article("a", pub, "MORVIK | Fri Mar 14, 2025 9:02 am EDT\n\nMarch 14, 2025\n\n"+
		"The harbour authority reopened the Varnes bridge on March 14, 2025 after three days of repairs.")
	evs := Events(a, pub)
	if len(evs) != 1 {
		t.Fatalf("got %d events %+v, want the reopening only", len(evs), evs)
	}
	if got, want := evs[0].Time.String(), "2025-03-14"; got != want {
		t.Errorf("date = %s, want %s", got, want)
	}
	if !strings.Contains(evs[0].Text, "reopened") {
		t.Errorf("text = %q, want the reopening clause", evs[0].Text)
	}
}

func TestEvents_ShortClauses(t *testing.T) {
	text := "The board, which had met in secret for weeks while the ferry company's debts grew and its captains threatened to strike, " +
		"finally voted on Tuesday to sell two of its four ships to a buyer in Tromsø that nobody has named."
	evs := Events(article("a", friday, text), friday)
	if len(evs) != 1 {
		t.Fatalf("got %d events, want 1", len(evs))
	}
	if n := len(strings.Fields(evs[0].Text)); n > maxEventWords {
		t.Errorf("event has %d words, want at most %d: %q", n, maxEventWords, evs[0].Text)
	}
	if !strings.Contains(evs[0].Text, "voted on Tuesday") {
		t.Errorf("event %q lacks its date clause", evs[0].Text)
	}
}

func TestReference(t *testing.T) {
	undated := article("u", news.Time{}, "On February 20, 2025 the yard laid the keel. The ship was launched on March 12. "+
		"The owners ordered a sister ship last month.")
	tests := []struct {
		name  string
		a     *news.Article
		story []*news.Article
		want  string
	}{
		{"published", article("p", friday, "No dates here."), nil, friday.String()},
		{"latest date mentioned", undated, nil, "2025-03-12"},
		{"story median", article("n", news.Time{}, "No dates here."),
			[]*news.Article{article("x", friday, ""), article("y", friday, ""), article("z", news.Time{T: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionDay}, "")},
			"2025-03-14"},
		{"none", article("n", news.Time{}, "No dates here."), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Reference(tt.a, tt.story).String(); got != tt.want {
				t.Errorf("Reference = %q, want %q", got, tt.want)
			}
		})
	}
	evs := Events(undated, Reference(undated, nil))
	var got []string
	for _, e := range evs {
		got = append(got, e.Time.String())
	}
	if want := "2025-02-20 2025-03-12 2025-02"; strings.Join(got, " ") != want {
		t.Errorf("undated article's event dates = %v, want %s", got, want)
	}
}
