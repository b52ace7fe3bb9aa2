package claim

import (
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// denialTarget returns the index of the claim the denial unit d denies,
// or -1. A denial that restates what it denies ("denied reports that
// <…>") is linked to the claim it covers best. One that only points at
// it ("denied these claims", "'That's false,' he said") is linked to the
// most central claim the article stated before it, or to the story's
// most central claim if it stated none.
func (st *story) denialTarget(d int, claims []*group) int {
	u := &st.units[d]
	if !u.anaphoric && len(u.keys) >= minContentKeys {
		// Of the claims it restates, the most central: denials answer the
		// story's main claim more often than its details.
		best := -1
		for ci, g := range claims {
			if g.denies >= 0 || st.closeness(g, d) < matchThreshold {
				continue
			}
			if best < 0 || g.support > claims[best].support ||
				g.support == claims[best].support && len(g.members) > len(claims[best].members) {
				best = ci
			}
		}
		return best
	}
	if !u.anaphoric {
		return -1
	}
	// A bare verdict in the article's own voice ("Sadly, that's not the
	// case") points at nothing certain; one somebody utters, or a denial
	// verb, answers the story's claim.
	if !u.denyVerb && !u.attributed && u.source == "" {
		return -1
	}
	// A verdict without a denial verb must be about a report ("…,
	// referring to the report"), or go on from a denial just before it
	// ("'It does not correspond to reality,' he added."); "saying it
	// wasn't accurate" may be about anything.
	if !u.denyVerb && !u.reportRef && !(d > 0 && st.units[d-1].art == u.art && st.units[d-1].denial && !st.units[d-1].headline) {
		return -1
	}
	// "The union rejected the claim" answers the statement just before
	// it: the claim that statement carries, or, when it carries none the
	// story shares, that statement as a claim of its own. A bare verdict
	// ("'That's false,' he told reporters") may answer the story's claim
	// rather than the sentence before it, and is left to the rule below.
	if a := st.antecedent(d); u.denyVerb && a >= 0 {
		for ci, g := range claims {
			if g.denies < 0 && st.closeness(g, a) >= matchThreshold {
				return ci
			}
		}
		return newClaimOf - a
	}
	// The claims this article carried up to the denial.
	best := -1
	for ci, g := range claims {
		if g.denies >= 0 {
			continue
		}
		j := g.units[u.art]
		if j < 0 || j > d {
			continue
		}
		if best < 0 || g.support > claims[best].support {
			best = ci
		}
	}
	if best >= 0 {
		return best
	}
	for ci, g := range claims {
		if g.denies < 0 && (best < 0 || g.support > claims[best].support) {
			best = ci
		}
	}
	return best
}

// newClaimOf - a is what denialTarget returns when the denial answers
// statement a, which carries no claim yet.
const newClaimOf = -2

// antecedentReach is how many sentences back an anaphoric denial's
// antecedent is sought.
const antecedentReach = 2

// antecedent returns the statement an anaphoric denial d points back to:
// the nearest earlier sentence of its article, within antecedentReach,
// that could stand for a claim; -1 when there is none.
func (st *story) antecedent(d int) int {
	u := &st.units[d]
	for k := d - 1; k >= 0 && k >= d-antecedentReach; k-- {
		a := &st.units[k]
		if a.art != u.art || a.headline {
			return -1
		}
		if st.candidate(a) {
			return k
		}
	}
	return -1
}

// claimOf makes statement a a claim, carried by whichever articles
// state it.
func (st *story) claimOf(a int) *group {
	g := &group{center: a, denies: -1, members: []int{a}, units: make([]int, len(st.arts))}
	for i := range g.units {
		g.units[i] = -1
	}
	st.carry(g)
	g.units[st.units[a].art] = a
	return g
}

// addDenials makes one denial claim for every claim some article denies
// or reports denied, and returns the claims with the denials appended.
// A denial answering a statement no claim holds makes that statement a
// claim first: what is denied belongs in the matrix even when only one
// outlet states it.
func (st *story) addDenials(claims []*group) []*group {
	byTarget := map[int]*group{}
	var order []int
	for ai, idx := range st.byArt {
		for _, j := range idx {
			u := &st.units[j]
			if !u.denial || u.headline {
				continue
			}
			t := st.denialTarget(j, claims)
			if t <= newClaimOf {
				claims = append(claims, st.claimOf(newClaimOf-t))
				t = len(claims) - 1
			}
			if t < 0 {
				continue
			}
			g, ok := byTarget[t]
			if !ok {
				g = &group{center: j, denies: t, units: make([]int, len(st.arts))}
				for i := range g.units {
					g.units[i] = -1
				}
				byTarget[t] = g
				order = append(order, t)
			}
			// The article's first denial of the claim is its evidence.
			if g.units[ai] < 0 {
				g.units[ai] = j
			}
		}
	}
	for _, t := range order {
		g := byTarget[t]
		g.center = st.denialCenter(g)
		claims = append(claims, g)
	}
	return claims
}

// denialCenter picks the wording of a denial: the shortest sentence that
// names who denies with a denial verb, else the shortest denial.
func (st *story) denialCenter(g *group) int {
	best, bestLen, bestVerb := -1, 0, false
	for _, j := range g.units {
		if j < 0 {
			continue
		}
		u := &st.units[j]
		verb := false
		for _, t := range tokenize(u.sentence) {
			if denialVerbs[t.lower] || weakDenialVerbs[t.lower] {
				verb = true
				break
			}
		}
		n := len(u.sentence)
		if best < 0 || verb && !bestVerb || verb == bestVerb && n < bestLen {
			best, bestLen, bestVerb = j, n, verb
		}
	}
	return best
}

// omittedDenials lists the articles that carry a denied claim but not its
// denial, although the denial was public when they were published.
//
// The rule: a denial is public for an article when some article carrying
// the denial was published no later than it (compared at the coarser
// precision of the two times, so a denial dated only by its day counts as
// public all that day). An article whose time is unknown is judged
// against the story as a whole: the denial counts as public for it when
// any article carries it, since nothing shows it was published first.
// A denial carried only by articles of unknown time is never counted as
// public for an article of known time.
func (st *story) omittedDenials(claims []*group) []news.OmittedDenial {
	var out []news.OmittedDenial
	for _, d := range claims {
		if d.denies < 0 {
			continue
		}
		target := claims[d.denies]
		for ai, a := range st.arts {
			if d.units[ai] >= 0 {
				continue
			}
			s := target.stances[ai]
			if s == news.Omits || s == "" {
				continue
			}
			if st.denialPublic(d, a.Published) {
				out = append(out, news.OmittedDenial{Article: a.ID, Claim: d.id})
			}
		}
	}
	return out
}

// denialPublic applies the rule of omittedDenials to one article time.
func (st *story) denialPublic(d *group, at news.Time) bool {
	for bi, j := range d.units {
		if j < 0 {
			continue
		}
		if at.IsZero() {
			return true
		}
		bt := st.arts[bi].Published
		if !bt.IsZero() && noLater(bt, at) {
			return true
		}
	}
	return false
}

// noLater reports whether a is no later than b at the coarser precision
// of the two.
func noLater(a, b news.Time) bool {
	p := min(a.Precision, b.Precision)
	ta, tb := a.T, b.T
	if !a.Zoned || !b.Zoned {
		// An unzoned time is read as written; compare the wall clocks.
		ta = wall(ta)
		tb = wall(tb)
	}
	switch p {
	case news.PrecisionYear:
		return ta.Year() <= tb.Year()
	case news.PrecisionMonth:
		return ta.Year()*12+int(ta.Month()) <= tb.Year()*12+int(tb.Month())
	case news.PrecisionDay:
		ya, ma, da := ta.Date()
		yb, mb, db := tb.Date()
		return ya*10000+int(ma)*100+da <= yb*10000+int(mb)*100+db
	}
	return !ta.After(tb)
}

// wall returns t's wall clock read as UTC.
func wall(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}
