package reuse

import (
	"hash/fnv"
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// Doc is an article prepared for comparison. It is read-only once built and
// may be shared between goroutines.
type Doc struct {
	ID string
	// Source is the outlet, as the article names it (may be empty).
	Source    string
	Published news.Time
	Text      string
	Sentences []Sentence
	// Words is the number of words in all sentences.
	Words int
	// Exact is the hash of the folded word sequence: equal for texts that
	// differ only in case, spacing, punctuation and quote style.
	Exact uint64
	// shingles are the hashed word 3-shingles of the whole text.
	shingles []uint32
	// folded is the text's folded words joined by spaces, with a space
	// before and after, for quotation look-ups.
	folded string
	// inv is the inverted index of the sentences' stems, built on first
	// use by stemIndex (a Doc is compared with many others).
	invOnce sync.Once
	inv     stemPostings
}

// stemPostings is an inverted index of a Doc's sentence stems in compact
// form: stems holds the distinct stems in increasing order, and the
// sentences holding stems[k] are sents[start[k]:start[k+1]], in
// increasing order.
type stemPostings struct {
	stems []uint32
	start []int32
	sents []int32
}

// sentences returns the indexes of the sentences holding stem h.
func (p *stemPostings) sentences(h uint32) []int32 {
	k, ok := slices.BinarySearch(p.stems, h)
	if !ok {
		return nil
	}
	return p.sents[p.start[k]:p.start[k+1]]
}

// stemIndex returns the inverted index of the Doc's sentence stems. It is
// built once and is safe for concurrent use.
func (d *Doc) stemIndex() *stemPostings {
	d.invOnce.Do(func() {
		var pairs []uint64 // stem<<32 | sentence
		for j := range d.Sentences {
			for _, h := range d.Sentences[j].Stems {
				pairs = append(pairs, uint64(h)<<32|uint64(j))
			}
		}
		slices.Sort(pairs)
		p := stemPostings{sents: make([]int32, len(pairs))}
		for k, x := range pairs {
			h := uint32(x >> 32)
			if len(p.stems) == 0 || p.stems[len(p.stems)-1] != h {
				p.stems = append(p.stems, h)
				p.start = append(p.start, int32(k))
			}
			p.sents[k] = int32(uint32(x))
		}
		p.start = append(p.start, int32(len(pairs)))
		d.inv = p
	})
	return &d.inv
}

// Sentence holds the features of one sentence; every slice is sorted and
// free of duplicates.
type Sentence struct {
	Span  news.Span
	Words int // number of words
	// Stems are hashes of the stems of the content (non-stop) words.
	Stems []uint32
	// Bigrams are hashes of consecutive content stems.
	Bigrams []uint32
	// Numbers are hashes of the number tokens, without thousands commas.
	Numbers []uint32
	// Seq are hashes of all the sentence's folded words, in order.
	Seq []uint32
	// Negated is true when the sentence holds a negation ("not", "no",
	// "never", "…n't").
	Negated bool
	// Quotes are the folded passages inside double quotation marks, as
	// space-joined words.
	Quotes []string
	// QuotedWords is the number of words inside quotation marks.
	QuotedWords int
}

// Prepare builds the Doc of an article. It uses the article's sentence
// spans when it has them and splits the text otherwise.
func Prepare(a *news.Article) *Doc {
	spans := a.Sentences
	if len(spans) == 0 {
		spans = lang.Sentences(a.Text)
	}
	d := &Doc{ID: a.ID, Source: a.Source, Published: a.Published, Text: a.Text}
	exact := fnv.New64a()
	var all []string
	inQuote, prevEnd := false, 0
	for _, sp := range spans {
		if sp.Start < prevEnd || sp.End > len(a.Text) || sp.Start >= sp.End {
			continue
		}
		// A quotation may run over several sentences of a paragraph: a
		// sentence that starts inside one is read with its opening mark.
		if strings.Contains(a.Text[prevEnd:sp.Start], "\n\n") {
			inQuote = false
		}
		text := a.Text[sp.Start:sp.End]
		prevEnd = sp.End
		if inQuote {
			text = "\"" + text
		}
		if strings.Count(lang.Fold(text), "\"")%2 == 1 {
			inQuote = !inQuote
		}
		s, words := sentenceFeatures(text)
		if s.Words == 0 {
			continue
		}
		s.Span = sp
		d.Sentences = append(d.Sentences, s)
		d.Words += s.Words
		for _, w := range words {
			exact.Write([]byte(w))
			exact.Write([]byte{' '})
		}
		all = append(all, words...)
	}
	d.Exact = exact.Sum64()
	d.shingles = shingles(all, 3)
	d.folded = " " + strings.Join(all, " ") + " "
	return d
}

// sentenceFeatures computes one sentence's features and returns its folded
// words.
func sentenceFeatures(text string) (Sentence, []string) {
	folded := lang.Fold(text)
	words := lang.Words(folded)
	s := Sentence{Words: len(words), Seq: make([]uint32, 0, len(words))}
	var prev uint32
	havePrev := false
	for _, w := range words {
		s.Seq = append(s.Seq, hash32(w))
		if isNumber(w) {
			s.Numbers = append(s.Numbers, hash32(strings.ReplaceAll(w, ",", "")))
		}
		if isNegation(w) {
			s.Negated = true
		}
		if lang.IsStopWord(w) || isFiller(w) {
			continue
		}
		h := stemHash(w)
		s.Stems = append(s.Stems, h)
		if havePrev {
			s.Bigrams = append(s.Bigrams, prev*0x9e3779b1^h)
		}
		prev, havePrev = h, true
	}
	s.Stems = sortedSet(s.Stems)
	s.Bigrams = sortedSet(s.Bigrams)
	s.Numbers = sortedSet(s.Numbers)
	s.Quotes = quotes(folded)
	for _, q := range s.Quotes {
		s.QuotedWords += strings.Count(q, " ") + 1
	}
	return s, words
}

// isFiller reports words too common in news to say anything about a
// sentence's content: reporting verbs and single letters.
func isFiller(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return true
	}
	switch w {
	case "said", "says", "say", "told", "according", "mr", "mrs", "ms", "also", "would", "could", "will":
		return true
	}
	return false
}

