// Package summary writes the extractive multi-document summary of one
// story: a few sentences taken from its articles, chosen to cover what most
// outlets report, without saying the same thing twice, each listing the
// articles and outlets that carry it or a paraphrase of it.
//
// Sentences are scored by the concepts they cover (in the manner of the
// ICSI summariser of Gillick and Favre): a concept is a pair of adjacent
// word stems not made of two function words, and its weight grows with the
// number of independent articles that mention it. A rewritten copy of another
// article (Options.CopyOf) counts with its original as one article, so
// copying never doubles a concept's weight. Sentences are picked greedily
// by the weight of the concepts they add per word, with a bonus for the
// opening sentences of an article, and a sentence that paraphrases one
// already picked is skipped.
package summary

import (
	"container/heap"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/reuse"
)

// DefaultWords is the summary length when Options.Words is zero.
const DefaultWords = 100

// Options tune a summary.
type Options struct {
	// Words is the length budget in words (DefaultWords when 0).
	Words int
	// Overflow lets the last sentence run past Words, for scorers that cut
	// the text at Words themselves (ROUGE -l).
	Overflow bool
	// CopyOf maps the id of an article that is a rewritten copy to the id
	// of its original; the two count as one source.
	CopyOf map[string]string
	// Same, when set, reports whether two sentences state one claim (the
	// brief's claims know paraphrases the word overlap misses: "The
	// council will discuss the bridge on Tuesday" and "Councillors will
	// debate the bridge at next Tuesday's meeting"); such a pair is
	// redundant. Sentences come with their spaces collapsed.
	Same func(a, b string) bool
	// Carriers, when set, returns the ids of articles known to state what
	// a sentence states (the brief's claims), which count among the
	// sentence's articles beside those found by wording.
	Carriers func(text string) []string
}

// Sentence is one sentence of a summary.
type Sentence struct {
	Text string `json:"text"`
	// Articles are the ids of the articles carrying this sentence or a
	// paraphrase of it, the article it was taken from first.
	Articles []string `json:"articles"`
	// Outlets are the distinct sources of Articles, in the same order.
	Outlets []string `json:"outlets"`
	// SingleSource is set when only one independent article (an original
	// and its copies) carries the sentence in a story told by several.
	SingleSource bool `json:"single_source"`
}

// Tuning of the sentence choice, set on the development topics of DUC
// 2004 and MultiLing 2011 (parallax eval summary).
const (
	minWords        = 8   // shorter sentences are rarely self-contained
	maxWords        = 55  // longer ones are usually run-on quotes or lists
	leadBonus       = 1.0 // score bonus of an article's first sentence, halving after
	lenExp          = 0.7 // gain is divided by words^lenExp: favours short sentences, not too much
	redundancyLimit = 0.5 // skip a sentence this similar to one picked (content-stem overlap)
	minDocsBig      = 3   // a concept is central when this many sources share it…
	weightExp       = 1.5 // …and weighs sources^weightExp
	rareWeight      = 0.1 // concepts shared by fewer weigh this much per source
)

// candidate is one sentence of one article, prepared for scoring.
type candidate struct {
	text     string
	art      int // index into the articles
	group    int // independent source (original and its copies)
	pos      int // position in the article, 0 first
	words    int
	stems    map[string]bool // content stems
	concepts []string
	key      string // stems joined, for exact duplicates
	ok       bool   // eligible for the summary
}

// Summarise picks the sentences of the summary of arts, one story, in
// the order chosen (most central first). It returns nil when arts hold no
// usable sentence.
func Summarise(arts []*news.Article, opts Options) []Sentence {
	budget := opts.Words
	if budget <= 0 {
		budget = DefaultWords
	}
	groups, nGroups := sourceGroups(arts, opts.CopyOf)
	cands := prepare(arts, groups)
	if len(cands) == 0 {
		return nil
	}
	weights := conceptWeights(cands, nGroups)

	covered := map[string]bool{}
	score := func(c *candidate) float64 {
		gain := 0.0
		seen := map[string]bool{}
		for _, k := range c.concepts {
			if !covered[k] && !seen[k] {
				gain += weights[k]
				seen[k] = true
			}
		}
		if gain <= 0 {
			return 0
		}
		return gain / math.Pow(float64(c.words), lenExp) * (1 + leadBonus/math.Pow(2, float64(c.pos)))
	}
	// Greedy choice, evaluated lazily: a sentence's score only falls as
	// concepts get covered, so a stale score bounds the fresh one and only
	// the top of the queue needs rescoring. The choice is the same as
	// rescoring every sentence each round (best score, first sentence on
	// ties), in time near linear in the sentences instead of quadratic.
	q := &queue{}
	for i := range cands {
		c := &cands[i]
		if !c.ok || !opts.Overflow && c.words > budget {
			continue
		}
		if sc := score(c); sc > 0 {
			q.items = append(q.items, scoredCand{i: i, score: sc})
		}
	}
	heap.Init(q)
	var picked []*candidate
	used := 0
	for used < budget && q.Len() > 0 {
		best := -1
		for q.Len() > 0 {
			top := heap.Pop(q).(scoredCand)
			c := &cands[top.i]
			if !opts.Overflow && used+c.words > budget {
				continue // the budget only shrinks: never eligible again
			}
			top.score = score(c)
			if top.score <= 0 {
				continue
			}
			if q.Len() == 0 || !q.before(q.items[0], top) {
				best = top.i
				break
			}
			heap.Push(q, top)
		}
		if best < 0 {
			break
		}
		c := &cands[best]
		if redundant(c, picked, opts.Same) {
			continue
		}
		picked = append(picked, c)
		used += c.words
		for _, k := range c.concepts {
			covered[k] = true
		}
	}

	out := make([]Sentence, 0, len(picked))
	for _, c := range picked {
		out = append(out, carriers(c, cands, arts, groups, nGroups, opts.Carriers))
	}
	return out
}

