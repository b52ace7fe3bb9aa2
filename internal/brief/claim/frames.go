package claim

import (
	"github.com/parallax-news/parallax/internal/news"
)

// Frame names.
const (
	frameClaim       = "claim"
	frameDenial      = "denial"
	frameReaction    = "reaction"
	frameAttribution = "attribution"
	frameOther       = "other"
)

// headlineThreshold is the share of a headline's content (by weight) a
// claim's statements must hold for the headline to state that claim.
const headlineThreshold = 0.45

// frames reads what every headline leads with: a denial, the central
// claim (or one resting on the same source), a reaction (another claim,
// from someone else), its attribution only, or something else; and
// whether the article's body carries what the headline says.
func (st *story) frames(claims []*group) []news.Frame {
	ci := central(claims)
	out := make([]news.Frame, 0, len(st.arts))
	for ai, a := range st.arts {
		f := news.Frame{Article: a.ID, Frame: frameOther}
		h := st.headline(ai)
		if h == nil {
			out = append(out, f)
			continue
		}
		if h.denial {
			f.Frame = frameDenial
			target := ci
			if !h.anaphoric {
				if b, _ := st.headlineClaim(h, claims); b >= 0 {
					target = b
				}
			}
			for _, d := range claims {
				if target >= 0 && d.denies == target {
					f.Claim = d.id
					f.Supported = d.units[ai] >= 0
				}
			}
			out = append(out, f)
			continue
		}
		b, _ := st.headlineClaim(h, claims)
		switch {
		case b >= 0:
			f.Frame = frameClaim
			if b != ci && ci >= 0 && st.reaction(claims[b], claims[ci]) {
				f.Frame = frameReaction
			}
			f.Claim = claims[b].id
			f.Supported = claims[b].stances[ai] != news.Omits
		case h.attributed || h.source != "":
			f.Frame = frameAttribution
		}
		if f.Claim == "" {
			// No claim of the story to hold it against: the article's own
			// body supports the headline when one of its sentences carries
			// what the headline says.
			f.Supported = st.bodyCarries(ai, h)
		}
		out = append(out, f)
	}
	return out
}

// headline returns the headline unit of article ai, nil if it has none.
func (st *story) headline(ai int) *unit {
	if idx := st.byArt[ai]; len(idx) > 0 && st.units[idx[0]].headline {
		return &st.units[idx[0]]
	}
	return nil
}

// headlineClaim returns the claim (not a denial) the headline states:
// of the claims whose statements hold at least headlineThreshold of the
// headline's content, the most supported. It returns -1 if none.
func (st *story) headlineClaim(h *unit, claims []*group) (int, float64) {
	mh := st.mass(h.keys)
	if mh == 0 {
		return -1, 0
	}
	best, bestScore := -1, 0.0
	for ci, g := range claims {
		if g.denies >= 0 {
			continue
		}
		score := 0.0
		for _, j := range g.units {
			if j < 0 {
				continue
			}
			// Headlines are short: one shared word besides the topic words
			// may carry the claim.
			w, n := st.shared(h.keys, st.units[j].keys)
			if n >= 1 {
				score = max(score, w/mh)
			}
		}
		if score < headlineThreshold {
			continue
		}
		if best < 0 || g.support > claims[best].support {
			best, bestScore = ci, score
		}
	}
	return best, bestScore
}

// bodyCarries reports whether a body sentence of article ai holds at
// least headlineThreshold of headline h's content.
func (st *story) bodyCarries(ai int, h *unit) bool {
	mh := st.mass(h.keys)
	if mh == 0 {
		return false
	}
	for _, j := range st.byArt[ai] {
		u := &st.units[j]
		if u.headline {
			continue
		}
		if w, n := st.shared(h.keys, u.keys); n >= 1 && w/mh >= headlineThreshold {
			return true
		}
	}
	return false
}

// reaction reports whether claim g is someone's response to the central
// claim c rather than part of it: it rests on a named person or body, and
// not on the source the central claim rests on.
func (st *story) reaction(g, c *group) bool {
	return g.originKind == kindOfficial && g.origin != c.origin
}
