package claim

import (
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/lang"
)

// Unnamed sources. A source is unnamed when a marker says so, either
// before its head noun ("two anonymous engineers", "an unnamed
// official") or after it ("two engineers who worked on the inspection,
// speaking on condition of anonymity", "a source who asked not to be
// named", "people familiar with the matter", "sources close to the
// board"). The finder reads the sentence itself, so it does not depend on
// how the attribution parser delimits the source.

// anonPremarkers are adjectives that make the noun they qualify unnamed.
var anonPremarkers = wordSet(`anonymous unnamed unidentified undisclosed`)

// genericHeads are heads that describe no one in particular ("sources",
// "people"): two such descriptions of one report's sources may be the
// same people, while "engineers" and "officials" are told apart.
var genericHeads = wordSet(`source sources people person insider insiders individual individuals someone figure figures`)

// closeHeads are the heads "close to", "familiar with", "linked to" make
// unnamed: a man close to the bridge is not a source.
var closeHeads = wordSet(`source sources people person insider insiders individual individuals someone official officials
diplomat diplomats aide aides figure figures executive executives employee employees staff member members
adviser advisers advisor advisors banker bankers lawyer lawyers investor investors engineer engineers
officer officers analyst analysts negotiator negotiators lawmaker lawmakers`)

// npStops end an unnamed source's noun phrase read outwards from its
// head: clause words, reporting verbs and prepositions.
var npStops = wordSet(`who whom which that as said say says told tell tells and or but with close familiar linked
in on at from to for of by according citing cites cite cited quoting quotes quoted while when after before because
speaking spoke is are was were has have had will would could may might`)

// notPeople are words with an agent noun's ending that are not people:
// "former", "senior", "other".
var notPeople = wordSet(`former other another latter senior junior major minor further earlier later inner outer upper
lower over under never ever either neither whether together rather matter number order paper letter member center
centre power water winter summer quarter border corner chapter register sector factor error mirror
government agreement statement department document comment moment element argument development parliament
percent current recent present event patent content extent intent`)

// anonPhrase is one unnamed source found in a sentence.
type anonPhrase struct {
	start, end int    // byte span in the sentence of the phrase
	head       string // the head noun, lower case ("engineers")
	count      int    // people it stands for; 0 when not stated
	plural     bool
}

// findAnonymous returns the unnamed sources a sentence describes, in
// order, each once.
func findAnonymous(s string) []anonPhrase {
	toks := tokenize(s)
	var out []anonPhrase
	taken := -1 // the last token index covered by a found phrase
	add := func(p anonPhrase, startTok, endTok int) {
		if startTok <= taken {
			return
		}
		taken = endTok
		out = append(out, p)
	}
	for i := 0; i < len(toks); i++ {
		w := toks[i].lower
		switch {
		case anonPremarkers[w]:
			// "two anonymous engineers", "anonymous former officials".
			// The head: the first word naming people, else the last
			// lower-case word before a clause word or punctuation.
			h := -1
			for k := i + 1; k < len(toks) && k <= i+4; k++ {
				if npStops[toks[k].lower] || k > i+1 && punctBetween(s, toks[k-1], toks[k]) {
					break
				}
				if !toks[k].upper || toks[k].acro {
					h = k
					if personNoun(toks[k].lower) {
						break
					}
				}
			}
			if h < 0 || toks[h].acro || isNumber(toks[h].lower) || !personNoun(toks[h].lower) {
				continue
			}
			st := npStart(s, toks, i)
			if !citedPosition(toks, st) {
				continue
			}
			end := closeTail(s, toks, h)
			add(phrase(s, toks, st, h, end), st, end)
			i = end
		case postMarker(toks, i) > 0:
			// "…, speaking on condition of anonymity", "who asked not to
			// be named", "familiar with the matter".
			n := postMarker(toks, i)
			closeMark := w == "familiar" || w == "close" || w == "linked" || w == "links" || w == "knowledge"
			h := headBefore(s, toks, i, closeMark)
			if h < 0 {
				i += n - 1
				continue
			}
			st := npStart(s, toks, h)
			if !citedPosition(toks, st) || !personNoun(toks[h].lower) {
				i += n - 1
				continue
			}
			end := max(i+n-1, h)
			p := phrase(s, toks, st, h, h)
			if closeMark {
				end = closeTail(s, toks, h)
				p.end = toks[max(end, h)].end
			}
			add(p, st, end)
			i = max(i+n-1, end)
		}
	}
	return out
}

