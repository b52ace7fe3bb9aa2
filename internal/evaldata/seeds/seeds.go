// Package seeds gives tests the five founding articles of
// ../shared/eval/seeds as the ingest pipeline's text path reads them, and
// their hand annotation, at run time (the articles are never copied into
// the repository). Tests skip when the evaluation sets are absent.
package seeds

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// Articles reads the seed articles in file-name order, cleaned as ingest
// cleans scraped text: ids are the file names without .txt; the text is
// NFC-normalised and split into sentences.
func Articles(tb testing.TB) []*news.Article {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(evaldata.Dir(tb, "seeds", "articles"), "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Skipf("no seed articles: %v", err)
	}
	sort.Strings(files)
	arts := make([]*news.Article, 0, len(files))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		res, err := extract.Text(string(raw), extract.Hints{}, extract.TextOptions{})
		if err != nil {
			tb.Fatalf("clean %s: %v", f, err)
		}
		text := lang.Normalize(res.Text)
		arts = append(arts, &news.Article{
			ID: strings.TrimSuffix(filepath.Base(f), ".txt"), Source: res.Source, Title: res.Title,
			Author: res.Author, Published: res.Published, URL: res.URL, Language: "en",
			Text: text, Sentences: lang.Sentences(text),
		})
	}
	return arts
}

// Gold decodes the seeds' gold.json into v (any struct naming the parts
// a test needs).
func Gold(tb testing.TB, v any) {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(evaldata.Dir(tb, "seeds"), "gold.json"))
	if err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		tb.Fatalf("seeds gold.json: %v", err)
	}
}
