package cluster

import (
	"slices"

	"github.com/parallax-news/parallax/internal/news"
)

// Vector is an article's representation as the Clusterer sees it — the
// L2-normalised TF-IDF vector of its title and lead, names and numbers —
// with its terms in id order. It serves offline analysis of the
// representation (see Represent), not the streaming decision.
type Vector struct {
	terms []termID
	w     []float64
}

// Len is the number of terms in the vector.
func (v Vector) Len() int { return len(v.terms) }

// Cosine is the cosine between two vectors of one Represent call.
func (v Vector) Cosine(o Vector) float64 {
	var dot float64
	for i, j := 0, 0; i < len(v.terms) && j < len(o.terms); {
		switch {
		case v.terms[i] < o.terms[j]:
			i++
		case v.terms[i] > o.terms[j]:
			j++
		default:
			dot += v.w[i] * o.w[j]
			i++
			j++
		}
	}
	return dot
}

// Represent returns the vectors the Clusterer would build for arts under
// cfg, with document frequencies taken over the whole set at once rather
// than as the stream goes. It answers how far the representation itself
// separates a labelled set — what any clustering of these vectors,
// online or offline, can reach — and is not part of the streaming path.
func Represent(arts []*news.Article, cfg Config) []Vector {
	c := New(cfg)
	for _, a := range arts {
		c.features(a)
		c.observe()
	}
	out := make([]Vector, len(arts))
	for i, a := range arts {
		c.features(a)
		v := c.vectorize()
		slices.SortFunc(v, func(a, b weighted) int { return int(a.term) - int(b.term) })
		vec := Vector{terms: make([]termID, len(v)), w: make([]float64, len(v))}
		for k, x := range v {
			vec.terms[k], vec.w[k] = x.term, x.w
		}
		out[i] = vec
	}
	return out
}
