package reuse

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// TestCompare_SourceCredit checks direction from an untimed copy that
// credits its original's outlet.
func TestCompare_SourceCredit(t *testing.T) {
	orig := fixture(t, "original")
	orig.Source = "The Marlow Bay Gazette"
	rw := fixture(t, "rewrite")
	credit := func(text string) string {
		first, rest, _ := strings.Cut(text, "\n\n")
		return strings.TrimSuffix(first, ".") + ", the Marlow Bay Gazette reported.\n\n" + rest
	}
	tests := []struct {
		name      string
		source    string
		text      string
		origFirst bool // the original is Compare's a, the later arrival
		wantCopy  string
		wantConf  float64 // at least
		credited  bool    // the evidence names the credit
	}{
		// The fixture's rewrite also cuts two quotations (0.8 alone).
		{"copy credits original, arrives first", "Skerra Online", credit(rw.Text), true, "rewrite", 0.85, true},
		{"copy credits original, arrives later", "Skerra Online", credit(rw.Text), false, "rewrite", 0.85, true},
		{"no credit", "Skerra Online", rw.Text, true, "rewrite", 0.8, false},
		{"same outlet", "Marlow Bay Gazette", credit(rw.Text), true, "rewrite", 0.8, false},
		{"unnamed outlet", "", credit(rw.Text), true, "rewrite", 0.8, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cp := &news.Article{ID: "rewrite", Source: tt.source, Text: tt.text, Sentences: lang.Sentences(tt.text)}
			a, b := Prepare(orig), Prepare(cp)
			if !tt.origFirst {
				a, b = b, a
			}
			got := Compare(a, b, nil)
			if !got.Copy {
				t.Fatalf("Compare: not a copy (%s)", got.Reason)
			}
			if got.Link.Copy != tt.wantCopy || got.Link.DirectionConfidence < tt.wantConf {
				t.Errorf("copy = %s (confidence %.2f), want %s (≥ %.2f): %s", got.Link.Copy, got.Link.DirectionConfidence, tt.wantCopy, tt.wantConf, got.Link.Evidence)
			}
			if c := strings.Contains(got.Link.Evidence, "credits The Marlow Bay Gazette"); c != tt.credited {
				t.Errorf("evidence names the credit = %v, want %v: %s", c, tt.credited, got.Link.Evidence)
			}
		})
	}
}

func TestSourceName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The Highland Post", "highland post"},
		{"QuickNews Hub", "quicknews hub"},
		{"the", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := sourceName(tt.in); got != tt.want {
			t.Errorf("sourceName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSentenceEvidence(t *testing.T) {
	orig, rw := Prepare(fixture(t, "original")), Prepare(fixture(t, "rewrite"))
	// A third article that prints the original's first paragraph as it is.
	first, _, _ := strings.Cut(fixture(t, "original").Text, "\n\n")
	third := "Islanders gathered at the pier on Wednesday.\n\n" + first
	witness := Prepare(&news.Article{ID: "third", Text: third, Sentences: lang.Sentences(third)})
	tests := []struct {
		name         string
		a, b         *Doc
		witnesses    []*Doc
		wantA, wantB int
	}{
		{"original first", orig, rw, []*Doc{witness}, 1, 0},
		{"copy first", rw, orig, []*Doc{witness}, 0, 1},
		{"no witness", orig, rw, nil, 0, 0},
		{"witness is a party", orig, rw, []*Doc{orig, rw}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			va, vb, why := sentenceEvidence(tt.a, tt.b, Align(tt.a, tt.b), tt.witnesses)
			if va != tt.wantA || vb != tt.wantB {
				t.Errorf("votes = %d, %d, want %d, %d (%v)", va, vb, tt.wantA, tt.wantB, why)
			}
		})
	}
}
