package timeline

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

func TestSummarise_SalientDates(t *testing.T) {
	pub := func(d int) news.Time {
		return news.Time{T: time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionDay}
	}
	arts := []*news.Article{
		article("a", pub(14), "The Morvik quay collapsed on Wednesday after a storm surge hit the harbour. Two cranes fell into the water on Thursday."),
		article("b", pub(14), "Divers searched the harbour after the quay collapsed on Wednesday in the storm surge."),
		article("c", pub(15), "Engineers said the Morvik quay collapsed on March 12 because its wooden piles had rotted away."),
		article("d", pub(20), "The harbour board met on March 1 to discuss the budget for the coming year."),
	}
	got := Summarise(arts, SummaryOptions{Dates: 2, Sentences: 1, From: time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)})
	if len(got) != 2 {
		t.Fatalf("got %d dates %+v, want 2", len(got), got)
	}
	if d := got[0].Date.Format("2006-01-02"); d != "2025-03-12" || got[0].Articles != 3 {
		t.Errorf("first date %s dated by %d articles, want 2025-03-12 by 3", d, got[0].Articles)
	}
	if d := got[1].Date.Format("2006-01-02"); d != "2025-03-13" {
		t.Errorf("second date %s, want 2025-03-13 (March 1 is before From)", d)
	}
	if len(got[0].Sentences) != 1 || !strings.Contains(got[0].Sentences[0], "collapsed") {
		t.Errorf("sentences of 2025-03-12 = %q, want one about the collapse", got[0].Sentences)
	}
}
