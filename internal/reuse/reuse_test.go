package reuse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// fixture reads testdata/NAME.txt as an article with id NAME.
func fixture(t testing.TB, name string) *news.Article {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := lang.Normalize(string(b))
	return &news.Article{ID: name, Text: text, Sentences: lang.Sentences(text)}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		wantCopy bool
		wantKind news.ReuseKind
	}{
		{"rewrite of original", "rewrite", "original", true, news.ReuseParaphrase},
		{"same event, own words", "independent", "original", false, ""},
		{"independent and rewrite", "independent", "rewrite", false, ""},
		{"unrelated", "unrelated", "original", false, ""},
		{"same text", "original", "original", true, news.ReuseVerbatim},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := Prepare(fixture(t, tt.a)), Prepare(fixture(t, tt.b))
			if tt.a == tt.b {
				a.ID = "again"
			}
			got := Compare(a, b, nil)
			if got.Copy != tt.wantCopy {
				t.Fatalf("Copy = %v (%s %s), want %v", got.Copy, got.Reason, got.Link.Evidence, tt.wantCopy)
			}
			if got.Copy && got.Link.Kind != tt.wantKind {
				t.Errorf("Kind = %s, want %s (%s)", got.Link.Kind, tt.wantKind, got.Link.Evidence)
			}
		})
	}
}

func TestCompare_Direction(t *testing.T) {
	orig, cp := fixture(t, "original"), fixture(t, "rewrite")
	day := func(s string) news.Time {
		v, err := news.ParseTime(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name           string
		origT, copyT   news.Time
		witness        bool
		wantCopy       string
		wantConfidence float64 // at least
	}{
		// The rewrite quotes only part of a quotation the original gives
		// whole: internal evidence even without dates.
		{"no dates", news.Time{}, news.Time{}, false, "rewrite", 0.6},
		{"original earlier", day("2031-04-01"), day("2031-04-02"), false, "rewrite", 0.8},
		{"minutes apart", day("2031-04-01T09:00:00Z"), day("2031-04-01T11:30:00Z"), false, "rewrite", 0.9},
		// Dates outweigh the text: a rewrite dated first is taken as the
		// original.
		{"copy dated first", day("2031-04-03"), day("2031-04-02"), false, "original", 0.8},
		{"same day, no zones", day("2031-04-01"), day("2031-04-01"), true, "rewrite", 0.6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, c := *orig, *cp
			o.Published, c.Published = tt.origT, tt.copyT
			var w []*Doc
			if tt.witness {
				w = []*Doc{Prepare(fixture(t, "independent"))}
			}
			// The original arrives later: arrival order must not decide.
			got := Compare(Prepare(&o), Prepare(&c), w)
			if !got.Copy {
				t.Fatalf("not a copy: %s", got.Reason)
			}
			if got.Link.Copy != tt.wantCopy || got.Link.DirectionConfidence < tt.wantConfidence {
				t.Errorf("copy %s with confidence %.2f, want %s with ≥ %.2f (%s)", got.Link.Copy, got.Link.DirectionConfidence, tt.wantCopy, tt.wantConfidence, got.Link.Evidence)
			}
		})
	}
}

func TestAlign_Reorder(t *testing.T) {
	orig := fixture(t, "original")
	paras := strings.Split(orig.Text, "\n\n")
	for i, j := 0, len(paras)-1; i < j; i, j = i+1, j-1 {
		paras[i], paras[j] = paras[j], paras[i]
	}
	text := strings.Join(paras[2:], "\n\n") // reversed, two paragraphs dropped
	rev := &news.Article{ID: "reversed", Text: text, Sentences: lang.Sentences(text)}
	al := Align(Prepare(rev), Prepare(orig))
	if al.CoverageA < 0.99 {
		t.Errorf("CoverageA = %.2f, want 1", al.CoverageA)
	}
	if al.Order > 0.2 {
		t.Errorf("Order = %.2f, want near 0 for reversed text", al.Order)
	}
	got := Compare(Prepare(rev), Prepare(orig), nil)
	if !got.Copy || got.Link.Kind != news.ReuseNear {
		t.Errorf("Compare = %v %s (%s), want a near copy", got.Copy, got.Link.Kind, got.Reason)
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		name   string
		a, b   string
		lo, hi float64
	}{
		{"identical", "The ferry left the harbour at dawn.", "The ferry left the harbour at dawn.", 0.99, 1},
		{"case and quotes", "“The ferry left,” she said.", "\"the FERRY left,\" she said.", 0.99, 1},
		{"reworded", "The ferry left the harbour at dawn with 40 passengers.", "With 40 passengers aboard, the ferry departed the harbour at dawn.", AlignThreshold, 0.9},
		// A changed number is a light edit for copy detection, but costs
		// more than a changed word.
		{"other numbers", "The ferry carried 40 passengers to Skerra.", "The ferry carried 75 passengers to Skerra.", AlignThreshold, 0.6},
		{"other word", "The ferry carried 40 passengers to Skerra.", "The ferry carried 40 travellers to Skerra.", 0.6, 0.9},
		{"unrelated", "The ferry left the harbour at dawn.", "Ticket prices will stay the same.", 0, 0.01},
		{"empty", "", "The ferry left.", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := sentenceFeatures(tt.a)
			b, _ := sentenceFeatures(tt.b)
			got := Similarity(&a, &b)
			if got < tt.lo || got > tt.hi {
				t.Errorf("Similarity = %.3f, want in [%.2f, %.2f]", got, tt.lo, tt.hi)
			}
		})
	}
}

