package eval

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

// spanOf returns the byte span of the first occurrence of s in text.
func spanOf(text, s string) news.Span {
	i := strings.Index(text, s)
	return news.Span{Start: i, End: i + len(s)}
}

func TestAttributions_Scores(t *testing.T) {
	direct := func(art *news.Article) ([]FoundAttribution, func(news.Span) string) {
		return []FoundAttribution{{
			Source:  spanOf(art.Text, "Lina Vostrikova"),
			Content: spanOf(art.Text, "“We will rebuild the pier,”"),
			Speaker: "Lina Vostrikova",
			Entire:  true,
		}}, nil
	}
	all := func(art *news.Article) ([]FoundAttribution, func(news.Span) string) {
		return []FoundAttribution{
			{Source: spanOf(art.Text, "Lina Vostrikova"), Content: spanOf(art.Text, "“We will rebuild the pier,”")},
			{Source: spanOf(art.Text, "she"), Content: spanOf(art.Text, "The council")},
			{Source: spanOf(art.Text, "Mayor"), Content: spanOf(art.Text, "Officials")},
		}, nil
	}
	rep, err := Attributions(context.Background(), "testdata/attributions", direct, all, nil)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want float64
	}{
		{"direct exact P", rep.Direct.ExactP, 1},
		{"direct exact R", rep.Direct.ExactR, 1},
		{"entire token F1", rep.Entire.TokenF1, 1},
		{"speaker accuracy", rep.SpeakerAccuracy, 1},
		{"all exact P", rep.All.ExactP, 1.0 / 3},
		{"all exact R", rep.All.ExactR, 1.0 / 3},
		{"all partial P", rep.All.PartialP, 2.0 / 3},
		{"all partial R", rep.All.PartialR, 2.0 / 3},
		{"all token P", rep.All.TokenP, 7.0 / 8},
		{"all token R", rep.All.TokenR, 7.0 / 16},
		{"source P", rep.SourceP, 2.0 / 3},
		{"source R", rep.SourceR, 2.0 / 3},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %.4f, want %.4f", c.name, c.got, c.want)
		}
	}
	if rep.Articles != 1 || rep.All.Gold != 3 || rep.Direct.Gold != 1 {
		t.Errorf("articles %d, gold %d, direct gold %d; want 1, 3, 1", rep.Articles, rep.All.Gold, rep.Direct.Gold)
	}
	var b strings.Builder
	if err := rep.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "75.4%") {
		t.Errorf("report lacks the PolNeAR agreement figure:\n%s", b.String())
	}
}

func TestAttrSameSpeaker(t *testing.T) {
	text := "Vostrikova's office said"
	src := spanOf(text, "Vostrikova's office")
	if !attrSameSpeaker(text, src, "Lina Vostrikova", nil) {
		t.Error("gold source naming the last name should match")
	}
	if attrSameSpeaker(text, src, "Omar Feld", nil) {
		t.Error("another name should not match")
	}
	pron := "she said"
	resolve := func(news.Span) string { return "Omar Feld" }
	if !attrSameSpeaker(pron, spanOf(pron, "she"), "Omar Feld", resolve) {
		t.Error("a gold pronoun resolving to the speaker should match")
	}
}
