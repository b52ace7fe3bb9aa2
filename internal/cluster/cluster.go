// Package cluster groups a stream of articles into stories, online: each
// arriving article joins the most similar recent story or founds a new
// one, and nothing is ever re-clustered globally.
//
// # Representation
//
// An article is a sparse TF-IDF vector over its title and lead: stemmed
// words without stop words, entity terms (capitalised words and two-word
// capitalised names, a cheap stand-in for people, places and
// organisations) and numbers. Document frequencies are maintained
// incrementally over every article seen, so weights need no corpus
// prepared in advance. A capitalised word counts as a name only while the
// stream writes it in lower case rarely (see nameCaseRatio), so a
// headline's capitals ("Fired", "October") do not pass for names. A story
// is the sum of its articles' normalised vectors (its centroid), pruned to
// its strongest terms. An article joins the most similar live story whose
// centroid cosine reaches Config.Threshold, whose entity terms alone reach
// Config.EntityThreshold, and which it fits as well as the story's own
// articles fit each other (Config.Cohesion, below); otherwise it founds a
// story. Terms are interned to integer ids; the vocabulary grows with the
// distinct terms seen.
//
// # Cohesion
//
// One cosine threshold cannot serve both a broad running story, whose
// articles share little beyond a rare key word, and two tight stories of
// the same kind (two earthquakes, two celebrities in rehab), whose
// articles share the kind's whole vocabulary. What tells them apart is how
// tight the story already is: from its centroid C (the sum of n unit
// vectors) the mean dot product between two of its articles is
// (|C|² − n) / (n(n − 1)), and the mean dot product of a newcomer with its
// articles is a·C / n. The newcomer must reach Config.Cohesion times the
// former, so a loose story accepts loose newcomers and a tight one only
// close ones.
//
// # Time and memory
//
// A story that has not gained an article for Config.Window is no longer a
// candidate, so an article about an earthquake a year later founds a new
// story even when the words are the same. Live stories are found through
// an inverted index from centroid terms to stories, which makes a lookup
// cost the length of the posting lists of the article's terms rather than
// the number of stories. Stories leaving the window, and the oldest
// stories beyond Config.MaxStories, are evicted with their postings, so
// memory is bounded by the window, not by the stream — apart from the
// vocabulary (one entry, document frequency and case counts per distinct
// term), which grows with the language of the stream, not its length.
//
// # Ids and merges
//
// A story's id is "s" followed by twelve hex digits of the SHA-256 of its
// founding article's id: stable across runs and restarts, and never
// reused. After every addition the grown story is compared with the live
// stories sharing its strongest terms (found through the index); one whose
// centroid reaches Config.MergeThreshold, whose entities agree
// (Config.EntityThreshold) and whose articles fit the grown story's
// (Config.MergeCohesion, the cohesion test between two stories) is the
// same story told in pieces, and the younger is merged into the older.
// This repairs the splits an online decision makes early, when a story is
// one article, without ever re-clustering globally. The Assignment lists
// the absorbed ids, and Resolve keeps mapping them to the survivor while
// it is live.
//
// The Clusterer is deterministic for a given arrival order and is not safe
// for concurrent use.
package cluster

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Hint is what an earlier stage knows about an article's story.
type Hint struct {
	// SameAs is the id of an article this one copies: the article joins
	// that article's story whatever its words, when that story is live.
	SameAs string
}

// Assignment is where Add put an article.
type Assignment struct {
	Article string
	Story   string
	// New is true when the article founded the story.
	New bool
	// Merged lists story ids absorbed into Story by this arrival.
	Merged []string
	// Similarity is the cosine to the story's centroid that decided the
	// assignment; 0 for a new story, 1 for a hinted one.
	Similarity float64
	// At is the time the clusterer used for the article.
	At time.Time
}

// story is one live story.
type story struct {
	id       string
	serial   int // arrival order of the founding article, for determinism
	first    time.Time
	last     time.Time
	articles []string
	// centroid maps terms to weight slots shared with the postings, so
	// that a lookup reads weights without hashing the term again.
	centroid map[termID]*float64
	norm     float64
	n2, e2   float64 // squared norms of the centroid and of its entity terms
	dead     bool
	accEpoch int
	acc      float64
	accEnt   float64 // the part of acc from entity terms
	entNorm  float64 // norm of the centroid's entity terms
}

