package claim

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// benchStory builds a 50-article story from the ten articles of the first
// DUC 2004 cluster, each used five times with its paragraphs rotated, so
// that the copies differ in order as rewrites do.
func benchStory(b testing.TB) []*news.Article {
	b.Helper()
	recs := evaldata.Articles(b, "duc2004-dev")
	raw, err := os.ReadFile(filepath.Join(evaldata.Dir(b, "duc2004-dev"), "gold", "clusters.tsv"))
	if err != nil {
		b.Fatal(err)
	}
	cluster := map[string]string{}
	first := ""
	for i, line := range strings.Split(string(raw), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) != 2 {
			continue
		}
		cluster[f[0]] = f[1]
		if first == "" {
			first = f[1]
		}
	}
	var arts []*news.Article
	for v := 0; len(arts) < 50 && v < 10; v++ {
		for _, r := range recs {
			if cluster[r.ID] != first || len(arts) == 50 {
				continue
			}
			paras := strings.Split(r.Text, "\n")
			k := v % len(paras)
			text := lang.Normalize(strings.Join(append(paras[k:], paras[:k]...), "\n\n"))
			at, _ := news.ParseTime(r.Published)
			arts = append(arts, &news.Article{ID: fmt.Sprintf("%s-%d", r.ID, v), Source: r.Source, Title: r.Title,
				Published: at, Text: text, Sentences: lang.Sentences(text)})
		}
	}
	if len(arts) < 50 {
		b.Skipf("cluster %s gives %d articles", first, len(arts))
	}
	return arts
}

// BenchmarkAnalyze_50 analyses one 50-article story (the brief's budget
// for it is 2 s).
func BenchmarkAnalyze_50(b *testing.B) {
	arts := benchStory(b)
	b.ResetTimer()
	for range b.N {
		Analyze(arts, Options{})
	}
}