// scoredCand is a candidate sentence with its last computed score.
type scoredCand struct {
	i     int
	score float64
}

// queue is a max-heap of candidates by score, the earlier sentence first
// on ties.
type queue struct{ items []scoredCand }

func (q *queue) before(a, b scoredCand) bool {
	return a.score > b.score || a.score == b.score && a.i < b.i
}
func (q *queue) Len() int           { return len(q.items) }
func (q *queue) Less(i, j int) bool { return q.before(q.items[i], q.items[j]) }
func (q *queue) Swap(i, j int)      { q.items[i], q.items[j] = q.items[j], q.items[i] }
func (q *queue) Push(x any)         { q.items = append(q.items, x.(scoredCand)) }
func (q *queue) Pop() any {
	x := q.items[len(q.items)-1]
	q.items = q.items[:len(q.items)-1]
	return x
}

// sourceGroups numbers the independent sources: an article and the copies
// of it (followed transitively through copyOf) share a group.
func sourceGroups(arts []*news.Article, copyOf map[string]string) ([]int, int) {
	index := make(map[string]int, len(arts))
	for i, a := range arts {
		index[a.ID] = i
	}
	root := func(i int) int {
		for hops := 0; hops < len(arts); hops++ {
			orig, ok := copyOf[arts[i].ID]
			if !ok {
				break
			}
			j, ok := index[orig]
			if !ok || j == i {
				break
			}
			i = j
		}
		return i
	}
	ids := map[int]int{}
	groups := make([]int, len(arts))
	for i := range arts {
		r := root(i)
		g, ok := ids[r]
		if !ok {
			g = len(ids)
			ids[r] = g
		}
		groups[i] = g
	}
	return groups, len(ids)
}

// prepare splits every article into candidate sentences.
func prepare(arts []*news.Article, groups []int) []candidate {
	var cands []candidate
	for ai, a := range arts {
		spans := a.Sentences
		if len(spans) == 0 {
			spans = lang.Sentences(a.Text)
		}
		pos := 0
		quotes := quoteScanner{text: a.Text}
		for _, sp := range spans {
			if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End {
				continue
			}
			text := strings.Join(strings.Fields(a.Text[sp.Start:sp.End]), " ")
			words := lang.Words(text)
			if len(words) < 3 {
				continue // datelines, bylines, headings
			}
			c := candidate{text: text, art: ai, group: groups[ai], pos: pos, words: len(strings.Fields(text)), stems: map[string]bool{}}
			pos++
			stems := make([]string, len(words))
			stop := make([]bool, len(words))
			for i, w := range words {
				stems[i] = lang.Stem(w)
				stop[i] = lang.IsStopWord(w)
				if !stop[i] {
					c.stems[stems[i]] = true
				}
			}
			for i := 0; i+1 < len(stems); i++ {
				if !stop[i] || !stop[i+1] {
					c.concepts = append(c.concepts, stems[i]+" "+stems[i+1])
				}
			}
			c.key = strings.Join(stems, " ")
			c.ok = eligible(text, c.words) && !quotes.inside(sp.Start)
			cands = append(cands, c)
		}
	}
	return cands
}

// eligible reports whether a sentence can stand alone in a summary: of a
// fair length, a statement rather than a question, not a fragment of
// quoted speech.
func eligible(text string, words int) bool {
	if words < minWords || words > maxWords {
		return false
	}
	if strings.HasSuffix(text, "?") || strings.HasSuffix(text, ":") {
		return false
	}
	if strings.ContainsAny(text, "\"“”") || strings.Contains(text, "``") || strings.Contains(text, "''") {
		return false
	}
	if noComment(text) || danglingStart(text) {
		return false
	}
	r := []rune(text)
	return len(r) > 0 && !('a' <= r[0] && r[0] <= 'z')
}