// Clusterer assigns articles to stories. Create one with New.
type Clusterer struct {
	cfg       Config
	vocab     vocabulary
	bag       bag
	stories   map[string]*story // live stories by id
	byArticle map[string]*story // live stories' articles
	aliases   map[string]string // absorbed id → survivor id
	postings  [][]posting       // by term id
	serial    int
	epoch     int
	adds      int
	now       time.Time // the latest article time seen
	toks      []token
	// artEntNorm is the norm of the current article's entity terms.
	artEntNorm float64
	cands      []*story
}

// New returns an empty Clusterer.
func New(cfg Config) *Clusterer {
	return &Clusterer{
		cfg:       cfg.withDefaults(),
		vocab:     newVocabulary(),
		stories:   make(map[string]*story),
		byArticle: make(map[string]*story),
		aliases:   make(map[string]string),
	}
}

// Config returns the configuration in use, defaults filled in.
func (c *Clusterer) Config() Config { return c.cfg }

// Len returns the number of live stories.
func (c *Clusterer) Len() int { return len(c.stories) }

// StoryID is the id a story founded by the article articleID gets.
func StoryID(articleID string) string {
	sum := sha256.Sum256([]byte(articleID))
	return "s" + hex.EncodeToString(sum[:6])
}

// TimeOf is the time the clusterer uses for an article: its publication
// time when known to the day, else the time it was ingested.
func TimeOf(a *news.Article) time.Time {
	if a.Published.Precision >= news.PrecisionDay {
		return a.Published.T.UTC()
	}
	return a.Ingested.UTC()
}

// timeOf is the time of a in the stream: TimeOf, except that an article
// without a publication date is placed no later than the newest article
// seen so far. Its ingest time says when it was read, not when it was
// written: an archive of last year's news ingested today must not look a
// year newer than the dated reports around it. On a live stream the two
// are the same moment.
func (c *Clusterer) timeOf(a *news.Article) time.Time {
	at := TimeOf(a)
	if a.Published.Precision < news.PrecisionDay && !c.now.IsZero() && at.After(c.now) {
		return c.now
	}
	return at
}

// Resolve follows merges: the live story id that id now is, or id itself.
func (c *Clusterer) Resolve(id string) string {
	for range 64 { // merge chains are short; the bound guards a cycle
		next, ok := c.aliases[id]
		if !ok {
			return id
		}
		id = next
	}
	return id
}

// StoryOf returns the live story of a recent article, "" when unknown.
func (c *Clusterer) StoryOf(articleID string) string {
	if s := c.byArticle[articleID]; s != nil {
		return s.id
	}
	return ""
}

// Add assigns an article to a story and returns where it went. An article
// already assigned (a revision) stays in its story.
func (c *Clusterer) Add(a *news.Article, hint Hint) Assignment {
	at := c.timeOf(a)
	if s := c.byArticle[a.ID]; s != nil {
		return Assignment{Article: a.ID, Story: s.id, Similarity: 1, At: at}
	}
	c.tick(at)
	c.features(a)
	v := c.vectorize()
	c.observe()

	var best *story
	bestSim := 0.0
	c.artEntNorm = c.entityNorm(v)
	cands := c.candidates(v, at)
	if hint.SameAs != "" {
		if s := c.byArticle[hint.SameAs]; s != nil {
			best, bestSim = s, 1
		}
	}
	if best == nil {
		for _, s := range cands {
			sim := s.acc / s.norm
			if !c.accepts(s, sim, c.entitySim(s)) || !c.fits(s) {
				continue
			}
			if sim > bestSim || sim == bestSim && best != nil && s.serial < best.serial {
				best, bestSim = s, sim
			}
		}
	}
	as := Assignment{Article: a.ID, At: at}
	if best == nil {
		best = c.found(a.ID, at)
		as.New = true
		bestSim = 0
	}
	c.join(best, a.ID, v, at)
	as.Similarity = bestSim
	best, as.Merged = c.mergeNear(best)
	as.Story = best.id
	return as
}

