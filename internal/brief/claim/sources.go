package claim

import (
	"fmt"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// mention is one naming of a source in one article.
type mention struct {
	art     int
	surface string // the name as the article writes it, trimmed
	key     string // the comparable name
	kind    string
	via     string // the key of the source it is cited through
	count   int    // how many people an anonymous source stands for
}

// Source kinds.
const (
	kindOutlet    = "outlet"
	kindAgency    = "agency"
	kindOfficial  = "official"
	kindAnonymous = "anonymous"
	kindOther     = "other"
)

// numberWords are the counts an anonymous source states: "two people".
var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "multiple": 2, "a": 1, "an": 1}

// parseSource reads a source as written ("A Meridian report published
// the day before", "City Hall spokeswoman Dana Vell", "two people close
// to the government") into a mention. ok is false for pronouns and
// empty sources.
func parseSource(text string) (m mention, ok bool) {
	toks := tokenize(text)
	if anon, _ := anonymousSource(toks); !anon {
		toks = tokenize(cutSource(text))
	}
	if len(toks) == 0 {
		return m, false
	}
	if len(toks) == 1 {
		switch toks[0].lower {
		case "he", "she", "it", "they", "we", "i", "you", "who", "which", "this", "that":
			return m, false
		}
	}
	if anon, n := anonymousSource(toks); anon {
		m.kind, m.count = kindAnonymous, n
		m.surface = collapse(cutSource(text))
		m.key = "anonymous"
		return m, true
	}
	// "a report from X", "reports by X": the report is X's.
	kind := kindOther
	for i := 0; i+1 < len(toks) && i < 4; i++ {
		if outletWords[toks[i].lower] && !toks[i].upper {
			if nx := toks[i+1].lower; nx == "from" || nx == "by" || nx == "of" || nx == "in" {
				toks, kind = toks[i+2:], kindOutlet
				break
			}
		}
	}
	// Cut what qualifies the source: "officials approached by…", "a
	// report published the day before", "sources in the government".
	end := len(toks)
	for i, t := range toks {
		if i > 0 && !t.upper && (strings.HasSuffix(t.lower, "ed") || t.lower == "who" || t.lower == "which" ||
			t.lower == "in" || t.lower == "on" || t.lower == "at" || t.lower == "with" || t.lower == "from" ||
			t.lower == "to" || t.lower == "for") {
			end = i
			break
		}
	}
	toks = toks[:end]
	if len(toks) == 0 {
		return m, false
	}
	for _, t := range toks {
		switch w := t.lower; {
		case t.upper:
		case w == "agency" || w == "wire":
			kind = kindAgency
		case outletWords[w] && kind != kindAgency:
			kind = kindOutlet
		case officialWords[w] && kind == kindOther:
			kind = kindOfficial
		}
	}
	// Drop an opening determiner, unless it opens a name of several
	// capitalised words ("The Evening Standard Times").
	keepThe := len(toks) > 2 && toks[0].text == "The" && toks[1].upper && toks[2].upper
	for len(toks) > 0 && determiners[toks[0].lower] && !keepThe {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return m, false
	}
	// The name: the last run of capitalised words ("the Westland
	// newspaper Courier" → Courier, "City Hall spokeswoman Dana Vell" →
	// Dana Vell). A run followed by a report noun is an outlet ("A
	// Meridian report"). A source ending in another common noun is a
	// description, kept whole ("US officials", "the Russian leader").
	// "Vell's previous remarks": the possessor speaks.
	for i, t := range toks {
		if t.upper && (strings.HasSuffix(t.lower, "'s") || strings.HasSuffix(t.lower, "’s")) && i+1 < len(toks) && !reportHeads[toks[i+1].lower] {
			toks = toks[:i+1]
			break
		}
	}
	last := len(toks) - 1
	for last > 0 && !toks[last].upper && reportHeads[toks[last].lower] {
		last--
		kind = kindOutlet
	}
	var words, surface []string
	if last >= 0 && toks[last].upper {
		start := last
		for start > 0 && (toks[start-1].upper ||
			toks[start-1].lower == "of" && start > 1 && toks[start-2].upper) {
			start--
		}
		for _, t := range toks[start : last+1] {
			w := strings.TrimSuffix(strings.TrimSuffix(t.text, "'s"), "’s")
			surface = append(surface, w)
			words = append(words, strings.ToLower(w))
		}
		// "Meridian News": a generic last word does not change the outlet.
		if n := len(words); n > 1 && words[n-1] == "news" {
			words, surface = words[:n-1], surface[:n-1]
		}
		if n := len(words); n > 1 && words[0] == "the" {
			words = words[1:]
		}
	} else {
		// A description must name who speaks: an official, an outlet, a
		// body of people — not "fraud" or "the statement".
		if head := toks[len(toks)-1].lower; !officialWords[head] && !outletWords[head] && !speakerNouns[head] {
			return m, false
		}
		for _, t := range toks[:max(last+1, 1)] {
			surface = append(surface, t.text)
			words = append(words, t.lower)
		}
		if kind == kindOther && len(toks) > 0 && (toks[len(toks)-1].lower == "officials" || toks[len(toks)-1].lower == "official") {
			kind = kindOfficial
		}
	}
	m.surface = strings.Join(surface, " ")
	m.key = strings.Join(words, " ")
	m.kind = kind
	if calendarWords[m.key] {
		return m, false
	}
	if kind == kindOther && len(words) > 1 {
		// A person's full name: capitalised words all.
		m.kind = kindOther
	}
	return m, m.key != ""
}

