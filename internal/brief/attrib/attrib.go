// Package attrib finds attribution relations in news text: who (the
// source) says (the cue) what (the content), in the sense of Pareti's PARC
// and the PolNeAR corpus. It recognises the patterns of English news copy
// by rule, without a parser:
//
//	X said (that) …               … , X said.        … , said X.
//	according to X, …             … , according to X.
//	X, citing Y, reported …       X told Y (that) …  X denied …
//	“…,” he said. “…”             (a quotation split by its attribution)
//	“…” on its own after a quote  (the same speaker continuing)
//
// Quotations may be straight or curly and span several sentences or run
// on over paragraphs. Hedges ("reportedly", "was said to") are not
// attributions. Relations carry byte offsets into the text, so callers
// can map them back to sentences; brief/quote builds the quotes of a
// story from them, and brief/claim the claims and their origins.
package attrib

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// Relation is one attribution in a text: who (Source) says (Cue) what
// (Content). Spans are byte offsets into text.
type Relation struct {
	Source, Cue, Content news.Span
	SourceText           string // the source as written, e.g. "two people close to the government", "he", "Reuters"
	Verb                 string // lemma of the cue: "say", "tell", "deny", "report", "according to", "cite", "claim", ...
	Direct               bool   // content is a direct quotation (inside quotation marks)
	Denial               bool   // the cue denies the content ("denied", "refuted", "dismissed", "rejected", "called ... false")
	Anonymous            bool   // the source is anonymous ("sources", "people familiar with the matter", "an official who asked not to be named")

	// Quotes are the quotations inside Content, without their marks:
	// the whole content of a direct quote, the quoted fragments of an
	// indirect one ("called it “a wrong report”").
	Quotes []news.Span
	// Parts are the pieces of a content interrupted by its attribution
	// (“…,” he said, “…”), in order; nil when Content is one piece.
	Parts []news.Span
	// Via is the source that Source cites ("X, citing Y, reported": Y),
	// zero when none; ViaText is it as written.
	Via     news.Span
	ViaText string
	// Continued marks a quotation with no cue of its own that continues
	// the previous one; Source and Cue are those of that quote, in an
	// earlier sentence.
	Continued bool
}

// Find returns the attribution relations of text in order of their cues.
// sents are text's sentences as lang.Sentences returns them; nil sents
// are computed.
func Find(text string, sents []news.Span) []Relation {
	if sents == nil {
		sents = lang.Sentences(text)
	}
	segs := findQuotes(text)
	units := mergeUnits(sents, segs)
	var out []Relation
	lastIdx := -1 // index in out of the last relation of the previous unit
	lastUnit := -1
	for ui := 0; ui < len(units); ui++ {
		u := units[ui]
		toks := tokenize(text, u, segs)
		if len(toks) == 0 {
			continue
		}
		rels := findInUnit(text, toks)
		// A quotation closing its sentence with the attribution in the
		// next one: "“Who knows?” Jane Doe asked."
		if q := trailingQuote(toks); q >= 0 && !covered(rels, toks[q].Span) && ui+1 < len(units) && !strings.Contains(text[u.End:units[ui+1].Start], "\n") {
			joined := news.Span{Start: u.Start, End: units[ui+1].End}
			jt := tokenize(text, joined, segs)
			if jr := findInUnit(text, jt); covered(jr, toks[q].Span) {
				toks, rels = jt, jr
				ui++
			}
		}
		if len(rels) == 0 {
			if r, ok := colonIntro(text, toks, segs); ok {
				rels = append(rels, r)
			}
		}
		if len(rels) == 0 && lastIdx >= 0 && lastUnit == ui-1 {
			if r, ok := continuation(text, toks, out[lastIdx], segs); ok {
				if prev := &out[lastIdx]; !strings.Contains(text[prev.Content.End:r.Content.Start], "\n") && prev.Direct {
					// The same paragraph: one quotation split by its
					// attribution, as annotators count it.
					extend(prev, r)
					lastUnit = ui
					continue
				}
				rels = append(rels, r)
			}
		}
		if len(rels) > 0 {
			out = append(out, rels...)
			lastIdx, lastUnit = len(out)-1, ui
		}
	}
	return out
}

// extend appends the continuing quotation r to p as a further part.
func extend(p *Relation, r Relation) {
	if len(p.Parts) == 0 {
		p.Parts = []news.Span{p.Content}
	}
	p.Parts = append(p.Parts, r.Content)
	p.Content.End = r.Content.End
	p.Quotes = append(p.Quotes, r.Quotes...)
	p.Denial = p.Denial || r.Denial
}

// trailingQuote returns the index of the quotation ending toks (before
// final punctuation), or -1.
func trailingQuote(toks []token) int {
	k := len(toks) - 1
	for k >= 0 && toks[k].Kind == tPunct {
		k--
	}
	if k >= 0 && toks[k].Kind == tQuote {
		return k
	}
	return -1
}

// covered reports whether some relation's content holds span s.
func covered(rels []Relation, s news.Span) bool {
	for _, r := range rels {
		if r.Content.Start <= s.Start && s.Start < r.Content.End || r.Content.Start < s.End && s.End <= r.Content.End {
			return true
		}
	}
	return false
}

// colonIntro makes the relation of a quotation introduced by a clause
// ending in a colon, whatever its verb: "She then turned to the crowd:
// “…”". The clause's subject is the source; the cue is the colon. A
// unit ending in such a colon gets a relation without content, which
// the quotation in the next unit continues.
func colonIntro(text string, toks []token, segs []quoteSeg) (Relation, bool) {
	for c, t := range toks {
		if t.Text != ":" || c == 0 {
			continue
		}
		last := c == len(toks)-1
		if !last && toks[c+1].Kind != tQuote {
			continue
		}
		f, e := subjectOf(toks, c)
		if f < 0 {
			return Relation{}, false
		}
		r := Relation{
			Source: news.Span{Start: toks[f].Span.Start, End: toks[e-1].Span.End},
			Cue:    t.Span, Verb: ":",
		}
		r.SourceText = text[r.Source.Start:r.Source.End]
		r.Anonymous = isAnonymous(toks[f:e])
		if last {
			r.Content = news.Span{Start: t.Span.End, End: t.Span.End}
			return r, true
		}
		r.Content = trimContent(text, toks, c+1, clauseEnd(toks, c+1))
		setQuotes(text, toks, &r)
		return r, r.Direct
	}
	return Relation{}, false
}

// mergeUnits joins sentences so that no quotation crosses a unit
// boundary: a sentence splitter cuts inside multi-sentence quotes, but a
// quotation and its attribution must be read together.
func mergeUnits(sents []news.Span, segs []quoteSeg) []news.Span {
	units := make([]news.Span, 0, len(sents))
	si := 0
	for _, s := range sents {
		if n := len(units); n > 0 {
			prev := units[n-1]
			joined := false
			for k := si; k < len(segs) && segs[k].Outer.Start < prev.End; k++ {
				if segs[k].Outer.End > prev.End && segs[k].Outer.Start < s.End && segs[k].Outer.End > s.Start {
					joined = true
					break
				}
			}
			if joined {
				units[n-1].End = max(prev.End, s.End)
				continue
			}
			for si < len(segs) && segs[si].Outer.End <= prev.End {
				si++
			}
		}
		units = append(units, s)
	}
	return units
}

