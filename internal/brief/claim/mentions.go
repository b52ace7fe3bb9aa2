package claim

import (
	"strings"
	"unicode"
)

// sources collects the cited sources of every article, sentence by
// sentence: the sources of its attribution relations (pronouns resolved
// to the last source named before them), the sources its relations cite
// ("citing two people close to…"), the outlets and unnamed sources it
// names outside relations. An unnamed source is cited through the outlet
// named last before it, or else through the article's own outlet (the
// original's for a copy). It sets each unit's srcKeys and outletCtx.
func (st *story) sources() *sourceIndex {
	ix := newSourceIndex()
	known := st.outletNames()
	st.ownKeys = make([]string, len(st.arts))
	for ai := range st.arts {
		if m, ok := parseSource(st.arts[st.roots[ai]].Source); ok && m.kind != kindAnonymous {
			st.ownKeys[ai] = m.key
		}
	}
	for ai, idx := range st.byArt {
		rels := st.rels[ai]
		own := st.ownKeys[ai]
		last, lastOutlet := "", ""
		note := func(u *unit, m mention) string {
			m.art = ai
			if !strings.Contains(m.key, " ") && !capitalised(m.surface) && (outletWords[m.key] || reportHeads[m.key]) {
				// "a newspaper report", "the report": an outlet not named,
				// which origins resolves to the outlet the article names.
				return ""
			}
			if m.kind != kindAnonymous && !strings.Contains(m.key, " ") && st.lower[m.key] && capitalised(m.surface) {
				if !personNoun(m.key) || !strings.HasSuffix(m.key, "s") {
					// A capitalised common word opening a sentence ("New
					// report has…"), not a name.
					return ""
				}
				// A group of people speaking ("Boatowners said…").
				m.kind = kindOther
			}
			if m.kind != kindAnonymous && own != "" && sameOutlet(m.key, own) {
				m.self = true
			}
			k := ix.add(m)
			u.srcKeys = append(u.srcKeys, k)
			return k
		}
		viaOf := func() string {
			if lastOutlet != "" {
				return lastOutlet
			}
			return own
		}
		for _, j := range idx {
			u := &st.units[j]
			if u.headline {
				if m, ok := parseSource(u.source); ok && m.kind != kindAnonymous {
					note(u, m)
				}
				// "Office rejects Meridian report": the outlet named.
				for _, m := range sentenceMentions(u.sentence, known) {
					note(u, m)
				}
				continue
			}
			outlets := sentenceMentions(u.sentence, known)
			for _, m := range outlets {
				// The article's own access ("told Harbour Radio" in Harbour
				// Radio) is recorded but rests nothing on another outlet.
				if k := note(u, m); k != "" && !ix.byKey[k].selfOnly(ai) {
					lastOutlet = k
				}
			}
			anon := findAnonymous(u.sentence)
			if u.inlineSource != "" {
				if m, ok := parseSource(u.inlineSource); ok && m.kind != kindAnonymous {
					if k := note(u, m); k != "" {
						last = k
					}
				}
			}
			for _, ri := range u.rels {
				r := &rels[ri]
				m, ok := parseSource(r.SourceText)
				via := viaOf()
				switch {
				case (ok && m.kind == kindAnonymous || r.Anonymous) && len(anon) > 0:
					// The sentence's own reading of the unnamed source wins
					// over the parser's delimitation of it.
				case !ok || r.Anonymous && m.kind != kindAnonymous:
					if !ok && last != "" && !r.Continued {
						u.srcKeys = append(u.srcKeys, last)
					}
				default:
					if m.kind == kindAnonymous {
						m.via = via
					}
					isOutlet := m.kind == kindOutlet || m.kind == kindAgency || r.Verb == "report"
					if isOutlet && m.kind == kindOther {
						m.kind = kindOutlet
					}
					k := note(u, m)
					if k != "" && m.kind != kindAnonymous {
						last, via = k, k
					}
					if k != "" && isOutlet {
						lastOutlet = k
					}
				}
				if r.ViaText != "" {
					if v, ok := parseSource(r.ViaText); ok && !(v.kind == kindAnonymous && len(anon) > 0) {
						if v.kind == kindAnonymous {
							v.via = via
						}
						note(u, v)
					}
				}
			}
			for _, p := range anon {
				m := mention{kind: kindAnonymous, key: "anonymous", surface: anonSurface(u.sentence[p.start:p.end]),
					count: p.count, class: anonClass(p.head), plural: p.plural, via: viaOf()}
				note(u, m)
			}
			u.outletCtx = lastOutlet
		}
	}
	ix.merge()
	st.ix = ix
	return ix
}

// outletNames are the lower-case outlet names of the story's articles,
// so that "told the Courier" is read as an outlet's own access.
func (st *story) outletNames() map[string]bool {
	m := map[string]bool{}
	for _, a := range st.arts {
		if p, ok := parseSource(a.Source); ok && p.kind != kindAnonymous {
			m[p.key] = true
		}
	}
	return m
}

// sameOutlet reports whether two source keys name one outlet: equal, or
// one the last words of the other ("courier", "varnholm courier").
func sameOutlet(a, b string) bool {
	return a == b || strings.HasSuffix(a, " "+b) || strings.HasSuffix(b, " "+a)
}