// Seed adds an article to the story the store recorded for it, without
// deciding anything: the way a Clusterer is rebuilt after a restart from
// the recent articles and their assignments, in their original order.
func (c *Clusterer) Seed(a *news.Article, storyID string) {
	if c.byArticle[a.ID] != nil {
		return
	}
	at := c.timeOf(a)
	c.tick(at)
	c.features(a)
	v := c.vectorize()
	c.observe()
	storyID = c.Resolve(storyID)
	s := c.stories[storyID]
	if s == nil {
		c.serial++
		s = &story{id: storyID, serial: c.serial, first: at, last: at, centroid: map[termID]*float64{}}
		c.stories[storyID] = s
	}
	c.join(s, a.ID, v, at)
}

// Alias records that old was merged into survivor, for a rebuilt
// Clusterer to resolve ids the store already merged.
func (c *Clusterer) Alias(old, survivor string) {
	if old != survivor {
		c.aliases[old] = survivor
	}
}

// tick advances stream time and evicts now and then.
func (c *Clusterer) tick(at time.Time) {
	if at.After(c.now) {
		c.now = at
	}
	c.adds++
	if c.adds%sweepEvery == 0 || len(c.stories) > c.cfg.MaxStories {
		c.sweep()
	}
}

// candidates accumulates, for every live story within the window sharing
// a term with v, the dot product of v with its centroid (in s.acc), and
// returns those stories in a deterministic order.
func (c *Clusterer) candidates(v vector, at time.Time) []*story {
	c.epoch++
	c.cands = c.cands[:0]
	for _, x := range v {
		if int(x.term) >= len(c.postings) {
			continue
		}
		post := c.postings[x.term]
		if len(post) > maxPosting {
			continue
		}
		entity := c.vocab.kind[x.term] == kindEntity
		for _, p := range post {
			s, w := p.s, *p.w
			if s.dead || w == 0 {
				continue
			}
			if s.accEpoch != c.epoch {
				if !c.inWindow(s, at) {
					continue
				}
				s.accEpoch, s.acc, s.accEnt = c.epoch, 0, 0
				c.cands = append(c.cands, s)
			}
			s.acc += x.w * w
			if entity {
				s.accEnt += x.w * w
			}
		}
	}
	slices.SortFunc(c.cands, func(a, b *story) int { return a.serial - b.serial })
	return c.cands
}

// accepts reports whether an article with centroid cosine sim, and
// cosine ent over entity terms alone (-1 when either side has none), may
// join s: sim must reach the threshold, and the article must share enough
// of the story's people, places and organisations. The second test is
// what keeps two earthquakes, or two celebrities' rehab stays, apart:
// their words are alike, their names are not.
func (c *Clusterer) accepts(s *story, sim, ent float64) bool {
	if sim < c.cfg.Threshold {
		return false
	}
	return ent < 0 || ent >= c.cfg.EntityThreshold
}

// entitySim is the cosine between the current article's entity terms and
// the story's, from the accumulated dot product; -1 when either has none.
func (c *Clusterer) entitySim(s *story) float64 {
	if c.artEntNorm == 0 || s.entNorm == 0 {
		return -1
	}
	return s.accEnt / (c.artEntNorm * s.entNorm)
}

// inWindow reports whether at lies within the window of the story's span.
func (c *Clusterer) inWindow(s *story, at time.Time) bool {
	return at.Sub(s.last) <= c.cfg.Window && s.first.Sub(at) <= c.cfg.Window
}

// found starts a story for its founding article.
func (c *Clusterer) found(articleID string, at time.Time) *story {
	id := StoryID(articleID)
	for n := 2; c.stories[id] != nil || c.aliases[id] != ""; n++ {
		// Never reuse a live id, even on a hash collision.
		id = StoryID(articleID + "\x00" + strconv.Itoa(n))
	}
	c.serial++
	s := &story{id: id, serial: c.serial, first: at, last: at, centroid: map[termID]*float64{}}
	c.stories[id] = s
	return s
}

// join adds the article's vector to the story's centroid and index.
func (c *Clusterer) join(s *story, articleID string, v vector, at time.Time) {
	s.articles = append(s.articles, articleID)
	c.byArticle[articleID] = s
	if at.Before(s.first) {
		s.first = at
	}
	if at.After(s.last) {
		s.last = at
	}
	for _, x := range v {
		c.addTerm(s, x.term, x.w)
	}
	c.refresh(s)
}