// postMarker reports how many tokens the unnamed-source marker at toks[i]
// spans, 0 if none starts there: "anonymity" ("on condition of
// anonymity", "requested anonymity"); "not to be named|identified";
// "declined|refused to be named|identified"; "familiar with"; "close
// to"; "linked to"; "with knowledge of".
func postMarker(toks []token, i int) int {
	at := func(k int, w ...string) bool {
		for j, x := range w {
			if k+j >= len(toks) || toks[k+j].lower != x {
				return false
			}
		}
		return true
	}
	w := toks[i].lower
	switch w {
	case "anonymity":
		return 1
	case "not":
		if at(i+1, "to", "be") && i+3 < len(toks) && (toks[i+3].lower == "named" || toks[i+3].lower == "identified") {
			return 4
		}
	case "declined", "refused", "declining", "refusing":
		if at(i+1, "to", "be") && i+3 < len(toks) && (toks[i+3].lower == "named" || toks[i+3].lower == "identified") {
			return 4
		}
	case "familiar":
		if at(i+1, "with") {
			return 2
		}
	case "close", "linked", "links":
		if at(i+1, "to") {
			return 2
		}
	case "knowledge":
		if at(i+1, "of") && i > 0 && toks[i-1].lower == "with" {
			return 2
		}
	}
	return 0
}

// headBefore finds the head noun of the phrase a post-marker at toks[i]
// qualifies: the last word before a relative clause or comma that leads
// to the marker ("engineers who worked…, speaking on condition of
// anonymity"), or the word just before the marker ("people familiar
// with"). close requires a head that "close to" can make a source of.
// It returns -1 when there is none.
func headBefore(s string, toks []token, i int, close bool) int {
	k := i - 1
	// "with close links to", "with knowledge of": skip "with".
	for k >= 0 && (toks[k].lower == "with" || toks[k].lower == "close" || toks[k].lower == "links") {
		k--
	}
	if !close {
		// Back over the clause that carries the marker to the noun it
		// qualifies: "engineers who worked on the inspection, speaking
		// on condition of anonymity", "officials, speaking on…",
		// "an official who asked not to be named".
		k = -1
		for j := i - 1; j >= 1 && j >= i-14; j-- {
			if toks[j].lower == "who" || toks[j].lower == "whom" {
				k = j - 1
				break
			}
			if toks[j].lower == "said" || toks[j].lower == "told" || toks[j].lower == "that" {
				break
			}
		}
		if k < 0 {
			for j := i - 1; j >= 1 && j >= i-4; j-- {
				switch toks[j].lower {
				case "speaking", "spoke", "requested", "requesting", "asked", "asking", "demanded", "granted", "given", "insisted":
					k = j - 1
				}
				if k >= 0 {
					break
				}
			}
		}
	}
	if k < 0 {
		return -1
	}
	t := toks[k]
	if t.upper && k > 0 || t.acro || isNumber(t.lower) || pronouns[t.lower] || npStops[t.lower] {
		return -1
	}
	if close && !closeHeads[t.lower] {
		return -1
	}
	if lang.IsStopWord(t.lower) {
		return -1
	}
	return k
}

// pronouns are words that stand for a source named elsewhere.
var pronouns = wordSet(`he she it they we i you him her them us this these those one`)

// npStart returns the first token of the noun phrase whose head is
// toks[k]: back over counts, determiners and modifiers to a clause word,
// punctuation or five words.
func npStart(s string, toks []token, k int) int {
	st := k
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		if punctBetween(s, toks[j], toks[j+1]) || npStops[toks[j].lower] || pronouns[toks[j].lower] && toks[j].lower != "one" ||
			toks[j].lower == "citing" || toks[j].lower == "cited" || toks[j].lower == "quoting" || toks[j].lower == "quoted" {
			break
		}
		st = j
	}
	return st
}

// notSourceBefore are the words before a phrase that make it something
// other than a source: a recipient ("to unidentified officials"), a
// channel ("through an unnamed intermediary").
var notSourceBefore = wordSet(`to through via with for about against at into over under toward towards`)

// citedPosition reports whether the phrase starting at toks[st] can be a
// source: not the object of a preposition other than "according to".
func citedPosition(toks []token, st int) bool {
	if st == 0 {
		return true
	}
	w := toks[st-1].lower
	if !notSourceBefore[w] {
		return true
	}
	return w == "to" && st > 1 && toks[st-2].lower == "according"
}