// accessCues are the words before a name that mark it as the outlet
// given access: "seen by the Courier", "obtained by Wireline".
var accessCues = [][]string{{"seen", "by"}, {"obtained", "by"}, {"reviewed", "by"}, {"viewed", "by"}, {"shared", "with"},
	{"provided", "to"}, {"leaked", "to"}, {"interview", "with"}, {"told"}, {"speaking", "to"}, {"spoke", "to"}}

// pressWords end the names of news outlets beyond outletWords: "Harbour
// Radio", "Northshore Courier".
var pressWords = wordSet(`radio television tv courier chronicle observer review bulletin dispatch register record
monitor examiner inquirer globe star standard express mirror today weekly digest insider`)

// sentenceMentions finds the outlets a sentence names outside any
// attribution relation: an outlet named by its report ("a Meridian
// report cited…", "referring to the Wireline article"), one given access
// ("seen by the Courier", "told Harbour Radio"), and one reporting ("the
// Courier reported on Tuesday, citing…", "…, Wireline reported"). known
// are the story's outlets.
func sentenceMentions(sentence string, known map[string]bool) (outlets []mention) {
	toks := tokenize(sentence)
	outlet := func(from, to int) bool {
		if from >= to || calendarWords[toks[from].lower] {
			return false
		}
		if m, ok := parseSource(sentence[toks[from].start:toks[to-1].end]); ok && m.kind != kindAnonymous {
			m.kind = kindOutlet
			outlets = append(outlets, m)
			return true
		}
		return false
	}
	// run returns the end of the run of capitalised words from i.
	run := func(i int) int {
		j := i
		for j < len(toks) && toks[j].upper && !calendarWords[toks[j].lower] {
			j++
		}
		return j
	}
	for i, t := range toks {
		if !reportHeads[t.lower] || t.upper {
			continue
		}
		// "a Meridian report", "Meridian's report" — not a sentence's
		// capitalised first word ("New report has…").
		if i > 0 && toks[i-1].upper && !toks[i-1].acro && toks[i-1].start > 0 {
			j := i - 1
			for j > 1 && toks[j-1].upper {
				j--
			}
			outlet(j, i)
		}
		// "reports from The Evening Standard Times", "an article by Courier".
		if i+2 < len(toks) && (toks[i+1].lower == "from" || toks[i+1].lower == "by") && toks[i+2].upper {
			j := i + 2
			for j+1 < len(toks) && (toks[j+1].upper || outletWords[toks[j+1].lower]) {
				j++
			}
			outlet(i+2, j+1)
		}
	}
	// "seen by the Courier", "told Harbour Radio".
	for i := range toks {
		for _, cue := range accessCues {
			if !tokensAt(toks, i, cue) {
				continue
			}
			k := i + len(cue)
			if k < len(toks) && toks[k].lower == "the" {
				k++
			}
			if k >= len(toks) || !toks[k].upper || k == 0 {
				continue
			}
			e := run(k)
			if cue[0] == "told" || cue[0] == "speaking" || cue[0] == "spoke" || cue[0] == "interview" {
				// A person may be told too: only a known outlet, or a name
				// ending in a press word, not one going on to a noun
				// ("told Chinese leader…").
				name := strings.ToLower(strings.Join(textsOf(toks[k:e]), " "))
				last := strings.ToLower(toks[e-1].text)
				isKnown := false
				for o := range known {
					if sameOutlet(name, o) {
						isKnown = true
					}
				}
				if !isKnown && !pressWords[last] && !outletWords[last] {
					continue
				}
				if e < len(toks) && !toks[e].upper && !punctBetween(sentence, toks[e-1], toks[e]) && !npStops[toks[e].lower] &&
					toks[e].lower != "last" && toks[e].lower != "this" && toks[e].lower != "earlier" {
					continue
				}
			}
			outlet(k, e)
		}
	}
	// "The Courier reported on Tuesday, citing…" opening a sentence, and
	// "…, Wireline reported." closing one.
	if len(toks) >= 3 {
		k := 0
		if toks[0].lower == "the" {
			k = 1
		}
		if e := run(k); e > k && e < len(toks) && (toks[e].lower == "reported" || toks[e].lower == "wrote") {
			outlet(k, e)
		}
	}
	if n := len(toks); n >= 3 && (toks[n-1].lower == "reported" || toks[n-1].lower == "wrote") && toks[n-2].upper {
		j := n - 2
		for j > 0 && toks[j-1].upper {
			j--
		}
		if j > 0 && strings.Contains(sentence[toks[j-1].end:toks[j].start], ",") {
			outlet(j, n-1)
		}
	}
	return outlets
}

// tokensAt reports whether the lower-case words ws start at toks[i].
func tokensAt(toks []token, i int, ws []string) bool {
	for j, w := range ws {
		if i+j >= len(toks) || toks[i+j].lower != w {
			return false
		}
	}
	return true
}

// textsOf returns the written words of toks.
func textsOf(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.text
	}
	return out
}

// capitalised reports whether s opens with an upper-case letter.
func capitalised(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}
