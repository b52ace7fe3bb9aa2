package eval

import (
	"fmt"
	"math"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/news"
)

// SystemOffline names the offline reference in a cluster report.
const SystemOffline = "offline average-link, best cut"

// maxOffline bounds the articles the offline reference takes: it holds
// a full similarity matrix (8 bytes × n²).
const maxOffline = 6_000

// OfflineReference is how far the clusterer's representation separates a
// set's gold clusters, whatever the clustering: the vectors of every
// article (idf over the whole set), clustered offline by average link
// with the cut chosen afterwards on the gold labels (an online
// clusterer of the same vectors seeing the articles once and in order
// is not expected to do much better; a cut chosen on the gold makes it a
// reference, not a baseline) — and the
// articles whose nearest other article lies in another gold cluster,
// which no clustering by these vectors can place without also pulling
// in that neighbour.
type OfflineReference struct {
	Scores ClusterScores `json:"scores"`
	// Cut is the average similarity at which the dendrogram was cut.
	Cut float64 `json:"cut"`
	// NeighbourElsewhere counts articles whose most similar other
	// article has another gold label.
	NeighbourElsewhere int `json:"neighbour_elsewhere"`
}

// merge is one step of an agglomerative clustering: the clusters held
// at indexes a and b joined, at average similarity sim, into index a.
type merge struct {
	a, b int
	sim  float64
}

// similarities returns the cosine matrix of the articles' vectors.
func similarities(arts []*news.Article, cfg cluster.Config) [][]float64 {
	vs := cluster.Represent(arts, cfg)
	sim := make([][]float64, len(vs))
	for i := range sim {
		sim[i] = make([]float64, len(vs))
	}
	for i := range vs {
		sim[i][i] = 1
		for j := i + 1; j < len(vs); j++ {
			s := vs[i].Cosine(vs[j])
			sim[i][j], sim[j][i] = s, s
		}
	}
	return sim
}

// averageLink clusters by average link (UPGMA) with the nearest-neighbour
// chain, in O(n²) time, and returns the n−1 merges. It overwrites sim.
// Average link is reducible, so a merge's children were joined at an
// equal or higher similarity and cutting at any level is consistent.
func averageLink(sim [][]float64) []merge {
	n := len(sim)
	size := make([]float64, n)
	active := make([]bool, n)
	for i := range size {
		size[i], active[i] = 1, true
	}
	merges := make([]merge, 0, max(n-1, 0))
	chain := make([]int, 0, n)
	next := 0 // lowest index that may still be active, to start chains
	for left := n; left > 1; {
		if len(chain) == 0 {
			for !active[next] {
				next++
			}
			chain = append(chain, next)
		}
		a := chain[len(chain)-1]
		prev := -1
		if len(chain) > 1 {
			prev = chain[len(chain)-2]
		}
		// The nearest active neighbour of a; the chain's previous element
		// wins ties, which is what makes the chain end.
		b, best := prev, math.Inf(-1)
		if prev >= 0 {
			best = sim[a][prev]
		}
		for k := range n {
			if k != a && active[k] && sim[a][k] > best {
				b, best = k, sim[a][k]
			}
		}
		if b != prev {
			chain = append(chain, b)
			continue
		}
		chain = chain[:len(chain)-2]
		if b < a {
			a, b = b, a
		}
		merges = append(merges, merge{a, b, best})
		for k := range n {
			if active[k] && k != a && k != b {
				s := (size[a]*sim[a][k] + size[b]*sim[b][k]) / (size[a] + size[b])
				sim[a][k], sim[k][a] = s, s
			}
		}
		size[a] += size[b]
		active[b] = false
		left--
	}
	return merges
}

// cut labels the n items by the merges at similarity at least th.
func cut(n int, merges []merge, th float64) []string {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, m := range merges {
		if m.sim >= th {
			parent[find(m.b)] = find(m.a)
		}
	}
	labels := make([]string, n)
	for i := range labels {
		labels[i] = fmt.Sprint(find(i))
	}
	return labels
}

// offlineReference computes the OfflineReference of arts against each
// gold level; nil when the set is too large for a full matrix.
func offlineReference(arts []*news.Article, cfg cluster.Config, golds [][]string) []*OfflineReference {
	if len(arts) < 2 || len(arts) > maxOffline {
		return make([]*OfflineReference, len(golds))
	}
	sim := similarities(arts, cfg)
	out := make([]*OfflineReference, len(golds))
	for li, gold := range golds {
		ref := &OfflineReference{}
		for i, row := range sim {
			nn, best := -1, math.Inf(-1)
			for j, s := range row {
				if j != i && s > best {
					nn, best = j, s
				}
			}
			if gold[nn] != gold[i] {
				ref.NeighbourElsewhere++
			}
		}
		out[li] = ref
	}
	merges := averageLink(sim) // sim is spent from here on
	for li, gold := range golds {
		ref := out[li]
		ref.Scores.F1 = -1
		// Cuts every 0.01 from 0.01 to 0.80 cover the useful range of
		// cosine; the best is kept, chosen on the gold itself.
		for k := 1; k <= 80; k++ {
			th := float64(k) / 100
			labels := cut(len(arts), merges, th)
			p, r, f := BCubed(gold, labels)
			if f > ref.Scores.F1 {
				ref.Cut = th
				ref.Scores = ClusterScores{System: SystemOffline, Clusters: distinct(labels),
					Precision: p, Recall: r, F1: f, NMI: NMI(gold, labels), ARI: ARI(gold, labels)}
			}
		}
	}
	return out
}