// continuation makes a relation for a unit without a cue that opens with
// a quotation right after a sentence holding a direct quote (or one
// ending in a colon): the same speaker goes on.
func continuation(text string, toks []token, last Relation, segs []quoteSeg) (Relation, bool) {
	if toks[0].Kind != tQuote {
		return Relation{}, false
	}
	endsColon := last.Content.Start == last.Content.End
	if !last.Direct && !endsColon {
		return Relation{}, false
	}
	// The unit must be the quotation and at most punctuation.
	for _, t := range toks[1:] {
		if t.Kind == tWord {
			return Relation{}, false
		}
	}
	r := last
	r.Content = news.Span{Start: toks[0].Span.Start, End: toks[len(toks)-1].Span.End}
	r.Quotes, r.Parts = nil, nil
	for _, t := range toks {
		if t.Kind == tQuote {
			r.Quotes = append(r.Quotes, segs[t.Seg].Inner)
		}
	}
	r.Content = trimContent(text, toks, 0, len(toks))
	r.Direct, r.Continued = true, true
	r.Denial = hasFalsity(text, r.Content) && countWords(text[r.Content.Start:r.Content.End]) <= 12
	return r, true
}

// determiners make the cue-like word after them a noun ("the report",
// "these claims").
var determiners = map[string]bool{
	"a": true, "an": true, "the": true, "this": true, "that": true, "these": true, "those": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true,
	"such": true, "any": true, "no": true, "every": true, "each": true, "to": true,
	"media": true, "news": true, "recent": true, "earlier": true, "previous": true, "new": true,
	"territorial": true, "first": true, "initial": true, "latest": true, "unconfirmed": true,
	"own": true, "press": true, "other": true, "of": true, "for": true, "with": true, "by": true,
	"in": true, "on": true, "at": true, "from": true, "about": true, "per": true, "into": true,
	"varying": true, "conflicting": true,
}

// findInUnit finds the relations whose cue lies in one unit.
func findInUnit(text string, toks []token) []Relation {
	var rels []Relation
	mainIdx := -1 // the unit's first verb relation, for participles and "citing"
	mainRel := func() *Relation {
		if mainIdx < 0 {
			return nil
		}
		return &rels[mainIdx]
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != tWord {
			continue
		}
		switch {
		case t.Low == "according" && i+1 < len(toks) && toks[i+1].Low == "to":
			if r, ok := accordingTo(text, toks, i, i+2, "according to"); ok {
				rels = append(rels, r)
			}
			i++
			continue
		case t.Low == "per" && (i == 0 || toks[i-1].Text == "," || toks[i-1].Low == "as") && i+1 < len(toks) && toks[i+1].Kind == tWord:
			start := i
			if i > 0 && toks[i-1].Low == "as" {
				start = i - 1
			}
			if r, ok := accordingTo(text, toks, start, i+1, "according to"); ok {
				if m := mainRel(); m != nil && m.Via == (news.Span{}) && r.Content.End >= m.Content.End-1 {
					m.Via, m.ViaText = r.Source, r.SourceText
				}
				rels = append(rels, r)
			}
			continue
		}
		lem := lemma(t.Low)
		if lem == "" {
			continue
		}
		if lem == "cite" {
			rels = append(rels, citing(text, toks, i, mainRel())...)
			continue
		}
		r, ok := verbRelation(text, toks, i, lem, mainRel())
		if !ok {
			continue
		}
		rels = append(rels, r)
		if mainIdx < 0 {
			mainIdx = len(rels) - 1
		}
		if r.Via != (news.Span{}) {
			// The interjected "citing Y" is a relation of Y too.
			if c := tokenBefore(toks, r.Via.Start); c >= 0 {
				rels = append(rels, Relation{
					Source: r.Via, SourceText: r.ViaText, Cue: toks[c].Span, Verb: "cite",
					Content: r.Content, Quotes: r.Quotes, Direct: r.Direct,
					Anonymous: isAnonymous(tokensIn(toks, r.Via)),
				})
			}
		}
	}
	return dropOuter(rels)
}

// dropOuter drops a relation whose cue only attributes when a quotation
// follows ("responded") when another cue inside its content owns the
// quotation ("responded to the headline by saying: “…”").
func dropOuter(rels []Relation) []Relation {
	out := rels[:0]
	for i, r := range rels {
		inner := false
		if needsQuote[r.Verb] {
			for j, o := range rels {
				if j != i && o.Cue.Start >= r.Content.Start && o.Cue.End <= r.Content.End && len(o.Quotes) > 0 {
					inner = true
					break
				}
			}
		}
		if !inner {
			out = append(out, r)
		}
	}
	return out
}

