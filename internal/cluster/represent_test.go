package cluster_test

import (
	"math"
	"testing"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/news"
)

func TestRepresent(t *testing.T) {
	arts := []*news.Article{dam1, strike, dam2, dam3}
	vs := cluster.Represent(arts, cluster.Config{})
	if len(vs) != len(arts) {
		t.Fatalf("%d vectors for %d articles", len(vs), len(arts))
	}
	for i, v := range vs {
		if v.Len() == 0 {
			t.Fatalf("vector %d is empty", i)
		}
		if self := v.Cosine(v); math.Abs(self-1) > 1e-9 {
			t.Errorf("vector %d: self cosine %.6f, want 1 (normalised)", i, self)
		}
	}
	same, other := vs[0].Cosine(vs[2]), vs[0].Cosine(vs[1])
	if same <= 0.2 || other >= same/3 {
		t.Errorf("dam–dam cosine %.3f, dam–strike %.3f: the same story should be far closer", same, other)
	}
	if a, b := vs[0].Cosine(vs[3]), vs[3].Cosine(vs[0]); a != b {
		t.Errorf("cosine not symmetric: %v vs %v", a, b)
	}
}
