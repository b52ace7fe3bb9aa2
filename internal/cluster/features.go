package cluster

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// Term kinds are marked by a prefix so that a number, a name and a word
// never collide: "#" a two-word capitalised name, "%" a number, words
// bare.
const (
	namePrefix   = '#'
	entityPrefix = '@'
	numberPrefix = '%'
)

// termID is an interned term: a stem, a name or a number. Ids are given in
// order of first appearance, so they are deterministic for an arrival
// order, and make every map and index keyed by integers.
type termID int32

// vocabulary interns terms and counts their document frequencies.
type vocabulary struct {
	ids   map[string]termID
	df    []int32
	kind  []termKind
	docs  int
	words map[string]*wordInfo  // a token as written → what it adds (cache)
	cases map[string]*caseCount // folded word → case counts
	buf   []byte
}

func newVocabulary() vocabulary {
	return vocabulary{ids: make(map[string]termID), words: make(map[string]*wordInfo), cases: make(map[string]*caseCount)}
}

// termKind tells words from entity-like terms.
type termKind uint8

const (
	kindWord   termKind = iota
	kindEntity          // a capitalised word or two-word name
	kindNumber
)

// id returns the id of term, interning it.
func (v *vocabulary) id(term []byte) termID {
	if id, ok := v.ids[string(term)]; ok {
		return id
	}
	id := termID(len(v.df))
	v.ids[string(term)] = id
	v.df = append(v.df, 0)
	k := kindWord
	if len(term) > 0 {
		switch term[0] {
		case namePrefix, entityPrefix:
			k = kindEntity
		case numberPrefix:
			k = kindNumber
		}
	}
	v.kind = append(v.kind, k)
	return id
}

// wordInfo is what one token, as written, contributes.
type wordInfo struct {
	skip   bool   // a stop word, a common news word or a single letter
	term   termID // its stem, or for a number the number term
	entity termID // its entity term, -1 until first needed
	folded string // lower-cased and folded, for names
	cases  *caseCount
}

// caseCount counts how often a word was seen capitalised inside a
// sentence and in lower case: a word usually written in lower case
// ("fired", "october") is no name even when a headline capitalises it.
type caseCount struct{ upper, lower int32 }

// count records a token's case; a capital opening a sentence says
// nothing. Both counts are halved before they could overflow, which keeps
// their ratio.
func (k *caseCount) count(t token) {
	switch {
	case !t.capital:
		k.lower++
	case !t.sentStart:
		k.upper++
	}
	if k.lower >= 1<<30 || k.upper >= 1<<30 {
		k.lower, k.upper = k.lower/2, k.upper/2
	}
}

// word returns what a token contributes, caching the lower-casing, stop
// word tests and stemming, which dominate feature extraction otherwise.
func (v *vocabulary) word(t token) *wordInfo {
	if w, ok := v.words[t.text]; ok {
		return w
	}
	if len(v.words) >= maxStemCache {
		clear(v.words)
	}
	w := &wordInfo{entity: -1}
	if t.number {
		w.skip = len(t.text) < 2
		w.term = v.prefixed(numberPrefix, t.text)
	} else {
		lower := strings.ToLower(t.text)
		w.skip = lang.IsStopWord(lower) || commonNewsWord[lower] || utf8.RuneCountInString(lower) < 2
		if !w.skip {
			w.term = v.id([]byte(lang.Fold(lang.Stem(lower))))
			w.folded = lang.Fold(lower)
			w.cases = v.cases[w.folded]
			if w.cases == nil {
				w.cases = &caseCount{}
				v.cases[w.folded] = w.cases
			}
		}
	}
	v.words[strings.Clone(t.text)] = w
	return w
}

// prefixed returns the id of a prefixed term built from parts joined by
// spaces.
func (v *vocabulary) prefixed(prefix byte, parts ...string) termID {
	v.buf = append(v.buf[:0], prefix)
	for i, p := range parts {
		if i > 0 {
			v.buf = append(v.buf, ' ')
		}
		v.buf = append(v.buf, p...)
	}
	return v.id(v.buf)
}

// idf is the smoothed inverse document frequency of a term over the
// articles seen so far. idfPrior pseudo-documents keep the first articles'
// weights from being flat.
func (v *vocabulary) idf(t termID) float64 {
	return math.Log((float64(v.docs) + idfPrior) / (float64(v.df[t]) + 1))
}

// token is one word of an article's title or lead with what the cheap
// named-entity heuristic needs.
type token struct {
	text      string // as written
	capital   bool   // starts with an upper-case letter
	sentStart bool   // first word of a sentence, line, quotation or title
	number    bool   // only digits (and inner , or .)
}

