package attrib

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata"
	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/lang"
)

// seedRelations cleans each seed article as ingest does and finds its
// relations, keyed by article id.
func seedRelations(t *testing.T) (map[string]string, map[string][]Relation) {
	t.Helper()
	dir := evaldata.Dir(t, "seeds", "articles")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seed articles: %v", err)
	}
	sort.Strings(files)
	texts := map[string]string{}
	rels := map[string][]Relation{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := extract.Text(string(raw), extract.Hints{}, extract.TextOptions{})
		if err != nil {
			t.Fatalf("clean %s: %v", f, err)
		}
		id := filepath.Base(f)
		id = id[:len(id)-len(".txt")]
		texts[id] = res.Text
		rels[id] = Find(res.Text, lang.Sentences(res.Text))
	}
	return texts, rels
}

func TestFind_SeedsDebug(t *testing.T) {
	if os.Getenv("ATTRIB_DEBUG") == "" {
		t.Skip("set ATTRIB_DEBUG=1 to print the seed relations")
	}
	texts, rels := seedRelations(t)
	ids := make([]string, 0, len(rels))
	for id := range rels {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		text := texts[id]
		for _, r := range rels[id] {
			t.Logf("%s [%s] src=%q via=%q dir=%v den=%v anon=%v cont=%v\n    %q", id[:3], r.Verb, r.SourceText, r.ViaText, r.Direct, r.Denial, r.Anonymous, r.Continued, text[r.Content.Start:r.Content.End])
		}
	}
}