// personNoun reports whether a lower-case head noun names people: a
// source word, a title, or an agent noun ("engineers", "analysts",
// "residents", "diplomats").
func personNoun(w string) bool {
	if closeHeads[w] || officialWords[w] || speakerNouns[w] {
		return true
	}
	if notPeople[w] || notPeople[strings.TrimSuffix(w, "s")] {
		return false
	}
	for _, suf := range []string{"er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents", "crat", "crats", "mat", "mats", "man", "men", "woman", "women"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// numberish reports whether w states a count.
func numberish(w string) bool {
	_, ok := numberWords[w]
	return ok || isNumber(w)
}

// closeTail extends a phrase past its head over "close to X", "familiar
// with X", "linked to X", "with knowledge of X" up to punctuation or a
// clause word; it returns the last token index of the phrase.
func closeTail(s string, toks []token, h int) int {
	k := h + 1
	if k < len(toks) && toks[k].lower == "with" {
		k++
		for k < len(toks) && (toks[k].lower == "close" || toks[k].lower == "links" || toks[k].lower == "knowledge") {
			k++
		}
		if k < len(toks) && (toks[k].lower == "to" || toks[k].lower == "of") {
			k++
		} else {
			return h
		}
	} else if k+1 < len(toks) && (toks[k].lower == "close" || toks[k].lower == "linked") && toks[k+1].lower == "to" ||
		k+1 < len(toks) && toks[k].lower == "familiar" && toks[k+1].lower == "with" {
		k += 2
	} else {
		return h
	}
	end := k - 1
	for j := k; j < len(toks) && j < k+8; j++ {
		if punctBetween(s, toks[j-1], toks[j]) || j > k && (toks[j].lower == "said" || toks[j].lower == "say" ||
			toks[j].lower == "says" || toks[j].lower == "told" || toks[j].lower == "as" || toks[j].lower == "that" ||
			toks[j].lower == "who" || toks[j].lower == "and") {
			break
		}
		end = j
	}
	return end
}

// phrase builds the unnamed source from tokens st..end with head h.
func phrase(s string, toks []token, st, h, end int) anonPhrase {
	p := anonPhrase{start: toks[st].start, end: toks[end].end, head: toks[h].lower}
	p.plural = strings.HasSuffix(p.head, "s") && !strings.HasSuffix(p.head, "ss") || p.head == "people" || p.head == "staff"
	for j := st; j < h; j++ {
		w := toks[j].lower
		if v, ok := numberWords[w]; ok {
			if w == "a" || w == "an" {
				if !p.plural {
					p.count = 1
				}
				continue
			}
			p.count = v
			break
		}
		if n, err := strconv.Atoi(w); err == nil && n > 0 && n < 100 {
			p.count = n
			break
		}
	}
	if p.count == 0 && !p.plural && (toks[st].lower == "a" || toks[st].lower == "an" || toks[st].lower == "one") {
		p.count = 1
	}
	return p
}

// punctBetween reports whether the text between two tokens holds
// punctuation that ends a phrase (a comma, colon, semicolon, dash or
// quotation mark).
func punctBetween(s string, a, b token) bool {
	if a.end >= b.start || b.start > len(s) {
		return false
	}
	return strings.ContainsAny(s[a.end:b.start], ",;:()\"“”—–")
}

// anonClass is how an unnamed source is told apart from others of the
// same report: its head noun's stem, "" for a generic head.
func anonClass(head string) string {
	if genericHeads[head] {
		return ""
	}
	return lang.Stem(head)
}

// anonSurface is the display form of an unnamed source: the phrase, its
// first letter in lower case ("two unnamed engineers").
func anonSurface(p string) string {
	p = collapse(strings.Trim(p, " ,;:"))
	if p == "" {
		return p
	}
	if f := strings.Fields(p)[0]; determiners[strings.ToLower(f)] || numberish(strings.ToLower(f)) {
		p = strings.ToLower(f) + p[len(f):]
	}
	return p
}

// foldAnonymous merges the unnamed sources of one report: the same
// description cited through aliases of one outlet ("the Courier", "the
// Varnholm Courier"), and a generic description ("the sources") into the
// report's only specific one ("two engineers"), which it then stands for.
func (ix *sourceIndex) foldAnonymous() {
	type slot struct{ via, class string }
	first := map[slot]string{}
	specific := map[string][]string{} // resolved via → keys of specific classes
	fold := func(from, to string) {
		a, b := ix.byKey[from], ix.byKey[to]
		for s, n := range a.surfaces {
			b.surfaces[s] += n
		}
		for x := range a.arts {
			b.arts[x] = true
		}
		for c, n := range a.count {
			b.count[c] += n
		}
		b.plural = b.plural || a.plural
		ix.byKey[from] = nil
		ix.alias[from] = to
	}
	for _, k := range ix.order {
		cs := ix.byKey[k]
		if cs == nil || cs.kind != kindAnonymous {
			continue
		}
		via := ""
		if cs.via != "" {
			via = ix.resolve(cs.via)
		}
		cs.via = via
		sl := slot{via, cs.class}
		if to, ok := first[sl]; ok {
			fold(k, to)
			continue
		}
		first[sl] = k
		if cs.class != "" {
			specific[via] = append(specific[via], k)
		}
	}
	for sl, k := range first {
		if sl.class != "" || len(specific[sl.via]) != 1 || sl.via == "" {
			continue
		}
		fold(k, specific[sl.via][0])
	}
}

// orgWords end the names of organisations, not people: "Halvard
// Minerals", "Tidewater Port Authority".
var orgWords = wordSet(`inc corp corporation co ltd llc plc group company companies holdings minerals mining bank
authority council ministry department office agency party union association institute university
college school hospital court police army navy force forces committee commission board foundation
fund trust club federation league network news radio television tv times post journal press
international airlines airways motors energy oil gas partners capital services systems technologies`)

// personName reports whether a source key can be a person's name: two to
// four words, none of them an organisation word.
func personName(key string) bool {
	ws := strings.Fields(key)
	if len(ws) < 2 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		if orgWords[w] {
			return false
		}
	}
	return true
}
