package claim

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// ferryStory is an invented story told by four invented outlets: the
// Daily Meridian reports that a mayor plans to close a ferry terminal;
// her office denies it; one outlet reports the plan after the denial
// without it.
func ferryStory() []*news.Article {
	day := func(h int) news.Time {
		return news.Time{T: time.Date(2031, 3, 14, h, 0, 0, 0, time.UTC), Precision: news.PrecisionMinute, Zoned: true}
	}
	mk := func(id, source, title string, at news.Time, text string) *news.Article {
		text = lang.Normalize(text)
		return &news.Article{ID: id, Source: source, Title: title, Published: at, Text: text, Sentences: lang.Sentences(text)}
	}
	return []*news.Article{
		mk("gazette", "Harbor Gazette", "Mayor plans to close Westfield ferry terminal, Meridian reports", day(8),
			"Mayor Elena Rusk plans to close the Westfield ferry terminal next spring, the Daily Meridian reported on Thursday, citing two officials familiar with the plan.\n\n"+
				"The terminal carries about 4,000 passengers a day across the bay.\n\n"+
				"The closure would save the city money on repairs to the aging pier, the officials said.\n\n"+
				"Commuter groups have long complained about delays on the crossing."),
		mk("ledger", "Coast Ledger", "City Hall denies ferry terminal closure report", day(12),
			"The office of Mayor Elena Rusk on Friday denied a report that she plans to close the Westfield ferry terminal next spring.\n\n"+
				"A Daily Meridian report published on Thursday said the closure would save the city money on repairs to the aging pier.\n\n"+
				"\"That is completely false,\" spokeswoman Dana Vell told reporters, referring to the Meridian report.\n\n"+
				"The terminal carries about 4,000 passengers a day across the bay."),
		mk("courier", "Northern Courier", "Rusk office rejects Meridian report on ferry terminal", day(13),
			"City Hall has dismissed reports suggesting Mayor Elena Rusk intends to shut the Westfield ferry terminal next spring.\n\n"+
				"Spokeswoman Dana Vell said the story was untrue.\n\n"+
				"Commuter groups have long complained about delays on the crossing, which a council study blamed on staff shortages."),
		mk("post", "Valley Post", "Westfield ferry terminal to close next spring - report", day(18),
			"The Westfield ferry terminal may close next spring as Mayor Elena Rusk plans to shut it, according to the Daily Meridian.\n\n"+
				"The closure would reportedly save the city money on repairs to the aging pier.\n\n"+
				"Harbor pilots told the Valley Post they had not been consulted about the plan."),
	}
}