// verbRelation builds the relation of the reporting verb at toks[i].
func verbRelation(text string, toks []token, i int, lem string, main *Relation) (Relation, bool) {
	t := toks[i]
	if !isCueToken(toks, i, lem) {
		return Relation{}, false
	}
	if needsQuote[lem] && !quoteAhead(toks, i) && !quoteBehind(toks, i) && !clauseAhead(toks, i, lem) {
		return Relation{}, false
	}
	cueEnd := i + 1
	// Passive voice: "was said to", "is reported". "was quoted as saying"
	// keeps its source on the left.
	j := skipLeft(toks, i-1)
	if strings.HasSuffix(t.Low, "ing") && j >= 0 && toks[j].Kind == tWord && passiveAux[toks[j].Low] {
		j = skipLeft(toks, j-1) // "is labeling", "was saying"
		if j >= 0 && toks[j].Text == "," {
			// "X, for his part, is labeling": skip the interjection.
			k := j - 1
			for k >= 0 && toks[k].Kind == tWord {
				k--
			}
			if k >= 0 && toks[k].Text == "," && k+1 < j && interjected(toks[k+1].Low) {
				j = k - 1
			}
		}
	}
	if j >= 0 && toks[j].Kind == tWord && (toks[j].Low == "to" || toks[j].Low == "not" || strings.HasSuffix(toks[j].Low, "n't")) {
		return Relation{}, false // "declined to say", "did not deny"
	}
	if j >= 0 && toks[j].Kind == tWord && passiveAux[toks[j].Low] && !strings.HasSuffix(t.Low, "ing") {
		if lem == "quote" && cueEnd+1 < len(toks) && toks[cueEnd].Low == "as" && lemma(toks[cueEnd+1].Low) == "say" {
			cueEnd += 2
			lem = "say"
			for j >= 0 && toks[j].Kind == tWord && (passiveAux[toks[j].Low] || skipBeforeCue[toks[j].Low]) {
				j--
			}
			j = skipLeft(toks, j)
		} else {
			return Relation{}, false
		}
	}
	if lem == "quote" {
		return Relation{}, false
	}
	r := Relation{Cue: news.Span{Start: t.Span.Start, End: toks[cueEnd-1].Span.End}, Verb: lem}

	participle := strings.HasSuffix(t.Low, "ing") && (i == 0 || toks[i-1].Text == "," || toks[i-1].Kind == tQuote || toks[i-1].Low == "and" || toks[i-1].Low == "while" || toks[i-1].Low == "before" || toks[i-1].Low == "after")
	var srcFrom, srcTo int // token range of the source
	inverted := false
	switch {
	case participle:
		srcFrom, srcTo = -1, -1
		switch {
		case main != nil:
			r.Source, r.SourceText, r.Anonymous = main.Source, main.SourceText, main.Anonymous
		default:
			// "X did Y, saying …": the clause's subject speaks.
			f, e := subjectOf(toks, i)
			if f < 0 {
				return Relation{}, false
			}
			srcFrom, srcTo = f, e
		}
	case j >= 0 && toks[j].Kind == tWord && subjectPronouns[toks[j].Low]:
		srcFrom, srcTo = j, j+1 // "an investment he concludes"
	case j >= 1 && toks[j].Kind == tWord && (toks[j].Low == "who" || toks[j].Low == "which"):
		// "Jane Doe, who said …": the relative pronoun's antecedent.
		a := j - 1
		if toks[a].Text == "," {
			a--
		}
		a = skipLeft(toks, a)
		if a < 0 || toks[a].Kind != tWord {
			return Relation{}, false
		}
		srcFrom, srcTo = nounPhraseLeft(toks, a), a+1
		if isCapitalized(toks[a].Text) {
			srcFrom = nameRunLeft(toks, a)
		}
	case j >= 0 && toks[j].Kind == tWord && (toks[j].Low == "but" || toks[j].Low == "and") && j > 0 && (toks[j-1].Text == "," || toks[j-1].Kind == tWord && !isCapitalized(toks[j-1].Text) && !subjectPronouns[toks[j-1].Low]):
		// "X backed Y, but now said …": the clause's subject speaks.
		f, e := subjectOf(toks, i)
		if f < 0 {
			return Relation{}, false
		}
		srcFrom, srcTo = f, e
	case j >= 0 && toks[j].Kind == tWord && !boundaryWords[toks[j].Low]:
		srcFrom, srcTo = nounPhraseLeft(toks, j), j+1
	case j >= 1 && toks[j].Text == "," && toks[j-1].Text == ")":
		// "Jane Doe (D-Ore.), said".
		a := skipLeft(toks, j-1)
		if a < 0 || toks[a].Kind != tWord || boundaryWords[toks[a].Low] {
			return Relation{}, false
		}
		srcFrom, srcTo = nounPhraseLeft(toks, a), a+1
	case j >= 1 && toks[j].Text == "," && toks[j-1].Kind == tWord:
		// An appositive: "Jane Doe, a spokeswoman for the ministry, said".
		// The appositive may run over several commas: "Jane Doe, the
		// author of “A Book,” about the campaign, said".
		k := j
		for seg := 0; seg < 3; seg++ {
			k--
			for k >= 0 && !strings.Contains(",.;:", toks[k].Text) {
				k--
			}
			if k < 1 || toks[k].Text != "," || k+1 >= len(toks) || appositive(toks[k+1].Low) || interjected(toks[k+1].Low) {
				break
			}
		}
		if k >= 1 && toks[k].Text == "," && (appositive(toks[k+1].Low) || interjected(toks[k+1].Low)) {
			if a := skipLeft(toks, k-1); a >= 0 && toks[a].Kind == tWord && !boundaryWords[toks[a].Low] {
				srcFrom, srcTo = nounPhraseLeft(toks, a), j
			} else {
				return Relation{}, false
			}
			if w := toks[k+1].Low; (w == "citing" || w == "quoting") && k+2 < j {
				// "X, citing Y, reported": X is the source, through Y.
				srcTo = k
				r.Via = news.Span{Start: toks[k+2].Span.Start, End: toks[j-1].Span.End}
				r.ViaText = text[r.Via.Start:r.Via.End]
			}
		} else {
			inverted = true
		}
	default:
		inverted = true
	}
	if inverted {
		// "…,” said Jane Doe." — the source follows the cue.
		if i == 0 || (toks[i-1].Text != "," && toks[i-1].Kind != tQuote && toks[i-1].Text != "—") {
			return Relation{}, false
		}
		srcFrom = cueEnd
		srcTo = srcFrom
		appos := false // inside an appositive, where time words are part of it
		for srcTo < len(toks) {
			t := toks[srcTo]
			if t.Text == "," && srcTo+1 < len(toks) && toks[srcTo+1].Kind == tWord && appositive(toks[srcTo+1].Low) {
				appos = true
				srcTo++
				continue
			}
			if t.Kind != tWord || srcTo > srcFrom && (subordinators[t.Low] || !appos && timeWords[t.Low]) {
				break
			}
			srcTo++
		}
		if srcTo == srcFrom || !opensSource(toks[srcFrom]) {
			return Relation{}, false
		}
		// The source ends the clause ("said the minister on Friday.", "said
		// Jane Doe when asked"), it does not open one ("said the plan
		// would fail").
		if e := skipAdverbials(toks, srcTo); e < len(toks) && toks[e].Kind == tWord && !subordinators[toks[e].Low] {
			return Relation{}, false
		}
	}
	if srcFrom >= 0 {
		r.Source = news.Span{Start: toks[srcFrom].Span.Start, End: toks[srcTo-1].Span.End}
		r.SourceText = text[r.Source.Start:r.Source.End]
		r.Anonymous = isAnonymous(toks[srcFrom:srcTo])
	}

	// Content after the cue (or after an inverted source).
	after := cueEnd
	if inverted {
		after = srcTo
	}
	aFrom, aTo := contentAfter(toks, after, lem, inverted)
	// Content before the source: “…,” X said.
	bFrom, bTo := -1, -1
	lead := srcFrom
	if inverted || participle {
		lead = i
	}
	if lead > 0 {
		p := toks[lead-1]
		if p.Text == "," || p.Kind == tQuote || p.Text == "—" || p.Text == "–" || p.Text == ":" {
			bTo = lead
			if p.Kind != tQuote {
				bTo = lead - 1
			}
			bFrom = 0
			if main != nil && main.Content.End <= toks[bTo-1].Span.End && !participle {
				// After another relation of the unit, content starts where it ended.
				bFrom = firstTokenAfter(toks, main.Content.End)
			}
			if bTo-bFrom < 1 || participle {
				bFrom, bTo = -1, -1
			}
		}
	}
	beforeQuote := bTo > 0 && toks[bTo-1].Kind == tQuote
	switch {
	case bFrom >= 0 && aFrom >= 0 && toks[aFrom].Kind == tQuote && (beforeQuote || toks[bTo].Text == ","):
		// “…,” she said, “…” — or "Sooner or later, he said, “…”".
		b := trimContent(text, toks, bFrom, bTo)
		a := trimContent(text, toks, aFrom, aTo)
		r.Parts = []news.Span{b, a}
		r.Content = news.Span{Start: b.Start, End: a.End}
	case bFrom >= 0 && (aFrom < 0 || beforeQuote || inverted):
		r.Content = trimContent(text, toks, bFrom, bTo)
	case aFrom >= 0:
		r.Content = trimContent(text, toks, aFrom, aTo)
	default:
		// No content in the unit: "Jane Doe said:" before a quotation.
		r.Content = news.Span{Start: r.Cue.End, End: r.Cue.End}
		if !endsWithColon(toks, after) {
			return Relation{}, false
		}
	}
	for k := range toks {
		q := toks[k]
		if q.Kind == tQuote && q.Span.Start >= r.Content.Start && q.Span.End <= r.Content.End+1 {
			r.Quotes = append(r.Quotes, innerOf(text, q))
		}
	}
	r.Direct = len(r.Quotes) > 0 && onlyQuotes(text, r)
	r.Denial = denialLemmas[lem] || len(r.Quotes) > 0 && hasFalsity(text, r.Content) && (needsQuote[lem] || countWords(text[r.Content.Start:r.Content.End]) <= 12) ||
		hasFalsity(text, r.Content) && countWords(text[r.Content.Start:r.Content.End]) <= 8
	return r, true
}

