package summary

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

// story is an invented event told by four outlets; "copy" rewrites "dale".
func story() []*news.Article {
	return []*news.Article{
		{ID: "ridge", Source: "Ridge Post", Text: "The Varnholm river bridge was closed on Monday after engineers found deep cracks in two of its supports.\n" +
			"About 12,000 drivers a day must now take a detour of forty kilometres through the hills.\n" +
			"The town council said repairs would take at least six months and cost 4 million crowns.\n" +
			"Local shop owners fear a long winter without passing trade."},
		{ID: "dale", Source: "Dale Courier", Text: "Engineers closed the Varnholm river bridge on Monday when they found deep cracks in two supports.\n" +
			"The council said repairs would take at least six months and cost 4 million crowns.\n" +
			"A ferry service for pedestrians will start running across the river next week, the mayor announced."},
		{ID: "copy", Source: "Aggregator Daily", Text: "Engineers shut the Varnholm river bridge on Monday when they discovered deep cracks in two supports.\n" +
			"A ferry service for pedestrians will begin running across the river next week, the mayor announced."},
		{ID: "wire", Source: "North Wire", Text: "The Varnholm river bridge was closed on Monday after engineers found deep cracks in its supports.\n" +
			"Repairs would take at least six months and cost 4 million crowns, the town council said.\n" +
			"Drivers face a detour of forty kilometres through the hills."},
	}
}

func TestSummarise_Budget(t *testing.T) {
	for _, words := range []int{20, 40, 80} {
		got := Summarise(story(), Options{Words: words})
		n := 0
		for _, s := range got {
			n += len(strings.Fields(s.Text))
		}
		if len(got) == 0 || n > words {
			t.Errorf("Words %d: %d sentences, %d words", words, len(got), n)
		}
	}
}

func TestSummarise_Outlets(t *testing.T) {
	got := Summarise(story(), Options{Words: 40})
	if len(got) == 0 {
		t.Fatal("no summary")
	}
	first := got[0]
	if !strings.Contains(first.Text, "bridge") {
		t.Errorf("first sentence %q, want the closure", first.Text)
	}
	for _, id := range []string{"ridge", "dale", "wire"} {
		if !slices.Contains(first.Articles, id) {
			t.Errorf("articles %v, want %s among them", first.Articles, id)
		}
	}
	if len(first.Outlets) < 3 || first.SingleSource {
		t.Errorf("outlets %v single %v, want ≥ 3 outlets, not single-source", first.Outlets, first.SingleSource)
	}
}

func TestSummarise_CopyOf(t *testing.T) {
	ferry := func(got []Sentence) *Sentence {
		for i := range got {
			if strings.Contains(got[i].Text, "ferry") {
				return &got[i]
			}
		}
		return nil
	}
	tests := []struct {
		name   string
		copyOf map[string]string
		single bool
	}{
		{"copy collapsed", map[string]string{"copy": "dale"}, true},
		{"copy unknown", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summarise(story(), Options{Words: 200, CopyOf: tt.copyOf})
			s := ferry(got)
			if s == nil {
				t.Fatalf("no ferry sentence in %v", got)
			}
			if s.SingleSource != tt.single {
				t.Errorf("ferry sentence single-source = %v, want %v (articles %v)", s.SingleSource, tt.single, s.Articles)
			}
			if !slices.Contains(s.Articles, "copy") || !slices.Contains(s.Articles, "dale") {
				t.Errorf("articles %v, want dale and its copy", s.Articles)
			}
		})
	}
}

func TestSummarise_NoRepeats(t *testing.T) {
	got := Summarise(story(), Options{Words: 200})
	bridge := 0
	for _, s := range got {
		if strings.Contains(s.Text, "cracks") {
			bridge++
		}
	}
	if bridge != 1 {
		t.Errorf("%d sentences on the cracks, want 1: %v", bridge, got)
	}
}

func TestSummarise_Empty(t *testing.T) {
	tests := []struct {
		name string
		arts []*news.Article
	}{
		{"no articles", nil},
		{"no sentences", []*news.Article{{ID: "a", Text: "Home"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Summarise(tt.arts, Options{}); len(got) != 0 {
				t.Errorf("Summarise = %v, want none", got)
			}
		})
	}
}

func BenchmarkSummarise(b *testing.B) {
	arts := story()
	for range b.N {
		Summarise(arts, Options{Words: 100})
	}
}

func TestQuoteScanner(t *testing.T) {
	text := "Officials spoke.\n\"We are ready. And would prefer talks. If not, we go on,\" he said. Then he left.\n“Open. Shut.” Done."
	q := quoteScanner{text: text}
	for _, tt := range []struct {
		sentence string
		want     bool
	}{
		{"Officials spoke.", false},
		{"\"We are ready.", false},
		{"And would prefer talks.", true},
		{"If not, we go on,\" he said.", true},
		{"Then he left.", false},
		{"Shut.”", true},
		{"Done.", false},
	} {
		at := strings.Index(text, tt.sentence)
		if got := q.inside(at); got != tt.want {
			t.Errorf("inside(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
	// Asked out of order, it reads again from the start.
	if !q.inside(strings.Index(text, "And would")) {
		t.Error("out of order: the middle of the quotation is not inside it")
	}
}

// TestSummarise_Same checks that Options.Same makes two sentences of one
// claim redundant, which the word overlap alone does not.
func TestSummarise_Same(t *testing.T) {
	// Both stand in the summary without Same; say they state one claim
	// (of hardship for the town) and only one may.
	detour := "Drivers face a detour of forty kilometres through the hills."
	other := "Local shop owners fear a long winter without passing trade."
	has := func(got []Sentence, s string) bool {
		for _, x := range got {
			if x.Text == s {
				return true
			}
		}
		return false
	}
	plain := Summarise(story(), Options{Words: 200})
	if !has(plain, detour) || !has(plain, other) {
		t.Fatalf("without Same, both sentences are expected in %v", plain)
	}
	same := func(a, b string) bool {
		return (a == detour || a == other) && (b == detour || b == other)
	}
	got := Summarise(story(), Options{Words: 200, Same: same})
	if has(got, detour) == has(got, other) {
		t.Errorf("with Same, want exactly one of the two in %v", got)
	}
}

func TestEligible_FurnitureAndDangling(t *testing.T) {
	for _, s := range []string{
		"The city's transport office did not immediately respond to a request for comment.",
		"A spokesman for the ministry declined to comment on the report.",
		"She said the mine was losing about 1,100 tonnes of output a day.",
	} {
		if eligible(s, len(strings.Fields(s))) {
			t.Errorf("%q is eligible, want it left out", s)
		}
	}
	if s := "The transport office said the bridge would stay open through the summer."; !eligible(s, len(strings.Fields(s))) {
		t.Errorf("%q is not eligible", s)
	}
}

func TestSummarise_Carriers(t *testing.T) {
	ferry := "A ferry service for pedestrians will begin running across the river next week, the mayor announced."
	known := func(text string) []string {
		if text == ferry {
			return []string{"wire"} // says so in other words
		}
		return nil
	}
	for _, s := range Summarise(story(), Options{Words: 200, Carriers: known}) {
		if s.Text != ferry {
			continue
		}
		if !slices.Contains(s.Articles, "wire") || !slices.Contains(s.Outlets, "North Wire") || s.SingleSource {
			t.Errorf("ferry sentence %+v, want North Wire among its carriers and not single-source", s)
		}
		return
	}
	t.Fatal("the ferry sentence is not in the summary")
}
