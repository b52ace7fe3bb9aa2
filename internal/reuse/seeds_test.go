package reuse

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// seedArticles reads the seed articles as ingest reads scraped text, in
// file-name order, with ids the file names' three-digit prefixes.
func seedArticles(t *testing.T) []*news.Article {
	dir := filepath.Join(evaldata.Dir(t, "seeds"), "articles")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*news.Article
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		res, err := extract.Text(string(b), extract.Hints{}, extract.TextOptions{})
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		text := lang.Normalize(res.Text)
		arts = append(arts, &news.Article{ID: e.Name()[:3], Text: text, Published: res.Published, Sentences: lang.Sentences(text)})
	}
	if len(arts) != 5 {
		t.Fatalf("read %d seed articles, want 5", len(arts))
	}
	return arts
}

// TestArchive_Seeds checks the seeds' one rewrite as ingest meets it:
// articles arrive in order and each is checked against those before it.
func TestArchive_Seeds(t *testing.T) {
	arts := seedArticles(t)
	ar := NewArchive()
	var links []news.Link
	for _, a := range arts {
		links = append(links, ar.Check(a)...)
		ar.Add(a)
	}
	if len(links) != 1 {
		t.Fatalf("found %d links, want 1: %+v", len(links), links)
	}
	l := links[0]
	if l.Copy != "001" || l.Original != "000" || l.Kind != news.ReuseParaphrase {
		t.Errorf("link = %s → %s (%s), want 001 → 000 (paraphrase)", l.Copy, l.Original, l.Kind)
	}
	if l.DirectionConfidence <= 0.5 {
		t.Errorf("direction confidence = %.2f, want evidence beyond arrival order (%s)", l.DirectionConfidence, l.Evidence)
	}
	t.Logf("%s", l.Evidence)
}

// TestCompare_SeedPairs compares every pair of seeds both ways, with the
// other three as witnesses.
func TestCompare_SeedPairs(t *testing.T) {
	arts := seedArticles(t)
	docs := make([]*Doc, len(arts))
	for i, a := range arts {
		docs[i] = Prepare(a)
	}
	for i := range docs {
		for j := range docs {
			if i == j {
				continue
			}
			var w []*Doc
			for k := range docs {
				if k != i && k != j {
					w = append(w, docs[k])
				}
			}
			got := Compare(docs[i], docs[j], w)
			pair := []string{docs[i].ID, docs[j].ID}
			slices.Sort(pair)
			rewrite := pair[0] == "000" && pair[1] == "001"
			if got.Copy != rewrite {
				t.Errorf("%s vs %s: copy = %v, want %v (%s%s)", docs[i].ID, docs[j].ID, got.Copy, rewrite, got.Reason, got.Link.Evidence)
				continue
			}
			if rewrite && (got.Link.Copy != "001" || got.Link.Kind != news.ReuseParaphrase || got.Link.DirectionConfidence < 0.75) {
				t.Errorf("%s vs %s: %s → %s (%s, confidence %.2f), want 001 → 000 paraphrase, confidence ≥ 0.75",
					docs[i].ID, docs[j].ID, got.Link.Copy, got.Link.Original, got.Link.Kind, got.Link.DirectionConfidence)
			}
		}
	}
}