// tokens appends to out the words of s, up to limit of them, marking
// capitalisation, sentence starts and numbers. It follows lang.Words'
// rules (an apostrophe between letters, a , or . between digits stay
// inside a word).
func tokens(s string, limit int, out []token) []token {
	start := -1
	sentStart := true
	prev := rune(0)
	n := 0
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		first, _ := utf8.DecodeRuneInString(w)
		num := true
		for i := 0; i < len(w); i++ {
			if b := w[i]; (b < '0' || b > '9') && b != ',' && b != '.' {
				num = false
				break
			}
		}
		out = append(out, token{text: w, capital: unicode.IsUpper(first), sentStart: sentStart, number: num})
		n++
		sentStart = false
		start, prev = -1, 0
	}
	for i := 0; i < len(s) && n < limit; {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		in := false
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'):
			in = true
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			in = true
		case prev != 0 && (r == '\'' || r == '’'):
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			in = unicode.IsLetter(prev) && unicode.IsLetter(next)
		case prev != 0 && (r == '.' || r == ','):
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			in = unicode.IsDigit(prev) && unicode.IsDigit(next)
		}
		if in {
			if start < 0 {
				start = i
			}
			prev = r
		} else {
			flush(i)
			switch r {
			case '.', '!', '?', '\n', ':', '"', '“', '”', '(', ')', ';':
				// A new sentence, line or quotation: the next capital
				// says nothing about a name.
				sentStart = true
			}
		}
		i += size
	}
	flush(len(s))
	return out
}

// bag is an article's raw term weights: a dense scratch array over the
// vocabulary and the list of terms it touched.
type bag struct {
	w       []float64
	touched []termID
}

func (b *bag) add(t termID, w float64) {
	if int(t) >= len(b.w) {
		b.w = append(b.w, make([]float64, int(t)+1-len(b.w)+1024)...)
	}
	if b.w[t] == 0 {
		b.touched = append(b.touched, t)
	}
	b.w[t] += w
}

// reset clears the bag for the next article.
func (b *bag) reset() {
	for _, t := range b.touched {
		b.w[t] = 0
	}
	b.touched = b.touched[:0]
}

// features fills c.bag with the weighted raw terms of an article: title
// and lead words (stemmed, stop words dropped), capitalised words and
// two-word capitalised names (boosted), and numbers. Title words count
// titleWeight times.
func (c *Clusterer) features(a *news.Article) {
	c.bag.reset()
	title, body := a.Title, a.Text
	if title == "" {
		// Records without a title usually open with a headline-like line.
		if i := strings.IndexByte(body, '\n'); i > 0 && i < 200 {
			title, body = body[:i], body[i+1:]
		}
	}
	c.toks = tokens(title, 64, c.toks[:0])
	c.addTokens(c.toks, titleWeight)
	c.toks = tokens(body, c.cfg.LeadWords, c.toks[:0])
	c.addTokens(c.toks, 1)
}

func (c *Clusterer) addTokens(toks []token, weight float64) {
	run := 0 // length of the current run of capitalised words
	var prevName string
	for i, t := range toks {
		w := c.vocab.word(t)
		if w.skip {
			run = 0
			continue
		}
		if t.number {
			run = 0
			c.bag.add(w.term, weight*numberWeight)
			continue
		}
		c.bag.add(w.term, weight)
		w.cases.count(t)
		isName := t.capital && (!t.sentStart || i+1 < len(toks) && toks[i+1].capital && !toks[i+1].sentStart)
		if isName && float64(w.cases.lower) > nameCaseRatio*float64(w.cases.upper+w.cases.lower) {
			isName = false
		}
		if !isName {
			run = 0
			continue
		}
		if w.entity < 0 {
			w.entity = c.vocab.prefixed(entityPrefix, w.folded)
		}
		c.bag.add(w.entity, weight*nameWeight)
		if run++; run >= 2 {
			// The name ending here, by its last two words: enough to
			// tell "New York" from "New Delhi".
			c.bag.add(c.vocab.prefixed(namePrefix, prevName, w.folded), weight*bigramWeight)
		}
		prevName = w.folded
	}
}

// vector is an article's L2-normalised TF-IDF vector, strongest terms
// first.
type vector []weighted

type weighted struct {
	term termID
	w    float64
}

// byWeight orders terms strongest first, ties by id.
func byWeight(a, b weighted) int {
	switch {
	case a.w > b.w:
		return -1
	case a.w < b.w:
		return 1
	}
	return int(a.term) - int(b.term)
}

// vectorize weighs the bag's raw terms by sublinear tf times the current
// idf, keeps the strongest maxArticleTerms and normalises. It does not
// update the document frequencies.
func (c *Clusterer) vectorize() vector {
	v := make(vector, 0, len(c.bag.touched))
	for _, t := range c.bag.touched {
		v = append(v, weighted{t, (1 + math.Log1p(c.bag.w[t])) * c.vocab.idf(t)})
	}
	if len(v) > maxArticleTerms {
		slices.SortFunc(v, byWeight)
		v = v[:maxArticleTerms]
	}
	var n float64
	for _, x := range v {
		n += x.w * x.w
	}
	if n > 0 {
		n = 1 / math.Sqrt(n)
		for i := range v {
			v[i].w *= n
		}
	}
	return v
}

// observe counts the bag's terms in the document frequencies.
func (c *Clusterer) observe() {
	c.vocab.docs++
	for _, t := range c.bag.touched {
		c.vocab.df[t]++
	}
}

// commonNewsWord are reporting verbs, weekdays and other words every story
// uses.
var commonNewsWord = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`said says say told tell reported report reports according
		news also would could one two three new year years time day days week last first monday
		tuesday wednesday thursday friday saturday sunday today yesterday tomorrow people
		mr mrs ms percent per cent many much well since still even however like get got made make
		including later earlier ago image photo video file reuters ap afp`) {
		m[w] = true
	}
	return m
}()