// posting is one story in a term's posting list, with the story's weight
// slot for the term; a zero weight marks a pruned term.
type posting struct {
	s *story
	w *float64
}

// addTerm adds w to the story's weight for term, indexing a new term.
func (c *Clusterer) addTerm(s *story, term termID, w float64) {
	slot := s.centroid[term]
	if slot == nil {
		slot = new(float64)
		s.centroid[term] = slot
		if int(term) >= len(c.postings) {
			c.postings = append(c.postings, make([][]posting, int(term)+1-len(c.postings))...)
		}
		c.postings[term] = append(c.postings[term], posting{s, slot})
	}
	old := *slot
	*slot += w
	d := *slot**slot - old*old
	s.n2 += d
	if c.vocab.kind[term] == kindEntity {
		s.e2 += d
	}
}

// refresh prunes the centroid to its strongest terms, recomputes its norm
// and indexes new terms.
func (c *Clusterer) refresh(s *story) {
	if len(s.centroid) > 2*maxStoryTerms {
		terms := make([]weighted, 0, len(s.centroid))
		for t, w := range s.centroid {
			terms = append(terms, weighted{t, *w})
		}
		slices.SortFunc(terms, byWeight)
		for _, x := range terms[maxStoryTerms:] {
			*s.centroid[x.term] = 0
			delete(s.centroid, x.term)
		}
		s.n2, s.e2 = 0, 0
		for _, x := range terms[:maxStoryTerms] {
			s.n2 += x.w * x.w
			if c.vocab.kind[x.term] == kindEntity {
				s.e2 += x.w * x.w
			}
		}
	}
	// The squared norms are kept up as terms are added; max guards the
	// rounding of a long run of updates.
	s.norm, s.entNorm = math.Sqrt(max(s.n2, 0)), math.Sqrt(max(s.e2, 0))
}

