package claim

import (
	"cmp"
	"slices"
	"sort"

	"github.com/parallax-news/parallax/internal/news"
)

// group is one claim of the story: the statements of several articles
// that say the same thing, or the denials of one claim.
type group struct {
	center int   // the unit whose wording stands for the claim
	denies int   // index of the group this one denies, -1 if none
	units  []int // per article, the unit carrying the claim, -1 when none
	// members are the statements the claim was found from; an article's
	// statement carries the claim when it is close to one of them.
	members []int
	// stances per article.
	stances []news.Stance
	support int // independent sources carrying the claim
	arts    int // articles carrying it
	first   int // earliest position (article, sentence) for stable order
	id      string
	// origin is who the claim rests on, originKind that source's kind.
	origin, originKind string
}

// candidate reports whether unit u may stand for a claim: a body
// statement with enough content that is not a denial.
func (st *story) candidate(u *unit) bool {
	return !u.headline && !u.denial && len(u.keys) >= minContentKeys
}

// neighbours lists, for every unit, the units of other independent
// sources saying the same thing (sim ≥ groupThreshold). Denials take part
// by what they deny, so that an article mentioning a claim only to deny
// it still counts as mentioning it.
func (st *story) neighbours() [][]int {
	// Only pairs sharing minShared keys besides the topic words can reach
	// a threshold (sim), so the index of those keys finds them. They are
	// taken in the order of the first key they share, then by index, as
	// a walk over every shared key would meet them.
	ci := st.index()
	nb := make([][]int, len(st.units))
	type pair struct {
		first int32 // the smallest key the two share
		j     int
	}
	var pairs []pair
	for i := range st.units {
		a := &st.units[i]
		if a.headline || len(a.keys) < minContentKeys {
			continue
		}
		pairs = pairs[:0]
		for _, j32 := range ci.countShared(st, a.keys) {
			j := int(j32)
			if j <= i || ci.count[j] < minShared {
				continue
			}
			b := &st.units[j]
			if b.art == a.art || len(b.keys) < minContentKeys {
				continue
			}
			pairs = append(pairs, pair{firstCommon(a.keys, b.keys), j})
		}
		ci.reset()
		slices.SortFunc(pairs, func(x, y pair) int {
			if x.first != y.first {
				return cmp.Compare(x.first, y.first)
			}
			return cmp.Compare(x.j, y.j)
		})
		for _, p := range pairs {
			j := p.j
			b := &st.units[j]
			need := groupThreshold
			if !a.denial && !b.denial && (st.polarityConflict(a, b) || st.otherSpeakers(a, b)) {
				need = negatedMatch
			}
			if st.sim(a, b) >= need {
				nb[i] = append(nb[i], j)
				nb[j] = append(nb[j], i)
			}
		}
	}
	return nb
}

// firstCommon returns the smallest key in both sorted key lists, -1 if
// none.
func firstCommon(a, b []int32) int32 {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			return a[i]
		}
	}
	return -1
}

// cluster finds the claims: statements made by at least two articles.
// It repeatedly takes the statement that most independent sources repeat
// as the centre of a new claim, gathers the closest statement of every
// other source, and goes on until no statement is shared.
func (st *story) cluster() []*group {
	nb := st.neighbours()
	type cand struct {
		u       int
		support int
		score   float64
	}
	var cands []cand
	for i := range st.units {
		u := &st.units[i]
		if !st.candidate(u) || len(nb[i]) == 0 {
			continue
		}
		groups := map[int]bool{u.group: true}
		score := 0.0
		for _, j := range nb[i] {
			groups[st.units[j].group] = true
			score += st.sim(u, &st.units[j])
		}
		cands = append(cands, cand{i, len(groups), score})
	}
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].support != cands[b].support {
			return cands[a].support > cands[b].support
		}
		return cands[a].score > cands[b].score
	})
	used := make([]bool, len(st.units))
	var out []*group
	ci := st.index()
	for _, c := range cands {
		if used[c.u] {
			continue
		}
		center := &st.units[c.u]
		// A centre that restates a claim already found is not a new
		// claim; if its article has no statement of that claim yet and it
		// is close to one of the claim's statements, it joins the claim.
		// Only statements sharing minShared words besides the topic with
		// the centre can reach groupThreshold (sim).
		ci.countShared(st, center.keys)
		dup := false
		for _, g := range out {
			if ci.count[g.center] >= minShared && st.sim(center, &st.units[g.center]) >= groupThreshold {
				dup = true
				break
			}
		}
		if !dup {
			for _, g := range out {
				if g.units[center.art] >= 0 || st.polarityConflict(center, &st.units[g.center]) {
					continue
				}
				for _, m := range g.members {
					if ci.count[m] >= minShared && st.sim(center, &st.units[m]) >= groupThreshold {
						g.units[center.art] = c.u
						g.members = append(g.members, c.u)
						dup = true
						break
					}
				}
				if dup {
					break
				}
			}
		}
		ci.reset()
		if dup {
			used[c.u] = true
			continue
		}
		g := &group{center: c.u, denies: -1, units: make([]int, len(st.arts))}
		for i := range g.units {
			g.units[i] = -1
		}
		g.units[center.art] = c.u
		best := make([]float64, len(st.arts))
		for _, j := range nb[c.u] {
			if used[j] {
				continue
			}
			u := &st.units[j]
			if s := st.sim(center, u); s > best[u.art] {
				best[u.art], g.units[u.art] = s, j
			}
		}
		n := 0
		for _, j := range g.units {
			if j >= 0 {
				n++
			}
		}
		if n < 2 {
			continue
		}
		for _, j := range g.units {
			if j >= 0 {
				used[j] = true
				g.members = append(g.members, j)
			}
		}
		out = append(out, g)
	}
	return out
}

