package claim

import (
	"strings"
)

// What makes a detail worth listing as one outlet's own. A statement
// only one article makes is listed when it carries something specific —
// a figure, a name, a direct quotation, a date — that the story does not
// already share widely, and when it is prose, not page furniture ("Share
// this article", "Sign up for our newsletter") or a verbless line.

// specifics knows which names and figures the story shares widely: a
// name or number most independent sources give ("the bridge", "two
// years" in every article) is the story's subject, not one outlet's
// detail.
type specifics struct {
	groups  map[string]map[int]bool // lower-case name word or number → independent sources giving it
	nGroups int
}

// newSpecifics indexes the names and numbers of every statement.
func (st *story) newSpecifics() *specifics {
	sp := &specifics{groups: map[string]map[int]bool{}, nGroups: st.nGroups}
	for i := range st.units {
		u := &st.units[i]
		for _, w := range detailWords(u.sentence) {
			g := sp.groups[w]
			if g == nil {
				g = map[int]bool{}
				sp.groups[w] = g
			}
			g[u.group] = true
		}
	}
	return sp
}

// detailWords are the words of s that can make a detail specific: names
// (capitalised words not opening a sentence or a quotation) and numbers,
// lower-cased.
func detailWords(s string) []string {
	toks := tokenize(s)
	var out []string
	for i, t := range toks {
		switch {
		case isNumber(t.lower):
			out = append(out, t.lower)
		case t.upper && !opensClause(s, toks, i) && !calendarWords[t.lower] && t.lower != "i":
			out = append(out, strings.TrimSuffix(t.lower, "'s"))
		}
	}
	return out
}

// opensClause reports whether toks[i] opens the sentence or a quotation,
// where any word is capitalised.
func opensClause(s string, toks []token, i int) bool {
	if i == 0 {
		return true
	}
	gap := s[toks[i-1].end:toks[i].start]
	return strings.ContainsAny(gap, "\"“‘:.!?—–")
}

// rare reports whether a name or number is one outlet's: at most half
// the independent sources give it.
func (sp *specifics) rare(w string) bool {
	return len(sp.groups[w]) <= max(1, sp.nGroups/2)
}

// score counts the kinds of specific detail statement u carries: a rare
// number, rare names (up to two), a direct quotation of four words or
// more, a date. 0 means nothing specific.
func (sp *specifics) score(u *unit) int {
	toks := tokenize(u.sentence)
	n, names, num, date, quoted := 0, 0, false, false, 0
	for i, t := range toks {
		switch {
		case isYear(t.lower) || calendarWords[t.lower] && t.upper:
			date = true
		case isNumber(t.lower):
			num = num || sp.rare(t.lower)
		case t.upper && !opensClause(u.sentence, toks, i) && t.lower != "i":
			if sp.rare(strings.TrimSuffix(t.lower, "'s")) && (i == 0 || !toks[i-1].upper || opensClause(u.sentence, toks, i-1)) {
				names++
			}
		}
		if t.quote {
			quoted++
		}
	}
	if num {
		n++
	}
	if date {
		n++
	}
	n += min(names, 2)
	if quoted >= 4 || startsQuoted(u.sentence) && len(toks) >= 5 {
		n++
	}
	return n
}

// isYear reports whether w is a year of the last and this century.
func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && isNumber(w) &&
		strings.Trim(w, "0123456789") == ""
}

// callsToAction open the imperative lines of page furniture.
var callsToAction = wordSet(`share subscribe sign log read follow click tap download listen watch join support become
enter leave contact get try see visit register donate scroll continue learn discover like comment send email
advertise print save shop buy order upgrade explore`)

// furnitureWords mark the boilerplate of a page, not the story.
var furnitureWords = []string{"all rights reserved", "newsletter", "cookie", "subscribe", "sign up", "log in",
	"click here", "share this", "follow us", "terms of use", "privacy policy", "©"}

// furniture reports whether a sentence is page furniture or no
// statement at all: an imperative call to action, a boilerplate line, a
// line of fewer than five words, or one without a verb.
func furniture(s string) bool {
	toks := tokenize(s)
	if len(toks) < 5 {
		return true
	}
	if first := toks[0]; first.upper && callsToAction[first.lower] && !startsQuoted(s) {
		return true
	}
	low := strings.ToLower(s)
	for _, f := range furnitureWords {
		if strings.Contains(low, f) {
			return true
		}
	}
	return !hasVerb(toks)
}

// commonVerbs are the auxiliaries and frequent verbs of news prose that
// show a line states something.
var commonVerbs = wordSet(`is are was were be been being am has have had having do does did will would shall should
can could may might must say says said tell tells told make makes made take takes took give gives gave go goes went
come comes came get gets got see sees saw know knows knew want wants think thinks run runs use uses keep keeps
need needs remain remains seem seems become becomes win wins lose loses put puts cut cuts set sets let lets`)

// hasVerb reports whether toks hold a likely verb: a common verb or
// auxiliary, a contraction, or a lower-case word ending in -ed.
func hasVerb(toks []token) bool {
	for i, t := range toks {
		w := t.lower
		if commonVerbs[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "'s") && i > 0 && !t.upper ||
			strings.HasSuffix(w, "'re") || strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "'ve") {
			return true
		}
		if i > 0 && !t.upper && len(w) > 4 && strings.HasSuffix(w, "ed") {
			return true
		}
		if i > 0 && !t.upper && len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
			!determiners[toks[i-1].lower] && !isNumber(toks[i-1].lower) && !toks[i-1].upper {
			// "the tram crosses it": a third-person verb after a noun.
			return true
		}
	}
	return false
}
