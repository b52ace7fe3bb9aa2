package claim

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// Options tune the analysis.
type Options struct {
	// CopyOf maps the id of an article that copies or rewrites another to
	// the id of its original (the copies stage); a copy's statements count
	// as its original's, so a rewrite never makes a claim look confirmed.
	CopyOf map[string]string
}

// Result is the claim analysis of one story, in the form of the brief.
type Result struct {
	// Claims are the statements at least two articles make, and the
	// denials, ordered by how many independent sources carry them (C1
	// first); each has a stance for every article.
	Claims []news.Claim
	// CitedSources are the outlets, officials and unnamed sources the
	// articles cite, most widely cited first.
	CitedSources []news.CitedSource
	// Unique are the statements only one article makes (or a figure only
	// it gives), in article order.
	Unique []news.UniqueDetail
	// Frames has one entry per article, in the order of the articles.
	Frames []news.Frame
	// OmittedDenials lists articles carrying a denied claim without its
	// denial after the denial was public.
	OmittedDenials []news.OmittedDenial
	// Origins sums up what the central claim (the first that is not a
	// denial) rests on.
	Origins news.OriginsStatement
}

// Analyze compares how the articles of one story state its claims. It
// returns nothing for no articles; it never fails.
func Analyze(arts []*news.Article, opts Options) Result {
	if len(arts) == 0 {
		return Result{}
	}
	st := newStory(arts, opts.CopyOf)
	ix := st.sources()
	claims := st.cluster()
	for _, g := range claims {
		st.carry(g)
	}
	claims = st.addDenials(claims)
	claims = st.finish(claims)

	for _, g := range claims {
		g.origin, g.originKind = st.origin(g, ix)
	}
	var res Result
	for _, g := range claims {
		res.Claims = append(res.Claims, st.claimOut(g, claims))
	}
	res.CitedSources = ix.cited(arts)
	res.OmittedDenials = st.omittedDenials(claims)
	res.Frames = st.frames(claims)
	res.Unique = st.unique(claims)
	res.Origins = st.origins(claims, ix)
	return res
}

// finish sets every claim's stances and support, drops those fewer than
// two articles carry, orders them by support and numbers them C1, C2….
func (st *story) finish(claims []*group) []*group {
	for _, g := range claims {
		g.stances = make([]news.Stance, len(st.arts))
		groups := map[int]bool{}
		g.arts, g.first = 0, len(st.units)
		for ai, j := range g.units {
			if j < 0 {
				g.stances[ai] = news.Omits
				continue
			}
			u := &st.units[j]
			s := stanceOf(u)
			switch {
			case g.denies >= 0 && s == news.Asserts:
				s = news.Denies
			case g.denies < 0 && u.denial && u.viaReport:
				// "X denied reports that <claim>": the article gives the
				// claim as a report's; the denial is the denial claim's.
				s = news.Attributes
			}
			g.stances[ai] = s
			groups[u.group] = true
			g.arts++
			g.first = min(g.first, j)
		}
		g.support = len(groups)
	}
	// A claim one article carries stays when it is denied: the denial
	// needs it, and what is denied matters.
	denied := map[int]bool{}
	for _, g := range claims {
		if g.denies >= 0 {
			denied[g.denies] = true
		}
	}
	kept := claims[:0]
	for i, g := range claims {
		if g.arts >= 2 || (g.denies >= 0 || denied[i]) && g.arts >= 1 {
			kept = append(kept, g)
		}
	}
	// Denial links are indices; keep them through the sort.
	target := map[*group]*group{}
	for _, g := range kept {
		if g.denies >= 0 {
			target[g] = claims[g.denies]
		}
	}
	// A denial whose claim was dropped goes too.
	out := kept[:0:0]
	alive := map[*group]bool{}
	for _, g := range kept {
		alive[g] = true
	}
	for _, g := range kept {
		if t, ok := target[g]; ok && !alive[t] {
			continue
		}
		out = append(out, g)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.support != b.support {
			return a.support > b.support
		}
		if a.arts != b.arts {
			return a.arts > b.arts
		}
		return a.first < b.first
	})
	pos := map[*group]int{}
	for i, g := range out {
		g.id = fmt.Sprintf("C%d", i+1)
		pos[g] = i
	}
	for _, g := range out {
		if t, ok := target[g]; ok {
			g.denies = pos[t]
		}
	}
	return out
}

