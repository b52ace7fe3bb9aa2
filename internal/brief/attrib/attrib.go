// Package attrib finds attribution relations in news text: who (the
// source) says (the cue) what (the content), in the sense of Pareti's PARC
// and the PolNeAR corpus. It recognises the patterns of English news copy
// by rule, without a parser:
//
//	X said (that) …               … , X said.           … , said X.
//	according to X, …             … , according to X.   … , per X.
//	X, citing Y, reported …       X cited Y as saying … X told Y (that) …
//	X denied …                    X called it “…”       X, a role, said …
//	“…,” he said, “…”             “…,” he said. “…”     (one quotation, in Parts)
//	“…?” X asked.                 X turned to them: “…” (a colon introduces the quote)
//	“…” alone after a quote       (the same speaker continuing: Continued)
//
// Quotations may be curly, straight, or the doubled apostrophes of some
// archives; they may run over several sentences and, unclosed, on into the
// next paragraph. Hedges ("reportedly", "was said to") and verbs that only
// attribute with a quotation or a that-clause ("called for talks",
// "suggested a delay") are not attributions. Relations carry byte offsets
// into the text; brief/quote builds a story's quotes from them, and
// brief/claim its claims and their origins.
//
// Measured on PolNeAR's training split with `parallax eval quotes`.
package attrib

import (
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
	// (“…,” he said, “…”; "The economy, she said, is growing"), in
	// order; nil when Content is one piece. Content spans them all, the
	// attribution between them included.
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
			// A quotation continues the unit's direct quote, not the
			// "according to" wrapped around it.
			for k := len(out) - 1; k >= len(out)-len(rels); k-- {
				if out[k].Direct {
					lastIdx = k
					break
				}
			}
		}
	}
	return fillEmpty(out)
}

// fillEmpty gives a relation without content ("She said:") the quotation
// continuing it, and drops it when none does.
func fillEmpty(rels []Relation) []Relation {
	out := rels[:0]
	for i := 0; i < len(rels); i++ {
		r := rels[i]
		if r.Content.End > r.Content.Start {
			out = append(out, r)
			continue
		}
		if i+1 < len(rels) && rels[i+1].Continued && rels[i+1].Source == r.Source {
			next := rels[i+1]
			r.Content, r.Quotes, r.Parts, r.Direct, r.Denial = next.Content, next.Quotes, next.Parts, next.Direct, next.Denial
			out = append(out, r)
			i++
		}
	}
	return out
}

// speakerTag makes the relation of a unit opening with a name and a
// colon, as headlines and transcripts write speech: "Mayor Doe: Budget
// will balance", "SMITH: We never agreed to that." Labels ("Update:",
// "Photo:") are not speakers.
func speakerTag(text string, toks []token) (Relation, bool) {
	c := 0
	for c < len(toks) && c < 4 && toks[c].Kind == tWord && isCapitalized(toks[c].Text) && !functionWord(toks[c].Low) {
		c++
	}
	if c == 0 || c+1 >= len(toks) || toks[c].Text != ":" || labels[toks[0].Low] || labels[toks[c-1].Low] {
		return Relation{}, false
	}
	next := toks[c+1]
	if next.Kind != tQuote && !(next.Kind == tWord && isCapitalized(next.Text)) {
		return Relation{}, false
	}
	// The colon must stand right after the name ("Doe:"), not after a
	// number ("11:54").
	if toks[c].Span.Start != toks[c-1].Span.End {
		return Relation{}, false
	}
	r := Relation{
		Source: news.Span{Start: toks[0].Span.Start, End: toks[c-1].Span.End},
		Cue:    toks[c].Span, Verb: ":",
	}
	r.SourceText = text[r.Source.Start:r.Source.End]
	r.Content = trimContent(text, toks, c+1, len(toks))
	setQuotes(text, toks, &r)
	return r, true
}

// labels end in a colon without naming a speaker.
var labels = map[string]bool{
	"note": true, "update": true, "updated": true, "related": true, "photo": true, "photos": true,
	"source": true, "sources": true, "editor": true, "editors": true, "correction": true, "read": true,
	"watch": true, "see": true, "also": true, "more": true, "video": true, "listen": true,
	"advertisement": true, "trending": true, "share": true, "tags": true, "tag": true, "credit": true,
	"image": true, "images": true, "getty": true, "disclosure": true, "warning": true, "question": true,
	"answer": true, "q": true, "a": true, "topics": true, "category": true, "filed": true, "posted": true,
	"published": true, "written": true, "by": true, "subscribe": true, "follow": true, "contact": true,
	"email": true, "phone": true, "date": true, "time": true, "location": true, "key": true,
	"summary": true, "background": true, "context": true, "analysis": true, "opinion": true, "live": true,
	"breaking": true, "exclusive": true, "caption": true, "file": true, "pictured": true, "above": true,
	"top": true, "bottom": true, "left": true, "right": true, "goal": true, "original": true, "url": true,
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
	if r, ok := speakerTag(text, toks); ok {
		return r, true
	}
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
