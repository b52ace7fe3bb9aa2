package eval

import (
	"strings"
	"sync"
)

// RougeOptions are the ROUGE-1.5.5 settings that change a score.
type RougeOptions struct {
	// Stem applies ROUGE's Porter stemmer (-m) to tokens longer than three
	// characters.
	Stem bool
	// Words keeps only the first Words whitespace-separated words of every
	// summary, peer and reference alike (-l); 0 keeps everything.
	Words int
}

// DUC2004Rouge are the settings behind the published DUC 2004 Task 2
// figures: ROUGE-1.5.5 -n 4 -m -l 100 -a (model average, no stop-word
// removal).
var DUC2004Rouge = RougeOptions{Stem: true, Words: 100}

// RougeScore is one peer's score against its references: recall,
// precision and F (alpha 0.5) as ROUGE-1.5.5 prints them.
type RougeScore struct {
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
	F         float64 `json:"f"`
}

// rougeScore turns hit and count totals into a score.
func rougeScore(hit, modelCount, peerCount int) RougeScore {
	var s RougeScore
	if modelCount > 0 {
		s.Recall = float64(hit) / float64(modelCount)
	}
	if peerCount > 0 {
		s.Precision = float64(hit) / float64(peerCount)
	}
	if s.Recall+s.Precision > 0 {
		s.F = 2 * s.Recall * s.Precision / (s.Recall + s.Precision)
	}
	return s
}

// RougeN scores peer against the references with ROUGE-N the way
// ROUGE-1.5.5 does with formula A (model average): each reference's n-gram
// counts clip the peer's, and hits and counts are summed over references
// before dividing, so no jackknifing (ROUGE dropped it in 1.4). Texts are
// one sentence per line (ROUGE's SPL format).
func RougeN(peer string, refs []string, n int, opt RougeOptions) RougeScore {
	pg, pc := rougeNGrams(rougeTokens(rougeLines(peer), opt), n)
	hit, mc, pcTotal := 0, 0, 0
	for _, ref := range refs {
		mg, c := rougeNGrams(rougeTokens(rougeLines(ref), opt), n)
		for g, k := range mg {
			hit += min(k, pg[g])
		}
		mc += c
		pcTotal += pc
	}
	return rougeScore(hit, mc, pcTotal)
}

// RougeL scores peer against the references with ROUGE-L as ROUGE-1.5.5
// does: for each reference sentence, the union of its longest common
// subsequences with every peer sentence, each word counted at most as
// often as it occurs in both texts; summed over references (formula A).
func RougeL(peer string, refs []string, opt RougeOptions) RougeScore {
	peerSents := rougeSentenceTokens(rougeLines(peer), opt)
	peerUni := map[string]int{}
	peerCount := 0
	for _, s := range peerSents {
		for _, t := range s {
			peerUni[t]++
			peerCount++
		}
	}
	hit, base, pcTotal := 0, 0, 0
	for _, ref := range refs {
		refSents := rougeSentenceTokens(rougeLines(ref), opt)
		refUni := map[string]int{}
		for _, s := range refSents {
			for _, t := range s {
				refUni[t]++
			}
		}
		left := make(map[string]int, len(peerUni))
		for t, k := range peerUni {
			left[t] = k
		}
		for _, m := range refSents {
			base += len(m)
			mask := make([]bool, len(m))
			for _, p := range peerSents {
				markLCS(m, p, mask)
			}
			for j, on := range mask {
				if on && refUni[m[j]] > 0 && left[m[j]] > 0 {
					hit++
					refUni[m[j]]--
					left[m[j]]--
				}
			}
		}
		pcTotal += peerCount
	}
	return rougeScore(hit, base, pcTotal)
}