// claimOut writes one claim in the contract's form.
func (st *story) claimOut(g *group, claims []*group) news.Claim {
	c := news.Claim{ID: g.id, Stances: map[string]news.Stance{}, Evidence: map[string]string{}}
	center := &st.units[g.center]
	if g.denies >= 0 {
		c.Denies = claims[g.denies].id
		c.Text = denialWording(center.sentence)
	} else {
		c.Text = st.claimWording(g)
	}
	for ai, a := range st.arts {
		c.Stances[a.ID] = g.stances[ai]
		if j := g.units[ai]; j >= 0 {
			c.Evidence[a.ID] = st.units[j].sentence
		}
	}
	c.Origin = g.origin
	return c
}

// origin is who a claim rests on: the source its statements name most
// often, outlets first (a report citing unnamed people rests on the
// report).
func (st *story) origin(g *group, ix *sourceIndex) (name, kind string) {
	votes := map[string]int{}
	carrying, voting := 0, 0
	for ai, j := range g.units {
		if j < 0 {
			continue
		}
		u := &st.units[j]
		carrying++
		named := false
		own := st.ownReport(ai, ix)
		for _, k := range u.srcKeys {
			k = ix.resolve(k)
			cs := ix.byKey[k]
			if cs == nil || cs.kind == kindAnonymous {
				continue
			}
			w := 1
			switch {
			case g.denies >= 0 && cs.kind == kindOutlet:
				// A denial rests on who denies, not on the outlet reporting it.
				w = 0
			case k == own:
				// The article's own access ("seen by the Courier" in the
				// Courier) makes it its own source, no more.
			case cs.kind == kindOutlet || cs.kind == kindAgency:
				w = 2
			}
			if w > 0 {
				votes[k] += w
				named = true
			}
		}
		// Attributed to no one named ("they suggested", "was said to"):
		// it rests on the outlet the article cites.
		if !named && g.denies < 0 && (u.attributed || u.hedged) && u.outletCtx != "" {
			votes[ix.resolve(u.outletCtx)]++
			named = true
		}
		if named {
			voting++
		}
	}
	// Most articles state it in their own voice: it rests on no one.
	if 2*voting < carrying {
		return "", ""
	}
	best, bestN := "", 0
	for k, n := range votes {
		if n > bestN || n == bestN && k < best {
			best, bestN = k, n
		}
	}
	if best == "" {
		return "", ""
	}
	return ix.byKey[best].name(), ix.byKey[best].kind
}

// claimText is the wording of a claim: the reported content of its
// centre ("the mayor plans to close…" out of "…, X reported"), or the whole
// sentence when the content cannot stand alone (a pronoun for subject, a
// fragment).
func claimText(u *unit) string {
	c := strings.TrimSpace(u.content)
	for _, lead := range []string{"that ", "That "} {
		c = strings.TrimPrefix(c, lead)
	}
	toks := tokenize(c)
	standalone := len(toks) >= 6 && c != u.sentence
	if standalone {
		switch toks[0].lower {
		case "he", "she", "it", "they", "we", "i", "you", "this", "these", "those", "his", "her", "their", "its",
			"himself", "herself", "itself", "themselves", "him", "them":
			standalone = false
		}
	}
	if !standalone {
		return tidy(u.sentence)
	}
	return tidy(strings.Trim(c, " ,\"“”"))
}

