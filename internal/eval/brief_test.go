package eval

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

const goldFerry = `{
 "articles": {"a": {"headline_frame": "claim"}, "b": {"headline_frame": "denial"}},
 "stories": [["a", "b"]],
 "claims": [
  {"id": "C1", "text": "Ferry crews plan a two-week strike in June", "stances": {"a": "asserts", "b": "attributes"}},
  {"id": "C2", "text": "The operator denied the strike report", "denies": "C1", "stances": {"a": "omits", "b": "reports_denial"}},
  {"id": "C3", "text": "Tourism revenue on the islands fell last summer", "stances": {"a": "asserts", "b": "omits"}}
 ],
 "unique_details": {"a": ["three crew members spoke to the paper"]},
 "quotes": [{"speaker": "Ada Krantz", "articles": ["b"], "text": "There is no strike planned"}],
 "cited_sources": {"Island Post": ["b"]},
 "timeline": [{"date": "2031-05-13", "event": "the report", "articles": ["b"]}]
}`

func TestScoreBrief(t *testing.T) {
	var g BriefGold
	if err := json.Unmarshal([]byte(goldFerry), &g); err != nil {
		t.Fatal(err)
	}
	b := &news.Brief{
		Articles: []string{"a", "b"},
		Claims: []news.Claim{
			{ID: "C1", Text: "Crews prepare a two-week ferry strike in June", Stances: map[string]news.Stance{"a": news.Asserts, "b": news.Hedges}},
			{ID: "C2", Text: "Norrline denied the report of a strike", Denies: "C1", Stances: map[string]news.Stance{"b": news.ReportsDenial}},
		},
		OmittedDenials: []news.OmittedDenial{{Article: "a", Claim: "C2"}},
		Frames:         []news.Frame{{Article: "a", Frame: "claim"}, {Article: "b", Frame: "claim"}},
		Unique:         []news.UniqueDetail{{Article: "a", Text: "Three crew members told the paper."}},
		Quotes:         []news.Quote{{Speaker: "Krantz", Text: "There is no strike planned", Articles: []string{"b"}}},
		CitedSources:   []news.CitedSource{{Name: "The Island Post", Articles: []string{"b"}}},
		Timeline:       []news.TimelineEntry{{Date: "2031-05-13", Articles: []string{"b"}}},
	}
	r := ScoreBrief(b, g)
	checks := []struct {
		name      string
		got, want int
	}{
		{"claims found", r.ClaimsFound, 2},
		{"stance cells", r.StanceCells, 6},
		// C1: a support=support, b hedges~attributes; C2: both right;
		// C3 unmatched: a asserts counted omitted (wrong), b omits (right).
		{"stance agree", r.StanceAgree, 5},
		{"stance exact", r.StanceExact, 4},
		{"denials linked", r.DenialsLinked, 1},
		{"sources found", r.SourcesFound, 1},
		{"sources exact", r.SourcesExact, 1},
		{"frames right", r.FramesRight, 1},
		{"unique found", r.UniqueFound, 1},
		{"quotes found", r.QuotesFound, 1},
		{"quotes speaker", r.QuotesSpeaker, 1},
		{"events found", r.EventsFound, 1},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	if strings.Join(r.OmitGold, ",") != "a" || strings.Join(r.OmitBrief, ",") != "a" {
		t.Errorf("omitted denials: gold %v brief %v, want [a] and [a]", r.OmitGold, r.OmitBrief)
	}
	var sb strings.Builder
	if err := r.Write(&sb); err != nil || !strings.Contains(sb.String(), "gold claims found") {
		t.Errorf("report text: %v\n%s", err, sb.String())
	}
}