func TestAnalyze_Fixture(t *testing.T) {
	arts := ferryStory()
	res := Analyze(arts, Options{})
	var main, denial *news.Claim
	for i := range res.Claims {
		c := &res.Claims[i]
		t.Logf("%s denies=%q origin=%q %v: %s", c.ID, c.Denies, c.Origin, c.Stances, c.Text)
		if c.Denies != "" && denial == nil {
			denial = c
		}
		if c.Denies == "" && main == nil && strings.Contains(strings.ToLower(c.Text), "terminal") {
			main = c
		}
	}
	if main == nil || denial == nil {
		t.Fatalf("want a claim about the terminal and a denial; got %d claims", len(res.Claims))
	}
	if main.ID != "C1" {
		t.Errorf("central claim is %s, want C1", main.ID)
	}
	if denial.Denies != main.ID {
		t.Errorf("denial %s denies %q, want %q", denial.ID, denial.Denies, main.ID)
	}
	wantMain := map[string]string{"gazette": "reports", "ledger": "reports", "courier": "reports", "post": "reports"}
	wantDenial := map[string]string{"gazette": "omits", "ledger": "denies", "courier": "denies", "post": "omits"}
	for id := range wantMain {
		if got := stanceClass(main.Stances[id]); got != wantMain[id] {
			t.Errorf("stance of %s on the claim = %s, want %s", id, main.Stances[id], wantMain[id])
		}
		if got := stanceClass(denial.Stances[id]); got != wantDenial[id] {
			t.Errorf("stance of %s on the denial = %s, want %s", id, denial.Stances[id], wantDenial[id])
		}
	}
	if got := main.Stances["post"]; got != news.Hedges && got != news.Attributes {
		t.Errorf("post's stance = %s, want hedges or attributes", got)
	}
	if got := denial.Stances["ledger"]; got != news.ReportsDenial {
		t.Errorf("ledger's stance on the denial = %s, want reports_denial", got)
	}
	if main.Origin != "Daily Meridian" {
		t.Errorf("origin = %q, want Daily Meridian", main.Origin)
	}

	// Only the post left out a denial already public (the gazette wrote
	// before it).
	if want := []news.OmittedDenial{{Article: "post", Claim: denial.ID}}; !slices.Equal(res.OmittedDenials, want) {
		t.Errorf("omitted denials %v, want %v", res.OmittedDenials, want)
	}

	frames := map[string]string{}
	for _, f := range res.Frames {
		frames[f.Article] = f.Frame
	}
	wantFrames := map[string]string{"gazette": "claim", "ledger": "denial", "courier": "denial", "post": "claim"}
	for id, want := range wantFrames {
		if frames[id] != want {
			t.Errorf("frame of %s = %q, want %q", id, frames[id], want)
		}
	}

	var meridian *news.CitedSource
	for i, s := range res.CitedSources {
		if s.Name == "Daily Meridian" {
			meridian = &res.CitedSources[i]
		}
	}
	if meridian == nil || meridian.Kind != "outlet" || !slices.Contains(meridian.Articles, "gazette") || !slices.Contains(meridian.Articles, "post") {
		t.Errorf("cited source Daily Meridian = %+v, want an outlet cited by gazette and post", meridian)
	}
	if res.Origins.Articles != 4 || res.Origins.OriginalReports != 1 || res.Origins.AnonymousSources != 2 {
		t.Errorf("origins %+v, want 4 articles, 1 original report, 2 anonymous sources", res.Origins)
	}

	var pilots *news.UniqueDetail
	for i, u := range res.Unique {
		if strings.Contains(u.Text, "pilots") {
			pilots = &res.Unique[i]
		}
	}
	if pilots == nil || pilots.Article != "post" || !pilots.Unconfirmable {
		t.Errorf("unique detail on the pilots = %+v, want post's, unconfirmable", pilots)
	}
}

