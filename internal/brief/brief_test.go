package brief

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

func article(id, source, title string, day int, text string) *news.Article {
	text = lang.Normalize(text)
	a := &news.Article{ID: id, Source: source, Title: title, Text: text, Language: "en", Sentences: lang.Sentences(text)}
	if day > 0 {
		a.Published = news.Time{T: time.Date(2031, 5, day, 9, 0, 0, 0, time.UTC), Precision: news.PrecisionDay}
	}
	return a
}

// ferryStory is an invented story told by three outlets, one of which
// rewrites another.
func ferryStory() []*news.Article {
	return []*news.Article{
		article("c", "Bay Herald", "Ferry operator denies strike plan", 14,
			"The ferry operator Norrline on Wednesday denied a report that its crews would strike in June. "+
				"\"There is no strike planned,\" spokeswoman Ada Krantz said. "+
				"The Island Post had reported on Tuesday that crews were preparing a two-week strike over rosters."),
		article("a", "Island Post", "Ferry crews prepare two-week strike", 13,
			"Crews of the Norrline ferries are preparing a two-week strike in June over new rosters, three crew members told the Island Post. "+
				"The strike would halt all crossings to the outer islands. "+
				"Norrline did not respond to a request for comment."),
		article("b", "Coast Digest", "Ferry strike looms", 0,
			"Norrline ferry crews are getting ready for a two-week walkout in June over rosters, three crew members told the Island Post. "+
				"A walkout would stop every crossing to the outer islands. "+
				"The company did not answer a request for comment."),
	}
}

func TestAnalyze_Story(t *testing.T) {
	b := Analyze(ferryStory(), map[string]string{"b": "a"}, Options{SummaryWords: 60})
	if got, want := strings.Join(b.Articles, ","), "a,c,b"; got != want {
		t.Errorf("articles = %s, want %s (by publication, undated last)", got, want)
	}
	if b.Headline != "Ferry crews prepare two-week strike" {
		t.Errorf("headline = %q, want the earliest article's title", b.Headline)
	}
	if b.IndependentOrigins != 2 {
		t.Errorf("independent origins = %d, want 2 (b copies a)", b.IndependentOrigins)
	}
	if b.Outlets["c"] != "Bay Herald" {
		t.Errorf("outlet of c = %q", b.Outlets["c"])
	}
	if len(b.Summary) == 0 {
		t.Fatal("no summary")
	}
	words := 0
	for _, s := range b.Summary {
		words += len(strings.Fields(s.Text))
	}
	if words > 60 {
		t.Errorf("summary of %d words, want ≤ 60", words)
	}
	if b.Claims == nil || b.Quotes == nil || b.Timeline == nil || b.CitedSources == nil || b.Unique == nil || b.Frames == nil {
		t.Error("a list of the brief is nil; the contract wants arrays")
	}
}

func TestAnalyze_Empty(t *testing.T) {
	b := Analyze(nil, nil, Options{})
	if len(b.Articles) != 0 || b.IndependentOrigins != 0 || b.Summary == nil {
		t.Errorf("brief of nothing = %+v", b)
	}
}

func TestWriteBrief_Matrix(t *testing.T) {
	b := &news.Brief{
		Story: "s1", Headline: "Ferry strike", Articles: []string{"a", "b"},
		Outlets: map[string]string{"a": "Island Post", "b": "Bay Herald"},
		Claims: []news.Claim{
			{ID: "C1", Text: "Crews plan a strike | in June", Origin: "Island Post",
				Stances: map[string]news.Stance{"a": news.Asserts, "b": news.Attributes}},
			{ID: "C2", Text: "The operator denies it", Denies: "C1",
				Stances: map[string]news.Stance{"b": news.ReportsDenial}},
		},
		OmittedDenials: []news.OmittedDenial{{Article: "a", Claim: "C2"}},
		Summary:        []news.SummarySentence{{Text: "Crews plan a strike.", Articles: []string{"a"}, SingleSource: true, Denied: true}},
	}
	var md, txt bytes.Buffer
	if err := WriteBrief(&md, b, Markdown); err != nil {
		t.Fatal(err)
	}
	if err := WriteBrief(&txt, b, Text); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| claim | A | B |",
		`| **C1** Crews plan a strike \| in June — Island Post | ● | ◐ |`,
		"| **C2** The operator denies it (denies C1) | · | ⊘ |",
		"a (Island Post) leaves out C2",
		"[DENIED, single source]",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, md.String())
		}
	}
	if !strings.Contains(txt.String(), "C2   ·  ⊘") {
		t.Errorf("text matrix row of C2 wrong:\n%s", txt.String())
	}
}