// headlineCues may be capitalised as cues in a title-case headline.
var headlineCues = map[string]bool{
	"say": true, "tell": true, "deny": true, "claim": true, "warn": true, "admit": true, "insist": true,
	"urge": true, "vow": true, "reveal": true, "slam": true, "blast": true, "ask": true, "accuse": true,
	"reject": true, "dismiss": true, "confirm": true, "predict": true, "argue": true,
}

// nounishLemmas have forms that are also nouns ("reports", "claims").
var nounishLemmas = map[string]bool{
	"report": true, "claim": true, "comment": true, "remark": true, "note": true, "post": true,
	"tweet": true, "call": true, "quote": true, "answer": true, "promise": true, "pledge": true,
	"vow": true, "estimate": true, "demand": true, "statement": true, "denial": true, "state": true,
	"counter": true, "dispute": true, "reply": true, "response": true, "warn": false, "stress": true,
	"recall": true, "concern": true, "add": false, "cite": false, "label": true, "write": false,
}

// nounFollowers after a cue-like word make it a noun: "reports from",
// "claims of", "a report said".
var nounFollowers = map[string]bool{
	"from": true, "of": true, "about": true, "by": true, "in": false, "over": true, "into": true,
	"were": true, "are": true, "was": true, "is": true, "have": true, "has": true, "had": true,
	"suggesting": true, "and": true, "or": true, "published": true, "released": true, "which": true,
}

// isCueToken decides whether the cue-like word toks[i] is used as a
// reporting verb rather than as a noun, a proper name ("United States")
// or an infinitive.
func isCueToken(toks []token, i int, lem string) bool {
	t := toks[i]
	prev := prevWord(toks, i)
	if isCapitalized(t.Text) {
		// Only in a title-case headline: "Mayor Says She Will Run".
		if !headlineCues[lem] || t.Low == lem || i == 0 || !isCapitalized(toks[i-1].Text) || i+1 >= len(toks) || !isCapitalized(toks[i+1].Text) {
			return false
		}
	}
	if prev != "" {
		inflected := strings.HasSuffix(prev, "ed") || strings.HasSuffix(prev, "ing")
		if determiners[prev] || strings.HasSuffix(prev, "'s") || strings.HasSuffix(prev, "’s") || lemma(prev) != "" && inflected && !strings.HasSuffix(t.Low, "ing") {
			return false // a noun: "the report", "denied reports"
		}
	}
	next := nextWord(toks, i)
	if lem == "call" && (next == "off" || next == "up" || next == "in") {
		return false
	}
	ing := strings.HasSuffix(t.Low, "ing")
	if nounishLemmas[lem] && !ing && !strings.HasSuffix(t.Low, "ed") {
		// "reports from", "a report said", "claims and".
		if nounFollowers[next] || next != "" && lemma(next) != "" && next != "that" {
			return false
		}
		if t.Low == lem && (prev == "" || !pronoun(prev) && !strings.HasSuffix(prev, "s")) {
			return false
		}
	}
	if t.Low == lem && lem != "say" && lem != "tell" && (prev == "" || !pronoun(prev) && !isCapitalized(toks[i-1].Text) && !strings.HasSuffix(prev, "s")) {
		// A bare lemma is more often an infinitive or imperative.
		return false
	}
	return true
}

// skipLeft moves left from toks[j] over auxiliaries, adverbs ("has also
// said", "strongly denied") and time adverbials ("in recent months")
// that stand between a source and its cue.
func skipLeft(toks []token, j int) int {
	for {
		// A parenthesis: "Harry Reid (D-Nev.) told".
		if j >= 0 && toks[j].Text == ")" {
			k := j - 1
			for k >= 0 && k > j-12 && toks[k].Text != "(" && toks[k].Text != ")" {
				k--
			}
			if k >= 0 && toks[k].Text == "(" {
				j = k - 1
				continue
			}
		}
		for j >= 0 && toks[j].Kind == tWord && (skipBeforeCue[toks[j].Low] || isLyAdverb(toks[j].Text)) {
			j--
		}
		// A time adverbial ending at j: "on Friday", "in recent months".
		k := j
		for k >= 0 && k > j-5 && toks[k].Kind == tWord && (adverbialNouns[toks[k].Low] || toks[k].Low == "recent" || isNumber(toks[k].Text) || isTimeName(toks[k].Low)) {
			k--
		}
		if k < j && k >= 1 && toks[k].Kind == tWord && (timePreps[toks[k].Low]) && toks[k-1].Kind == tWord {
			j = k - 1
			continue
		}
		return j
	}
}

var timePreps = map[string]bool{"on": true, "in": true, "during": true, "over": true, "last": true, "this": true, "earlier": true, "since": true}

var timeNames = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": false, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"today": true, "yesterday": true, "tonight": true,
}

func isTimeName(w string) bool { return timeNames[strings.TrimSuffix(w, ".")] }

// isLyAdverb reports whether a lower-case word looks like a manner
// adverb ("strongly", "flatly").
func isLyAdverb(w string) bool {
	if !strings.HasSuffix(w, "ly") || len(w) < 5 || isCapitalized(w) {
		return false
	}
	switch w {
	case "family", "ally", "rally", "supply", "assembly", "italy", "july", "monopoly", "anomaly", "reply", "apply":
		return false
	}
	return true
}

// innerOf returns the span of a quotation token without its marks.
func innerOf(text string, q token) news.Span {
	s := q.Span
	start := s.Start + strings.Index(text[s.Start:s.End], q.Text)
	return news.Span{Start: start, End: start + len(q.Text)}
}

// onlyQuotes reports whether the content of r is its quotations and at
// most a complementiser or punctuation (and the attribution between
// Parts).
func onlyQuotes(text string, r Relation) bool {
	rest := text[r.Content.Start:r.Content.End]
	var b strings.Builder
	pos := r.Content.Start
	cut := func(s news.Span) {
		if s.Start > pos {
			b.WriteString(text[pos:s.Start])
		}
		pos = max(pos, s.End)
	}
	gaps := r.Quotes
	if len(r.Parts) == 2 {
		// Skip the attribution between the parts.
		gaps = append(slices.Clone(gaps), news.Span{Start: r.Parts[0].End, End: r.Parts[1].Start})
		slices.SortFunc(gaps, func(a, b news.Span) int { return a.Start - b.Start })
	}
	for _, q := range gaps {
		cut(q)
	}
	if pos < r.Content.End {
		b.WriteString(text[pos:r.Content.End])
	}
	_ = rest
	n := 0
	for _, w := range lang.Words(b.String()) {
		if w != "that" {
			n++
		}
	}
	return n == 0
}

