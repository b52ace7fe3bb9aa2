package claim

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// canalStory is an invented story: the Eastmere Gazette reports, citing
// three engineers who spoke on condition of anonymity, that a canal will
// be drained; a wire relays it, a radio rewrites it from "a newspaper
// report", and the Marsh Post reports the waterways office's denial.
func canalStory() []*news.Article {
	day := func(d, h int) news.Time {
		return news.Time{T: time.Date(2031, 5, d, h, 0, 0, 0, time.UTC), Precision: news.PrecisionMinute, Zoned: true}
	}
	mk := func(id, source, title string, at news.Time, text string) *news.Article {
		text = lang.Normalize(text)
		return &news.Article{ID: id, Source: source, Title: title, Published: at, Text: text, Sentences: lang.Sentences(text)}
	}
	return []*news.Article{
		mk("gazette", "Eastmere Gazette", "Lindow canal to be drained for lock repairs", day(5, 8),
			"The town of Eastmere plans to drain the Lindow canal for up to six months to rebuild its lock gates, according to an internal survey seen by the Gazette.\n\n"+
				"Three engineers who worked on the survey, speaking on condition of anonymity, said the gates were \"close to failure.\"\n\n"+
				"Boatowners on Wharf Lane said a long closure would ruin the summer season.\n\n"+
				"\"I have moored my boat here for 22 years,\" said boatman Piet Sorel.\n\n"+
				"Share this article with your friends and family today.\n\n"+
				"The town council will discuss the canal at its meeting next week."),
		mk("wire", "Fenland Wire", "Eastmere to drain Lindow canal, Gazette reports", day(5, 12),
			"Eastmere plans to drain the Lindow canal for up to six months to rebuild its lock gates, the Eastmere Gazette reported on Monday.\n\n"+
				"The town council will discuss the canal at its meeting next week.\n\n"+
				"Anglers said they would fish elsewhere this summer if the canal was drained."),
		mk("radio", "River Radio", "Lindow canal may be drained for six months, report says", day(6, 7),
			"The Lindow canal may be drained for six months to rebuild its lock gates, according to a newspaper report.\n\n"+
				"Three unnamed engineers told the Eastmere Gazette that the gates were close to failure.\n\n"+
				"The town council will discuss the canal at its meeting next week."),
		mk("post", "Marsh Post", "Waterways office denies canal closure", day(6, 9),
			"Eastmere's waterways office on Tuesday denied a report that the Lindow canal will be drained for six months.\n\n"+
				"The Eastmere Gazette reported, citing three anonymous engineers, that the town planned to drain the canal to rebuild its lock gates.\n\n"+
				"Councillor Mira Voss said boatowners deserved to see the survey before the summer."),
	}
}

// TestAnalyze_Trust holds the parts a journalist checks first: what the
// story rests on, who is cited and how, the claim's wording, and which
// details only one outlet gives.
func TestAnalyze_Trust(t *testing.T) {
	res := Analyze(canalStory(), Options{})
	for _, c := range res.Claims {
		t.Logf("%s denies=%q origin=%q %v: %s", c.ID, c.Denies, c.Origin, c.Stances, c.Text)
	}

	t.Run("origins", func(t *testing.T) {
		if got, want := res.Origins.Text, "4 articles, 1 original report, 3 anonymous sources"; got != want {
			t.Errorf("origins = %q, want %q", got, want)
		}
	})

	t.Run("cited sources", func(t *testing.T) {
		kinds := map[string]string{}
		via := map[string]string{}
		var order []string
		for _, s := range res.CitedSources {
			t.Logf("source %q kind=%s via=%q %v", s.Name, s.Kind, s.Via, s.Articles)
			kinds[s.Name], via[s.Name] = s.Kind, s.Via
			order = append(order, s.Kind)
		}
		if kinds["Eastmere Gazette"] != kindOutlet {
			t.Errorf("Eastmere Gazette kind %q, want outlet", kinds["Eastmere Gazette"])
		}
		if kinds["waterways office"] != kindOfficial {
			t.Errorf("waterways office kind %q, want official (not the place %q: %q)", kinds["waterways office"], "Eastmere", kinds["Eastmere"])
		}
		if kinds["Mira Voss"] != kindOfficial {
			t.Errorf("Mira Voss kind %q, want official (a councillor, title dropped from the name)", kinds["Mira Voss"])
		}
		if kinds["Boatowners"] != kindOther {
			t.Errorf("Boatowners kind %q, want other", kinds["Boatowners"])
		}
		anon := ""
		for name, k := range kinds {
			if k == kindAnonymous {
				if anon != "" {
					t.Errorf("two anonymous sources %q and %q, want the engineers once", anon, name)
				}
				anon = name
			}
		}
		if !strings.Contains(anon, "engineers") || via[anon] != "Eastmere Gazette" {
			t.Errorf("anonymous source %q via %q, want the engineers via Eastmere Gazette", anon, via[anon])
		}
		if len(order) == 0 || order[0] != kindOutlet {
			t.Errorf("first cited source kind %v, want an outlet first", order)
		}
		for i := 1; i < len(order); i++ {
			if kindRank[order[i]] < kindRank[order[i-1]] {
				t.Errorf("cited source kinds out of order: %v", order)
				break
			}
		}
	})

	t.Run("claim text", func(t *testing.T) {
		if len(res.Claims) == 0 {
			t.Fatal("no claims")
		}
		c := res.Claims[0]
		if n := len(strings.Fields(c.Text)); n > maxClaimWords || n < 8 {
			t.Errorf("C1 text %q has %d words, want 8..%d", c.Text, n, maxClaimWords)
		}
		for _, frame := range []string{"according to", "reported", "seen by"} {
			if strings.Contains(strings.ToLower(c.Text), frame) {
				t.Errorf("C1 text %q keeps the attribution %q", c.Text, frame)
			}
		}
		if c.Origin != "Eastmere Gazette" {
			t.Errorf("C1 origin %q, want Eastmere Gazette", c.Origin)
		}
	})

	t.Run("unique", func(t *testing.T) {
		var texts []string
		for _, u := range res.Unique {
			t.Logf("unique %s: %s", u.Article, u.Text)
			texts = append(texts, u.Text)
		}
		all := strings.Join(texts, "\n")
		for _, want := range []string{"22 years", "Wharf Lane", "Mira Voss"} {
			if !strings.Contains(all, want) {
				t.Errorf("unique details lack %q:\n%s", want, all)
			}
		}
		for _, not := range []string{"Share this article", "Anglers said"} {
			if strings.Contains(all, not) {
				t.Errorf("unique details keep %q (furniture or nothing specific):\n%s", not, all)
			}
		}
		// The most specific detail of the gazette comes first.
		if len(res.Unique) > 0 && res.Unique[0].Article == "gazette" && !strings.Contains(res.Unique[0].Text, "22 years") {
			t.Errorf("first gazette detail %q, want the quote with its figure first", res.Unique[0].Text)
		}
	})
}

