package cluster

import (
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

func TestCaseCount_Count(t *testing.T) {
	for _, tt := range []struct {
		name             string
		toks             []token
		wantUp, wantDown int32
	}{
		{"lower case", []token{{text: "fired"}}, 0, 1},
		{"capital inside a sentence", []token{{text: "Halvar", capital: true}}, 1, 0},
		{"capital opening a sentence says nothing", []token{{text: "Fired", capital: true, sentStart: true}}, 0, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var k caseCount
			for _, tok := range tt.toks {
				k.count(tok)
			}
			if k.upper != tt.wantUp || k.lower != tt.wantDown {
				t.Errorf("upper, lower = %d, %d; want %d, %d", k.upper, k.lower, tt.wantUp, tt.wantDown)
			}
		})
	}
	t.Run("halved before overflow", func(t *testing.T) {
		k := caseCount{upper: 1<<30 - 1, lower: 10}
		k.count(token{text: "Halvar", capital: true})
		if k.upper != 1<<29 || k.lower != 5 {
			t.Errorf("upper, lower = %d, %d; want %d, 5", k.upper, k.lower, 1<<29)
		}
	})
}

func TestClusterer_Names(t *testing.T) {
	// A word the stream writes in lower case is no name when a headline
	// capitalises it; a word always capitalised is.
	c := New(Config{})
	c.features(&news.Article{Text: "The board fired the coach. The club fired him again. Fans fired up."})
	c.features(&news.Article{Title: "Owner Fired Coach Halvar On Monday"})
	_, fired := c.vocab.ids["@fired"]
	_, halvar := c.vocab.ids["@halvar"]
	if fired || !halvar {
		t.Errorf("entity terms: fired %v, halvar %v; want false, true", fired, halvar)
	}
}
