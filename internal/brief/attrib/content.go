package attrib

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// pollNouns head the surveys and studies that findings are attributed
// to with "in": "in a CBS News poll", "in exit polls".
var pollNouns = map[string]bool{
	"poll": true, "polls": true, "survey": true, "surveys": true, "study": true, "studies": true,
	"census": true, "analysis": true,
}

// pollAhead reports whether "in" at toks[i] opens a noun phrase headed
// by a poll or study at a clause boundary: at the clause start before a
// comma, or ending the clause. "said in a statement" is left to its cue.
func pollAhead(toks []token, i int) bool {
	e := i + 1
	for e < len(toks) && e < i+9 && toks[e].Kind == tWord && !pollNouns[toks[e].Low] {
		e++
	}
	if e >= len(toks) || toks[e].Kind != tWord || !pollNouns[toks[e].Low] {
		return false
	}
	for n := max(0, i-3); n < i; n++ {
		if lemma(toks[n].Low) != "" && toks[n].Kind == tWord {
			return false
		}
	}
	start := i == 0 || toks[i-1].Kind == tPunct
	// The phrase may run on after its head: "in a CBS poll last month".
	f := e + 1
	for f < len(toks) && toks[f].Kind == tWord && f < e+4 && !boundaryWords[toks[f].Low] {
		f++
	}
	end := f >= len(toks) || toks[f].Kind == tPunct
	return start && f < len(toks) && toks[f].Text == "," || end && !start
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
		from := -1
		switch {
		case j >= 0 && toks[j].Kind == tWord && !boundaryWords[toks[j].Low]:
			from = nounPhraseLeft(toks, j)
		default:
			// "A report published the day before cited …": the subject.
			if f, e := subjectOf(toks, i); f >= 0 {
				from, j = f, e-1
			}
		}
		if from < 0 {
			return []Relation{cited}
		}
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
		case t.Kind == tQuote && labelVerbs[lem] && n > k:
			// "called the remarks “racist”": the object is content too.
			return k, clauseEnd(toks, n)
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
	if end > start && end == len(toks) && toks[end-1].Text == ":" {
		return -1, -1 // "told the crowd, to applause:" introduces what follows
	}
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

// labelVerbs name their object with the quotation: "called the plan
// “a disaster”".
var labelVerbs = map[string]bool{"call": true, "label": true, "describe": true, "dub": true}

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
	if timeWords[t.Low] || adverbialNouns[t.Low] || isCapitalized(t.Text) || isNumber(t.Text) || isTimeName(t.Low) || recipients[t.Low] || isLyAdverb(t.Text) {
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
		case isLyAdverb(toks[k].Text) && k+1 < len(toks) && toks[k+1].Kind == tWord:
			k++ // "said categorically that"
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

// emptyTail reports whether nothing but adverbials and final punctuation
// follow toks[k]: "said in a statement.", "told reporters on Friday."
func emptyTail(toks []token, k int) bool {
	k = skipAdverbials(toks, k)
	for ; k < len(toks); k++ {
		if toks[k].Kind != tPunct || toks[k].Text == "," {
			return false
		}
	}
	return true
}

// speechLemmas are the cues whose quotation may follow in the next
// sentence.
var speechLemmas = map[string]bool{"say": true, "add": true, "write": true, "state": true, "tell": true, "explain": true, "continue": true}

func endsWithColon(toks []token, k int) bool {
	for n := k; n < len(toks); n++ {
		if toks[n].Text == ":" {
			return n == len(toks)-1
		}
	}
	return false
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
