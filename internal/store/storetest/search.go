package storetest

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/store"
)

// search runs a query that must not fail.
func search(t *testing.T, s store.Store, query string, limit int) []store.Hit {
	t.Helper()
	hits, err := s.Search(t.Context(), query, limit)
	if err != nil {
		t.Fatalf("Search(%q, %d): %v", query, limit, err)
	}
	return hits
}

// hitIDs returns the ids of hits in order.
func hitIDs(hits []store.Hit) []string {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	return ids
}

func testSearch(t *testing.T, s store.Store) {
	otters := article("otters", strings.Repeat("Otters were counted along the estuary again this spring. ", 3)+
		"Volunteers counted the otters twice.")
	otters.Title = "Sea otters return to the northern estuary"
	otters.Source = "Coast Weekly"
	harbour := article("harbour", strings.Repeat("The dredging contract covers the inner basin and the channel. ", 8)+
		"One resident asked whether otters would be disturbed.")
	harbour.Title = "Harbour dredging plan approved"
	council := article("council", "Councillors debated parking charges for three hours.")
	put(t, s, []store.Outcome{I, I, I}, council, harbour, otters)

	hits := search(t, s, "otters", 10)
	if got, want := hitIDs(hits), []string{"otters", "harbour"}; !slices.Equal(got, want) {
		t.Fatalf("Search(otters) = %v, want %v", got, want)
	}
	h := hits[0]
	if h.Title != otters.Title || h.Source != otters.Source {
		t.Errorf("hit = title %q source %q, want %q %q", h.Title, h.Source, otters.Title, otters.Source)
	}
	if hits[0].Score < hits[1].Score {
		t.Errorf("scores = %v, %v; want best first", hits[0].Score, hits[1].Score)
	}
	for _, h := range hits {
		marked := between(h.Snippet, store.HighlightStart, store.HighlightEnd)
		if !strings.Contains(strings.ToLower(marked), "otter") {
			t.Errorf("snippet of %s = %q, want otters highlighted", h.ID, h.Snippet)
		}
	}
	if !strings.Contains(hits[1].Snippet, "disturbed") {
		t.Errorf("snippet of harbour = %q, want the sentence that matched", hits[1].Snippet)
	}

	tests := []struct {
		name  string
		query string
		limit int
		want  []string
	}{
		{"limit", "otters", 1, []string{"otters"}},
		{"zero limit", "otters", 0, nil},
		{"negative limit", "otters", -1, nil},
		{"case", "OTTERS", 10, []string{"otters", "harbour"}},
		{"title only", "dredging approved", 10, []string{"harbour"}},
		{"no match", "zeppelin", 10, nil},
		{"empty", "", 10, nil},
		{"blank", " \t\n", 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hitIDs(search(t, s, tt.query, tt.limit)); !slices.Equal(got, tt.want) && (len(got) != 0 || len(tt.want) != 0) {
				t.Errorf("Search(%q, %d) = %v, want %v", tt.query, tt.limit, got, tt.want)
			}
		})
	}
}

// between returns the text between the first start and the next end.
func between(s, start, end string) string {
	_, after, ok := strings.Cut(s, start)
	if !ok {
		return ""
	}
	in, _, _ := strings.Cut(after, end)
	return in
}

// testSearchSyntax checks the web-search query language. Queries avoid
// stop words and stemming, which backends may treat differently.
func testSearchSyntax(t *testing.T, s store.Store) {
	put(t, s, []store.Outcome{I, I, I, I},
		article("fog-ferry", "Ferry crossings to Kestrel Island were cancelled because of thick fog."),
		article("fog-airport", "Fog closed the regional airport; the ferry sailed on schedule."),
		article("festival", "Kestrel Island festival opened with music and fireworks."),
		article("cyrillic", "Паром до острова отменили из-за тумана."),
	)
	tests := []struct {
		name  string
		query string
		want  []string
	}{
		{"every word", "ferry fog", []string{"fog-airport", "fog-ferry"}},
		{"every word narrows", "ferry kestrel", []string{"fog-ferry"}},
		{"phrase", `"ferry sailed"`, []string{"fog-airport"}},
		{"phrase order", `"sailed ferry"`, nil},
		{"unclosed phrase", `"ferry sailed`, []string{"fog-airport"}},
		{"or", "fireworks OR airport", []string{"festival", "fog-airport"}},
		{"or with and", "kestrel fireworks OR cancelled", []string{"festival", "fog-ferry"}},
		{"exclude", "ferry -airport", []string{"fog-ferry"}},
		{"exclude phrase", `fog -"ferry sailed"`, []string{"fog-ferry"}},
		{"only exclusions", "-ferry", nil},
		{"unicode", "острова", []string{"cyrillic"}},
		{"punctuation", "fog!", []string{"fog-airport", "fog-ferry"}},
		{"syntax characters", `AND NOT ( ) * : ^ - + " {} NEAR`, nil},
		{"column filter is text", "title:ferry", nil},
		{"lone quote", `"`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := hitIDs(search(t, s, tt.query, 10))
			slices.Sort(got)
			if !slices.Equal(got, tt.want) && (len(got) != 0 || len(tt.want) != 0) {
				t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

// testSearchRevised checks that search sees the latest revision only, and
// each article once.
func testSearchRevised(t *testing.T, s store.Store) {
	v1 := article("animal", "A walrus was seen on the beach.")
	put(t, s, []store.Outcome{I}, v1)
	v2 := clone(v1)
	v2.Title = "Narwhal sighting"
	v2.Text = "A narwhal was seen near the beach."
	put(t, s, []store.Outcome{R}, v2)
	dup := clone(v2)
	dup.ID = "animal-copy"
	put(t, s, []store.Outcome{U}, dup)

	if got := hitIDs(search(t, s, "walrus", 10)); len(got) != 0 {
		t.Errorf("Search(old word) = %v, want none", got)
	}
	hits := search(t, s, "narwhal", 10)
	if got, want := hitIDs(hits), []string{"animal"}; !slices.Equal(got, want) {
		t.Fatalf("Search(new word) = %v, want %v", got, want)
	}
	if hits[0].Title != v2.Title {
		t.Errorf("hit title = %q, want %q", hits[0].Title, v2.Title)
	}
	// A third revision replaces the second in the index too.
	v3 := clone(v2)
	v3.Text = "A beluga was seen near the beach."
	put(t, s, []store.Outcome{R}, v3)
	if got := hitIDs(search(t, s, "beluga", 10)); !slices.Equal(got, []string{"animal"}) {
		t.Errorf("Search(third word) = %v, want [animal]", got)
	}
	if got := hitIDs(search(t, s, "narwhal", 10)); !slices.Equal(got, []string{"animal"}) {
		t.Errorf("Search(title word) = %v, want [animal] by its title", got)
	}
	if got := hitIDs(search(t, s, "narwhal beluga", 10)); !slices.Equal(got, []string{"animal"}) {
		t.Errorf("Search(title and text words) = %v, want [animal]", got)
	}
}
