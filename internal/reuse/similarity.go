package reuse

// Weights of the sentence similarity. Chosen once on the msrp-train pairs
// (see internal/eval/reuse.go) and not tuned per test: stems carry the
// shared content, bigrams reward the same phrasing, containment forgives a
// clause one sentence adds, and disagreeing numbers mark a different fact.
const (
	weightDice        = 0.6
	weightContainment = 0.2
	weightBigrams     = 0.2
	numberPenalty     = 0.75
)

// ParaphraseThreshold is the similarity from which two sentences are taken
// to say the same thing in (possibly) other words. It was fixed once on
// msrp-train, where it gives the accuracy and F1 `parallax eval reuse`
// prints, and is also the alignment threshold of Align.
const ParaphraseThreshold = 0.42

// Similarity scores how much two sentences say the same thing in [0, 1]:
// a mix of the overlap of their content-word stems (Dice and containment)
// and of their stem bigrams, lowered when both state numbers and share
// none.
func Similarity(a, b *Sentence) float64 {
	la, lb := len(a.Stems), len(b.Stems)
	if la == 0 || lb == 0 {
		return 0
	}
	u := float64(overlap(a.Stems, b.Stems))
	if u == 0 {
		return 0
	}
	dice := 2 * u / float64(la+lb)
	cont := u / float64(min(la, lb))
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
	if m := min(la, lb); m < 3 && (la != lb || int(u) != la) {
		sim *= float64(m+1) / 4
	}
	return min(sim, 1)
}

// SentenceSimilarity prepares two sentences and scores them.
func SentenceSimilarity(a, b string) float64 {
	sa, _ := sentenceFeatures(a)
	sb, _ := sentenceFeatures(b)
	return Similarity(&sa, &sb)
}