// mergeNear merges into s every live story that is the same story: found
// through the postings of s's strongest terms, it must reach the merge
// threshold, agree on entities and fit s (mergeFits). The older story's id
// survives. It returns the survivor and the absorbed ids.
func (c *Clusterer) mergeNear(s *story) (*story, []string) {
	// The strongest terms, by insertion into a short sorted list: cheaper
	// than sorting the whole centroid on every addition.
	var buf [mergeProbeTerms]weighted
	probe := buf[:0]
	for t, w := range s.centroid {
		x := weighted{t, *w}
		if len(probe) == mergeProbeTerms && byWeight(x, probe[len(probe)-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(probe, x, byWeight)
		if len(probe) < mergeProbeTerms {
			probe = append(probe, weighted{})
		}
		copy(probe[i+1:], probe[i:len(probe)-1])
		probe[i] = x
	}
	c.epoch++
	c.cands = c.cands[:0]
	for _, x := range probe {
		if int(x.term) >= len(c.postings) || len(c.postings[x.term]) > maxPosting {
			continue
		}
		for _, p := range c.postings[x.term] {
			o := p.s
			if o == s || o.dead || *p.w == 0 || o.accEpoch == c.epoch {
				continue
			}
			if !c.inWindow(o, s.last) && !c.inWindow(o, s.first) {
				continue
			}
			o.accEpoch = c.epoch
			c.cands = append(c.cands, o)
		}
	}
	slices.SortFunc(c.cands, func(a, b *story) int { return a.serial - b.serial })
	var merged []string
	for _, o := range c.cands {
		if o.dead || o == s {
			continue
		}
		all, ent := c.cosine(s, o)
		if all < c.cfg.MergeThreshold || ent >= 0 && ent < c.cfg.EntityThreshold || !c.mergeFits(s, o, all) {
			continue
		}
		keep, gone := s, o
		if o.serial < s.serial {
			keep, gone = o, s
		}
		c.absorb(keep, gone)
		merged = append(merged, gone.id)
		s = keep
	}
	return s, merged
}

// innerDot is the mean dot product between two of the story's articles,
// from its centroid's squared norm; +Inf for a story of one article, which
// sets no bar. Pruning the centroid only lowers it.
func innerDot(s *story) float64 {
	n := float64(len(s.articles))
	if n < 2 {
		return math.Inf(1)
	}
	return (s.n2 - n) / (n * (n - 1))
}

// fits reports whether the current article (its dot product with the
// centroid accumulated in s.acc) is as close to the story's articles, on
// average, as Config.Cohesion times they are to each other.
func (c *Clusterer) fits(s *story) bool {
	in := innerDot(s)
	return math.IsInf(in, 1) || s.acc/float64(len(s.articles)) >= c.cfg.Cohesion*in
}

// mergeFits is fits between two stories with centroid cosine cos: the mean
// dot product across them against the tighter one's inner mean.
func (c *Clusterer) mergeFits(a, b *story, cos float64) bool {
	in := min(innerDot(a), innerDot(b))
	if math.IsInf(in, 1) {
		return true
	}
	cross := cos * a.norm * b.norm / float64(len(a.articles)*len(b.articles))
	return cross >= c.cfg.MergeCohesion*in
}

// cosine returns the cosine between two centroids, and the cosine over
// their entity terms alone (-1 when either has none).
func (c *Clusterer) cosine(a, b *story) (all, ent float64) {
	if len(b.centroid) < len(a.centroid) {
		a, b = b, a
	}
	var dot, dotEnt float64
	for t, w := range a.centroid {
		if o := b.centroid[t]; o != nil {
			dot += *w * *o
			if c.vocab.kind[t] == kindEntity {
				dotEnt += *w * *o
			}
		}
	}
	if a.norm > 0 && b.norm > 0 {
		all = dot / (a.norm * b.norm)
	}
	ent = -1
	if a.entNorm > 0 && b.entNorm > 0 {
		ent = dotEnt / (a.entNorm * b.entNorm)
	}
	return all, ent
}

// absorb moves gone's articles and centroid into keep.
func (c *Clusterer) absorb(keep, gone *story) {
	for _, id := range gone.articles {
		c.byArticle[id] = keep
	}
	keep.articles = append(keep.articles, gone.articles...)
	terms := make([]termID, 0, len(gone.centroid))
	for t := range gone.centroid {
		terms = append(terms, t)
	}
	slices.Sort(terms) // a fixed order keeps the sums deterministic
	for _, t := range terms {
		w := gone.centroid[t]
		c.addTerm(keep, t, *w)
		*w = 0
	}
	if gone.first.Before(keep.first) {
		keep.first = gone.first
	}
	if gone.last.After(keep.last) {
		keep.last = gone.last
	}
	c.refresh(keep)
	gone.dead = true
	delete(c.stories, gone.id)
	c.aliases[gone.id] = keep.id
}

// sweep evicts stories out of the window (and the oldest beyond
// MaxStories) and compacts the postings.
func (c *Clusterer) sweep() {
	var live []*story
	for _, s := range c.stories {
		if c.now.Sub(s.last) > c.cfg.Window {
			c.evict(s)
			continue
		}
		live = append(live, s)
	}
	// Beyond MaxStories, evict the least recently active down to 90% of
	// it, so that a full clusterer does not sweep on every article.
	if over := len(live) - c.cfg.MaxStories*9/10; len(live) > c.cfg.MaxStories && over > 0 {
		slices.SortFunc(live, func(a, b *story) int {
			if d := a.last.Compare(b.last); d != 0 {
				return d
			}
			return a.serial - b.serial
		})
		for _, s := range live[:over] {
			c.evict(s)
		}
	}
	for t, post := range c.postings {
		kept := post[:0]
		for _, p := range post {
			if !p.s.dead && *p.w != 0 {
				kept = append(kept, p)
			}
		}
		clear(post[len(kept):])
		if len(kept) == 0 {
			kept = nil
		}
		c.postings[t] = kept
	}
	for old, to := range c.aliases {
		if c.stories[c.Resolve(to)] == nil {
			delete(c.aliases, old)
		}
	}
}

func (c *Clusterer) evict(s *story) {
	s.dead = true
	delete(c.stories, s.id)
	for _, id := range s.articles {
		if c.byArticle[id] == s {
			delete(c.byArticle, id)
		}
	}
}

// entityNorm is the norm of v's entity terms.
func (c *Clusterer) entityNorm(v vector) float64 {
	var n float64
	for _, x := range v {
		if c.vocab.kind[x.term] == kindEntity {
			n += x.w * x.w
		}
	}
	return math.Sqrt(n)
}