// tidy makes a statement presentable as a claim's text: no list bullet,
// a capital first letter.
func tidy(s string) string {
	s = strings.TrimLeft(strings.TrimSpace(s), "-–—•* ")
	s = strings.TrimSpace(s)
	r, n := utf8.DecodeRuneInString(s)
	if n > 0 && unicode.IsLower(r) {
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

// central returns the index of the story's central claim: the most
// supported claim that is not a denial, -1 if none.
func central(claims []*group) int {
	for i, g := range claims {
		if g.denies < 0 {
			return i
		}
	}
	return -1
}

// origins sums up what the central claim rests on: the reports it comes
// from and the unnamed sources behind them.
//
// An article carrying the claim rests on another outlet's report when it
// names that outlet for it, or gives it as a report without naming one
// ("according to a newspaper report") while citing an outlet elsewhere;
// otherwise — in its own voice, from people it quotes, from its own
// unnamed sources — it is an original report itself. A copy counts as its
// original. The unnamed sources are those the claim's statements cite
// and those cited through the reports it rests on, each counted for the
// people it stands for ("two engineers" are two).
func (st *story) origins(claims []*group, ix *sourceIndex) news.OriginsStatement {
	// Without a shared claim, every independent source is its own report.
	o := news.OriginsStatement{Articles: len(st.arts), OriginalReports: st.nGroups}
	ci := central(claims)
	if ci >= 0 {
		g := claims[ci]
		reports := map[string]bool{}
		anon := map[string]int{}
		unknownReport := false
		for ai, j := range g.units {
			if j < 0 {
				continue
			}
			u := &st.units[j]
			own := st.ownReport(ai, ix)
			rest := ""
			for _, k := range u.srcKeys {
				k = ix.resolve(k)
				cs := ix.byKey[k]
				if cs == nil {
					continue
				}
				switch {
				case cs.kind == kindAnonymous:
					anon[k] = cs.people()
				case (cs.kind == kindOutlet || cs.kind == kindAgency) && k != own && rest == "":
					rest = k
				}
			}
			asReport := u.viaReport || u.reportRef && u.attributed
			if rest == "" && ((u.attributed || u.hedged) && u.source == "" || asReport) {
				// Given as a report, naming none: the outlet the article
				// cites for the story.
				rest = st.citedOutlet(ai, ix)
			}
			if rest == "" && asReport {
				// "dismissed reports suggesting…": some report, not this
				// article's own; it counts only if nothing else does.
				unknownReport = true
				continue
			}
			if rest == "" {
				rest = own
			}
			reports[rest] = true
		}
		for _, k := range ix.order {
			cs := ix.byKey[k]
			if cs != nil && cs.kind == kindAnonymous && cs.via != "" && reports[ix.resolve(cs.via)] {
				anon[k] = cs.people()
			}
		}
		o.OriginalReports = len(reports)
		if o.OriginalReports == 0 && unknownReport {
			o.OriginalReports = 1
		}
		for _, n := range anon {
			o.AnonymousSources += n
		}
	}
	o.Text = fmt.Sprintf("%s, %s, %s", lang.Count(o.Articles, "article"), lang.Count(o.OriginalReports, "original report"),
		lang.Count(o.AnonymousSources, "anonymous source"))
	return o
}

// ownReport is the key standing for article ai as a report: its outlet's
// (its original's for a copy), or its original's position when the
// outlet is unknown.
func (st *story) ownReport(ai int, ix *sourceIndex) string {
	if k := st.ownKeys[ai]; k != "" {
		return ix.resolve(k)
	}
	return fmt.Sprintf("article %d", st.roots[ai])
}

// citedOutlet is the outlet article ai names most often (first named on
// a tie), not counting itself; "" when it names none.
func (st *story) citedOutlet(ai int, ix *sourceIndex) string {
	own := st.ownReport(ai, ix)
	count := map[string]int{}
	best, bestN := "", 0
	for _, j := range st.byArt[ai] {
		for _, k := range st.units[j].srcKeys {
			k = ix.resolve(k)
			cs := ix.byKey[k]
			if cs == nil || k == own || cs.kind != kindOutlet && cs.kind != kindAgency {
				continue
			}
			count[k]++
			if count[k] > bestN {
				best, bestN = k, count[k]
			}
		}
	}
	return best
}
