package news

// ReuseKind says how much of an original a copy took and how.
type ReuseKind string

// Kinds of text reuse, from the most literal to the least.
const (
	// ReuseVerbatim: the same text, up to case, spacing and punctuation
	// style.
	ReuseVerbatim ReuseKind = "verbatim"
	// ReuseNear: the same sentences with light edits (a word changed, a
	// paragraph dropped or added), most of them nearly identical.
	ReuseNear ReuseKind = "near"
	// ReuseParaphrase: most of the copy is the original rewritten sentence
	// by sentence — synonyms, reordered clauses, reworded quotes.
	ReuseParaphrase ReuseKind = "paraphrase"
	// ReusePartial: a substantial part of the copy, but not most of it,
	// comes from the original.
	ReusePartial ReuseKind = "partial"
)

// Derivation is one article another was derived from, as export writes it
// in derived_from.
type Derivation struct {
	ID       string    `json:"id"`
	Kind     ReuseKind `json:"kind"`
	Coverage float64   `json:"coverage"`
	// Confidence is how sure the direction is (0.5 = no evidence either
	// way, 1 = certain).
	Confidence float64 `json:"confidence"`
}

// AlignedPair is one sentence of a copy matched to one sentence of its
// original: indexes into the two articles' Sentences and the similarity of
// the pair in [0, 1].
type AlignedPair struct {
	Copy       int     `json:"copy"`
	Original   int     `json:"original"`
	Similarity float64 `json:"similarity"`
}

// Link says that Copy reuses text of Original.
type Link struct {
	Copy     string    `json:"copy"`
	Original string    `json:"original"`
	Kind     ReuseKind `json:"kind"`
	// Coverage is the share of the copy's words in sentences aligned to
	// the original, in [0, 1].
	Coverage float64 `json:"coverage"`
	// DirectionConfidence is how sure it is that Original came first, in
	// [0.5, 1]: 0.5 means no evidence either way (the article that arrived
	// later was taken as the copy).
	DirectionConfidence float64 `json:"direction_confidence"`
	// Evidence is a short human-readable account of the verdict and the
	// direction.
	Evidence string        `json:"evidence"`
	Pairs    []AlignedPair `json:"pairs,omitempty"`
}