func TestShortClaim(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The depot will close in June, the Tidewater Ledger reported on Monday.", "The depot will close in June"},
		{"The depot will close in June, according to two people familiar with the plan.", "The depot will close in June"},
		{"According to the Ledger, the depot will close in June and its staff will move.", "The depot will close in June and its staff will move."},
		{"The depot will close in June, port director Ada Quill told reporters at the quay.", "The depot will close in June"},
		{"QUILLPORT — The depot will close in June, an audit seen by the Ledger shows.", "The depot will close in June"},
		{"The audit called the gates \"close to failure.", "The audit called the gates \"close to failure.\""},
		// Nothing to drop: a comma inside the statement stays.
		{"The depot, built in 1950, will close in June.", "The depot, built in 1950, will close in June."},
	}
	for _, tt := range tests {
		if got := shortClaim(tt.in); got != tt.want {
			t.Errorf("shortClaim(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := "The harbour board voted on Monday to close the old depot on the east quay in June, to sell its cranes to a rival port, and to move its forty staff to the new terminal."
	if got := cutClause(long); len(strings.Fields(got)) > maxClaimWords || !strings.HasPrefix(got, "The harbour board voted") {
		t.Errorf("cutClause = %q, want at most %d words from the start", got, maxClaimWords)
	}
	if got := denialWording("The port authority on Tuesday denied a report that the old depot on the east quay will close in June, calling it \"a fabrication from start to finish.\""); strings.Contains(got, "calling") {
		t.Errorf("denialWording = %q, want the closing participle clause dropped", got)
	}
}

func TestFurniture(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Share this article with your friends and family today.", true},
		{"Sign up for our morning newsletter to get the news.", true},
		{"Most read this week", true},
		{"Trending now:", true},
		{"© 2031 Tidewater Ledger. All rights reserved.", true},
		{"The depot will close in June.", false},
		{"Around 300 boats use the canal every week.", false},
		{"\"I have moored my boat here for 22 years,\" said boatman Piet Sorel.", false},
	}
	for _, tt := range tests {
		if got := furniture(tt.s); got != tt.want {
			t.Errorf("furniture(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestAnalyze_CopyDetail checks that a copy's rewording of its
// original's quotation is not listed as a second unique detail.
func TestAnalyze_CopyDetail(t *testing.T) {
	arts := canalStory()
	text := lang.Normalize("Eastmere will drain the Lindow canal for as long as six months so its lock gates can be rebuilt, an internal survey obtained by the Eastmere Gazette shows.\n\n" +
		"\"My boat has been moored here for 22 years,\" boatman Piet Sorel said.")
	arts = append(arts, &news.Article{ID: "digest", Source: "Canal Digest", Title: "Eastmere could drain canal for six months",
		Published: arts[0].Published, Text: text, Sentences: lang.Sentences(text)})
	res := Analyze(arts, Options{CopyOf: map[string]string{"digest": "gazette"}})
	byArt := map[string]int{}
	for _, u := range res.Unique {
		if strings.Contains(u.Text, "Piet Sorel") {
			byArt[u.Article]++
		}
	}
	if byArt["gazette"] != 1 || byArt["digest"] != 0 {
		t.Errorf("unique Piet Sorel quotes by article %v, want the gazette's only", byArt)
	}
}
