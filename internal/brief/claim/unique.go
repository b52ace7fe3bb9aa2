package claim

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// unique lists the statements only one article makes: no claim carries
// them and no other article says anything like them. A statement that a
// copy shares with its original is not unique to either (it is then a
// claim of the two), so a rewrite does not hide its original's details.
func (st *story) unique(claims []*group) []news.UniqueDetail {
	if st.nGroups < 2 {
		// One source has nothing to be compared with.
		return nil
	}
	carried := make([]bool, len(st.units))
	for _, g := range claims {
		for _, j := range g.units {
			if j >= 0 {
				carried[j] = true
			}
		}
	}
	// An article's further denials of a claim it already reports denied
	// ("'It absolutely does not correspond to reality,' he added.") go
	// with that denial, not among its own details.
	denying := make([]bool, len(st.arts))
	for _, g := range claims {
		if g.denies < 0 {
			continue
		}
		for ai, j := range g.units {
			denying[ai] = denying[ai] || j >= 0
		}
	}
	spec := st.newSpecifics()
	type cand struct {
		d     news.UniqueDetail
		art   int
		score int
	}
	var cands []cand
	for i := range st.units {
		u := &st.units[i]
		if u.headline || len(u.keys) < minContentKeys || u.denial && u.anaphoric && denying[u.art] {
			continue
		}
		if (carried[i] || st.saidElsewhere(i, claims)) && !st.ownNumber(i) {
			// A shared statement may still hold a figure no other article
			// gives ("…, about 40% of the harbour").
			continue
		}
		score := spec.score(u)
		if score == 0 || furniture(u.sentence) || st.copiesDetail(u) {
			continue
		}
		cands = append(cands, cand{news.UniqueDetail{
			Article:       st.arts[u.art].ID,
			Text:          u.sentence,
			Unconfirmable: st.internal(u),
		}, u.art, score})
	}
	// Article order, the most specific details of each first.
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].art != cands[j].art {
			return cands[i].art < cands[j].art
		}
		return cands[i].score > cands[j].score
	})
	out := make([]news.UniqueDetail, 0, len(cands))
	for _, c := range cands {
		out = append(out, c.d)
	}
	return out
}

// ownNumber reports whether unit i states a number that no statement of
// another independent source states.
func (st *story) ownNumber(i int) bool {
	u := &st.units[i]
	if len(u.nums) == 0 {
		return false
	}
	for _, k := range u.nums {
		alone := true
		for j := range st.units {
			v := &st.units[j]
			if v.group == u.group || v.headline {
				continue
			}
			if _, n := st.shared([]int32{k}, v.nums); n > 0 {
				alone = false
				break
			}
		}
		if alone {
			return true
		}
	}
	return false
}

// saidElsewhere reports whether another article says something like unit
// i, or a claim covers it.
func (st *story) saidElsewhere(i int, claims []*group) bool {
	u := &st.units[i]
	// Only statements sharing minShared words besides the topic with u
	// score above zero (sim, cover).
	ci := st.index()
	defer ci.reset()
	for _, j := range ci.countShared(st, u.keys) {
		if v := &st.units[j]; ci.count[j] >= minShared && v.art != u.art && st.sim(u, v) >= uniqueThreshold {
			return true
		}
	}
	for _, g := range claims {
		if g.denies < 0 && ci.count[g.center] >= minShared && st.cover(&st.units[g.center], u) >= matchThreshold {
			return true
		}
	}
	return false
}

// internalCues introduce an outlet's own access: "told <Outlet>",
// "<Outlet> has learned", "seen by <Outlet>".
var internalCues = []string{"told", "seen by", "obtained by", "reviewed by", "interview with", "approached by",
	"comments to", "spoke to", "speaking to", "shared with", "provided to", "according to documents seen by"}

// internalAfter are the words after a name that mark the outlet's own
// knowledge: "<Outlet> has learned", "<Outlet> understands".
var internalAfter = []string{"has learned", "has learnt", "learned", "learnt", "understands", "has confirmed", "can reveal", "has seen", "has obtained"}

// internal reports whether a statement rests on an outlet's own access,
// which no one else can confirm: a source talking to it, a document only
// it has seen.
func (st *story) internal(u *unit) bool {
	toks := tokenize(u.sentence)
	low := " " + foldedWords(toks) + " "
	for i := range toks {
		for _, c := range internalCues {
			cue := strings.Fields(c)
			if !tokensAt(toks, i, cue) {
				continue
			}
			k := i + len(cue)
			if k < len(toks) && toks[k].lower == "the" {
				k++
			}
			if k >= len(toks) {
				continue
			}
			if w := toks[k].lower; w == "us" || w == "this" || w == "our" {
				return true
			}
			if !toks[k].upper {
				continue
			}
			e := k
			for e < len(toks) && toks[e].upper {
				e++
			}
			switch cue[0] {
			case "seen", "obtained", "reviewed", "approached", "according":
				return true
			}
			// One may tell a person too ("told G20 leaders"): only an
			// outlet's name, not one going on to a noun, is its access.
			if e < len(toks) && !toks[e].upper && !toks[e].punct && personNoun(toks[e].lower) {
				continue
			}
			if st.isOutlet(strings.ToLower(strings.Join(textsOf(toks[k:e]), " "))) {
				return true
			}
		}
	}
	for _, c := range internalAfter {
		for i, t := range toks {
			if t.upper && i > 0 && strings.HasPrefix(low[strings.Index(low, " "+t.lower+" ")+len(t.lower)+2:], c+" ") {
				return true
			}
		}
	}
	return false
}

// isOutlet reports whether a lower-case name is a news outlet's: one of
// the story's outlets, an outlet or agency the story cites, or a name
// ending in a press word ("Harbour Radio").
func (st *story) isOutlet(name string) bool {
	fields := strings.Fields(name)
	if len(fields) == 0 {
		return false
	}
	if last := fields[len(fields)-1]; pressWords[last] || outletWords[last] {
		return true
	}
	for _, k := range st.ownKeys {
		if k != "" && sameOutlet(name, k) {
			return true
		}
	}
	if st.ix != nil {
		if cs := st.ix.byKey[st.ix.resolve(name)]; cs != nil && (cs.kind == kindOutlet || cs.kind == kindAgency) {
			return true
		}
	}
	return false
}

// copiesDetail reports whether u, a statement of a copy, adds no name or
// figure to what its original says: its rewording of the original's
// quotation ("Half my business…," baker Ada Quill said) is the
// original's detail, not a second one.
func (st *story) copiesDetail(u *unit) bool {
	root := st.roots[u.art]
	if root == u.art {
		return false
	}
	orig := map[string]bool{}
	for _, j := range st.byArt[root] {
		for _, w := range detailWords(st.units[j].sentence) {
			orig[w] = true
		}
	}
	ws := detailWords(u.sentence)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !orig[w] {
			return false
		}
	}
	return true
}