// noCommentPhrases mark a sentence that only says somebody did not
// answer: news furniture, not news.
var noCommentPhrases = []string{
	"request for comment", "requests for comment", "declined to comment", "could not be reached",
	"did not respond", "did not immediately respond", "not available for comment", "no immediate comment",
	"did not return", "would not comment",
}

// danglingWords open a sentence that leans on the one before it: out of
// its article, "She said the mine was losing output" names nobody. Only
// personal pronouns: leaving out "it", "this" or "but" too cost 0.45
// ROUGE-1 on duc2004-dev for little gain in reading.
var danglingWords = map[string]bool{"he": true, "she": true, "they": true}

// danglingStart reports whether a sentence opens with a word that points
// back to what its article said before.
func danglingStart(text string) bool {
	end := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(text)
	}
	return danglingWords[strings.ToLower(text[:end])]
}

// noComment reports whether a sentence is a no-comment line.
func noComment(text string) bool {
	low := strings.ToLower(text)
	for _, p := range noCommentPhrases {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// quoteScanner tells whether offsets of a text lie inside a quotation
// opened earlier in their paragraph: the middle sentence of a quotation
// of several ("We are ready. And would prefer talks. If not, …," he said)
// has no quotation mark of its own but is quoted speech all the same.
// Asked in increasing order, as sentences come, it reads the text once.
type quoteScanner struct {
	text string
	pos  int  // read up to here
	open bool // a quotation is open at pos
}

// inside reports whether offset at lies inside a quotation.
func (q *quoteScanner) inside(at int) bool {
	if at < q.pos {
		q.pos, q.open = 0, false // asked out of order: read again
	}
	for _, r := range q.text[q.pos:at] {
		switch r {
		case '\n':
			q.open = false
		case '"':
			q.open = !q.open
		case '“':
			q.open = true
		case '”':
			q.open = false
		}
	}
	q.pos = at
	return q.open
}

// conceptWeights gives each concept the number of independent sources
// mentioning it, dropping concepts too rare to be central.
func conceptWeights(cands []candidate, nGroups int) map[string]float64 {
	in := map[string]map[int]bool{}
	for i := range cands {
		c := &cands[i]
		for _, k := range c.concepts {
			m := in[k]
			if m == nil {
				m = map[int]bool{}
				in[k] = m
			}
			m[c.group] = true
		}
	}
	minDocs := minDocsBig
	switch {
	case nGroups < 3:
		minDocs = 1
	case nGroups < 6:
		minDocs = 2
	}
	w := make(map[string]float64, len(in))
	for k, m := range in {
		switch n := len(m); {
		case n >= minDocs:
			w[k] = math.Pow(float64(n), weightExp)
		case n > 1:
			// Rarer concepts only break ties and fill a summary once the
			// central ones are covered…
			w[k] = rareWeight * float64(n)
		default:
			// …a single source's least of all.
			w[k] = rareWeight / 2
		}
	}
	return w
}

// redundant reports whether c says again what a picked sentence says;
// same, if not nil, is Options.Same.
func redundant(c *candidate, picked []*candidate, same func(a, b string) bool) bool {
	for _, p := range picked {
		if c.key == p.key || overlap(c.stems, p.stems) >= redundancyLimit {
			return true
		}
		if same != nil && same(c.text, p.text) {
			return true
		}
		if reuse.SentenceSimilarity(c.text, p.text) >= reuse.ParaphraseThreshold {
			return true
		}
	}
	return false
}

// overlap is the share of the smaller set's stems found in the other.
func overlap(a, b map[string]bool) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	n := 0
	for s := range a {
		if b[s] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// carriers lists the articles carrying c or a paraphrase of it.
func carriers(c *candidate, cands []candidate, arts []*news.Article, groupOf []int, nGroups int, known func(string) []string) Sentence {
	has := map[int]bool{c.art: true}
	if known != nil {
		ids := known(c.text)
		for i, a := range arts {
			if slices.Contains(ids, a.ID) {
				has[i] = true
			}
		}
	}
	for i := range cands {
		o := &cands[i]
		if has[o.art] {
			continue
		}
		if o.key == c.key || overlap(o.stems, c.stems) >= 0.5 && reuse.SentenceSimilarity(o.text, c.text) >= reuse.ParaphraseThreshold {
			has[o.art] = true
		}
	}
	idx := make([]int, 0, len(has))
	for i := range has {
		if i != c.art {
			idx = append(idx, i)
		}
	}
	sort.Ints(idx)
	idx = append([]int{c.art}, idx...)
	s := Sentence{Text: c.text}
	groups := map[int]bool{}
	seen := map[string]bool{}
	for _, i := range idx {
		s.Articles = append(s.Articles, arts[i].ID)
		if src := arts[i].Source; src != "" && !seen[src] {
			seen[src] = true
			s.Outlets = append(s.Outlets, src)
		}
		groups[groupOf[i]] = true
	}
	s.SingleSource = nGroups > 1 && len(groups) == 1
	return s
}
