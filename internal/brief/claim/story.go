package claim

import (
	"math"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// story is one story's articles split into units, with the vocabulary
// and word weights the similarity uses.
type story struct {
	arts   []*news.Article
	groups []int // independent source of each article
	roots  []int // the original each article is (a copy of), itself if none
	// ownKeys are the source keys of each article's outlet (its
	// original's for a copy), "" when unknown.
	ownKeys []string
	// ix is the story's cited sources, once sources has run.
	ix      *sourceIndex
	nGroups int
	units   []unit
	rels    [][]rel // attribution relations of each article
	byArt   [][]int // unit indices of each article, in order (headline first)
	weight  []float64
	topic   []bool // words so many statements use that they only name the story's subject
	vocab   map[string]int32
	lower   map[string]bool // words the story writes in lower case somewhere
	isNum   []bool
	close   *closeIndex // built by the first closenessAll
}

// newStory prepares arts for analysis.
func newStory(arts []*news.Article, copyOf map[string]string) *story {
	st := &story{arts: arts, vocab: map[string]int32{}}
	st.groups, st.roots, st.nGroups = sourceGroups(arts, copyOf)
	st.byArt = make([][]int, len(arts))
	tokens := [][]token{}
	for ai, a := range arts {
		units, rels := articleUnits(a, ai)
		st.rels = append(st.rels, rels)
		for _, u := range units {
			u.group = st.groups[ai]
			st.byArt[ai] = append(st.byArt[ai], len(st.units))
			st.units = append(st.units, u)
			tokens = append(tokens, tokenize(u.content))
		}
	}
	acronyms := map[string]bool{}
	st.lower = map[string]bool{}
	for i, toks := range tokens {
		for _, t := range toks {
			if t.acro {
				acronyms[t.text] = true
			}
		}
		for _, t := range tokenize(st.units[i].sentence) {
			if !t.upper {
				st.lower[t.lower] = true
			}
		}
	}
	for i := range st.units {
		u := &st.units[i]
		toks := tokens[i]
		if u.denial && u.deniedFrom >= 0 {
			// A denial is compared with claims by the thing it denies.
			toks = nil
			if u.deniedFrom < len(u.sentence) {
				toks = tokenize(u.sentence[u.deniedFrom:])
			}
		}
		u.keys, u.nums, u.negKeys = st.keysOf(toks, acronyms)
		if len(u.keys) < minContentKeys && !u.denial && u.content != u.sentence {
			// Reported content too short to stand alone ("about delays"):
			// the sentence says what it is about.
			u.keys, u.nums, u.negKeys = st.keysOf(tokenize(u.sentence), acronyms)
		}
	}
	// Inverse document frequency over the units: a word most statements
	// of the story share (its protagonist) says little about which claim
	// a statement makes.
	df := make([]int, len(st.vocab))
	for _, u := range st.units {
		for _, k := range u.keys {
			df[k]++
		}
	}
	st.weight = make([]float64, len(st.vocab))
	st.topic = make([]bool, len(st.vocab))
	n := float64(len(st.units))
	for k, d := range df {
		st.weight[k] = math.Log((n + 1) / (float64(d) + 0.5))
		st.topic[k] = n >= minTopicUnits && float64(d) > topicShare*n
		if d <= 1 {
			// A word no other statement uses cannot show two statements
			// agree; it only tells how differently they are worded.
			st.weight[k] = singletonWeight
		}
		if st.weight[k] < 0.1 {
			st.weight[k] = 0.1
		}
	}
	for i := range st.units {
		st.units[i].mass = st.mass(st.units[i].keys)
	}
	return st
}

// keysOf maps tokens to sorted distinct vocabulary ids, adding the
// acronym of a capitalised name when the story uses that acronym
// elsewhere ("United States" and "US").
//
// negs are the keys a negation applies to: the first content word after
// "not", "no", "never" or a "n't" ("not aware", "hasn't been arrested"),
// and the stem of an "un-" word ("unaware" is a negated "aware").
func (st *story) keysOf(toks []token, acronyms map[string]bool) (keys, nums, negs []int32) {
	add := func(k string, num bool) {
		id, ok := st.vocab[k]
		if !ok {
			id = int32(len(st.vocab))
			st.vocab[k] = id
			st.isNum = append(st.isNum, num)
		}
		keys = append(keys, id)
		if num {
			nums = append(nums, id)
		}
	}
	negUntil := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.upper && !t.acro {
			// A run of capitalised words (allowing "of", "and") whose
			// initials are an acronym of the story stands for it.
			var initials strings.Builder
			j := i
			for j < len(toks) && (toks[j].upper && !toks[j].acro || (toks[j].lower == "of" || toks[j].lower == "and") && j > i) {
				if toks[j].upper {
					initials.WriteString(toks[j].text[:1])
				}
				j++
			}
			if in := initials.String(); len(in) >= 2 && acronyms[in] {
				add("#"+in, false)
				i = j - 1
				continue
			}
		}
		if isNegation(t.lower) {
			negUntil = i + 4
			continue
		}
		if t.punct {
			// "If not, the operation…": a negation ends at its clause.
			negUntil = 0
		}
		neg := false
		if rest, ok := unPrefixed(t.lower); ok {
			t.lower, neg = rest, true
		}
		if k, ok := key(t); ok {
			add(k, isNumber(t.lower))
			if neg || i < negUntil {
				negs = append(negs, keys[len(keys)-1])
				negUntil = 0
			}
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	slices.Sort(nums)
	nums = slices.Compact(nums)
	slices.Sort(negs)
	negs = slices.Compact(negs)
	return keys, nums, negs
}

// unPrefixed returns the word an "un-" word negates ("unaware" →
// "aware", "unwilling" → "willing"); ok is false for other words and for
// "under…", "uni…", "unt…" words, whose "un" negates nothing.
func unPrefixed(w string) (string, bool) {
	if len(w) < 6 || !strings.HasPrefix(w, "un") {
		return "", false
	}
	for _, p := range []string{"uni", "und", "unt", "unl"} {
		if strings.HasPrefix(w, p) {
			return "", false
		}
	}
	return w[2:], true
}

// polarityConflict reports whether a and b share a content word that
// one negates and the other does not ("was arrested", "was not
// arrested"). A negation elsewhere in either ("no decision has been
// taken") does not oppose them.
//
// When only one of the two holds a negation word and they share no
// negated word ("unaware" and "not aware" share one), sharing fewer than
// three words besides the story's subject is also a conflict: "the
// office did not respond" and "the office had been told…" share their
// subject, not a claim.
func (st *story) polarityConflict(a, b *unit) bool {
	if len(a.negKeys) == 0 && len(b.negKeys) == 0 {
		return false
	}
	bothNeg := false
	for i, j := 0, 0; i < len(a.keys) && j < len(b.keys); {
		switch {
		case a.keys[i] < b.keys[j]:
			i++
		case a.keys[i] > b.keys[j]:
			j++
		default:
			k := a.keys[i]
			na, nb := slices.Contains(a.negKeys, k), slices.Contains(b.negKeys, k)
			if na != nb {
				return true
			}
			bothNeg = bothNeg || na
			i++
			j++
		}
	}
	if !bothNeg && a.negated != b.negated {
		if _, n := st.shared(a.keys, b.keys); n < 3 {
			return true
		}
	}
	return false
}

// sourceGroups numbers the independent sources: an article and the copies
// of it (followed transitively through copyOf) share a group. It returns
// each article's group and original, and the number of groups.
func sourceGroups(arts []*news.Article, copyOf map[string]string) ([]int, []int, int) {
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
	roots := make([]int, len(arts))
	for i := range arts {
		r := root(i)
		roots[i] = r
		g, ok := ids[r]
		if !ok {
			g = len(ids)
			ids[r] = g
		}
		groups[i] = g
	}
	return groups, roots, len(ids)
}

// mass is the summed weight of keys.
func (st *story) mass(keys []int32) float64 {
	m := 0.0
	for _, k := range keys {
		m += st.weight[k]
	}
	return m
}

// shared returns the summed weight and number of the keys a and b share,
// not counting the story's topic words in the number.
func (st *story) shared(a, b []int32) (float64, int) {
	w, n := 0.0, 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			w += st.weight[a[i]]
			if !st.topic[a[i]] {
				n++
			}
			i++
			j++
		}
	}
	return w, n
}

