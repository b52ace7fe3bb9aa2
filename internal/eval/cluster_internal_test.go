package eval

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

// TestAverageLink checks the nearest-neighbour chain against a matrix
// whose average-link dendrogram is worked out by hand: {0,1} at .9,
// {2,3} at .8, {0,1}+{4} at (.5+.3)/2 = .4, then all at the mean of the
// six cross similarities, .8/6.
func TestAverageLink(t *testing.T) {
	sim := [][]float64{
		{1, .9, .1, .1, .5},
		{.9, 1, .2, .2, .3},
		{.1, .2, 1, .8, .1},
		{.1, .2, .8, 1, .1},
		{.5, .3, .1, .1, 1},
	}
	merges := averageLink(sim)
	got := make([]float64, len(merges))
	for i, m := range merges {
		got[i] = m.sim
	}
	slices.Sort(got)
	want := []float64{.8 / 6, .4, .8, .9}
	for i := range want {
		if d := got[i] - want[i]; d > 1e-9 || d < -1e-9 {
			t.Fatalf("merge similarities %v, want %v", got, want)
		}
	}
	for _, tt := range []struct {
		th     float64
		groups int
	}{{.95, 5}, {.85, 4}, {.5, 3}, {.3, 2}, {.1, 1}} {
		labels := cut(5, merges, tt.th)
		if n := distinct(labels); n != tt.groups {
			t.Errorf("cut at %.2f: %d groups %v, want %d", tt.th, n, labels, tt.groups)
		}
	}
	if l := cut(5, merges, .5); l[0] != l[1] || l[2] != l[3] || l[4] == l[0] || l[2] == l[0] {
		t.Errorf("cut at .5 = %v, want {0,1} {2,3} {4}", l)
	}
}

func TestAverageLink_Tiny(t *testing.T) {
	if m := averageLink([][]float64{{1}}); len(m) != 0 {
		t.Errorf("one item: %d merges", len(m))
	}
	if m := averageLink(nil); len(m) != 0 {
		t.Errorf("no item: %d merges", len(m))
	}
}

func TestFeedItems(t *testing.T) {
	long := strings.Repeat("word ", 100)
	arts := []*news.Article{
		{ID: "a", Title: "Dam bursts", Text: long},
		{ID: "b", Text: "Headline line\n" + long},
	}
	got := feedItems(arts)
	if got[0].Title != "Dam bursts" || len(strings.Fields(got[0].Text)) != FeedItemWords {
		t.Errorf("titled: %q / %d words, want the title and %d words", got[0].Title, len(strings.Fields(got[0].Text)), FeedItemWords)
	}
	if got[1].Title != "Headline line" || len(strings.Fields(got[1].Text)) != FeedItemWords {
		t.Errorf("untitled: title %q, %d words; want the first line as title", got[1].Title, len(strings.Fields(got[1].Text)))
	}
	if len(strings.Fields(arts[0].Text)) != 100 {
		t.Error("feedItems changed the original article")
	}
}
