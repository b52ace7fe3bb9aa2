package eval

import "math"

// Clustering quality metrics. Each takes two labelings of the same items,
// gold[i] and pred[i] naming item i's gold class and predicted cluster.

// labelPair is one cell of the contingency table: a gold class and a
// predicted cluster.
type labelPair struct{ g, p string }

// contingency counts the items in each (gold, predicted) cell and in each
// gold class and predicted cluster: the table every metric here reads.
func contingency(gold, pred []string) (both map[labelPair]int, gs, ps map[string]int) {
	both, gs, ps = map[labelPair]int{}, map[string]int{}, map[string]int{}
	for i := range gold {
		both[labelPair{gold[i], pred[i]}]++
		gs[gold[i]]++
		ps[pred[i]]++
	}
	return both, gs, ps
}

// BCubed returns BCubed precision, recall and F1 (Bagga & Baldwin 1998;
// Amigó et al. 2009): for each item, precision is the share of its
// predicted cluster that shares its gold class and recall the share of its
// gold class that shares its predicted cluster; both are averaged over
// items and F1 is their harmonic mean. No items give zeros.
func BCubed(gold, pred []string) (p, r, f1 float64) {
	n := len(gold)
	if n == 0 || len(pred) != n {
		return 0, 0, 0
	}
	both, goldSize, predSize := contingency(gold, pred)
	for i := range gold {
		k := float64(both[labelPair{gold[i], pred[i]}])
		p += k / float64(predSize[pred[i]])
		r += k / float64(goldSize[gold[i]])
	}
	p /= float64(n)
	r /= float64(n)
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// NMI returns the normalised mutual information of two labelings with the
// arithmetic-mean normalisation, 2·I(G;P) / (H(G) + H(P)) (Strehl & Ghosh's
// NMI_sum, scikit-learn's default). When both labelings have a single
// cluster (zero entropy) they agree perfectly and NMI is 1.
func NMI(gold, pred []string) float64 {
	n := len(gold)
	if n == 0 || len(pred) != n {
		return 0
	}
	both, gs, ps := contingency(gold, pred)
	N := float64(n)
	entropy := func(m map[string]int) float64 {
		h := 0.0
		for _, c := range m {
			q := float64(c) / N
			h -= q * math.Log(q)
		}
		return h
	}
	hg, hp := entropy(gs), entropy(ps)
	if hg == 0 && hp == 0 {
		return 1
	}
	mi := 0.0
	for k, c := range both {
		pij := float64(c) / N
		mi += pij * math.Log(pij*N*N/(float64(gs[k.g])*float64(ps[k.p])))
	}
	// Rounding can leave a hair below zero for independent labelings.
	return max(0, 2*mi/(hg+hp))
}

// ARI returns the adjusted Rand index (Hubert & Arabie 1985): the Rand
// index corrected for chance, 1 for identical partitions and about 0 for
// random ones. When the expected and maximum index coincide (both
// labelings all singletons, or both one cluster) the partitions are equal
// and ARI is 1.
func ARI(gold, pred []string) float64 {
	n := len(gold)
	if n == 0 || len(pred) != n {
		return 0
	}
	both, gs, ps := contingency(gold, pred)
	if n == 1 {
		return 1
	}
	choose2 := func(k int) float64 { return float64(k) * float64(k-1) / 2 }
	var index, sg, sp float64
	for _, c := range both {
		index += choose2(c)
	}
	for _, c := range gs {
		sg += choose2(c)
	}
	for _, c := range ps {
		sp += choose2(c)
	}
	expected := sg * sp / choose2(n)
	maxIndex := (sg + sp) / 2
	if maxIndex == expected {
		return 1
	}
	return (index - expected) / (maxIndex - expected)
}
