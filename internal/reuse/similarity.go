package reuse

import "math"

// The sentence similarity is a logistic model over ten lexical features of
// a sentence pair. Its weights were fitted once, by logistic regression
// (Newton's method, no per-run tuning), on the msrp-train pairs; a two-fold
// split of those pairs (fit on one half, score the other) gives 75.5 and
// 75.6% accuracy, the same as the in-sample fit, so the weights do not
// merely memorise the set. The features:
//
//	dice, containment  overlap of the content-word stems
//	bigrams            Dice of consecutive content stems (same phrasing)
//	length ratio       shorter over longer sentence, in words
//	lcs/longer, lcs/shorter
//	                   longest common subsequence of all words (word order)
//	number mismatch    1 − Dice of the numbers (different figures, different fact)
//	negation mismatch  one sentence negates, the other does not
//	unmatched          log(1+n) of the content stems only the longer, and
//	                   only the shorter, side has
var simWeights = [...]float64{
	5.392,   // dice
	0.173,   // containment
	-4.195,  // bigram Dice
	-8.021,  // length ratio
	21.991,  // lcs / longer
	-13.585, // lcs / shorter
	-0.363,  // number mismatch
	-0.828,  // negation mismatch
	-0.521,  // unmatched stems of the side with more
	-0.305,  // unmatched stems of the side with fewer
}

const simBias = 3.915

// Similarity weights: the alignment's own, recall-minded score, chosen
// before the paraphrase model and kept for alignment, where it must find
// heavily reworded sentences whatever their word order. Stems carry the
// shared content, bigrams reward the same phrasing, containment forgives a
// clause one sentence adds, and disagreeing numbers mark a different fact.
const (
	weightDice        = 0.6
	weightContainment = 0.2
	weightBigrams     = 0.2
	numberPenalty     = 0.75
)

// AlignThreshold is the Similarity from which Align pairs two sentences.
// It is deliberately loose: the copy verdict then asks how many of the
// aligned pairs the paraphrase model accepts.
const AlignThreshold = 0.42

// ParaphraseThreshold is the similarity from which two sentences are taken
// to say the same thing in (possibly) other words. It is the model's own
// decision point, probability one half, not a value searched for: on
// msrp-train it gives the accuracy and F1 `parallax eval reuse` prints. It
// marks the aligned pairs that count as restatements in the copy verdict.
const ParaphraseThreshold = 0.5

// Paraphrase scores how much two sentences say the same thing in [0, 1]:
// the probability the model gives to their being paraphrases. Sentences
// without a shared content stem score 0; identical sentences score 1.
func Paraphrase(a, b *Sentence) float64 {
	la, lb := len(a.Stems), len(b.Stems)
	if la == 0 || lb == 0 {
		return 0
	}
	u := overlap(a.Stems, b.Stems)
	if u == 0 {
		return 0
	}
	if la == lb && u == la && len(a.Seq) == len(b.Seq) && equalSeq(a.Seq, b.Seq) {
		return 1
	}
	x := pairFeatures(a, b, u)
	z := simBias
	for k, w := range simWeights {
		z += w * x[k]
	}
	return 1 / (1 + math.Exp(-z))
}

// pairFeatures computes the model's features; u is the number of shared
// content stems.
func pairFeatures(a, b *Sentence, u int) [len(simWeights)]float64 {
	var x [len(simWeights)]float64
	la, lb, fu := float64(len(a.Stems)), float64(len(b.Stems)), float64(u)
	x[0] = 2 * fu / (la + lb)
	x[1] = fu / min(la, lb)
	if n := len(a.Bigrams) + len(b.Bigrams); n > 0 {
		x[2] = 2 * float64(overlap(a.Bigrams, b.Bigrams)) / float64(n)
	}
	na, nb := len(a.Seq), len(b.Seq)
	if na > 0 && nb > 0 {
		lcs := float64(lcsLen(a.Seq, b.Seq))
		x[3] = float64(min(na, nb)) / float64(max(na, nb))
		x[4] = lcs / float64(max(na, nb))
		x[5] = lcs / float64(min(na, nb))
	}
	if n := len(a.Numbers) + len(b.Numbers); n > 0 {
		x[6] = 1 - 2*float64(overlap(a.Numbers, b.Numbers))/float64(n)
	}
	if a.Negated != b.Negated {
		x[7] = 1
	}
	ua, ub := la-fu, lb-fu
	x[8] = math.Log1p(max(ua, ub))
	x[9] = math.Log1p(min(ua, ub))
	return x
}

