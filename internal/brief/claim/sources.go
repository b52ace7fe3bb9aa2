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
	count   int    // how many people an anonymous source stands for, 0 when not stated
	// class tells an anonymous source from others of the same report
	// (anonClass); plural marks a plural description ("officials").
	class  string
	plural bool
	// self marks the article naming its own outlet ("seen by the
	// Courier" in the Courier): the source is recorded, the article is
	// not listed as citing it.
	self bool
	// role marks a name written after a lower-case role ("baker Ines
	// Holm").
	role bool
}

// Source kinds.
const (
	kindOutlet    = "outlet"
	kindAgency    = "agency"
	kindOfficial  = "official"
	kindAnonymous = "anonymous"
	kindPerson    = "person"
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
	if ps := findAnonymous(text); len(ps) > 0 {
		p := ps[0]
		return mention{kind: kindAnonymous, key: "anonymous", surface: anonSurface(text[p.start:p.end]),
			count: p.count, class: anonClass(p.head), plural: p.plural}, true
	}
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
		m.surface = anonSurface(cutSource(text))
		m.key = "anonymous"
		head := toks[len(toks)-1].lower
		m.class, m.plural = anonClass(head), strings.HasSuffix(head, "s") || head == "people"
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
	for i, t := range toks {
		switch w := t.lower; {
		case t.upper && officialWords[w] && kind == kindOther && i+1 < len(toks) && toks[i+1].upper:
			// A capitalised title before a name: "President Ada Quill".
			kind = kindOfficial
		case t.upper:
		case w == "agency" || w == "wire":
			kind = kindAgency
		case outletWords[w] && kind != kindAgency:
			kind = kindOutlet
		case officialWords[w] && kind == kindOther:
			kind = kindOfficial
		}
	}
	// Drop an opening cue word the parser left in ("Citing X").
	for len(toks) > 1 && (toks[0].lower == "citing" || toks[0].lower == "quoting" || toks[0].lower == "according" ||
		toks[0].lower == "per" || toks[0].lower == "to" && len(toks) > 2) {
		toks = toks[1:]
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
	// "Varnholm's transport office": the institution speaks, not the
	// place; its name is the description after the possessive.
	for i, t := range toks {
		if t.upper && (strings.HasSuffix(t.lower, "'s") || strings.HasSuffix(t.lower, "’s")) && i+1 < len(toks) && !reportHeads[toks[i+1].lower] {
			if institution(toks[i+1:]) {
				toks = toks[i+1:]
				if officialWords[toks[len(toks)-1].lower] {
					kind = kindOfficial
				}
			} else {
				toks = toks[:i+1]
			}
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
		// A capitalised title opening the name ("Councillor Mira Voss",
		// "Prime Minister Ada Quill") describes the person: the name
		// starts after it.
		for k := last - 2; k >= start; k-- {
			if officialWords[toks[k].lower] {
				start, kind, m.role = k+1, kindOfficial, true
				// "Minister of State Ana Lu": past the title's complement.
				if toks[start].lower == "of" && last-start >= 3 {
					start += 2
				}
				break
			}
		}
		m.role = m.role || start > 0 && !toks[start-1].upper && !determiners[toks[start-1].lower]
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

// institution reports whether toks are a lower-case description headed
// by a title or a speaking body ("transport office", "finance ministry",
// "spokeswoman").
func institution(toks []token) bool {
	if len(toks) == 0 || len(toks) > 4 {
		return false
	}
	for _, t := range toks {
		if t.upper {
			return false
		}
	}
	head := toks[len(toks)-1].lower
	return officialWords[head] || speakerNouns[head]
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
	n := 0
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
	// alias maps the key of a source folded into another to that key.
	alias map[string]string
}

type citedSource struct {
	key      string
	kind     string
	surfaces map[string]int
	arts     map[int]bool
	via      string
	count    map[int]int // stated counts of an anonymous source
	class    string      // anonClass of an anonymous source
	plural   bool        // an anonymous source described in the plural
	// roles are the lower-case words written before a name ("baker",
	// "opposition councillor"); named marks a source referred to again by
	// its last name alone. Both tell a person from an organisation.
	roles int
	named bool
}

func newSourceIndex() *sourceIndex {
	return &sourceIndex{byKey: map[string]*citedSource{}, alias: map[string]string{}}
}

// add records one mention; an anonymous source is keyed by the source it
// is cited through, so that "two people close to X" and "two unnamed
// sources linked to X" via the same report are one.
func (ix *sourceIndex) add(m mention) string {
	k := m.key
	if m.kind == kindAnonymous {
		k = "anonymous via " + m.via + "|" + m.class
	}
	cs, ok := ix.byKey[k]
	if !ok {
		cs = &citedSource{key: k, kind: m.kind, surfaces: map[string]int{}, arts: map[int]bool{}, count: map[int]int{}, via: m.via, class: m.class}
		ix.byKey[k] = cs
		ix.order = append(ix.order, k)
	}
	cs.surfaces[m.surface]++
	if !m.self {
		cs.arts[m.art] = true
	}
	if m.role {
		cs.roles++
	}
	if m.kind == kindAnonymous {
		if m.count > 0 {
			cs.count[m.count]++
		}
		cs.plural = cs.plural || m.plural
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
			long.roles += cs.roles
			// A name referred to by its last word alone is a person's
			// ("Olav Brenner" … "Brenner").
			long.named = long.named || !strings.Contains(k, " ")
			ix.byKey[k] = nil
			ix.redirect(k, k2)
			ix.alias[k] = k2
			break
		}
	}
	ix.foldAnonymous()
	for _, k := range ix.order {
		if cs := ix.byKey[k]; cs != nil && cs.kind == kindOther && personName(k) && (cs.roles > 0 || cs.named) {
			cs.kind = kindPerson
		}
	}
}

// redirect points the via of anonymous sources from one key to another.
func (ix *sourceIndex) redirect(from, to string) {
	for _, cs := range ix.byKey {
		if cs != nil && cs.via == from {
			cs.via = to
		}
	}
}

// resolve returns the key a mention key ended up under.
func (ix *sourceIndex) resolve(k string) string {
	for hops := 0; hops < 8; hops++ {
		to, ok := ix.alias[k]
		if !ok {
			break
		}
		k = to
	}
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
		if strings.HasSuffix(s, " "+best) && len(s) > len(full) && (cs.kind == kindOfficial || cs.kind == kindOther || cs.kind == kindPerson) &&
			!strings.Contains(best, strings.TrimSuffix(s, " "+best)) {
			full = s
		}
	}
	return full
}

// selfOnly reports whether article ai names the source only as its own
// outlet.
func (cs *citedSource) selfOnly(ai int) bool {
	return cs == nil || !cs.arts[ai]
}

// people is the number of people an anonymous source stands for: the
// count the articles state most often, else two for a plural
// description ("people familiar with the matter") and one for a single
// source.
func (cs *citedSource) people() int {
	best, bestN := 0, 0
	for c, n := range cs.count {
		if n > bestN || n == bestN && c > best {
			best, bestN = c, n
		}
	}
	switch {
	case best > 0:
		return best
	case cs.plural:
		return 2
	}
	return 1
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
		if len(c.Articles) == 0 {
			// Named only by its own articles ("seen by the Courier").
			continue
		}
		if cs.via != "" {
			if v := ix.byKey[ix.resolve(cs.via)]; v != nil {
				c.Via = v.name()
			}
		}
		out = append(out, c)
	}
	// Outlets and agencies first, then officials, unnamed sources, named
	// people and the rest ("shopkeepers"); the most widely cited first
	// within each.
	sort.SliceStable(out, func(i, j int) bool {
		if a, b := kindRank[out[i].Kind], kindRank[out[j].Kind]; a != b {
			return a < b
		}
		return len(out[i].Articles) > len(out[j].Articles)
	})
	return out
}

// kindRank orders the kinds of cited sources.
var kindRank = map[string]int{kindOutlet: 0, kindAgency: 0, kindOfficial: 1, kindAnonymous: 2, kindPerson: 3, kindOther: 4}
