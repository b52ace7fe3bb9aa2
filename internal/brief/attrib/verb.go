package attrib

import (
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

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
		if t.Low == "in" && pollAhead(toks, i) {
			// "In a new poll, most voters …", "… leads in a CBS poll."
			if r, ok := accordingTo(text, toks, i, i+1, "in"); ok {
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

	participle := strings.HasSuffix(t.Low, "ing") && (i == 0 || toks[i-1].Text == "," || toks[i-1].Kind == tQuote || toks[i-1].Low == "and" || toks[i-1].Low == "while" || toks[i-1].Low == "before" || toks[i-1].Low == "after" || toks[i-1].Low == "by")
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
	case j >= 1 && toks[j].Kind == tWord && (toks[j].Low == "who" || toks[j].Low == "which" || toks[j].Low == "that" && toks[j-1].Kind == tWord && lemma(toks[j-1].Low) == "" && !determiners[toks[j-1].Low]):
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
		k, seg := j, 0
		for ; seg < 3; seg++ {
			k--
			for k >= 0 && toks[k].Kind != tQuote && !strings.Contains(",.;:", toks[k].Text) {
				k--
			}
			if k < 1 || toks[k].Text != "," || k+1 >= len(toks) || appositive(toks[k+1].Low) || interjected(toks[k+1].Low) {
				break
			}
		}
		if (k < 0 || toks[k].Kind == tQuote) && seg > 0 && k+1 < j && toks[k+1].Kind == tWord {
			// “…,” the company's chief, Jane Doe, said: all of it is
			// the source.
			srcFrom, srcTo = k+1, j
		} else if k >= 1 && toks[k].Text == "," && (appositive(toks[k+1].Low) || interjected(toks[k+1].Low)) {
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
			if bTo-bFrom < 1 && !participle {
				// "X denied the report, Reuters reported": the whole
				// clause, relation and all, is the content.
				bFrom = 0
			}
			if bTo-bFrom < 1 || participle {
				bFrom, bTo = -1, -1
			}
		}
	}
	beforeQuote := bTo > 0 && toks[bTo-1].Kind == tQuote
	// "The economy, she said, is growing": the attribution interrupts
	// its content.
	if bFrom >= 0 && aFrom < 0 && !inverted && !participle && !beforeQuote && toks[bTo].Text == "," && after+1 < len(toks) && toks[after].Text == "," &&
		toks[after+1].Kind == tWord && !isCapitalized(toks[after+1].Text) && lemma(toks[after+1].Low) == "" && !sentenceAdverbs[toks[after+1].Low] {
		aFrom, aTo = after+1, clauseEnd(toks, after+1)
		b := trimContent(text, toks, bFrom, bTo)
		a := trimContent(text, toks, aFrom, aTo)
		r.Parts = []news.Span{b, a}
		r.Content = news.Span{Start: b.Start, End: a.End}
		bFrom = -2 // handled
	}
	switch {
	case bFrom == -2:
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
		// No content in the unit: "Jane Doe said:" or "Jane Doe said in
		// a statement." before a quotation, which Find then attaches.
		r.Content = news.Span{Start: r.Cue.End, End: r.Cue.End}
		if !endsWithColon(toks, after) && !(emptyTail(toks, after) && speechLemmas[lem]) {
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

// gerundPreps take a cue's -ing form as a verb: "by saying", "after
// telling".
var gerundPreps = map[string]bool{"by": true, "after": true, "before": true, "in": true, "while": true, "for": true, "of": true, "on": true, "without": true}

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
		lowerPrev := !isCapitalized(toks[i-1].Text) || i == 1
		ing := strings.HasSuffix(t.Low, "ing")
		// "by saying", "a message that said": verbs after all.
		verbAfter := ing && gerundPreps[prev] || prev == "that" && t.Low != lem && !nounishLemmas[lem]
		if determiners[prev] && lowerPrev && !verbAfter || strings.HasSuffix(prev, "'s") || strings.HasSuffix(prev, "’s") || lemma(prev) != "" && inflected && !strings.HasSuffix(t.Low, "ing") {
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