func TestSentenceSimilarity(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want bool // a paraphrase: score ≥ ParaphraseThreshold
	}{
		{"identical", "The ferry left the harbour at dawn.", "The ferry left the harbour at dawn.", true},
		{"reworded", "The ferry left the harbour at dawn with 40 passengers.", "With 40 passengers aboard, the ferry left the harbour at dawn.", true},
		{"word dropped", "The council approved the new budget on Tuesday evening.", "The council approved the budget on Tuesday evening.", true},
		{"same topic, other fact", "The council approved the budget on Tuesday after a long debate.", "Several members of the council criticised the budget before the vote.", false},
		{"negated", "The mayor said the bridge will reopen in May.", "The mayor said the bridge will not reopen in May.", true},
		{"unrelated", "The ferry left the harbour at dawn.", "Ticket prices will stay the same.", false},
		{"empty", "", "The ferry left.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SentenceSimilarity(tt.a, tt.b)
			if (got >= ParaphraseThreshold) != tt.want {
				t.Errorf("SentenceSimilarity = %.3f, want paraphrase %v (threshold %.2f)", got, tt.want, ParaphraseThreshold)
			}
		})
	}
	// A negation costs: the negated sentence scores below the plain one.
	plain := SentenceSimilarity("The mayor said the bridge will reopen in May.", "The mayor said the bridge will reopen in May, officials confirmed.")
	negated := SentenceSimilarity("The mayor said the bridge will reopen in May.", "The mayor said the bridge will not reopen in May, officials confirmed.")
	if negated >= plain {
		t.Errorf("negated %.3f ≥ plain %.3f, want lower", negated, plain)
	}
}

func TestIndex_Candidates(t *testing.T) {
	x := NewIndex()
	add := func(name string) {
		d := Prepare(fixture(t, name))
		x.Add(d.ID, Keys(d))
	}
	add("original")
	add("unrelated")
	add("independent")
	t.Run("rewrite finds original", func(t *testing.T) {
		d := Prepare(fixture(t, "rewrite"))
		c := x.Candidates(d.ID, Keys(d), 0)
		if len(c) == 0 || c[0].ID != "original" {
			t.Fatalf("Candidates = %+v, want original first", c)
		}
		for _, cand := range c {
			if cand.ID == "unrelated" {
				t.Errorf("unrelated article is a candidate: %+v", cand)
			}
		}
	})
	t.Run("exact copy", func(t *testing.T) {
		a := fixture(t, "original")
		a.ID = "mirror"
		a.Text = strings.ToUpper(a.Text)
		a.Sentences = lang.Sentences(a.Text)
		d := Prepare(a)
		c := x.Candidates(d.ID, Keys(d), 1)
		if len(c) != 1 || c[0].ID != "original" || !c[0].Exact {
			t.Fatalf("Candidates = %+v, want the original as exact", c)
		}
	})
	t.Run("self excluded", func(t *testing.T) {
		d := Prepare(fixture(t, "original"))
		for _, c := range x.Candidates(d.ID, Keys(d), 0) {
			if c.ID == "original" {
				t.Errorf("article is its own candidate")
			}
		}
	})
	t.Run("replaced keys stop matching", func(t *testing.T) {
		y := NewIndex()
		d := Prepare(fixture(t, "original"))
		y.Add("a", Keys(d))
		y.Add("a", Keys(Prepare(fixture(t, "unrelated"))))
		if c := y.Candidates("q", Keys(d), 0); len(c) != 0 {
			t.Errorf("Candidates after replacement = %+v, want none", c)
		}
	})
}

func TestIndex_Merge(t *testing.T) {
	// Enough articles to merge the fresh postings into the arrays several
	// times; every article must still find its exact twin.
	x := NewIndex()
	x.mergeMin = 256
	const n = 300
	docs := make([]*Doc, n)
	for i := range n {
		text := synthText(i)
		docs[i] = Prepare(&news.Article{ID: synthID(i), Text: text})
		x.Add(docs[i].ID, Keys(docs[i]))
		if i == n/2 {
			// Replacing an article drops its old postings at the next merge.
			x.Add(docs[0].ID, Keys(docs[0]))
		}
	}
	if x.Len() != n {
		t.Fatalf("Len = %d, want %d", x.Len(), n)
	}
	for i := 0; i < n; i += 7 {
		c := x.Candidates("query", Keys(docs[i]), 1)
		if len(c) != 1 || c[0].ID != docs[i].ID || !c[0].Exact {
			t.Fatalf("article %d: Candidates = %+v", i, c)
		}
	}
}