// speakerNouns are common nouns for people or bodies that speak, beyond
// titles and outlets: "the opposition said", "analysts say".
var speakerNouns = wordSet(`party parties opposition group groups union unions campaign campaigners family families
lawyer lawyers attorney attorneys analyst analysts expert experts witness witnesses resident residents
observer observers critic critics activist activists investigator investigators researcher researchers
scientist scientists doctor doctors authorities military army company companies firm firms
people person source sources insider insiders spokesperson spokespeople team committee board
prosecutors police students workers employees organizers organisers supporters officers`)

// calendarWords are capitalised words that are not names of sources.
var calendarWords = wordSet(`monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december`)

// reportHeads are the nouns that make the name before them an outlet's:
// "a Meridian report", "the Wireline piece".
var reportHeads = wordSet(`report reports article articles piece story reporting account`)

// cutSource drops what follows the source's head: a participle or
// relative clause ("officials approached by…", "sources close to…" stay).
func cutSource(s string) string {
	s = strings.TrimSpace(s)
	for _, sep := range []string{",", " who ", " which ", " approached ", " published "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return s
}

// anonymousSource reports whether toks describe an unnamed source and how
// many people it stands for.
func anonymousSource(toks []token) (bool, int) {
	head, marker := false, false
	n := 1
	for i, t := range toks {
		w := t.lower
		switch w {
		case "sources", "source", "people", "person", "insiders", "insider", "officials", "official", "diplomats", "diplomat", "aides", "aide":
			head = true
		case "anonymous", "unnamed", "unidentified", "undisclosed", "anonymity":
			marker = true
		case "close", "familiar", "knowledge", "linked", "links":
			if head {
				marker = true
			}
		}
		if v, ok := numberWords[w]; ok && i < 3 {
			n = v
		}
		if isNumber(w) && i < 3 {
			fmt.Sscanf(w, "%d", &n)
		}
		if t.upper && !t.acro && i > 0 && !head && !marker {
			// A named person or body before the head noun.
			return false, 0
		}
	}
	// "the sources", "insiders": unnamed by definition.
	if head && !marker {
		last := toks[len(toks)-1].lower
		marker = last == "sources" || last == "source" || last == "insiders" || last == "insider"
	}
	return head && marker, n
}

// sourceIndex merges the mentions of a story into cited sources.
type sourceIndex struct {
	byKey map[string]*citedSource
	order []string
}

type citedSource struct {
	key      string
	kind     string
	surfaces map[string]int
	arts     map[int]bool
	via      string
	count    map[int]int // stated counts of an anonymous source
}

func newSourceIndex() *sourceIndex {
	return &sourceIndex{byKey: map[string]*citedSource{}}
}

// add records one mention; an anonymous source is keyed by the source it
// is cited through, so that "two people close to X" and "two unnamed
// sources linked to X" via the same report are one.
func (ix *sourceIndex) add(m mention) string {
	k := m.key
	if m.kind == kindAnonymous {
		k = "anonymous via " + m.via
	}
	cs, ok := ix.byKey[k]
	if !ok {
		cs = &citedSource{key: k, kind: m.kind, surfaces: map[string]int{}, arts: map[int]bool{}, count: map[int]int{}, via: m.via}
		ix.byKey[k] = cs
		ix.order = append(ix.order, k)
	}
	cs.surfaces[m.surface]++
	cs.arts[m.art] = true
	if m.kind == kindAnonymous {
		cs.count[m.count]++
	}
	if cs.kind == kindOther && m.kind != kindOther {
		cs.kind = m.kind
	}
	return k
}

// merge folds a source whose key is the last words of a longer key into
// it ("Vell" into "Dana Vell").
func (ix *sourceIndex) merge() {
	for _, k := range ix.order {
		cs := ix.byKey[k]
		if cs == nil || cs.kind == kindAnonymous {
			continue
		}
		for _, k2 := range ix.order {
			long := ix.byKey[k2]
			if k2 == k || long == nil || long.kind == kindAnonymous || !strings.HasSuffix(k2, " "+k) {
				continue
			}
			for s, n := range cs.surfaces {
				long.surfaces[s] += n
			}
			for a := range cs.arts {
				long.arts[a] = true
			}
			if long.kind == kindOther {
				long.kind = cs.kind
			}
			ix.byKey[k] = nil
			ix.alias(k, k2)
			break
		}
	}
}

// alias redirects the via of anonymous sources from one key to another.
func (ix *sourceIndex) alias(from, to string) {
	for _, cs := range ix.byKey {
		if cs != nil && cs.via == from {
			cs.via = to
		}
	}
}

// resolve returns the key a mention key ended up under.
func (ix *sourceIndex) resolve(k string) string {
	if cs := ix.byKey[k]; cs != nil {
		return k
	}
	for _, k2 := range ix.order {
		if cs := ix.byKey[k2]; cs != nil && strings.HasSuffix(k2, " "+k) {
			return k2
		}
	}
	return k
}

// name is the display name: the surface written most often, the longer
// on a tie.
func (cs *citedSource) name() string {
	best, bestN := "", 0
	for s, n := range cs.surfaces {
		if n > bestN || n == bestN && (len(s) > len(best) || len(s) == len(best) && s < best) {
			best, bestN = s, n
		}
	}
	// A person is named in full where any article does ("Vell" →
	// "Dana Vell").
	full := best
	for s := range cs.surfaces {
		if strings.HasSuffix(s, " "+best) && len(s) > len(full) && (cs.kind == kindOfficial || cs.kind == kindOther) {
			full = s
		}
	}
	return full
}

// people is the number of people an anonymous source stands for: the
// count the articles state most often.
func (cs *citedSource) people() int {
	best, bestN := 1, 0
	for c, n := range cs.count {
		if n > bestN || n == bestN && c > best {
			best, bestN = c, n
		}
	}
	return best
}

// cited returns the cited sources in the contract's form, the most
// widely cited first.
func (ix *sourceIndex) cited(arts []*news.Article) []news.CitedSource {
	var out []news.CitedSource
	for _, k := range ix.order {
		cs := ix.byKey[k]
		if cs == nil {
			continue
		}
		c := news.CitedSource{Name: cs.name(), Kind: cs.kind}
		for ai := range arts {
			if cs.arts[ai] {
				c.Articles = append(c.Articles, arts[ai].ID)
			}
		}
		if cs.via != "" {
			if v := ix.byKey[ix.resolve(cs.via)]; v != nil {
				c.Via = v.name()
			}
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Articles) > len(out[j].Articles) })
	return out
}

