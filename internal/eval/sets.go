package eval

import (
	"fmt"
	"os"
	"strings"

	"github.com/parallax-news/parallax/internal/evaldata"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// readSetArticles reads a set's articles.jsonl as articles, titles and
// texts normalised as ingest normalises them; an unreadable date is an
// unknown one.
func readSetArticles(path string) ([]*news.Article, error) {
	records, err := evaldata.ReadArticles(path)
	if err != nil {
		return nil, fmt.Errorf("read articles: %w", err)
	}
	arts := make([]*news.Article, 0, len(records))
	for _, r := range records {
		pub, _ := news.ParseTime(r.Published)
		arts = append(arts, &news.Article{ID: r.ID, Source: r.Source, URL: r.URL, Published: pub,
			Title: lang.Normalize(r.Title), Text: lang.Normalize(r.Text)})
	}
	return arts, nil
}

// readGoldClusters reads the first label column of gold/clusters.tsv
// (id, cluster, …) into id → cluster.
func readGoldClusters(path string) (map[string]string, error) {
	levels, _, err := readClusterGold(path)
	if err != nil {
		return nil, err
	}
	return levels[0], nil
}

// readClusterGold reads clusters.tsv: a header naming the columns (id,
// cluster, and optionally topic) and one row per article. It returns one
// id → label map per label column, "cluster" first.
func readClusterGold(path string) ([]map[string]string, []string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read gold: %w", err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	header := strings.Split(strings.TrimSpace(lines[0]), "\t")
	if len(header) < 2 || header[0] != "id" {
		return nil, nil, fmt.Errorf("read gold %s: header %q: %w", path, lines[0], news.ErrInvalid)
	}
	names := header[1:]
	levels := make([]map[string]string, len(names))
	for i := range levels {
		levels[i] = map[string]string{}
	}
	for n, l := range lines[1:] {
		f := strings.Split(strings.TrimRight(l, "\r"), "\t")
		if len(f) != len(header) {
			return nil, nil, fmt.Errorf("read gold %s line %d: %d columns, want %d: %w", path, n+2, len(f), len(header), news.ErrInvalid)
		}
		for i := range names {
			levels[i][f[0]] = f[i+1]
		}
	}
	return levels, names, nil
}
