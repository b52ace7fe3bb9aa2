package brief

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// story50 builds a 50-article story from real reporting: the articles of
// the largest topics of ecbplus-dev (reports of one kind of event by many
// outlets), prepared as ingest prepares them.
func story50(b *testing.B) []*news.Article { b.Helper(); return storyN(b, 50) }

// storyN builds an n-article story from the largest topics of
// ecbplus-dev, as story50 does.
func storyN(b *testing.B, n int) []*news.Article {
	b.Helper()
	recs := evaldata.Articles(b, "ecbplus-dev")
	f, err := os.Open(filepath.Join(evaldata.Dir(b, "ecbplus-dev"), "gold", "clusters.tsv"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	topic := map[string]string{}
	size := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) == 3 && fields[0] != "id" {
			topic[fields[0]] = fields[2]
			size[fields[2]]++
		}
	}
	sort.SliceStable(recs, func(i, j int) bool {
		ti, tj := topic[recs[i].ID], topic[recs[j].ID]
		if size[ti] != size[tj] {
			return size[ti] > size[tj]
		}
		return ti < tj
	})
	var arts []*news.Article
	for _, r := range recs {
		if len(arts) == n {
			break
		}
		text := lang.Normalize(r.Text)
		pub, _ := news.ParseTime(r.Published)
		arts = append(arts, &news.Article{
			ID: r.ID, Source: r.Source, Title: r.Title, Published: pub, Text: text,
			Language: "en", Sentences: lang.Sentences(text),
		})
	}
	if len(arts) < n {
		b.Skipf("only %d articles", len(arts))
	}
	return arts
}

// BenchmarkAnalyze_50 times the whole brief of a 50-article story (target
// under 2 s, issue #5).
func BenchmarkAnalyze_50(b *testing.B) {
	arts := story50(b)
	b.ResetTimer()
	start := evaldata.CPUTime()
	for range b.N {
		if br := Analyze(arts, nil, Options{}); len(br.Articles) != 50 {
			b.Fatalf("brief of %d articles", len(br.Articles))
		}
	}
	b.ReportMetric(float64(evaldata.CPUTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkAnalyze_500 times the brief of a 500-article story: the
// largest topics of ecbplus-dev told as one story (target under 10 s).
func BenchmarkAnalyze_500(b *testing.B) {
	arts := storyN(b, 500)
	b.ResetTimer()
	start := evaldata.CPUTime()
	for range b.N {
		if br := Analyze(arts, nil, Options{}); len(br.Articles) != 500 {
			b.Fatalf("brief of %d articles", len(br.Articles))
		}
	}
	b.ReportMetric(float64(evaldata.CPUTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkAnalyze_BigArticle times the brief of a story holding one
// 256 kB article, which shows any part growing faster than the text.
func BenchmarkAnalyze_BigArticle(b *testing.B) {
	arts := []*news.Article{
		invented("big", "Coast Ledger", "Storm cuts power across the coast", bigArticle(256<<10), 5),
		ferryStory()[0],
	}
	b.ResetTimer()
	start := evaldata.CPUTime()
	for range b.N {
		if br := Analyze(arts, nil, Options{}); len(br.Articles) != 2 {
			b.Fatalf("brief of %d articles", len(br.Articles))
		}
	}
	b.ReportMetric(float64(evaldata.CPUTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}
