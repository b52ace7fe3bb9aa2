package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata"
)

// seedGold is the part of eval/seeds/gold.json the cleaning is held to.
type seedGold struct {
	Articles map[string]struct {
		Outlet    *string `json:"outlet"`
		Title     string  `json:"title"`
		Published *string `json:"published"`
		URL       *string `json:"url"`
		Author    *string `json:"author"`
	} `json:"articles"`
	Boilerplate struct {
		MustNot  []string            `json:"must_not_appear_in_body"`
		MustKeep map[string][]string `json:"must_keep_in_body"`
	} `json:"boilerplate"`
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func TestText_Seeds(t *testing.T) {
	dir := evaldata.Dir(t, "seeds")
	b, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold seedGold
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	if len(gold.Articles) == 0 {
		t.Fatal("gold.json lists no articles")
	}
	for id, g := range gold.Articles {
		t.Run(id, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, "articles", id+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Text(string(raw), Hints{}, TextOptions{})
			if err != nil {
				t.Fatalf("Text: %v", err)
			}
			if os.Getenv("TEXT_DEBUG") != "" {
				t.Logf("title %q author %q published %s url %q source %q\n--- body\n%s\n--- removed\n%s",
					got.Title, got.Author, got.Published, got.URL, got.Source, got.Text, strings.Join(got.Removed, "\n"))
			}
			checks := []struct{ field, got, want string }{
				{"title", got.Title, g.Title},
				{"published", got.Published.String(), str(g.Published)},
				{"author", got.Author, str(g.Author)},
				{"url", got.URL, str(g.URL)},
				{"source", got.Source, str(g.Outlet)},
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
				}
			}
			for _, s := range gold.Boilerplate.MustNot {
				if strings.Contains(got.Text, s) {
					t.Errorf("body keeps furniture %q", s)
				}
			}
			for _, s := range gold.Boilerplate.MustKeep[id] {
				if !strings.Contains(got.Text, s) {
					t.Errorf("body lost %q", s)
				}
			}
		})
	}
}
