package api

import (
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/reuse"
)

// Comparison is the alignment of two articles and the copy verdict, as
// `parallax compare --format json` prints it.
type Comparison struct {
	A       ComparedArticle `json:"a"`
	B       ComparedArticle `json:"b"`
	Verdict string          `json:"verdict"` // a reuse kind or "independent"
	// Copy and Original are set when Verdict is a kind.
	Copy                string       `json:"copy,omitempty"`
	Original            string       `json:"original,omitempty"`
	Coverage            float64      `json:"coverage"`
	DirectionConfidence float64      `json:"direction_confidence,omitempty"`
	Evidence            string       `json:"evidence"`
	CoverageA           float64      `json:"coverage_a"`
	CoverageB           float64      `json:"coverage_b"`
	Order               float64      `json:"order"`
	Rows                []CompareRow `json:"rows"`
}

// ComparedArticle names one side of a Comparison.
type ComparedArticle struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Source    string    `json:"source"`
	Published news.Time `json:"published"`
}

// CompareRow is one line of the alignment: an aligned pair, or a sentence
// of one article alone.
type CompareRow struct {
	A          string  `json:"a,omitempty"`
	B          string  `json:"b,omitempty"`
	Similarity float64 `json:"similarity,omitempty"`
}

// Aligned reports whether the row pairs a sentence of A with one of B.
func (r CompareRow) Aligned() bool { return r.A != "" && r.B != "" }

// Compare aligns a with b. The article ingested later is taken as the
// later arrival, as the copies stage met them.
func Compare(a, b *news.Article) Comparison {
	da, db := reuse.Prepare(a), reuse.Prepare(b)
	var res reuse.Result
	if b.Ingested.After(a.Ingested) {
		res = reuse.Compare(db, da, nil)
		res.Alignment = reuse.Align(da, db)
	} else {
		res = reuse.Compare(da, db, nil)
	}
	v := Comparison{
		A:         ComparedArticle{a.ID, a.Title, a.Source, a.Published},
		B:         ComparedArticle{b.ID, b.Title, b.Source, b.Published},
		Verdict:   "independent",
		Evidence:  res.Reason,
		CoverageA: res.Alignment.CoverageA,
		CoverageB: res.Alignment.CoverageB,
		Order:     res.Alignment.Order,
	}
	if res.Copy {
		l := res.Link
		v.Verdict, v.Copy, v.Original = string(l.Kind), l.Copy, l.Original
		v.Coverage, v.DirectionConfidence, v.Evidence = l.Coverage, l.DirectionConfidence, l.Evidence
	}
	v.Rows = compareRows(da, db, res.Alignment)
	return v
}

// compareRows lays the alignment out in A's order, each of B's unaligned
// sentences placed before the next aligned one that follows it in B.
func compareRows(a, b *reuse.Doc, al reuse.Alignment) []CompareRow {
	text := func(d *reuse.Doc, i int) string {
		sp := d.Sentences[i].Span
		return strings.Join(strings.Fields(d.Text[sp.Start:sp.End]), " ")
	}
	pairOf := make(map[int]news.AlignedPair, len(al.Pairs))
	alignedB := make([]bool, len(b.Sentences))
	for _, p := range al.Pairs {
		pairOf[p.Copy] = p
		alignedB[p.Original] = true
	}
	shownB := make([]bool, len(b.Sentences))
	out := []CompareRow{}
	nextB := 0
	for i := range a.Sentences {
		p, ok := pairOf[i]
		if !ok {
			out = append(out, CompareRow{A: text(a, i)})
			continue
		}
		for ; nextB < p.Original; nextB++ {
			if !alignedB[nextB] && !shownB[nextB] {
				shownB[nextB] = true
				out = append(out, CompareRow{B: text(b, nextB)})
			}
		}
		nextB = max(nextB, p.Original+1)
		out = append(out, CompareRow{A: text(a, i), B: text(b, p.Original), Similarity: p.Similarity})
	}
	for j := range b.Sentences {
		if !alignedB[j] && !shownB[j] {
			out = append(out, CompareRow{B: text(b, j)})
		}
	}
	return out
}
