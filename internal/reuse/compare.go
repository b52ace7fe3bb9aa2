package reuse

import (
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// Thresholds of the copy verdict.
const (
	// copyCoverage is the share of an article's words that must sit in
	// sentences aligned to the other for a paraphrase or closer copy.
	copyCoverage = 0.5
	// partialCoverage is the share from which reuse is partial, provided
	// the aligned pairs are close (closeSimilarity) and numerous.
	partialCoverage = 0.3
	closeSimilarity = 0.7
	// minPairs aligned sentences at least: one or two shared sentences are
	// what independent reports quoting the same statement have in common.
	minPairs = 3
	// nearSimilarity is the mean pair similarity of a near duplicate.
	nearSimilarity = 0.8
	nearCoverage   = 0.7
	// minOrder is the share of aligned pairs in the same order that a
	// paraphrase needs unless its pairs are close.
	minOrder = 0.75
	// otherSide: the other article must have at least this fraction of the
	// required coverage too, so that a long report that happens to restate
	// a short one's few facts is not taken for it.
	otherSide = 0.5
	// wholeCoverage: both articles this much aligned are one text.
	wholeCoverage = 0.8
	// shortSimilarity is the mean pair similarity two articles of one or
	// two sentences need when they align whole.
	shortSimilarity = 0.55
	// rewriteShare is the share of one article's words that must sit in
	// aligned sentences the paraphrase model accepts (Paraphrase ≥
	// ParaphraseThreshold).
	rewriteShare = 0.4
	// A heavy rewrite, in which few sentences stay close enough for the
	// model, must align at least heavyPairs sentences, heavyCoverage of
	// both articles, in order (heavyOrder), with a mean paraphrase
	// probability of at least heavyParaphrase.
	heavyPairs      = 6
	heavyCoverage   = 0.5
	heavyOrder      = 0.9
	heavyParaphrase = 0.45
)

// heavyRewrite reports whether an alignment is a sentence-by-sentence
// rewrite of a whole article.
func heavyRewrite(al Alignment) bool {
	return len(al.Pairs) >= heavyPairs && min(al.CoverageA, al.CoverageB) >= heavyCoverage &&
		al.Order >= heavyOrder && al.MeanParaphrase >= heavyParaphrase
}

// Result is the outcome of Compare.
type Result struct {
	// Copy is true when one article reuses the other; Link then says which
	// is which.
	Copy bool
	Link news.Link
	// Alignment is A's sentences against B's (Pairs' Copy indexes A).
	Alignment Alignment
	// Reason explains a negative verdict.
	Reason string
}

// Compare decides whether a and b share text and, if so, which is the
// copy. a is taken as the later arrival: without evidence of direction it
// is the copy. witnesses are other articles, typically other candidates
// from the archive, used to check which version of a quotation is the one
// third parties print; they may be nil.
func Compare(a, b *Doc, witnesses []*Doc) Result {
	return judge(a, b, Align(a, b), witnesses)
}

// Copied is Compare for callers that need only the verdict: it returns
// Compare's Link and Copy, but skips the alignment of pairs that cannot be
// copies. A pair is skipped only when an upper bound of what Align could
// find (the sentences each side could pair, and their words) already
// fails the copy verdict's least demands, so Copied and Compare never
// disagree.
func Copied(a, b *Doc, witnesses []*Doc) (news.Link, bool) {
	if a.Exact == b.Exact && a.Words > 0 {
		r := Compare(a, b, witnesses)
		return r.Link, r.Copy
	}
	ps := pairings(a, b)
	if !mayCopy(a, b, len(ps), func(k int) (int, int) { return int(ps[k].i), int(ps[k].j) }) {
		return news.Link{}, false
	}
	cands := scorePairs(a, b, ps)
	if !mayCopy(a, b, len(cands), func(k int) (int, int) { return cands[k].i, cands[k].j }) {
		return news.Link{}, false
	}
	r := judge(a, b, alignPairs(a, b, cands), witnesses)
	return r.Link, r.Copy
}

// mayCopy reports whether n candidate sentence pairs, pair(k) giving the
// k-th pair's sentence of a and of b, could still align into a copy of a
// pair of articles that are not the same text: one sentence of either
// side aligns at most once, so the distinct sentences bound the aligned
// pairs, and their words bound each side's coverage. false means notCopy
// would reject any alignment drawn from the pairs.
func mayCopy(a, b *Doc, n int, pair func(k int) (int, int)) bool {
	need := minPairs
	if m := min(len(a.Sentences), len(b.Sentences)); m < need {
		need = max(m, 1)
	}
	if n < need || a.Words == 0 || b.Words == 0 {
		return false
	}
	inA := make([]bool, len(a.Sentences))
	inB := make([]bool, len(b.Sentences))
	na, nb, wa, wb := 0, 0, 0, 0
	for k := range n {
		i, j := pair(k)
		if !inA[i] {
			inA[i] = true
			na++
			wa += a.Sentences[i].Words
		}
		if !inB[j] {
			inB[j] = true
			nb++
			wb += b.Sentences[j].Words
		}
	}
	if min(na, nb) < need {
		return false
	}
	// The same division as Align's on a sum at least as large: the bound
	// holds in floating point too.
	covA, covB := float64(wa)/float64(a.Words), float64(wb)/float64(b.Words)
	return max(covA, covB) >= partialCoverage && min(covA, covB) >= partialCoverage*otherSide
}

// judge gives Compare's verdict on an alignment of a and b.
func judge(a, b *Doc, al Alignment, witnesses []*Doc) Result {
	res := Result{Alignment: al}
	exact := a.Exact == b.Exact && a.Words > 0
	if !exact {
		if reason := notCopy(a, b, al); reason != "" {
			res.Reason = reason
			return res
		}
	}
	pA, why := direction(a, b, al, witnesses)
	link := news.Link{Copy: a.ID, Original: b.ID, DirectionConfidence: 1 - pA, Pairs: al.Pairs, Coverage: al.CoverageA}
	if pA > 0.5 {
		// b is the copy of a.
		s := al.swap()
		link = news.Link{Copy: b.ID, Original: a.ID, DirectionConfidence: pA, Pairs: s.Pairs, Coverage: s.CoverageA}
	}
	if exact {
		link.Kind, link.Coverage = news.ReuseVerbatim, 1
	} else {
		link.Kind = kind(link.Coverage, min(al.CoverageA, al.CoverageB), al)
	}
	link.Evidence = fmt.Sprintf("%s: %d aligned sentences (%d paraphrases), coverage %.2f, mean similarity %.2f, order %.2f; direction: %s",
		link.Kind, len(al.Pairs), al.Paraphrases, link.Coverage, al.MeanSimilarity, al.Order, why)
	res.Copy, res.Link = true, link
	return res
}

// notCopy returns why an alignment is not reuse, or "" when it is.
func notCopy(a, b *Doc, al Alignment) string {
	need := minPairs
	if n := min(len(a.Sentences), len(b.Sentences)); n < need {
		need = max(n, 1)
	}
	// Sentences aligned because both print the same quotation are what
	// reports of one statement share; they do not show copying.
	own, close := 0, 0
	for _, p := range al.Pairs {
		if sharedQuote(&a.Sentences[p.Copy], &b.Sentences[p.Original]) {
			continue
		}
		own++
		if p.Similarity >= closeSimilarity {
			close++
		}
	}
	lo := min(al.CoverageA, al.CoverageB)
	// Two articles made of the same sentences, quotations included, in
	// the same order, are one text whatever it quotes: independent
	// reports share a quotation or two, not all of both articles.
	whole := lo >= wholeCoverage && al.Order >= minOrder && len(al.Pairs) >= need
	if own < need && !whole {
		return fmt.Sprintf("independent: %d aligned sentences beyond shared quotations, %d needed", own, need)
	}
	// An article of one or two sentences has no more evidence to give
	// than those: they must be close, or the two articles must be the
	// same few sentences.
	if len(al.Pairs) < minPairs && close < len(al.Pairs) && !(whole && al.MeanSimilarity >= shortSimilarity) {
		return fmt.Sprintf("independent: %d short-article sentences aligned, not all close", len(al.Pairs))
	}
	// Aligned is not yet rewritten: independent reports of one event
	// restate the same facts in sentences that align loosely. A rewrite
	// keeps much of itself in sentences the paraphrase model (fitted on
	// sentence pairs, not on articles) takes for restatements — or, for a
	// rewrite that rewords every sentence heavily, keeps most of both
	// articles aligned in the original's order.
	if !whole && max(al.ParaphraseA, al.ParaphraseB) < rewriteShare && !heavyRewrite(al) {
		return fmt.Sprintf("independent: %.2f and %.2f of the words in paraphrased sentences, %.2f needed",
			al.ParaphraseA, al.ParaphraseB, rewriteShare)
	}
	hi := max(al.CoverageA, al.CoverageB)
	// A rewrite keeps most of its sentences in the original's order; an
	// independent report of the same facts tells them in its own order.
	// Close copies may be reordered freely.
	ordered := al.Order >= minOrder || al.MeanSimilarity >= closeSimilarity
	if hi >= copyCoverage && lo >= copyCoverage*otherSide && ordered {
		return ""
	}
	if hi >= partialCoverage && lo >= partialCoverage*otherSide && close >= minPairs {
		return ""
	}
	return fmt.Sprintf("independent: coverage %.2f and %.2f, order %.2f, %d close pairs", al.CoverageA, al.CoverageB, al.Order, close)
}

// sharedQuote reports whether two aligned sentences owe their likeness to
// a quotation: one of them is mostly quotation, or both print the same
// quotation in full, in part or reworded. (The other may print the words
// without marks, or with single quotes, which are not told from
// apostrophes.)
func sharedQuote(a, b *Sentence) bool {
	if 2*a.QuotedWords >= a.Words || 2*b.QuotedWords >= b.Words {
		return true
	}
	for _, qa := range a.Quotes {
		for _, qb := range b.Quotes {
			if similarQuotes(qa, qb) {
				return true
			}
		}
	}
	return false
}

// kind names the reuse from the copy's coverage, the least coverage of
// either, and the pairs' closeness and order.
func kind(coverage, least float64, al Alignment) news.ReuseKind {
	switch {
	case least >= 0.98 && al.MeanSimilarity >= 0.98 && al.Order >= 0.98:
		return news.ReuseVerbatim
	case coverage >= nearCoverage && al.MeanSimilarity >= nearSimilarity:
		return news.ReuseNear
	case coverage >= copyCoverage:
		return news.ReuseParaphrase
	}
	return news.ReusePartial
}

// containsQuote reports whether the folded words of q appear in d's text.
func (d *Doc) containsQuote(q string) bool {
	if d.folded == "" {
		return false
	}
	return strings.Contains(d.folded, " "+q+" ")
}