// TestAnalyze_CopyOf checks that a rewritten copy does not make its
// original's detail look confirmed: with the copy folded, the detail the
// two share is still carried by one independent source.
func TestAnalyze_CopyOf(t *testing.T) {
	arts := ferryStory()
	copyText := lang.Normalize("Commuter groups have for years complained about delays on the crossing.\n\n" +
		"Mayor Elena Rusk is planning to close the Westfield ferry terminal next spring, the Daily Meridian reported.")
	arts = append(arts, &news.Article{ID: "copy", Source: "Bay Digest", Text: copyText, Sentences: lang.Sentences(copyText)})
	support := func(opts Options) int {
		st := newStory(arts, opts.CopyOf)
		claims := st.cluster()
		for _, g := range claims {
			st.carry(g)
		}
		claims = st.finish(claims)
		for _, g := range claims {
			if strings.Contains(st.units[g.center].sentence, "Commuter") {
				return g.support
			}
		}
		return 0
	}
	tests := []struct {
		name   string
		copyOf map[string]string
		want   int
	}{
		{"copy counted", nil, 3},
		{"copy folded into the gazette", map[string]string{"copy": "gazette"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := support(Options{CopyOf: tt.copyOf}); got != tt.want {
				t.Errorf("independent support of the commuter detail = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestHeadlineStance(t *testing.T) {
	const claim = "The mayor will close the ferry terminal"
	tests := []struct {
		headline string
		want     news.Stance
	}{
		{"Mayor to close ferry terminal", news.Asserts},
		{"Mayor confirms ferry terminal will close", news.Asserts},
		{"Mayor will close ferry terminal, officials say", news.Attributes},
		{"Ferry terminal may close, report suggests", news.Attributes},
		{"Will the mayor close the ferry terminal?", news.Hedges},
		{"Mayor reportedly plans ferry terminal closure", news.Hedges},
		{"Mayor denies report she will close ferry terminal", news.ReportsDenial},
		{"Ferry terminal closure story is a hoax", news.Denies},
		{"No, the mayor is not closing the ferry terminal", news.Denies},
	}
	for _, tt := range tests {
		t.Run(tt.headline, func(t *testing.T) {
			if got := HeadlineStance(tt.headline, claim); got != tt.want {
				t.Errorf("HeadlineStance(%q) = %s, want %s", tt.headline, got, tt.want)
			}
		})
	}
}

func TestReadMarks_Denial(t *testing.T) {
	tests := []struct {
		sentence  string
		denial    bool
		anaphoric bool
	}{
		{"The council denied reports that the old bridge will be closed to lorries in May.", true, false},
		{"The council dismissed the reports.", true, true},
		{"The minister rejects the opposition's territorial demands.", false, false},
		{"The minister rejected recognizing any concessions.", false, false},
		{"\"That is completely untrue,\" the spokesman said.", true, true},
		{"The party has used false accusations of fraud to justify the delay.", false, false},
		{"It does not correspond to reality, she added.", true, true},
		{"The opposition denied the ruling party the two-thirds majority it needed.", false, false},
		{"The border guards denied him entry.", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			m := readMarks(tokenize(tt.sentence), nil)
			if m.denial != tt.denial || m.denial && m.anaphoric != tt.anaphoric {
				t.Errorf("denial %v anaphoric %v, want %v %v", m.denial, m.anaphoric, tt.denial, tt.anaphoric)
			}
		})
	}
}

func TestParseSource(t *testing.T) {
	tests := []struct {
		text, name, kind string
	}{
		{"A Daily Meridian report published the day before", "Daily Meridian", "outlet"},
		{"the Westland newspaper Courier", "Courier", "outlet"},
		{"City spokeswoman Dana Vell", "Dana Vell", "official"},
		{"two people close to the mayor", "two people close to the mayor", "anonymous"},
		{"The Evening Standard Times", "The Evening Standard Times", "other"},
		{"senior officials approached by the Meridian", "senior officials", "official"},
		{"U.S. media outlets", "US media outlets", "outlet"},
		{"Krantz's previous remarks to the paper", "Krantz", "other"},
		{"The sources", "the sources", "anonymous"},
		{"Tidewater's harbour office", "harbour office", "official"},
		{"Two unnamed surveyors involved in the audit", "two unnamed surveyors", "anonymous"},
		{"a source who asked not to be named", "a source", "anonymous"},
		{"Opposition councillor Mira Voss", "Mira Voss", "official"},
		{"Shopkeepers on Mill Lane", "Shopkeepers", "other"},
		{"Citing Ada Quill", "Ada Quill", "other"},
		{"Minister of State Ada Quill", "Ada Quill", "official"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			m, ok := parseSource(tt.text)
			if !ok || m.surface != tt.name || m.kind != tt.kind {
				t.Errorf("parseSource = %q %q (ok %v), want %q %q", m.surface, m.kind, ok, tt.name, tt.kind)
			}
		})
	}
	if _, ok := parseSource("he"); ok {
		t.Errorf("parseSource(he) ok, want a pronoun left to resolve")
	}
}

func TestNoLater(t *testing.T) {
	at := func(s string) news.Time {
		v, err := news.ParseTime(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		a, b string
		want bool
	}{
		{"2031-03-14", "2031-03-14T18:00:00Z", true},
		{"2031-03-14T18:00:00Z", "2031-03-14", true},
		{"2031-03-14T19:00:00+01:00", "2031-03-14T18:30:00Z", true},
		{"2031-03-15", "2031-03-14T23:00:00Z", false},
		{"2031-03-14T12:00:00", "2031-03-14T11:00:00", false},
	}
	for _, tt := range tests {
		if got := noLater(at(tt.a), at(tt.b)); got != tt.want {
			t.Errorf("noLater(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestAnalyze_Small(t *testing.T) {
	if got := Analyze(nil, Options{}); len(got.Claims) != 0 || len(got.Frames) != 0 || got.Origins.Articles != 0 {
		t.Errorf("Analyze(nil) = %+v, want nothing", got)
	}
	one := ferryStory()[:1]
	got := Analyze(one, Options{})
	if len(got.Claims) != 0 || len(got.Unique) != 0 || len(got.Frames) != 1 || got.Origins.Articles != 1 {
		t.Errorf("one article: %d claims, %d unique, %d frames, origins %+v; want 0, 0, 1, 1 article",
			len(got.Claims), len(got.Unique), len(got.Frames), got.Origins)
	}
	empty := []*news.Article{{ID: "a"}, {ID: "b", Title: "Untitled"}}
	if got := Analyze(empty, Options{}); len(got.Claims) != 0 || len(got.Frames) != 2 {
		t.Errorf("empty articles: %d claims, %d frames; want 0, 2", len(got.Claims), len(got.Frames))
	}
}

// TestAnalyze_AnaphoricDenial checks that "X rejected the claim" is
// linked to the statement just before it — here a claim only one outlet
// states — and not to the story's main claim.
func TestAnalyze_AnaphoricDenial(t *testing.T) {
	day := news.Time{T: time.Date(2031, 6, 2, 9, 0, 0, 0, time.UTC), Precision: news.PrecisionMinute, Zoned: true}
	mk := func(id, title, text string) *news.Article {
		text = lang.Normalize(text)
		return &news.Article{ID: id, Source: id, Title: title, Published: day, Text: text, Sentences: lang.Sentences(text)}
	}
	arts := []*news.Article{
		mk("tribune", "Northwind pilots walk out over pay",
			"About 300 pilots at Northwind Air walked out on Sunday over pay, their union said.\n\n"+
				"The airline cancelled 40 flights from Orlen airport."),
		mk("herald", "Airline calls pilots' strike unlawful",
			"Northwind Air said on Monday that the strike was unlawful because the union had skipped the ballot its contract requires.\n\n"+
				"The union rejected the claim.\n\n"+
				"About 300 Northwind Air pilots walked out on Sunday in a dispute over pay."),
	}
	res := Analyze(arts, Options{})
	byID := map[string]*news.Claim{}
	for i := range res.Claims {
		c := &res.Claims[i]
		byID[c.ID] = c
		t.Logf("%s denies=%q %v: %s", c.ID, c.Denies, c.Stances, c.Text)
	}
	var denial *news.Claim
	for i := range res.Claims {
		if res.Claims[i].Denies != "" {
			denial = &res.Claims[i]
		}
	}
	if denial == nil {
		t.Fatal("no denial claim")
	}
	target := byID[denial.Denies]
	if target == nil || !strings.Contains(target.Text, "unlawful") {
		t.Fatalf("the denial answers %+v, want the claim that the strike was unlawful", target)
	}
	if target.Stances["herald"] != news.Attributes || target.Stances["tribune"] != news.Omits {
		t.Errorf("stances of the denied claim = %v, want herald attributes, tribune omits", target.Stances)
	}
	if denial.Stances["herald"] != news.ReportsDenial {
		t.Errorf("denial stances = %v, want herald reports it", denial.Stances)
	}
}

// TestFrames_OwnBody checks that a headline no claim of the story holds
// is judged against its own article's body.
func TestFrames_OwnBody(t *testing.T) {
	mk := func(id, title, text string) *news.Article {
		text = lang.Normalize(text)
		return &news.Article{ID: id, Source: id, Title: title, Text: text, Sentences: lang.Sentences(text)}
	}
	arts := []*news.Article{
		mk("carried", "Orlen choir announces autumn tour",
			"The Orlen Chamber Choir will tour six cities this autumn, its director Mira Holt announced on Monday.\n\n"+
				"Tickets go on sale next week."),
		mk("bait", "Orlen choir director quits in row over funding",
			"The Orlen Chamber Choir will sing at the harbour festival on Saturday.\n\n"+
				"The concert starts at eight."),
	}
	// Each alone, a story of one article: no claim to hold it against.
	for i, want := range []bool{true, false} {
		res := Analyze(arts[i:i+1], Options{})
		if len(res.Frames) != 1 || res.Frames[0].Claim != "" {
			t.Fatalf("%s: frames = %+v, want one without a claim", arts[i].ID, res.Frames)
		}
		if got := res.Frames[0].Supported; got != want {
			t.Errorf("%s: supported = %v, want %v", arts[i].ID, got, want)
		}
	}
}