// accordingTo builds the relation of "according to X" / "per X" whose
// cue starts at toks[i] and whose source starts at toks[s].
func accordingTo(text string, toks []token, i, s int, verb string) (Relation, bool) {
	e := s
	for e < len(toks) && toks[e].Kind == tWord && !(e > s && (toks[e].Low == "that" || lemma(toks[e].Low) != "" && !determiners[toks[e-1].Low] && !possessive(toks[e-1].Low))) {
		e++
	}
	if e == s {
		return Relation{}, false
	}
	r := Relation{
		Cue:    news.Span{Start: toks[i].Span.Start, End: toks[s-1].Span.End},
		Source: news.Span{Start: toks[s].Span.Start, End: toks[e-1].Span.End},
		Verb:   verb,
	}
	r.SourceText = text[r.Source.Start:r.Source.End]
	r.Anonymous = isAnonymous(toks[s:e])
	if e+1 < len(toks) && toks[e].Low == "citing" {
		v := e + 1
		for v < len(toks) && toks[v].Kind == tWord {
			v++
		}
		if v > e+1 {
			r.Via = news.Span{Start: toks[e+1].Span.Start, End: toks[v-1].Span.End}
			r.ViaText = text[r.Via.Start:r.Via.End]
		}
	}
	clauseStart := i == 0 || toks[i-1].Kind == tPunct && toks[i-1].Text != "," || i == 1 && toks[0].Kind == tWord && (toks[0].Low == "but" || toks[0].Low == "and")
	switch {
	case clauseStart && e < len(toks) && toks[e].Text == ",":
		r.Content = trimContent(text, toks, e+1, clauseEnd(toks, e+1))
	case i > 0:
		from := 0
		for k := i - 1; k >= 0; k-- {
			if toks[k].Text == ";" {
				from = k + 1
				break
			}
		}
		to := i
		if toks[i-1].Text == "," {
			to = i - 1
		}
		if to <= from {
			return Relation{}, false
		}
		r.Content = trimContent(text, toks, from, to)
	default:
		return Relation{}, false
	}
	if r.Content.End <= r.Content.Start {
		return Relation{}, false
	}
	for _, q := range toks {
		if q.Kind == tQuote && q.Span.Start >= r.Content.Start && q.Span.End <= r.Content.End+1 {
			r.Quotes = append(r.Quotes, innerOf(text, q))
		}
	}
	r.Direct = len(r.Quotes) > 0 && onlyQuotes(text, r)
	return r, true
}

// citing handles "X, citing Y, reported…" (Y becomes main's Via, and a
// relation of its own with main's content) and "X cited Y as saying…"
// (a relation of X via Y, and one of Y).
func citing(text string, toks []token, i int, main *Relation) []Relation {
	s := i + 1
	e := s
	for e < len(toks) && toks[e].Kind == tWord && !(e > s && (toks[e].Low == "as" || toks[e].Low == "that")) {
		e++
	}
	if e == s {
		return nil
	}
	src := news.Span{Start: toks[s].Span.Start, End: toks[e-1].Span.End}
	r := Relation{
		Cue: toks[i].Span, Verb: "cite", Source: src,
		SourceText: text[src.Start:src.End], Anonymous: isAnonymous(toks[s:e]),
	}
	if e+1 < len(toks) && toks[e].Low == "as" && lemma(toks[e+1].Low) != "" {
		// "cited two sources as saying that …"
		aFrom, aTo := contentAfter(toks, e+2, lemma(toks[e+1].Low), false)
		if aFrom < 0 {
			return nil
		}
		r.Content = trimContent(text, toks, aFrom, aTo)
		setQuotes(text, toks, &r)
		cited := r
		cited.Cue = news.Span{Start: toks[e].Span.Start, End: toks[e+1].Span.End}
		cited.Verb = lemma(toks[e+1].Low)
		j := i - 1
		for j >= 0 && toks[j].Kind == tWord && skipBeforeCue[toks[j].Low] {
			j--
		}
		if j < 0 || toks[j].Kind != tWord || boundaryWords[toks[j].Low] {
			return []Relation{cited}
		}
		from := nounPhraseLeft(toks, j)
		r.Via, r.ViaText = r.Source, r.SourceText
		r.Source = news.Span{Start: toks[from].Span.Start, End: toks[j].Span.End}
		r.SourceText = text[r.Source.Start:r.Source.End]
		r.Anonymous = isAnonymous(toks[from : j+1])
		return []Relation{r, cited}
	}
	if main == nil || i == 0 || toks[i-1].Text != "," && toks[i-1].Kind != tWord {
		return nil
	}
	if main.Via == (news.Span{}) {
		main.Via, main.ViaText = src, r.SourceText
	}
	r.Content = main.Content
	r.Quotes = main.Quotes
	r.Direct = main.Direct
	return []Relation{r}
}

// setQuotes fills r.Quotes with the quotations inside r.Content and sets
// r.Direct.
func setQuotes(text string, toks []token, r *Relation) {
	r.Quotes = nil
	for _, q := range toks {
		if q.Kind == tQuote && q.Span.Start >= r.Content.Start && q.Span.End <= r.Content.End+1 {
			r.Quotes = append(r.Quotes, innerOf(text, q))
		}
	}
	r.Direct = len(r.Quotes) > 0 && onlyQuotes(text, *r)
}

// contentAfter returns the token range of the content that follows a cue
// ending before toks[k], or -1s when there is none: recipients ("told
// reporters"), time adverbials ("on Friday") and "in a statement" are
// skipped; "that", a colon or a quotation starts the content; a comma
// ends it before it started.
func contentAfter(toks []token, k int, lem string, inverted bool) (int, int) {
	if inverted {
		// After "…,” said X" only a second quotation part can follow.
		if k+1 < len(toks) && toks[k].Text == "," && toks[k+1].Kind == tQuote {
			return k + 1, clauseEnd(toks, k+1)
		}
		return -1, -1
	}
	// "He added, though, that …", "said, among other things, that":
	// skip a short interjection.
	if k < len(toks) && toks[k].Text == "," {
		for m := k + 1; m < len(toks) && m < k+6; m++ {
			if toks[m].Kind != tWord {
				if toks[m].Text == "," && m > k+1 && m+1 < len(toks) && (toks[m+1].Low == "that" || toks[m+1].Kind == tQuote) {
					k = m + 1
				}
				break
			}
		}
	}
	start := k
	// Skip recipient and adverbials, at most eight tokens, looking for
	// an explicit start of the content. After a preposition opening an
	// adverbial ("in her opening remarks", "during last night's
	// debate") any words may follow before "that".
	adverbial := false
	for n := k; n < len(toks) && n < k+9; n++ {
		t := toks[n]
		if t.Kind == tWord && adverbialOpeners[t.Low] {
			adverbial = true
		}
		switch {
		case t.Kind == tQuote:
			return n, clauseEnd(toks, n)
		case t.Low == "that" && (n == k || !determiners[prevWord(toks, n)]):
			return n, clauseEnd(toks, n+1)
		case t.Text == ":":
			if n+1 < len(toks) {
				return n + 1, clauseEnd(toks, n+1)
			}
			return -1, -1
		case t.Text == ",":
			if n+1 < len(toks) && toks[n+1].Kind == tQuote {
				return n + 1, clauseEnd(toks, n+1)
			}
			if n == k {
				// "joked, again in a mock accent, “…”": a phrase between
				// the cue and the quotation.
				for m := n + 1; m < len(toks) && m < n+14; m++ {
					if toks[m].Kind == tQuote {
						break
					}
					if (toks[m].Text == "," || toks[m].Text == ":") && m+1 < len(toks) && toks[m+1].Kind == tQuote {
						return m + 1, clauseEnd(toks, m+1)
					}
					if toks[m].Kind == tPunct && toks[m].Text != "," && toks[m].Text != "-" {
						break
					}
				}
				return -1, -1
			}
			n = len(toks) // stop looking
		case t.Kind == tPunct && t.Text != "-" && t.Text != "'" && t.Text != "’":
			n = len(toks)
		case t.Kind == tWord && !adverbial && !skippableBeforeContent(t, n-k, lem):
			n = len(toks)
		}
	}
	// No explicit start: skip a recipient of "tell" and adverbials.
	start = skipAdverbials(toks, start)
	if lem == "tell" || lem == "ask" || lem == "warn" || lem == "urge" || lem == "assure" {
		e := start
		for e < len(toks) && e < start+5 && toks[e].Kind == tWord && toks[e].Low != "that" {
			e++
		}
		start = skipAdverbials(toks, e)
	}
	end := clauseEnd(toks, start)
	// "suggested he had silenced her: “…”": the quotation is the content.
	for n := start; n+1 < end; n++ {
		if toks[n].Text == ":" && toks[n+1].Kind == tQuote {
			return n + 1, end
		}
	}
	words := 0
	for _, t := range toks[start:end] {
		if t.Kind == tWord || t.Kind == tQuote {
			words++
		}
	}
	if words < 2 {
		return -1, -1
	}
	return start, end
}

