package reuse

import (
	"slices"
	"sync"
)

// Limits of candidate generation.
const (
	// maxPosting: a key shared by more archived articles than this is a
	// commonplace (a stock phrase, a dateline) and is skipped at lookup, so
	// one query never walks a long list.
	maxPosting = 256
	// minSentenceHits is how many of a new article's sentences must share
	// a key with an archived article for it to be a paraphrase candidate
	// (fewer for articles of under four indexed sentences).
	minSentenceHits = 3
	// mergeMin is the smallest number of fresh postings that triggers a
	// merge into the sorted arrays.
	mergeMin = 1 << 16
)

// Candidate is an archived article worth comparing with a new one.
type Candidate struct {
	ID string
	// Exact is true when the folded text is identical.
	Exact bool
	// NearBands is the number of near-duplicate bands shared (of 16).
	NearBands int
	// Sentences is the number of the new article's sentences sharing a key
	// with it.
	Sentences int
	// Quotes is the number of long quotations both print verbatim: such
	// an article is at least a witness for the direction of copies.
	Quotes int
}

// Index maps lookup keys to archived articles. Postings live in two sorted
// parallel arrays (12 bytes each) plus a small map of recent additions,
// merged into the arrays when it grows past a fraction of them, so memory
// stays near the size of the postings and lookups are binary searches.
// It is safe for concurrent use.
type Index struct {
	mu     sync.RWMutex
	ids    []string          // article number → id
	nums   map[string]uint32 // id → article number
	keys   []Key             // sorted
	arts   []uint32          // article numbers, parallel to keys
	fresh  map[Key][]uint32
	nfresh int
	// dead marks articles replaced by a later Add of the same id.
	dead []bool
	// mergeMin is mergeMin except in tests.
	mergeMin int
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{nums: make(map[string]uint32), fresh: make(map[Key][]uint32), mergeMin: mergeMin}
}

// Len returns the number of articles indexed.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.nums)
}

// Add indexes an article's keys under id. Adding an id again replaces its
// keys: the old ones stop matching.
func (x *Index) Add(id string, keys []Key) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if old, ok := x.nums[id]; ok {
		x.dead[old] = true
	}
	n := uint32(len(x.ids))
	x.ids = append(x.ids, id)
	x.dead = append(x.dead, false)
	x.nums[id] = n
	for _, k := range keys {
		x.fresh[k] = append(x.fresh[k], n)
	}
	x.nfresh += len(keys)
	if x.nfresh >= max(x.mergeMin, len(x.keys)/4) {
		x.merge()
	}
}

// merge moves the fresh postings into the sorted arrays.
func (x *Index) merge() {
	type posting struct {
		k Key
		a uint32
	}
	add := make([]posting, 0, x.nfresh)
	for k, as := range x.fresh {
		for _, a := range as {
			add = append(add, posting{k, a})
		}
	}
	slices.SortFunc(add, func(p, q posting) int {
		switch {
		case p.k < q.k:
			return -1
		case p.k > q.k:
			return 1
		}
		return int(p.a) - int(q.a)
	})
	keys := make([]Key, 0, len(x.keys)+len(add))
	arts := make([]uint32, 0, len(x.keys)+len(add))
	i, j := 0, 0
	for i < len(x.keys) || j < len(add) {
		if j == len(add) || i < len(x.keys) && x.keys[i] <= add[j].k {
			if !x.dead[x.arts[i]] {
				keys = append(keys, x.keys[i])
				arts = append(arts, x.arts[i])
			}
			i++
			continue
		}
		if !x.dead[add[j].a] {
			keys = append(keys, add[j].k)
			arts = append(arts, add[j].a)
		}
		j++
	}
	x.keys, x.arts = keys, arts
	clear(x.fresh)
	x.nfresh = 0
}

// postings calls fn with the articles under k, unless there are more than
// maxPosting of them.
func (x *Index) postings(k Key, fn func(a uint32)) {
	lo, _ := slices.BinarySearch(x.keys, k)
	hi := lo
	for hi < len(x.keys) && x.keys[hi] == k {
		hi++
	}
	fresh := x.fresh[k]
	if hi-lo+len(fresh) > maxPosting {
		return
	}
	for _, a := range x.arts[lo:hi] {
		fn(a)
	}
	for _, a := range fresh {
		fn(a)
	}
}

// Candidates returns the archived articles sharing enough keys with a new
// article, best first, at most limit of them (all when limit < 1). The
// article itself (by id) is never a candidate. keys must come from Keys,
// in its order.
func (x *Index) Candidates(id string, keys []Key, limit int) []Candidate {
	x.mu.RLock()
	defer x.mu.RUnlock()
	type score struct {
		exact     bool
		near      int
		sentences int
		lastSent  int
		quotes    int
	}
	scores := make(map[uint32]*score)
	get := func(a uint32) *score {
		s := scores[a]
		if s == nil {
			s = &score{lastSent: -1}
			scores[a] = s
		}
		return s
	}
	// Sentence keys come in groups of sentenceBands per sentence.
	sent := 0
	for _, k := range keys {
		switch k.kind() {
		case kindExact:
			x.postings(k, func(a uint32) { get(a).exact = true })
		case kindNear:
			x.postings(k, func(a uint32) { get(a).near++ })
		case kindQuote:
			x.postings(k, func(a uint32) { get(a).quotes++ })
		case kindSentence:
			g := sent / sentenceBands
			sent++
			x.postings(k, func(a uint32) {
				s := get(a)
				if s.lastSent != g {
					s.lastSent = g
					s.sentences++
				}
			})
		}
	}
	// A short article cannot share many sentences: ask for all but one
	// of its indexed sentences, up to minSentenceHits.
	need := min(minSentenceHits, max(1, sent/sentenceBands-1))
	own, hasOwn := x.nums[id]
	var out []Candidate
	for a, s := range scores {
		if x.dead[a] || hasOwn && a == own {
			continue
		}
		if !s.exact && s.near == 0 && s.sentences < need && s.quotes == 0 {
			continue
		}
		out = append(out, Candidate{ID: x.ids[a], Exact: s.exact, NearBands: s.near, Sentences: s.sentences, Quotes: s.quotes})
	}
	slices.SortFunc(out, func(p, q Candidate) int {
		if p.Exact != q.Exact {
			if p.Exact {
				return -1
			}
			return 1
		}
		if d := (q.NearBands + 2*q.Sentences) - (p.NearBands + 2*p.Sentences); d != 0 {
			return d
		}
		if d := q.Quotes - p.Quotes; d != 0 {
			return d
		}
		if p.ID < q.ID {
			return -1
		}
		return 1
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}