func TestColKey(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 52: "BA"} {
		if got := colKey(i); got != want {
			t.Errorf("colKey(%d) = %q, want %q", i, got, want)
		}
	}
}

func TestMarkDenied(t *testing.T) {
	b := &news.Brief{
		Claims: []news.Claim{
			{ID: "C1", Evidence: map[string]string{
				"a": "Ferry crews are preparing a two-week strike in June, three crew members said.",
				"b": "The Island Herald reported on Monday, citing three crew members, that ferry crews were preparing a two-week strike in June over pay.",
				"c": "The operator denied that crews were preparing a strike.",
			}},
			{ID: "C2", Denies: "C1", Evidence: map[string]string{"c": "The operator denied that crews were preparing a strike."}},
			{ID: "C3", Evidence: map[string]string{"a": "Crossings to the outer islands carry 4,000 passengers a day."}},
		},
		Summary: []news.SummarySentence{
			{Text: "Ferry crews are preparing a two-week strike in June, three crew members said."},
			{Text: "The operator denied that crews were preparing a strike."},
			{Text: "Crossings to the outer islands carry 4,000 passengers a day."},
			// Common words of the story inside a long evidence sentence.
			{Text: "Ferry crews will meet on Monday."},
		},
	}
	markDenied(b)
	got := []bool{b.Summary[0].Denied, b.Summary[1].Denied, b.Summary[2].Denied, b.Summary[3].Denied}
	if got[0] != true || got[1] != false || got[2] != false || got[3] != false {
		t.Errorf("denied flags = %v, want [true false false false]: only the denied claim's sentence", got)
	}
}

func TestSameClaim(t *testing.T) {
	claims := []news.Claim{
		{ID: "C1", Evidence: map[string]string{"a": "Crews plan a strike in June.", "b": "The operator denied that  crews plan a strike."}},
		{ID: "C2", Denies: "C1", Evidence: map[string]string{"b": "The operator denied that crews plan a strike."}},
		{ID: "C3", Evidence: map[string]string{"a": "Fares rose by a third.", "c": "Tickets cost a third more than last year."}},
	}
	same := sameClaim(claims)
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Fares rose by a third.", "Tickets cost a third more than last year.", true},
		{"Crews plan a strike in June.", "The operator denied that crews plan a strike.", false},
		{"Crews plan a strike in June.", "Fares rose by a third.", false},
		{"Nothing.", "Nothing.", false},
	} {
		if got := same(tt.a, tt.b); got != tt.want {
			t.Errorf("same(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestClaimCarriers(t *testing.T) {
	claims := []news.Claim{
		{ID: "C1", Stances: map[string]news.Stance{"a": news.Asserts, "b": news.Attributes, "c": news.Omits, "d": news.Hedges},
			Evidence: map[string]string{"a": "Crews plan a strike in June.", "b": "The operator denied that crews plan a strike.", "d": "Crews may strike, fares rose."}},
		{ID: "C2", Denies: "C1", Stances: map[string]news.Stance{"b": news.ReportsDenial},
			Evidence: map[string]string{"b": "The operator denied that crews plan a strike."}},
		{ID: "C3", Stances: map[string]news.Stance{"d": news.Asserts, "e": news.Asserts},
			Evidence: map[string]string{"d": "Crews may strike, fares rose.", "e": "Fares rose."}},
	}
	carriers := claimCarriers(claims)
	got := carriers("Crews plan a  strike in June.")
	slices.Sort(got)
	if !slices.Equal(got, []string{"a", "b", "d"}) {
		t.Errorf("carriers of C1's sentence = %v, want a, b, d (not c, which omits it)", got)
	}
	if got := carriers("The operator denied that crews plan a strike."); got != nil {
		t.Errorf("a denial sentence got carriers %v", got)
	}
	if got := carriers("Crews may strike, fares rose."); got != nil {
		t.Errorf("a sentence of two claims got carriers %v", got)
	}
}
