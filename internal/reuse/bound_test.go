package reuse

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

func fixtureDocs(t testing.TB) []*Doc {
	var docs []*Doc
	for _, name := range []string{"original", "rewrite", "independent", "unrelated"} {
		docs = append(docs, Prepare(fixture(t, name)))
	}
	return docs
}

func TestSimilarityBound(t *testing.T) {
	docs := fixtureDocs(t)
	for _, a := range docs {
		for _, b := range docs {
			kept := make(map[[2]int]bool)
			for _, p := range pairings(a, b) {
				kept[[2]int{int(p.i), int(p.j)}] = true
			}
			for i := range a.Sentences {
				for j := range b.Sentences {
					sa, sb := &a.Sentences[i], &b.Sentences[j]
					u := overlap(sa.Stems, sb.Stems)
					if u == 0 {
						continue
					}
					got, want := similarityBound(sa, sb, u), Similarity(sa, sb)
					if got < want {
						t.Errorf("%s/%s %d,%d: bound %v < similarity %v", a.ID, b.ID, i, j, got, want)
					}
					if want >= AlignThreshold && !kept[[2]int{i, j}] {
						t.Errorf("%s/%s %d,%d: similarity %v dropped by pairings", a.ID, b.ID, i, j, want)
					}
				}
			}
		}
	}
}

func TestCopied(t *testing.T) {
	docs := fixtureDocs(t)
	for _, a := range docs {
		for _, b := range docs {
			t.Run(a.ID+"/"+b.ID, func(t *testing.T) {
				r := Compare(a, b, docs)
				got, ok := Copied(a, b, docs)
				if ok != r.Copy || !reflect.DeepEqual(got, r.Link) {
					t.Errorf("Copied = %v %+v, want Compare's %v %+v", ok, got, r.Copy, r.Link)
				}
			})
		}
	}
}

// FuzzCopied checks that Copied's shortcut never changes Compare's
// verdict.
func FuzzCopied(f *testing.F) {
	f.Add("One sentence here. Another one there. A third.", "One sentence here. Another one there. A fourth.")
	f.Add("The council voted on the budget. It passed. Taxes rise.", "Taxes rise, the council said. The budget passed a vote.")
	f.Fuzz(func(t *testing.T, x, y string) {
		if !utf8.ValidString(x) || !utf8.ValidString(y) {
			return
		}
		a := Prepare(&news.Article{ID: "a", Text: x})
		b := Prepare(&news.Article{ID: "b", Text: y})
		r := Compare(a, b, nil)
		got, ok := Copied(a, b, nil)
		if ok != r.Copy || !reflect.DeepEqual(got, r.Link) {
			t.Fatalf("Copied = %v %+v, want Compare's %v %+v", ok, got, r.Copy, r.Link)
		}
	})
}
