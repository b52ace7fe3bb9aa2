package eval

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

func tlDay(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// writeTimelineSet writes an invented one-topic timeline set.
func writeTimelineSet(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	topic := filepath.Join(dir, "harbour")
	if err := os.MkdirAll(filepath.Join(topic, "gold"), 0o755); err != nil {
		t.Fatal(err)
	}
	arts := []map[string]string{
		{"id": "a1", "published": "2025-03-10", "text": "The Varnes bridge closed after cracks were found. Ferries ran instead."},
		{"id": "a2", "published": "2025-03-10", "text": "Engineers shut the Varnes bridge. Traders complained."},
		{"id": "a3", "published": "2025-03-12", "text": "The Varnes bridge reopened to traffic. Queues cleared."},
		{"id": "a4", "published": "2025-04-30", "text": "The harbour board met to discuss tolls. Nothing was decided."},
	}
	var lines []string
	for _, a := range arts {
		b, _ := json.Marshal(a)
		lines = append(lines, string(b))
	}
	if err := os.WriteFile(filepath.Join(topic, "articles.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gold := `[{"date": "2025-03-10", "text": "The Varnes bridge closed after cracks were found. Ferries ran instead."},
	{"date": "2025-03-12", "text": "The Varnes bridge reopened to traffic."}]`
	if err := os.WriteFile(filepath.Join(topic, "gold", "harbour.timeline.json"), []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestTimelines_PerfectAndRequest(t *testing.T) {
	dir := writeTimelineSet(t)
	var got TimelineRequest
	var gotArts int
	rep, err := Timelines(context.Background(), dir, func(arts []*news.Article, req TimelineRequest) []TimelineDate {
		got, gotArts = req, len(arts)
		return []TimelineDate{
			{Date: tlDay("2025-03-10"), Sentences: []string{"The Varnes bridge closed after cracks were found.", "Ferries ran instead."}},
			{Date: tlDay("2025-03-12"), Sentences: []string{"The Varnes bridge reopened to traffic."}},
		}
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := TimelineRequest{Dates: 2, Sentences: 2, From: tlDay("2025-03-10"), To: tlDay("2025-03-12")}
	if got != want {
		t.Errorf("request = %+v, want %+v", got, want)
	}
	if gotArts != 3 {
		t.Errorf("timeliner got %d articles, want the 3 published within the gold span", gotArts)
	}
	if len(rep.Timelines) != 1 {
		t.Fatalf("got %d timelines, want 1", len(rep.Timelines))
	}
	s := rep.Timelines[0]
	for name, v := range map[string]float64{"date F1": s.Dates.F, "concat R1": s.Concat1.F, "concat R2": s.Concat2.F,
		"agree R1": s.Agree1.F, "align R2": s.Align2.F} {
		if math.Abs(v-1) > 1e-9 {
			t.Errorf("%s = %.3f, want 1 for a timeline equal to the gold", name, v)
		}
	}
	if rep.Baseline.Dates.F != 1 {
		t.Errorf("baseline date F1 = %.3f, want 1 (the two publication days are the gold days)", rep.Baseline.Dates.F)
	}
}

func TestDatedRouge(t *testing.T) {
	gold := map[time.Time]string{tlDay("2025-03-10"): "bridge closed today", tlDay("2025-03-12"): "bridge reopened"}
	pred := map[time.Time]string{tlDay("2025-03-11"): "bridge closed", tlDay("2025-03-12"): "ferries ran"}
	agree, align := datedRouge(pred, gold, 1)
	// Agreement: only 03-12 matches by date, sharing nothing.
	if agree.F != 0 {
		t.Errorf("agreement F = %.3f, want 0", agree.F)
	}
	// Alignment: 03-11 aligns to 03-10 (2 unigrams, one day apart: 1),
	// 03-12 to itself (0): 1 of 4 predicted, 1 of 5 gold unigrams.
	if math.Abs(align.P-0.25) > 1e-9 || math.Abs(align.R-0.2) > 1e-9 {
		t.Errorf("alignment P, R = %.3f, %.3f; want 0.250, 0.200", align.P, align.R)
	}
}

func TestPublicationCountTimeline(t *testing.T) {
	pub := func(s string) news.Time { return news.Time{T: tlDay(s), Precision: news.PrecisionDay} }
	arts := []*news.Article{
		{ID: "a", Published: pub("2025-03-10"), Text: "First day lede. More."},
		{ID: "b", Published: pub("2025-03-11"), Text: "Second day lede one. More."},
		{ID: "c", Published: pub("2025-03-11"), Text: "Second day lede two. More."},
		{ID: "d", Published: pub("2025-05-01"), Text: "Out of span. More."},
	}
	got := PublicationCountTimeline(arts, TimelineRequest{Dates: 1, Sentences: 2, From: tlDay("2025-03-01"), To: tlDay("2025-03-31")})
	if len(got) != 1 || !got[0].Date.Equal(tlDay("2025-03-11")) {
		t.Fatalf("got %+v, want the one day with two articles", got)
	}
	if want := "Second day lede one.|Second day lede two."; strings.Join(got[0].Sentences, "|") != want {
		t.Errorf("sentences = %q, want %q", got[0].Sentences, want)
	}
}