// sources collects the cited sources of every article, sentence by
// sentence: the sources of its attribution relations (pronouns resolved
// to the last source named before them), the sources its relations cite
// ("citing two people close to…"), and outlets and unnamed sources it
// names outside relations. It sets each unit's srcKeys.
func (st *story) sources() *sourceIndex {
	ix := newSourceIndex()
	for ai, idx := range st.byArt {
		rels := st.rels[ai]
		last, lastOutlet := "", ""
		note := func(u *unit, m mention) string {
			m.art = ai
			if m.kind != kindAnonymous && !strings.Contains(m.key, " ") && st.lower[m.key] {
				// A capitalised common word opening a sentence ("New
				// report has…"), not a name.
				return ""
			}
			k := ix.add(m)
			u.srcKeys = append(u.srcKeys, k)
			return k
		}
		for _, j := range idx {
			u := &st.units[j]
			if u.headline {
				if m, ok := parseSource(u.source); ok {
					note(u, m)
				}
				continue
			}
			outlets, anon := sentenceMentions(u.sentence)
			for _, m := range outlets {
				if k := note(u, m); k != "" {
					lastOutlet = k
				}
			}
			for _, ri := range u.rels {
				r := &rels[ri]
				m, ok := parseSource(r.SourceText)
				via := lastOutlet
				if !ok {
					if last != "" && !r.Continued {
						u.srcKeys = append(u.srcKeys, last)
					}
				} else {
					if m.kind == kindAnonymous {
						m.via = lastOutlet
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
					if v, ok := parseSource(r.ViaText); ok {
						if v.kind == kindAnonymous {
							v.via = via
						}
						note(u, v)
					}
				}
			}
			for _, m := range anon {
				if m.via == "" {
					m.via = lastOutlet
				}
				note(u, m)
			}
			u.outletCtx = lastOutlet
		}
	}
	ix.merge()
	return ix
}

// sentenceMentions finds the sources a sentence names outside any
// attribution relation: an outlet named by its report ("a Meridian
// report cited…", "referring to the Wireline article") and an unnamed
// source described with its count ("two people close to the
// government"), cited through the outlet named before it.
func sentenceMentions(sentence string) (outlets []mention, anon []mention) {
	toks := tokenize(sentence)
	outlet := func(from, to int) {
		if from >= to || calendarWords[toks[from].lower] {
			return
		}
		if m, ok := parseSource(sentence[toks[from].start:toks[to-1].end]); ok {
			m.kind = kindOutlet
			outlets = append(outlets, m)
		}
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
	// "…, Wireline reported." closing a sentence.
	if n := len(toks); n >= 3 && (toks[n-1].lower == "reported" || toks[n-1].lower == "wrote") && toks[n-2].upper {
		j := n - 2
		for j > 0 && toks[j-1].upper {
			j--
		}
		if j > 0 && strings.Contains(sentence[toks[j-1].end:toks[j].start], ",") {
			outlet(j, n-1)
		}
	}
	for i := range toks {
		w := toks[i].lower
		n, isCount := numberWords[w]
		if !isCount || n < 2 && w != "multiple" && w != "several" {
			continue
		}
		// "two anonymous sources close to…": up to the end of the phrase.
		end := min(len(toks), i+10)
		if a, c := anonymousSource(toks[i:end]); a {
			stop := end
			for k := i + 1; k < end; k++ {
				if toks[k].lower == "as" || toks[k].lower == "that" || toks[k].lower == "said" || toks[k].lower == "say" {
					stop = k
					break
				}
			}
			m := mention{kind: kindAnonymous, count: c, key: "anonymous", surface: collapse(cutSource(sentence[toks[i].start:toks[stop-1].end]))}
			// Cited through the outlet named before it in the sentence; the
			// caller fills in the article's last outlet otherwise.
			if len(outlets) > 0 {
				m.via = outlets[len(outlets)-1].key
			}
			anon = append(anon, m)
		}
	}
	return outlets, anon
}