// adverbialOpeners open a phrase between a cue and its content: "said
// after a meeting on Tuesday that", "said of the plan that".
var adverbialOpeners = map[string]bool{
	"on": true, "in": true, "at": true, "during": true, "after": true, "before": true, "over": true,
	"since": true, "following": true, "via": true, "of": true, "last": true, "earlier": true, "this": true,
}

// skippableBeforeContent reports whether a word at offset n after a cue
// can belong to a recipient or an adverbial before "that" or a quotation:
// "told reporters on Friday that", "said in a statement that".
func skippableBeforeContent(t token, n int, lem string) bool {
	if timeWords[t.Low] || adverbialNouns[t.Low] || isCapitalized(t.Text) || isNumber(t.Text) || isTimeName(t.Low) || recipients[t.Low] {
		return true
	}
	switch lem {
	case "tell", "ask", "warn", "urge", "assure", "write", "remind", "inform":
		return n < 4
	}
	return false
}

// recipients are words of the addressee of a cue ("told reporters").
var recipients = map[string]bool{
	"to": true, "reporters": true, "journalists": true, "me": true, "us": true, "him": true,
	"her": true, "them": true, "lawmakers": true, "colleagues": true, "supporters": true,
	"viewers": true, "listeners": true, "readers": true, "audience": true, "crowd": true,
	"members": true, "his": true, "their": true, "its": true, "our": true, "local": true,
	"state": true, "public": true, "interviewer": true, "outlet": true, "agency": true,
	"newspaper": true, "broadcaster": true, "channel": true, "network": true, "magazine": true,
}

// skipAdverbials skips time and manner adverbials at toks[k:]: "on
// Friday", "last week", "in a statement", "earlier this month".
func skipAdverbials(toks []token, k int) int {
	for k < len(toks) && toks[k].Kind == tWord {
		low := toks[k].Low
		switch {
		case timeWords[low]:
			k++
			for k < len(toks) && toks[k].Kind == tWord && (adverbialNouns[toks[k].Low] || isCapitalized(toks[k].Text) && !pronoun(toks[k].Low) || isNumber(toks[k].Text)) {
				k++
			}
		case adverbialNouns[low] && k > 0 && toks[k-1].Kind == tWord && (timeWords[toks[k-1].Low] || adverbialNouns[toks[k-1].Low]):
			k++
		default:
			return k
		}
	}
	return k
}

// adverbialNouns complete an adverbial opened by a time word.
var adverbialNouns = map[string]bool{
	"a": true, "an": true, "the": true, "this": true, "last": true, "next": true, "that": false,
	"week": true, "month": true, "year": true, "night": true, "morning": true, "afternoon": true,
	"evening": true, "day": true, "weekend": true, "statement": true, "interview": true,
	"post": true, "tweet": true, "speech": true, "letter": true, "email": true, "conference": true,
	"briefing": true, "call": true, "meeting": true, "video": true, "message": true, "address": true,
	"remarks": true, "press": true, "news": true, "written": true, "televised": true, "phone": true,
	"telephone": true, "online": true, "earlier": true, "later": true, "ago": true, "days": true,
	"weeks": true, "months": true, "years": true, "hearing": true, "testimony": true, "debate": true,
	"rally": true, "radio": true, "television": true, "tv": true, "social": true, "media": true,
}

func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			if r != ',' && r != '.' {
				return false
			}
		}
	}
	return w != ""
}

// clauseEnd returns where the content starting at toks[k] ends: at the
// end of the unit, at a semicolon, or before ", <participle cue>" /
// ", according to" / ", citing" / ", per" that opens another relation.
func clauseEnd(toks []token, k int) int {
	for n := k; n < len(toks); n++ {
		t := toks[n]
		if t.Text == ";" {
			return n
		}
		if t.Kind == tQuote && n > k && n+1 < len(toks) && toks[n+1].Kind == tWord && strings.HasSuffix(toks[n+1].Low, "ing") && lemma(toks[n+1].Low) != "" {
			return n + 1 // "… together," suggesting that …
		}
		if t.Text == "," && n+1 < len(toks) && toks[n+1].Kind == tWord {
			next := toks[n+1].Low
			if next == "according" || next == "citing" || next == "per" || next == "as" && n+2 < len(toks) && toks[n+2].Low == "per" ||
				strings.HasSuffix(next, "ing") && lemma(next) != "" {
				return n
			}
			// ", X said." at the end: the content ends before the source.
			if m := n + 1; m < len(toks) {
				e := m
				for e < len(toks) && toks[e].Kind == tWord && e < m+8 {
					if lemma(toks[e].Low) != "" && e > m {
						rest := e + 1
						for rest < len(toks) && (toks[rest].Kind == tWord && (timeWords[toks[rest].Low] || adverbialNouns[toks[rest].Low] || isCapitalized(toks[rest].Text)) || toks[rest].Text == ",") {
							rest++
						}
						if rest >= len(toks) || toks[rest].Kind == tPunct && toks[rest].Text != "," {
							return n
						}
						break
					}
					e++
				}
			}
		}
	}
	return len(toks)
}

// trimContent returns the span of toks[from:to] without trailing commas,
// periods and dashes outside quotations.
func trimContent(text string, toks []token, from, to int) news.Span {
	for to > from && toks[to-1].Kind == tPunct && strings.Contains(",.;:—–-", toks[to-1].Text) {
		to--
	}
	for from < to && (toks[from].Kind == tPunct && strings.Contains(",;:—–-", toks[from].Text) ||
		from+1 < to && toks[from+1].Text == "," && sentenceAdverbs[toks[from].Low]) {
		from++
	}
	if from >= to {
		return news.Span{Start: toks[min(from, len(toks)-1)].Span.Start, End: toks[min(from, len(toks)-1)].Span.Start}
	}
	return news.Span{Start: toks[from].Span.Start, End: toks[to-1].Span.End}
}

// sentenceAdverbs open a sentence before a comma and belong to no
// content: "However, …".
var sentenceAdverbs = map[string]bool{
	"however": true, "meanwhile": true, "additionally": true, "moreover": true, "still": true,
	"nonetheless": true, "nevertheless": true, "instead": true, "indeed": true, "also": true,
	"furthermore": true, "separately": true, "yet": true, "but": true, "and": true, "so": true,
	"though": true, "too": true, "again": true, "later": true, "then": true, "once": true,
}