// closeness scores how well statement u carries claim g: its best
// coverage of one of the claim's statements.
func (st *story) closeness(g *group, u int) float64 {
	best := 0.0
	for _, m := range g.members {
		if m == u {
			return 1
		}
		best = max(best, st.cover(&st.units[m], &st.units[u]))
	}
	return best
}

// carry finds, for every article, the statement that best carries claim
// g and sets g.units.
//
// Only statements sharing at least minShared words besides the topic
// with one of the claim's statements can score above zero (cover), so
// they are found through an index of those words and the rest are
// skipped: a score below matchThreshold never carries the claim.
func (st *story) carry(g *group) {
	score := st.closenessAll(g)
	for ai, idx := range st.byArt {
		best, bestScore := -1, 0.0
		bestPlain, plainScore := -1, 0.0
		for _, j := range idx {
			s := score[j]
			if s < matchThreshold {
				continue
			}
			u := &st.units[j]
			if u.headline || len(u.keys) == 0 {
				continue
			}
			if !u.denial && s < negatedMatch && (st.polarityConflict(u, &st.units[g.center]) || st.otherSpeakers(u, &st.units[g.center])) {
				// One says it is so, the other that it is not: unless they
				// are worded alike, they are not one claim.
				continue
			}
			if s > bestScore {
				best, bestScore = j, s
			}
			if !u.denial && s > plainScore {
				bestPlain, plainScore = j, s
			}
		}
		// A statement that reports the claim wins over one that denies it:
		// the article then carries the claim and (separately) its denial.
		if bestPlain >= 0 {
			best = bestPlain
		}
		g.units[ai] = best
	}
}

// closenessAll returns closeness(g, j) for every unit j that is no
// headline and has keys (0 for the others). The slice is reused by the
// next call.
func (st *story) closenessAll(g *group) []float64 {
	ci := st.index()
	clear(ci.score)
	for _, m := range g.members {
		mu := &st.units[m]
		for _, j := range ci.countShared(st, mu.keys) {
			if ci.count[j] >= minShared {
				ci.score[j] = max(ci.score[j], st.cover(mu, &st.units[j]))
			}
		}
		ci.reset()
	}
	for _, m := range g.members {
		if u := &st.units[m]; !u.headline && len(u.keys) > 0 {
			ci.score[m] = 1
		}
	}
	return ci.score
}

// index returns the story's closeIndex, building it on first use.
func (st *story) index() *closeIndex {
	if st.close != nil {
		return st.close
	}
	n := len(st.units)
	ci := &closeIndex{
		post:  make([][]int32, len(st.vocab)),
		score: make([]float64, n),
		count: make([]int32, n),
	}
	for i := range st.units {
		u := &st.units[i]
		if u.headline || len(u.keys) == 0 {
			continue
		}
		for _, k := range u.keys {
			if !st.topic[k] {
				ci.post[k] = append(ci.post[k], int32(i))
			}
		}
	}
	st.close = ci
	return ci
}

// countShared sets count[j], for every body unit j with keys, to the
// number of keys besides the topic words it shares with keys (what
// shared counts), and returns the units sharing at least one. Call reset
// before counting again.
func (ci *closeIndex) countShared(st *story, keys []int32) []int32 {
	for _, k := range keys {
		if st.topic[k] {
			continue
		}
		for _, j := range ci.post[k] {
			ci.count[j]++
			if ci.count[j] == 1 {
				ci.touched = append(ci.touched, j)
			}
		}
	}
	return ci.touched
}

// reset clears the counts of the last countShared.
func (ci *closeIndex) reset() {
	for _, j := range ci.touched {
		ci.count[j] = 0
	}
	ci.touched = ci.touched[:0]
}

// closeIndex holds what closenessAll reuses across claims: the units of
// each word that is no topic word, and scratch space.
type closeIndex struct {
	post    [][]int32
	score   []float64
	count   []int32
	touched []int32
}

// stanceOf is what statement u does with the claim it carries.
func stanceOf(u *unit) news.Stance {
	switch {
	case u.denial && (u.denyVerb || u.attributed || u.source != ""):
		return news.ReportsDenial
	case u.denial:
		return news.Denies
	case u.attributed || u.source != "":
		return news.Attributes
	case u.hedged:
		return news.Hedges
	}
	return news.Asserts
}

// speaker is the named person or body statement u quotes or reports
// ("Dana Vell", "City Hall"), "" when it has none or rests on an outlet
// or unnamed sources.
func (st *story) speaker(u *unit) string {
	if st.ix == nil {
		return ""
	}
	for _, k := range u.srcKeys {
		k = st.ix.resolve(k)
		if cs := st.ix.byKey[k]; cs != nil && (cs.kind == kindOfficial || cs.kind == kindPerson) {
			return k
		}
	}
	return ""
}

// otherSpeakers reports whether a and b are said by two different named
// speakers: "X said A" and "Y said A" are two claims unless worded
// alike.
func (st *story) otherSpeakers(a, b *unit) bool {
	sa, sb := st.speaker(a), st.speaker(b)
	return sa != "" && sb != "" && !sameOutlet(sa, sb)
}