// markLCS marks in mask the words of m on one longest common subsequence
// with p, walking back the table as ROUGE's markLCS does (ties go up).
func markLCS(m, p []string, mask []bool) {
	if len(m) == 0 || len(p) == 0 {
		return
	}
	w := len(p) + 1
	c := make([]int32, (len(m)+1)*w)
	for i := 1; i <= len(m); i++ {
		for j := 1; j <= len(p); j++ {
			switch {
			case m[i-1] == p[j-1]:
				c[i*w+j] = c[(i-1)*w+j-1] + 1
			case c[(i-1)*w+j] >= c[i*w+j-1]:
				c[i*w+j] = c[(i-1)*w+j]
			default:
				c[i*w+j] = c[i*w+j-1]
			}
		}
	}
	for i, j := len(m), len(p); i > 0 && j > 0; {
		switch {
		case m[i-1] == p[j-1]:
			mask[i-1] = true
			i--
			j--
		case c[(i-1)*w+j] >= c[i*w+j-1]:
			i--
		default:
			j--
		}
	}
}

// rougeLines splits a summary into its non-empty lines, lower-cased as
// ROUGE does (ASCII only), and cut to opt.Words words by rougeTokens'
// caller.
func rougeLines(text string) []string {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l != "" {
			lines = append(lines, asciiLower(l))
		}
	}
	return lines
}

// rougeTruncate keeps the first limit words of the lines, counting words
// as Perl's split(/\s+/) does (a line starting with a space has an empty
// first word), and cutting the line that reaches the limit.
func rougeTruncate(lines []string, limit int) []string {
	if limit <= 0 {
		return lines
	}
	out := make([]string, 0, len(lines))
	n := 0
	for _, l := range lines {
		words := perlSplit(l)
		if n+len(words) < limit {
			out = append(out, l)
			n += len(words)
			continue
		}
		out = append(out, strings.Join(words[:limit-n], " "))
		break
	}
	return out
}

// perlSplit splits s on runs of whitespace like Perl's split(/\s+/, s):
// a leading separator yields an empty first field, trailing ones none.
func perlSplit(s string) []string {
	var f []string
	start := 0
	for i := 0; i < len(s); {
		if !perlSpace(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && perlSpace(s[j]) {
			j++
		}
		f = append(f, s[start:i])
		start, i = j, j
	}
	if start < len(s) {
		f = append(f, s[start:])
	}
	for len(f) > 0 && f[len(f)-1] == "" {
		f = f[:len(f)-1]
	}
	return f
}

func perlSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

// rougeTokens gives the scored tokens of the (truncated) lines, all lines
// joined, as ROUGE-N sees them.
func rougeTokens(lines []string, opt RougeOptions) []string {
	var toks []string
	for _, s := range rougeSentenceTokens(lines, opt) {
		toks = append(toks, s...)
	}
	return toks
}

// rougeSentenceTokens gives the scored tokens of each (truncated) line:
// every byte but ASCII letters, digits and hyphens becomes a space, a
// hyphen is its own token and dropped, and tokens longer than three
// characters are stemmed when opt.Stem.
func rougeSentenceTokens(lines []string, opt RougeOptions) [][]string {
	lines = rougeTruncate(lines, opt.Words)
	out := make([][]string, 0, len(lines))
	for _, l := range lines {
		var toks []string
		b := []byte(l)
		for i, c := range b {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				b[i] = ' '
			}
		}
		for _, t := range strings.Fields(string(b)) {
			if opt.Stem && len(t) > 3 {
				t = rougeStem(t)
			}
			toks = append(toks, t)
		}
		out = append(out, toks)
	}
	return out
}

// rougeStem is ROUGE's MorphStem: WordNet's irregular forms first, then
// the Porter stemmer.
func rougeStem(t string) string {
	if base, ok := irregularForms[t]; ok {
		return base
	}
	if s, ok := stemCache.Load(t); ok {
		return s.(string)
	}
	s := porterStem(t)
	stemCache.Store(t, s)
	return s
}

// stemCache memoises porterStem, whose regular expressions dominate the
// cost of scoring; a news vocabulary keeps it small.
var stemCache sync.Map

// rougeNGrams counts the n-grams of toks and returns their total.
func rougeNGrams(toks []string, n int) (map[string]int, int) {
	g := map[string]int{}
	count := 0
	for i := 0; i+n <= len(toks); i++ {
		g[strings.Join(toks[i:i+n], " ")]++
		count++
	}
	return g, count
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