// nounPhraseLeft returns the index of the first token of the noun phrase
// ending at toks[j], read leftwards up to a clause boundary. A name takes
// its titles and roles ("Kremlin spokesman Dmitry Peskov", "the weekly
// Herald"); a name after a preposition is the end of a longer phrase
// ("two people close to the Council").
func nounPhraseLeft(toks []token, j int) int {
	// "an official who asked not to be named", "a diplomat who spoke on
	// condition of anonymity": the relative clause belongs to the source.
	if toks[j].Low == "named" || toks[j].Low == "identified" || toks[j].Low == "anonymity" || toks[j].Low == "publicly" || toks[j].Low == "record" {
		for w := j - 1; w > 0 && w > j-10 && toks[w].Kind == tWord; w-- {
			if toks[w].Low == "who" && toks[w-1].Kind == tWord {
				return nounPhraseLeft(toks, w-1)
			}
		}
	}
	k := j
	if isCapitalized(toks[j].Text) {
		k = nameRunLeft(toks, j)
		if k == 0 || toks[k-1].Kind != tWord || !namePreps[toks[k-1].Low] {
			return trimLead(toks, k, j)
		}
		k--
	}
	for k > 0 {
		p := toks[k-1]
		if p.Kind != tWord || npStops[p.Low] || boundaryWords[p.Low] && !(p.Low == "and" && k >= 2 && isCapitalized(toks[k].Text) && isCapitalized(toks[k-2].Text)) {
			break
		}
		if lemma(p.Low) != "" && !determiners[prevWord(toks, k-1)] && !isCapitalized(p.Text) && !(strings.HasSuffix(p.Low, "ed") && toks[k].Low == "by") {
			break // another verb: "…who reported X said"
		}
		if j-k >= 11 {
			break
		}
		k--
	}
	return trimLead(toks, k, j)
}

// partyWords open appositives after politicians' names: "Jane Doe,
// Republican of Ohio, said".
var partyWords = map[string]bool{
	"republican": true, "democrat": true, "democratic": true, "independent": true, "conservative": true,
	"liberal": true, "labour": true, "labor": true, "socialist": true, "green": true,
}

// subordinators may follow a source written after its cue: "said Jane
// Doe when asked", "said Doe, referring to".
var subordinators = map[string]bool{
	"when": true, "while": true, "as": true, "after": true, "before": true, "because": true,
	"referring": true, "adding": true, "noting": true, "who": true, "whose": true, "during": true,
	"speaking": true, "according": true, "citing": true, "in": true, "at": true, "on": true,
}

// functionWord reports whether a capitalised word is a function word
// opening a sentence ("When", "But", "In") rather than part of a name.
func functionWord(low string) bool {
	return boundaryWords[low] || timePreps[low] || low == "for" || low == "with" || low == "from" || low == "by" || low == "at" || low == "as" || low == "if" || low == "it" || low == "this"
}

// subjectPronouns can be a whole source.
var subjectPronouns = map[string]bool{"he": true, "she": true, "they": true, "i": true, "we": true, "you": true}

// subjectOf returns the token range of the subject of the clause holding
// toks[i]: the noun phrase opening the unit, after a leading adverbial
// ("In a statement Friday, the ministry …") — or -1s when the unit does
// not open with one.
func subjectOf(toks []token, i int) (int, int) {
	f := 0
	// Skip a leading adverbial phrase ending with a comma.
	if f < len(toks) && toks[f].Kind == tWord && (functionWord(toks[f].Low) || strings.HasSuffix(toks[f].Low, "ing")) {
		for k := f; k < i && k < f+12; k++ {
			if toks[k].Text == "," {
				f = k + 1
				break
			}
		}
	}
	for f < i && toks[f].Kind == tWord && sentenceAdverbs[toks[f].Low] {
		f++
	}
	e := f
	for e < i && toks[e].Kind == tWord {
		w := toks[e]
		if subjectPronouns[w.Low] {
			if e == f {
				return f, e + 1
			}
			break
		}
		if !(isCapitalized(w.Text) && !functionWord(w.Low) || roleWords[w.Low] || determiners[w.Low] && e == f || possessive(w.Low) || w.Low == "of") {
			break
		}
		e++
	}
	// "Khan, who is Muslim, also decried": the name before an appositive.
	if e == f || e-f == 1 && determiners[toks[f].Low] {
		return -1, -1
	}
	return f, e
}

// nameRunLeft returns the first token of the name ending at toks[j] with
// its titles and roles ("Kremlin spokesman Jane Doe"), lower-case
// modifiers when they open the clause ("political scientist Jane Doe"
// after a quotation) and a leading article.
func nameRunLeft(toks []token, j int) int {
	k := j
	for k > 0 && toks[k-1].Kind == tWord && (isCapitalized(toks[k-1].Text) && !functionWord(toks[k-1].Low) || roleWords[toks[k-1].Low] || toks[k-1].Low == "of" && k >= 2 && isCapitalized(toks[k-2].Text)) {
		k--
	}
	// "he and Jane Doe", "Doe and Smith".
	if k >= 2 && toks[k-1].Low == "and" && toks[k-2].Kind == tWord && (isCapitalized(toks[k-2].Text) && !functionWord(toks[k-2].Low) || subjectPronouns[toks[k-2].Low]) {
		k = nameRunLeft(toks, k-2)
	}
	m := k
	for m > 0 && m > k-3 && toks[m-1].Kind == tWord && !isCapitalized(toks[m-1].Text) && !boundaryWords[toks[m-1].Low] && !npStops[toks[m-1].Low] && lemma(toks[m-1].Low) == "" {
		m--
	}
	if m < k && (m == 0 || toks[m-1].Kind == tQuote || toks[m-1].Text == ",") {
		k = m
	}
	if k > 0 && toks[k-1].Kind == tWord && (toks[k-1].Low == "the" || toks[k-1].Low == "a" || toks[k-1].Low == "an") {
		k--
	}
	return k
}

// trimLead drops sentence adverbs and conjunctions opening a source.
func trimLead(toks []token, k, j int) int {
	for k < j && (toks[k].Low == "but" || toks[k].Low == "and" || toks[k].Low == "yet" || toks[k].Low == "meanwhile" || toks[k].Low == "however" || toks[k].Low == "additionally" || toks[k].Low == "also") {
		k++
	}
	return k
}

// roleWords are titles and roles written before a name.
var roleWords = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "minister": true, "president": true,
	"leader": true, "official": true, "chief": true, "head": true, "secretary": true, "director": true,
	"ambassador": true, "envoy": true, "adviser": true, "advisor": true, "aide": true, "senator": true,
	"governor": true, "mayor": true, "chairman": true, "chairwoman": true, "chair": true, "ceo": true,
	"analyst": true, "professor": true, "expert": true, "newspaper": true, "agency": true, "outlet": true,
	"daily": true, "broadcaster": true, "magazine": true, "website": true, "correspondent": true,
	"reporter": true, "editor": true, "commander": true, "general": true, "prime": true, "deputy": true,
	"foreign": true, "former": true, "top": true, "senior": true, "vice": true, "representative": true,
	"lawmaker": true, "congressman": true, "congresswoman": true, "candidate": true, "nominee": true,
	"attorney": true, "lawyer": true, "judge": true, "prosecutor": true, "economist": true,
	"strategist": true, "founder": true, "manager": true, "executive": true, "officer": true,
	"acting": true, "press": true, "campaign": true, "party": true, "state": true, "opposition": true,
	"defense": true, "defence": true, "finance": true, "interior": true, "justice": true, "health": true,
	"news": true, "wire": true, "service": true, "ministry": true, "department": true, "council": true,
	"chancellor": true, "king": true, "queen": true, "pope": true, "bishop": true, "rev.": true,
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "gen.": true, "sen.": true, "rep.": true, "gov.": true,
	"coach": true, "captain": true, "player": true, "actor": true, "singer": true, "author": true,
	"columnist": true, "host": true, "anchor": true, "pollster": true, "activist": true, "historian": true,
	"researcher": true, "scientist": true, "doctor": true, "nurse": true, "police": true, "military": true,
	"army": true, "intelligence": true, "security": true, "national": true, "federal": true, "regional": true,
}