// lcsLen returns the length of the longest common subsequence of two word
// sequences.
func lcsLen(a, b []uint32) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	var buf [2][96]int32
	var prev, cur []int32
	if len(b)+1 <= len(buf[0]) {
		prev, cur = buf[0][:len(b)+1], buf[1][:len(b)+1]
	} else {
		prev, cur = make([]int32, len(b)+1), make([]int32, len(b)+1)
	}
	for _, x := range a {
		for j, y := range b {
			if x == y {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return int(prev[len(b)])
}

func equalSeq(a, b []uint32) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// SentenceSimilarity prepares two sentences and scores them with the
// paraphrase model (Paraphrase).
func SentenceSimilarity(a, b string) float64 {
	sa, _ := sentenceFeatures(a)
	sb, _ := sentenceFeatures(b)
	return Paraphrase(&sa, &sb)
}

// Similarity scores how alike two sentences are in [0, 1] for alignment:
// a mix of the overlap of their content-word stems (Dice and containment)
// and of their stem bigrams, lowered when both state numbers and share
// none.
func Similarity(a, b *Sentence) float64 {
	la, lb := len(a.Stems), len(b.Stems)
	if la == 0 || lb == 0 {
		return 0
	}
	u := overlap(a.Stems, b.Stems)
	if u == 0 {
		return 0
	}
	return similarity(a, b, u)
}

// similarity is Similarity for two sentences sharing u ≥ 1 content stems.
func similarity(a, b *Sentence, u int) float64 {
	la, lb := len(a.Stems), len(b.Stems)
	fu := float64(u)
	dice := 2 * fu / float64(la+lb)
	cont := fu / float64(min(la, lb))
	bg := 0.0
	if n := len(a.Bigrams) + len(b.Bigrams); n > 0 {
		bg = 2 * float64(overlap(a.Bigrams, b.Bigrams)) / float64(n)
	}
	sim := weightDice*dice + weightContainment*cont + weightBigrams*bg
	if len(a.Numbers) > 0 && len(b.Numbers) > 0 && overlap(a.Numbers, b.Numbers) == 0 {
		sim *= numberPenalty
	}
	// Containment alone can reach 1 for a two-word sentence inside a long
	// one; cap short sentences' similarity by how much they can say,
	// unless they say the same.
	if m := min(la, lb); m < 3 && (la != lb || u != la) {
		sim *= float64(m+1) / 4
	}
	return min(sim, 1)
}

// similarityBound is an upper bound of similarity(a, b, u) that needs no
// merge of the sentences' features: it takes every bigram of the sentence
// with fewer to be shared and no number to disagree. Every step is the
// same floating-point operation as in similarity on a value at least as
// large, and rounding is monotonic, so the bound holds exactly.
func similarityBound(a, b *Sentence, u int) float64 {
	la, lb := len(a.Stems), len(b.Stems)
	fu := float64(u)
	dice := 2 * fu / float64(la+lb)
	cont := fu / float64(min(la, lb))
	bg := 0.0
	if n := len(a.Bigrams) + len(b.Bigrams); n > 0 {
		bg = 2 * float64(min(len(a.Bigrams), len(b.Bigrams))) / float64(n)
	}
	sim := weightDice*dice + weightContainment*cont + weightBigrams*bg
	if m := min(la, lb); m < 3 && (la != lb || u != la) {
		sim *= float64(m+1) / 4
	}
	return min(sim, 1)
}