func isNegation(w string) bool {
	switch w {
	case "not", "no", "never", "nor", "neither", "cannot":
		return true
	}
	return strings.HasSuffix(w, "n't")
}

func isNumber(w string) bool {
	for _, r := range w {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// quotes returns the word sequences inside double quotation marks of a
// folded sentence. An unclosed quotation runs to the end of the sentence.
func quotes(folded string) []string {
	var out []string
	for rest := folded; ; {
		i := strings.IndexByte(rest, '"')
		if i < 0 {
			return out
		}
		rest = rest[i+1:]
		j := strings.IndexByte(rest, '"')
		inner := rest
		if j >= 0 {
			inner, rest = rest[:j], rest[j+1:]
		} else {
			rest = ""
		}
		if w := lang.Words(inner); len(w) >= 2 {
			out = append(out, strings.Join(w, " "))
		}
		if j < 0 {
			return out
		}
	}
}

// shingles hashes every run of k consecutive words; a text shorter than k
// words gives one shingle of all of them.
func shingles(words []string, k int) []uint32 {
	if len(words) == 0 {
		return nil
	}
	if len(words) < k {
		k = len(words)
	}
	out := make([]uint32, 0, len(words)-k+1)
	h := fnv.New32a()
	for i := 0; i+k <= len(words); i++ {
		h.Reset()
		for _, w := range words[i : i+k] {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
		out = append(out, h.Sum32())
	}
	return sortedSet(out)
}

// stemCache maps words to the hashes of their stems. Stemming is half the
// cost of Prepare and news vocabulary is highly repetitive, so the cache
// hits most words; it stops growing at stemCacheMax entries so that a
// stream of odd tokens cannot grow it without bound.
//
// It is sharded maps under read-write locks rather than a sync.Map: a
// lookup is then one string hash and one map probe, where sync.Map's
// trie costs several dependent memory reads (measured: a tenth of a real
// ingest's CPU went to stem lookups).
var (
	stemCache    [stemShards]stemShard
	stemSeed     = maphash.MakeSeed()
	stemCacheLen atomic.Int64
)

const (
	stemCacheMax = 200_000
	stemShards   = 64
)

type stemShard struct {
	mu sync.RWMutex
	m  map[string]uint32
	_  [32]byte // 64 bytes a shard: neighbours do not share a cache line
}

func stemHash(w string) uint32 {
	sh := &stemCache[maphash.String(stemSeed, w)%stemShards]
	sh.mu.RLock()
	h, ok := sh.m[w]
	sh.mu.RUnlock()
	if ok {
		return h
	}
	h = hash32(lang.Stem(w))
	if stemCacheLen.Load() < stemCacheMax {
		sh.mu.Lock()
		if _, ok := sh.m[w]; !ok {
			if sh.m == nil {
				sh.m = make(map[string]uint32)
			}
			sh.m[strings.Clone(w)] = h
			stemCacheLen.Add(1)
		}
		sh.mu.Unlock()
	}
	return h
}

func hash32(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

func sortedSet(s []uint32) []uint32 {
	slices.Sort(s)
	return slices.Compact(s)
}

// overlap counts the common elements of two sorted sets.
func overlap(a, b []uint32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}
