package timeline

import (
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata/seeds"
	"github.com/parallax-news/parallax/internal/news"
)

// seedTimeline is the timeline part of eval/seeds/gold.json.
type seedTimeline struct {
	Timeline []struct {
		Date     string   `json:"date"`
		Event    string   `json:"event"`
		Articles []string `json:"articles"`
	} `json:"timeline"`
}

// seedArticles reads the five seed articles through the ingest cleaner.
func seedArticles(t *testing.T) ([]*news.Article, seedTimeline) {
	t.Helper()
	var gold seedTimeline
	seeds.Gold(t, &gold)
	return seeds.Articles(t), gold
}

// TestBuild_Seeds holds the timeline of the five founding articles to the
// gold one: every dated event found at its date and precision, and the
// articles dating it found among the entries of that date.
func TestBuild_Seeds(t *testing.T) {
	arts, gold := seedArticles(t)
	got := Build(arts)
	for _, e := range got {
		t.Logf("%-10s %v %q %v", e.Date, e.Articles, e.Text, e.Disagreements)
	}
	for _, g := range gold.Timeline {
		want := map[string]bool{}
		for _, a := range g.Articles {
			want[a] = true
		}
		// The articles of all entries of that date, and of the best one.
		union := map[string]bool{}
		bestHit, bestText := -1, ""
		for _, e := range got {
			if e.Date != g.Date {
				continue
			}
			hit := 0
			for _, a := range e.Articles {
				union[a] = true
				if want[a] {
					hit++
				}
			}
			if hit > bestHit {
				bestHit, bestText = hit, e.Text
			}
		}
		if bestHit < 0 {
			t.Errorf("no entry dated %s (%s)", g.Date, g.Event)
			continue
		}
		var missing []string
		for a := range want {
			if !union[a] {
				missing = append(missing, a)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s (%s): articles %v date it, we miss %v", g.Date, g.Event, g.Articles, missing)
		}
		if 2*bestHit < len(want) {
			t.Errorf("%s (%s): best entry %q holds %d of %d articles", g.Date, g.Event, bestText, bestHit, len(want))
		}
		t.Logf("gold %s: best entry holds %d of %d articles (%d articles over all entries of the date)", g.Date, bestHit, len(want), len(union))
	}
}
