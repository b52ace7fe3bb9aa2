package reuse

import (
	"slices"

	"github.com/parallax-news/parallax/internal/news"
)

// Alignment matches the sentences of two articles one to one.
type Alignment struct {
	// Pairs are the matched sentences, in the order of A's sentences;
	// AlignedPair.Copy indexes A and AlignedPair.Original indexes B.
	Pairs []news.AlignedPair
	// CoverageA and CoverageB are the shares of each article's words in
	// matched sentences.
	CoverageA, CoverageB float64
	// Order is the share of the pairs that keep their relative order in
	// both articles (the longest increasing run of B's indexes over the
	// pairs in A's order), 1 for fewer than two pairs.
	Order float64
	// MeanSimilarity is the word-weighted mean similarity of the pairs.
	MeanSimilarity float64
	// Paraphrases is the number of pairs the paraphrase model accepts
	// (Paraphrase ≥ ParaphraseThreshold); ParaphraseA and ParaphraseB are
	// the shares of each article's words in them, and MeanParaphrase is
	// the word-weighted mean of Paraphrase over all pairs.
	Paraphrases              int
	ParaphraseA, ParaphraseB float64
	MeanParaphrase           float64
}

// Align matches each sentence of a to at most one sentence of b, best
// pairs first, keeping pairs whose Similarity reaches AlignThreshold.
// Matching by similarity rather than by position is what lets it survive
// reordered sentences and added or dropped paragraphs.
func Align(a, b *Doc) Alignment {
	return alignPairs(a, b, scorePairs(a, b, pairings(a, b)))
}

// pairing is a sentence pair that may align: A's sentence i and B's j
// share u content stems and the bound of their Similarity reaches
// AlignThreshold.
type pairing struct {
	i, j, u int32
}

// pairings lists the sentence pairs of a and b that may align, in the
// order Align scores them: by a's sentence, then by b's sentence in the
// order of a's stems. Only pairs sharing a stem can score; b's inverted
// index of stems counts the stems each pair shares without merging their
// features, and the pairs whose similarityBound falls short are dropped.
func pairings(a, b *Doc) []pairing {
	inv := b.stemIndex()
	counts := make([]int32, len(b.Sentences))
	touched := make([]int32, 0, len(b.Sentences))
	var out []pairing
	for i := range a.Sentences {
		sa := &a.Sentences[i]
		touched = touched[:0]
		for _, h := range sa.Stems {
			for _, j := range inv.sentences(h) {
				if counts[j] == 0 {
					touched = append(touched, j)
				}
				counts[j]++
			}
		}
		for _, j := range touched {
			u := counts[j]
			counts[j] = 0
			if similarityBound(sa, &b.Sentences[j], int(u)) >= AlignThreshold {
				out = append(out, pairing{int32(i), j, u})
			}
		}
	}
	return out
}

// cand is a scored sentence pair.
type cand struct {
	i, j int
	sim  float64
}

// scorePairs keeps the pairings whose Similarity reaches AlignThreshold.
func scorePairs(a, b *Doc, ps []pairing) []cand {
	var cands []cand
	for _, p := range ps {
		if s := similarity(&a.Sentences[p.i], &b.Sentences[p.j], int(p.u)); s >= AlignThreshold {
			cands = append(cands, cand{int(p.i), int(p.j), s})
		}
	}
	return cands
}

// alignPairs matches sentences greedily, best scored pairs first, and
// measures the alignment.
func alignPairs(a, b *Doc, cands []cand) Alignment {
	slices.SortFunc(cands, func(x, y cand) int {
		switch {
		case x.sim > y.sim:
			return -1
		case x.sim < y.sim:
			return 1
		}
		return (x.i + x.j) - (y.i + y.j)
	})
	usedA := make([]bool, len(a.Sentences))
	usedB := make([]bool, len(b.Sentences))
	var al Alignment
	for _, c := range cands {
		if usedA[c.i] || usedB[c.j] {
			continue
		}
		usedA[c.i], usedB[c.j] = true, true
		al.Pairs = append(al.Pairs, news.AlignedPair{Copy: c.i, Original: c.j, Similarity: c.sim})
	}
	slices.SortFunc(al.Pairs, func(x, y news.AlignedPair) int { return x.Copy - y.Copy })

	var wa, wb, simSum, pa, pb, pSum float64
	for _, p := range al.Pairs {
		na, nb := float64(a.Sentences[p.Copy].Words), float64(b.Sentences[p.Original].Words)
		wa += na
		wb += nb
		simSum += p.Similarity * na
		pr := Paraphrase(&a.Sentences[p.Copy], &b.Sentences[p.Original])
		pSum += pr * na
		if pr >= ParaphraseThreshold {
			al.Paraphrases++
			pa += na
			pb += nb
		}
	}
	if a.Words > 0 {
		al.CoverageA = wa / float64(a.Words)
		al.ParaphraseA = pa / float64(a.Words)
	}
	if b.Words > 0 {
		al.CoverageB = wb / float64(b.Words)
		al.ParaphraseB = pb / float64(b.Words)
	}
	if wa > 0 {
		al.MeanSimilarity = simSum / wa
		al.MeanParaphrase = pSum / wa
	}
	al.Order = 1
	if len(al.Pairs) > 1 {
		js := make([]int, len(al.Pairs))
		for k, p := range al.Pairs {
			js[k] = p.Original
		}
		al.Order = float64(lis(js)) / float64(len(js))
	}
	return al
}

// lis returns the length of the longest strictly increasing subsequence.
func lis(xs []int) int {
	var tails []int
	for _, x := range xs {
		k, _ := slices.BinarySearch(tails, x)
		if k == len(tails) {
			tails = append(tails, x)
		} else {
			tails[k] = x
		}
	}
	return len(tails)
}

// swap returns the alignment seen from b's side.
func (al Alignment) swap() Alignment {
	s := al
	s.Pairs = make([]news.AlignedPair, len(al.Pairs))
	for k, p := range al.Pairs {
		s.Pairs[k] = news.AlignedPair{Copy: p.Original, Original: p.Copy, Similarity: p.Similarity}
	}
	slices.SortFunc(s.Pairs, func(x, y news.AlignedPair) int { return x.Copy - y.Copy })
	s.CoverageA, s.CoverageB = al.CoverageB, al.CoverageA
	s.ParaphraseA, s.ParaphraseB = al.ParaphraseB, al.ParaphraseA
	return s
}