// namePreps before a name make it the object inside a longer source.
var namePreps = map[string]bool{
	"by": true, "of": true, "for": true, "from": true, "at": true, "with": true, "to": true,
	"in": true, "near": true, "within": true, "inside": true, "on": true,
}

// npStops end a source noun phrase read leftwards.
var npStops = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "be": true, "been": true, "has": true,
	"had": true, "have": true, "will": true, "would": true, "can": true, "could": true, "may": true,
	"might": true, "should": true, "must": true, "despite": true, "provided": true, "not": true,
	"does": true, "did": true, "do": true, "than": true, "also": true, "to": false, "said": true,
}

// interjected reports whether a word opens a phrase interjected between
// a source and its cue: "X, citing Y, reported", "X, based in Z, said".
func interjected(w string) bool {
	switch w {
	case "for", "too", "though", "however", "meanwhile", "of", "who", "whose", "by", "at", "on", "after", "before", "like", "including", "along":
		return true
	}
	if strings.HasSuffix(w, "ing") && len(w) > 5 {
		return true // "Jane Doe, noting the figures, said"
	}
	return w == "citing" || w == "based" || w == "quoting" || w == "which" || w == "according" || w == "speaking" || w == "in"
}

// opensSource reports whether a token can open a source written after
// its cue ("said Jane Doe", "said the minister", "said one official").
func opensSource(t token) bool {
	if t.Kind != tWord {
		return false
	}
	if isCapitalized(t.Text) || pronoun(t.Low) || isNumber(t.Text) {
		return true
	}
	switch t.Low {
	case "a", "an", "the", "one", "two", "three", "several", "some", "many", "another", "his", "her", "their", "its", "our":
		return true
	}
	return false
}

// appositive reports whether a word can open an appositive after a name
// ("a spokeswoman", "the minister", "who").
func appositive(w string) bool {
	return w == "a" || w == "an" || w == "the" || w == "who" || w == "his" || w == "her" || w == "its" || w == "their" || roleWords[w] || isNumber(w) || partyWords[w]
}

func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'")
}

func pronoun(w string) bool {
	switch w {
	case "he", "she", "they", "we", "i", "it", "you", "who":
		return true
	}
	return false
}

// isAnonymous reports whether a source names nobody: it carries an
// anonymity marker ("unnamed", "familiar", "who asked not to be named"),
// its head is "sources" or "insiders", or its head is a vague noun
// ("people", "a person") with no proper name before its modifiers ("two
// people close to the Council" is anonymous, "People's Party" is not).
func isAnonymous(toks []token) bool {
	hasName, vague, inHead := false, false, true
	for k, t := range toks {
		if t.Kind != tWord {
			inHead = false
			continue
		}
		if anonymityMarkers[t.Low] {
			return true
		}
		if (t.Low == "named" || t.Low == "identified") && k > 0 && (toks[k-1].Low == "be" || toks[k-1].Low == "not") {
			return true
		}
		if headModifiers[t.Low] {
			inHead = false
		}
		if !inHead {
			continue
		}
		switch {
		case t.Low == "source" || t.Low == "sources" || t.Low == "insiders":
			return true
		case vagueHeads[t.Low]:
			vague = true
		case k > 0 && isCapitalized(t.Text):
			hasName = true
		}
	}
	return vague && !hasName
}

// headModifiers open the modifiers after the head of a source.
var headModifiers = map[string]bool{
	"close": true, "to": true, "with": true, "of": true, "from": true, "in": true, "at": true,
	"near": true, "who": true, "linked": true, "on": true, "inside": true, "within": true, "briefed": true,
}

// quoteAhead reports whether a quotation follows toks[i] in its clause.
func quoteAhead(toks []token, i int) bool {
	for n := i + 1; n < len(toks) && n < i+16; n++ {
		if toks[n].Kind == tQuote {
			return true
		}
		if toks[n].Text == "." || toks[n].Text == ";" {
			return false
		}
	}
	return false
}

// quoteBehind reports whether the cue toks[i] follows a quotation its
// source is written after: "“…,” she continued".
func quoteBehind(toks []token, i int) bool {
	for n := i - 1; n >= 0 && n > i-10; n-- {
		switch {
		case toks[n].Kind == tQuote:
			return n+1 < len(toks) && (toks[n+1].Text == "," || toks[n+1].Kind == tWord)
		case toks[n].Kind == tPunct && toks[n].Text != "," && toks[n].Text != "." && toks[n].Text != "(" && toks[n].Text != ")":
			return false
		}
	}
	return false
}

// clauseAhead reports whether a that-clause (or for "ask" an if- or
// wh-clause) follows the cue toks[i] within a few words: "suggested
// that", "asked reporters whether".
func clauseAhead(toks []token, i int, lem string) bool {
	for n := i + 1; n < len(toks) && n < i+5; n++ {
		if toks[n].Kind != tWord {
			return false
		}
		switch toks[n].Low {
		case "that":
			return lem != "call" && lem != "describe" && lem != "label" && lem != "dub"
		case "if", "whether", "why", "how", "what", "when":
			return lem == "ask"
		}
	}
	return false
}

func endsWithColon(toks []token, k int) bool {
	for n := k; n < len(toks); n++ {
		if toks[n].Text == ":" {
			return n == len(toks)-1
		}
	}
	return false
}

func prevWord(toks []token, i int) string {
	if i > 0 && toks[i-1].Kind == tWord {
		return toks[i-1].Low
	}
	return ""
}

func nextWord(toks []token, i int) string {
	if i+1 < len(toks) && toks[i+1].Kind == tWord {
		return toks[i+1].Low
	}
	return ""
}

// tokenBefore returns the index of the token ending right before pos, or
// -1.
func tokenBefore(toks []token, pos int) int {
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].Span.End <= pos {
			return k
		}
	}
	return -1
}

// tokensIn returns the tokens inside span s.
func tokensIn(toks []token, s news.Span) []token {
	from, to := len(toks), len(toks)
	for k, t := range toks {
		if t.Span.Start >= s.Start && from == len(toks) {
			from = k
		}
		if t.Span.End > s.End {
			to = k
			break
		}
	}
	if from > to {
		return nil
	}
	return toks[from:to]
}

func firstTokenAfter(toks []token, pos int) int {
	for k, t := range toks {
		if t.Span.Start >= pos {
			return k
		}
	}
	return len(toks)
}

// hasFalsity reports whether the span holds a word calling something
// false ("untrue", "baseless") or "not true".
func hasFalsity(text string, s news.Span) bool {
	words := lang.Words(text[s.Start:s.End])
	for k, w := range words {
		if falsity[w] || w == "true" && k > 0 && (words[k-1] == "not" || words[k-1] == "n't") {
			return true
		}
	}
	return false
}

func countWords(s string) int { return len(lang.Words(s)) }
