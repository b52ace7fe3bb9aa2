package ingest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// The fixtures of package reuse: an original, a rewrite of it, an
// independent report of the same event and an unrelated article.
var reuseFixtures = []string{"original", "independent", "unrelated", "rewrite"}

func fixturePath(name string) string {
	return filepath.Join("..", "reuse", "testdata", name+".txt")
}

func TestReuseAnalyzer_Analyze(t *testing.T) {
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })

	run := func(t *testing.T, names ...string) {
		t.Helper()
		var paths []string
		for _, n := range names {
			paths = append(paths, fixturePath(n))
		}
		// A fresh analyzer per run: the second one rebuilds its index from
		// the stored signatures.
		in := ingest.New(db, ingest.Options{Analyzers: []ingest.Analyzer{ingest.NewReuseAnalyzer(db, db)}})
		sum, err := in.Run(t.Context(), paths)
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		if sum.Failed > 0 {
			t.Fatalf("failures: %v", sum.Failures)
		}
	}
	// The archive first, then the rewrite in a later run.
	run(t, reuseFixtures[:3]...)
	if links, err := db.Links(t.Context(), "original"); err != nil || len(links) != 0 {
		t.Fatalf("links before the rewrite = %+v, %v; want none", links, err)
	}
	run(t, reuseFixtures[3])

	t.Run("rewrite linked to original", func(t *testing.T) {
		links, err := db.Links(t.Context(), "rewrite")
		if err != nil {
			t.Fatal(err)
		}
		if len(links) != 1 {
			t.Fatalf("links = %+v, want one", links)
		}
		l := links[0]
		if l.Copy != "rewrite" || l.Original != "original" || l.Kind != news.ReuseParaphrase || len(l.Pairs) == 0 {
			t.Errorf("link = %s → %s %s with %d pairs, want rewrite → original paraphrase with pairs", l.Copy, l.Original, l.Kind, len(l.Pairs))
		}
	})
	t.Run("independent report not linked", func(t *testing.T) {
		links, err := db.Links(t.Context(), "independent")
		if err != nil || len(links) != 0 {
			t.Errorf("links = %+v, %v; want none", links, err)
		}
	})
	t.Run("provenance", func(t *testing.T) {
		dup, derived, err := db.Provenance(t.Context(), "rewrite")
		if err != nil {
			t.Fatal(err)
		}
		if dup != "" || len(derived) != 1 || derived[0].ID != "original" {
			t.Errorf("Provenance = %q, %+v; want derived from original", dup, derived)
		}
		orig, err := db.Original(t.Context(), "rewrite")
		if err != nil || orig != "original" {
			t.Errorf("Original = %q, %v; want original", orig, err)
		}
	})
	t.Run("signatures stored", func(t *testing.T) {
		n, err := db.Count(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		sigs := 0
		if err := db.Signatures(t.Context(), func(_ store.ReuseSignature) error { sigs++; return nil }); err != nil {
			t.Fatal(err)
		}
		if sigs != n {
			t.Errorf("%d signatures for %d articles", sigs, n)
		}
	})
}

// An archive stored before the copies stage ran has no signatures: the
// analyzer computes them on first use.
func TestReuseAnalyzer_ArchiveWithoutSignatures(t *testing.T) {
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := ingest.New(db, ingest.Options{}).Run(t.Context(), []string{fixturePath("original"), fixturePath("unrelated")}); err != nil {
		t.Fatal(err)
	}
	in := ingest.New(db, ingest.Options{Analyzers: []ingest.Analyzer{ingest.NewReuseAnalyzer(db, db)}})
	if _, err := in.Run(t.Context(), []string{fixturePath("rewrite")}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Original(t.Context(), "rewrite")
	if err != nil || got != "original" {
		t.Errorf("Original(rewrite) = %q, %v; want original", got, err)
	}
	sigs := 0
	if err := db.Signatures(t.Context(), func(store.ReuseSignature) error { sigs++; return nil }); err != nil {
		t.Fatal(err)
	}
	if sigs != 3 {
		t.Errorf("%d signatures, want 3", sigs)
	}
}

// TestReuseAnalyzer_Seeds ingests the five seed articles with the copies
// stage: 001 is a paraphrase of 000 and no other pair is a copy.
func TestReuseAnalyzer_Seeds(t *testing.T) {
	dir, err := filepath.Abs(evaldata.Dir(t, "seeds", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("evaluation data absent: %v", err)
	}
	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	in := ingest.New(db, ingest.Options{BatchSize: 1, Analyzers: []ingest.Analyzer{ingest.NewReuseAnalyzer(db, db)}})
	sum, err := in.Run(t.Context(), []string{dir})
	if err != nil || sum.Inserted != 5 {
		t.Fatalf("Run = %+v, %v; want 5 inserted", sum, err)
	}
	var all []news.Link
	for _, id := range sum.IDs {
		links, err := db.Links(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range links {
			if l.Copy == id {
				all = append(all, l)
			}
		}
	}
	if len(all) != 1 {
		t.Fatalf("links = %+v, want exactly one", all)
	}
	l := all[0]
	if !strings.HasPrefix(l.Copy, "001") || !strings.HasPrefix(l.Original, "000") || l.Kind != news.ReuseParaphrase {
		t.Errorf("link = %s → %s (%s), want 001 → 000 paraphrase", l.Copy, l.Original, l.Kind)
	}
}

// A rewrite that rewords a quotation has no direction evidence until a
// third article prints the quotation verbatim; when that article arrives,
// the link between the first two is re-decided.
func TestReuseAnalyzer_LateWitness(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile(fixturePath("rewrite"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.NewReplacer(
		`Harbour master Elena Brisk said the service would not put "a single passenger on a boat" it had doubts about.`,
		`"We will never put one passenger on a vessel we have doubts over," harbour master Elena Brisk said.`,
		`He called the breakdown "entirely predictable" and said`,
		`He called the breakdown wholly foreseeable and said`,
	).Replace(string(b))
	if text == string(b) {
		t.Fatal("fixture changed: the quotations to reword were not found")
	}
	reworded := write(t, dir, "reworded.txt", []byte(text))

	db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	an := ingest.NewReuseAnalyzer(db, db)
	run := func(path string) {
		t.Helper()
		in := ingest.New(db, ingest.Options{Analyzers: []ingest.Analyzer{an}})
		if _, err := in.Run(t.Context(), []string{path}); err != nil {
			t.Fatal(err)
		}
	}
	link := func() news.Link {
		t.Helper()
		links, err := db.Links(t.Context(), "original")
		if err != nil || len(links) != 1 {
			t.Fatalf("links of original = %+v, %v; want one", links, err)
		}
		return links[0]
	}
	run(fixturePath("original"))
	run(reworded)
	if l := link(); l.DirectionConfidence != 0.5 {
		t.Fatalf("before the witness: %s → %s, confidence %.2f; want 0.5 (%s)", l.Copy, l.Original, l.DirectionConfidence, l.Evidence)
	}
	run(fixturePath("independent"))
	if l := link(); l.Copy != "reworded" || l.DirectionConfidence <= 0.5 {
		t.Errorf("after the witness: %s → %s, confidence %.2f; want reworded → original, > 0.5 (%s)", l.Copy, l.Original, l.DirectionConfidence, l.Evidence)
	}
}
