package claim

import (
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
	var out []news.UniqueDetail
	for i := range st.units {
		u := &st.units[i]
		if u.headline || len(u.keys) < minContentKeys {
			continue
		}
		if carried[i] || st.saidElsewhere(i, claims) {
			// A shared statement may still hold a figure no other article
			// gives ("…, about 18% of the territory").
			if st.ownNumber(i) {
				out = append(out, news.UniqueDetail{Article: st.arts[u.art].ID, Text: u.sentence, Unconfirmable: st.internal(u)})
			}
			continue
		}
		out = append(out, news.UniqueDetail{
			Article:       st.arts[u.art].ID,
			Text:          u.sentence,
			Unconfirmable: st.internal(u),
		})
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
	for ai, idx := range st.byArt {
		if ai == u.art {
			continue
		}
		for _, j := range idx {
			if v := &st.units[j]; !v.headline && st.sim(u, v) >= uniqueThreshold {
				return true
			}
		}
	}
	for _, g := range claims {
		if g.denies < 0 && st.cover(&st.units[g.center], u) >= matchThreshold {
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
	for _, c := range internalCues {
		for k := 0; ; {
			i := strings.Index(low[k:], " "+c+" ")
			if i < 0 {
				break
			}
			k += i + len(c) + 1
			// The word after the cue: a name or the outlet itself.
			rest := strings.Fields(low[k:])
			if len(rest) == 0 {
				break
			}
			w := rest[0]
			if w == "us" || w == "this" || w == "our" {
				return true
			}
			for _, t := range toks {
				if t.lower == w && t.upper && !isStart(toks, t) {
					return true
				}
				if (w == "the" && len(rest) > 1) && t.lower == rest[1] && t.upper {
					return true
				}
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

// isStart reports whether t is the first token.
func isStart(toks []token, t token) bool {
	return len(toks) > 0 && toks[0].start == t.start
}