// Similarity settings. A pair must share minShared content keys besides
// the story's topic words; its
// score mixes the weighted Dice of the two key sets with the share of the
// smaller set found in the larger (a clause restated inside a longer
// sentence), and drops when both state numbers and none agree.
const (
	minShared       = 2
	diceShare       = 0.5
	numberMismatch  = 0.6
	groupThreshold  = 0.3  // two statements make the same claim
	matchThreshold  = 0.45 // an article's statement carries a claim (coverage of the claim)
	negatedMatch    = 0.7  // … when one of the two is negated and the other not
	uniqueThreshold = 0.3  // below this against every other outlet, a statement is unique
	singletonWeight = 1.0  // weight of a word only one statement of the story uses
	// topicShare: a word in more than this share of the statements names
	// the story's subject; agreeing on it alone does not make a claim.
	// Below minTopicUnits statements a story is too small to tell its
	// subject from its main claim.
	topicShare    = 0.2
	minTopicUnits = 40
)

// sim scores how much two statements say the same thing, in [0, 1].
func (st *story) sim(a, b *unit) float64 {
	w, n := st.shared(a.keys, b.keys)
	if n < minShared {
		return 0
	}
	return st.simShared(a, b, w)
}

// simShared is sim of a and b given the summed weight w of the keys they
// share, which share at least minShared words besides the topic.
func (st *story) simShared(a, b *unit, w float64) float64 {
	ma, mb := a.mass, b.mass
	dice := 2 * w / (ma + mb)
	cont := w / min(ma, mb)
	s := diceShare*dice + (1-diceShare)*cont
	if len(a.nums) > 0 && len(b.nums) > 0 {
		if _, k := st.shared(a.nums, b.nums); k == 0 {
			s *= numberMismatch
		}
	}
	return s
}

// cover scores how much of the claim statement c statement u carries: the
// weighted share of c's keys found in u, mixed with their similarity.
func (st *story) cover(c, u *unit) float64 {
	w, n := st.shared(c.keys, u.keys)
	if n < minShared {
		return 0
	}
	return max(st.simShared(c, u, w), 0.85*w/c.mass)
}
