package quote

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata/seeds"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// seedQuote is one entry of the "quotes" part of eval/seeds/gold.json:
// a quote of one article (Text) or a variant group (Variants by article).
type seedQuote struct {
	Speaker      string            `json:"speaker"`
	Articles     []string          `json:"articles"`
	Text         string            `json:"text"`
	VariantGroup string            `json:"variant_group"`
	Variants     map[string]string `json:"variants"`
}

// seedArticles reads and cleans the seed articles as ingest does.
func seedArticles(t *testing.T) ([]*news.Article, []seedQuote) {
	t.Helper()
	var gold struct {
		Quotes []seedQuote `json:"quotes"`
	}
	seeds.Gold(t, &gold)
	return seeds.Articles(t), gold.Quotes
}

// sameWording reports whether two quotations have the same words,
// whatever their marks and punctuation.
func sameWording(a, b string) bool {
	return strings.Join(lang.Words(a), " ") == strings.Join(lang.Words(b), " ")
}

// findQuote returns the extracted quote whose text or a variant of which
// has the wording text in article art.
func findQuote(quotes []news.Quote, art, text string) (news.Quote, bool) {
	for _, q := range quotes {
		for _, v := range q.Variants {
			if v.Article == art && sameWording(v.Text, text) {
				return q, true
			}
		}
		if len(q.Variants) == 0 && sameWording(q.Text, text) && contains(q.Articles, art) {
			return q, true
		}
	}
	return news.Quote{}, false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestExtract_Seeds(t *testing.T) {
	arts, gold := seedArticles(t)
	quotes := Extract(arts)
	if testing.Verbose() {
		for _, q := range quotes {
			t.Logf("%s (%s) %v: %q", q.Speaker, q.Role, q.Articles, q.Text)
			for _, v := range q.Variants {
				t.Logf("    %s [%s] %q", v.Article, v.Diff, v.Text)
			}
		}
	}
	if len(gold) != 8 {
		t.Fatalf("gold.json has %d quotes, want the 8 this test was written for", len(gold))
	}
	found := 0
	for _, g := range gold {
		name := g.VariantGroup
		if name == "" {
			name = g.Text
		}
		t.Run(name, func(t *testing.T) {
			texts := g.Variants
			if len(texts) == 0 {
				texts = map[string]string{}
				for _, a := range g.Articles {
					texts[a] = g.Text
				}
			}
			var group []news.Quote
			for art, text := range texts {
				q, ok := findQuote(quotes, art, text)
				if !ok {
					t.Errorf("quote %q of %s not found", text, art)
					continue
				}
				if q.Speaker != g.Speaker {
					t.Errorf("quote %q of %s: speaker %q, want %q", text, art, q.Speaker, g.Speaker)
				}
				group = append(group, q)
			}
			if len(group) != len(texts) {
				return
			}
			found++
			// A variant group is one quote carrying every article.
			for _, q := range group[1:] {
				if q.Text != group[0].Text || len(q.Articles) != len(group[0].Articles) {
					t.Errorf("variants of %s split into %q and %q", g.VariantGroup, group[0].Text, q.Text)
				}
			}
			for art := range texts {
				if !contains(group[0].Articles, art) {
					t.Errorf("quote %q lacks article %s (has %v)", group[0].Text, art, group[0].Articles)
				}
			}
		})
	}
	t.Logf("seed quotes found with their speaker: %d of %d", found, len(gold))
}
