package eval

import (
	"unicode"
	"unicode/utf8"
)

// ShingleSize is the n of the word n-grams the article-extraction benchmark
// compares (its string_shingle_matching default).
const ShingleSize = 4

// Tokens splits s into the maximal runs of word characters, as Python's
// re.findall(r'\w+', s) does for str patterns: a word character is a letter
// (Unicode L*), a number (N*) or '_'. Combining marks are not word
// characters there, so a decomposed "é" splits a token exactly as it does in
// the benchmark's own script.
func Tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// Shingles counts the ShingleSize-grams of tokens as a multiset keyed by the
// tokens joined with a NUL byte. Like the benchmark, a text of 1 to
// ShingleSize-1 tokens yields a single shorter shingle and an empty text none.
func Shingles(tokens []string) map[string]int {
	m := make(map[string]int, len(tokens))
	if len(tokens) == 0 {
		return m
	}
	n := max(1, len(tokens)-ShingleSize+1)
	buf := make([]byte, 0, 64)
	for i := range n {
		buf = buf[:0]
		for j, t := range tokens[i:min(i+ShingleSize, len(tokens))] {
			if j > 0 {
				buf = append(buf, 0)
			}
			buf = append(buf, t...)
		}
		m[string(buf)]++
	}
	return m
}

// Counts are one page's shingle true positives, false positives and false
// negatives, normalised to sum to 1 (all zero when both texts are empty) so
// that long pages weigh no more than short ones.
type Counts struct {
	TP float64 `json:"tp"`
	FP float64 `json:"fp"`
	FN float64 `json:"fn"`
}

// Match compares a predicted text with the gold one the way the benchmark's
// string_shingle_matching does: multiset overlap of 4-gram shingles.
func Match(gold, pred string) Counts {
	g := Shingles(Tokens(gold))
	p := Shingles(Tokens(pred))
	var c Counts
	for k, gc := range g {
		pc := p[k]
		c.TP += float64(min(gc, pc))
		c.FN += float64(max(0, gc-pc))
	}
	for k, pc := range p {
		c.FP += float64(max(0, pc-g[k]))
	}
	if s := c.TP + c.FP + c.FN; s > 0 {
		c.TP, c.FP, c.FN = c.TP/s, c.FP/s, c.FN/s
	}
	return c
}

// Precision is tp/(tp+fp). ok is false when the page has no predicted
// shingle (tp+fp == 0): the benchmark leaves such pages out of the mean, so
// an empty prediction costs recall only.
func (c Counts) Precision() (p float64, ok bool) {
	if c.TP+c.FP <= 0 {
		return 0, false
	}
	if c.FP == 0 && c.FN == 0 {
		return 1, true
	}
	return c.TP / (c.TP + c.FP), true
}

// Recall is tp/(tp+fn). ok is false when the gold text has no shingle
// (tp+fn == 0): the page is left out of the recall mean.
func (c Counts) Recall() (r float64, ok bool) {
	if c.TP+c.FN <= 0 {
		return 0, false
	}
	if c.FP == 0 && c.FN == 0 {
		return 1, true
	}
	return c.TP / (c.TP + c.FN), true
}

// Exact reports whether two texts have the same token sequence, the
// benchmark's accuracy criterion.
func Exact(gold, pred string) bool {
	g, p := Tokens(gold), Tokens(pred)
	if len(g) != len(p) {
		return false
	}
	for i := range g {
		if g[i] != p[i] {
			return false
		}
	}
	return true
}

// Summary is the benchmark's aggregate over pages: precision and recall are
// means of the per-page values (over the pages where each is defined), F1
// their harmonic mean, and accuracy the share of exact pages.
type Summary struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Accuracy  float64 `json:"accuracy"`
}

// Summarise aggregates per-page counts and exact-match flags (same length).
func Summarise(counts []Counts, exact []bool) Summary {
	var s Summary
	var np, nr int
	for _, c := range counts {
		if p, ok := c.Precision(); ok {
			s.Precision += p
			np++
		}
		if r, ok := c.Recall(); ok {
			s.Recall += r
			nr++
		}
	}
	if np > 0 {
		s.Precision /= float64(np)
	}
	if nr > 0 {
		s.Recall /= float64(nr)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	var ne int
	for _, e := range exact {
		if e {
			ne++
		}
	}
	if len(exact) > 0 {
		s.Accuracy = float64(ne) / float64(len(exact))
	}
	return s
}
