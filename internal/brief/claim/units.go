package claim

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// unit is one statement of one article: a sentence, or the content of the
// reported speech in it, with what the article does with it.
type unit struct {
	art      int // index of the article
	group    int // independent source: an original and its copies share one
	sent     int // index of the sentence in the article, -1 for the headline
	headline bool
	sentence string // the sentence, spaces collapsed
	content  string // what is claimed: the reported content or the sentence

	keys []int32 // sorted distinct content keys (story vocabulary ids)
	nums []int32 // the subset of keys that are numbers
	// negKeys are the keys a negation applies to (keysOf).
	negKeys []int32
	// mass is the summed weight of keys (story.mass), set by newStory.
	mass float64

	source string // who the article says states it, "" for its own voice
	cue    string // the reporting verb
	anon   bool   // the source is unnamed
	rels   []int  // indices of the article's relations anchored in the sentence
	// srcKeys are the cited-source keys of those relations.
	srcKeys []string
	// inlineSource is the speaker named after a quotation the parser
	// found no relation for (quoteTailSpeaker).
	inlineSource string
	// outletCtx is the key of the outlet the article last cited at or
	// before this sentence: who an unnamed "they" or "was said to" rests on.
	outletCtx string
	marks
}

// marks are the stance signals of one statement.
type marks struct {
	attributed bool // someone else states it: "X said", "according to"
	hedged     bool // "reportedly", "may", "was said to"
	negated    bool // the content is negated
	confirmed  bool // "confirms", "verified"
	denial     bool // it says something is untrue
	denyVerb   bool // by a denial verb ("denied", "dismissed the reports")
	viaReport  bool // the denied thing is given as a report's ("denied reports that…")
	reportRef  bool // it names a report ("the report", "these claims")
	// anaphoric marks a denial of "the report", "these claims", "it":
	// the denied thing is not restated.
	anaphoric bool
	// deniedFrom is the byte offset in content from which the denied
	// thing is restated ("denied reports that <…>"), -1 when it is not.
	deniedFrom int
}

// minContentKeys is the fewest content keys a statement needs to be
// grouped as a claim: shorter ones ("They haven't changed.") say too
// little to be matched across articles.
const minContentKeys = 3

// articleUnits splits one article into units: its headline and every
// sentence of its body, with reported speech resolved.
func articleUnits(a *news.Article, ai int) ([]unit, []rel) {
	var out []unit
	if t := strings.TrimSpace(a.Title); t != "" {
		t = collapse(t)
		u := unit{art: ai, sent: -1, headline: true, sentence: t, content: t}
		u.marks = readMarks(tokenize(t), nil)
		u.source, u.content = headlineSource(t)
		out = append(out, u)
	}
	spans := a.Sentences
	if len(spans) == 0 {
		spans = lang.Sentences(a.Text)
	}
	rels := findRelations(a.Text, spans)
	byAnchor := newAnchorIndex(rels)
	lastSource := ""
	for si, sp := range spans {
		if sp.Start < 0 || sp.End > len(a.Text) || sp.Start >= sp.End {
			continue
		}
		text := a.Text[sp.Start:sp.End]
		u := unit{art: ai, sent: si, sentence: collapse(text), content: collapse(text)}
		text = u.sentence
		// The relations of this sentence: those anchored in it.
		var best *rel
		for _, k := range byAnchor.in(sp) {
			r := &rels[k]
			if best == nil || r.Denial && !best.Denial ||
				r.Denial == best.Denial && r.Content.End-r.Content.Start > best.Content.End-best.Content.Start {
				best = r
			}
			u.rels = append(u.rels, k)
		}
		u.marks = readMarks(tokenize(text), nil)
		if best != nil {
			u.attributed = true
			u.source, u.cue, u.anon = collapse(best.SourceText), strings.ToLower(best.Verb), best.Anonymous
			if best.Content.Start >= sp.Start && best.Content.End <= sp.End && best.Content.End > best.Content.Start {
				// "X said A, adding that B": the statement is A and B.
				from, to := best.Content.Start, best.Content.End
				for _, k := range u.rels {
					r := &rels[k]
					if r == best || r.Denial != best.Denial || r.Content.Start < sp.Start || r.Content.End > sp.End ||
						r.Content.End <= r.Content.Start || !sameSpeaker(r, best) {
						continue
					}
					from, to = min(from, r.Content.Start), max(to, r.Content.End)
				}
				u.content = collapse(a.Text[from:to])
			}
			if u.source != "" {
				lastSource = u.source
			}
		} else if startsQuoted(text) {
			// A quotation naming its speaker after it ("…," said baker
			// Ines Holm) that the parser left out; else one continuing
			// from, or going on to, the sentence that names its speaker.
			u.attributed = true
			if sp := quoteTailSpeaker(text); sp != "" {
				u.source, u.inlineSource = sp, sp
				lastSource = sp
			} else {
				u.source = lastSource
			}
		}
		out = append(out, u)
	}
	quoteSpeakers(out, rels)
	return out, rels
}

// anchorIndex finds the relations anchored in a span without reading
// them all for every sentence.
type anchorIndex struct {
	order []int // relation indices by anchor, then index
	at    []int // anchor of order[i]
	buf   []int
}

func newAnchorIndex(rels []rel) *anchorIndex {
	x := &anchorIndex{order: make([]int, len(rels)), at: make([]int, len(rels))}
	for k := range rels {
		x.order[k] = k
	}
	sort.SliceStable(x.order, func(i, j int) bool { return anchor(&rels[x.order[i]]) < anchor(&rels[x.order[j]]) })
	for i, k := range x.order {
		x.at[i] = anchor(&rels[k])
	}
	return x
}

// in returns the indices of the relations anchored in sp, in index
// order. The slice is reused by the next call.
func (x *anchorIndex) in(sp news.Span) []int {
	x.buf = x.buf[:0]
	for i := sort.SearchInts(x.at, sp.Start); i < len(x.at) && x.at[i] < sp.End; i++ {
		x.buf = append(x.buf, x.order[i])
	}
	slices.Sort(x.buf)
	return x.buf
}

// quoteSpeakers gives a quotation that opens without a cue and runs on
// into later sentences ("“There will be peace… They haven't changed. …,”
// the minister said.") the relation of the sentence that closes it.
func quoteSpeakers(units []unit, rels []rel) {
	for i := range units {
		u := &units[i]
		if u.headline || len(u.rels) > 0 || !startsQuoted(u.sentence) || !openQuote(u.sentence) {
			continue
		}
		for j := i + 1; j < len(units) && j <= i+3; j++ {
			v := &units[j]
			if len(v.rels) == 0 {
				if !openQuote(v.sentence) && strings.ContainsAny(v.sentence, "\"”") {
					break // the quotation closed without a cue
				}
				continue
			}
			r := &rels[v.rels[0]]
			if !r.Direct {
				break
			}
			u.rels = append(u.rels, v.rels[0])
			u.source = collapse(r.SourceText)
			break
		}
	}
}

// openQuote reports whether s leaves a double quotation open.
func openQuote(s string) bool {
	n := 0
	for _, r := range s {
		switch r {
		case '"':
			n ^= 1
		case '“':
			n = 1
		case '”':
			n = 0
		}
	}
	return n == 1
}

// sameSpeaker reports whether relation r goes on with b's source: the
// same source text, or none of its own ("…, adding that…").
func sameSpeaker(r, b *rel) bool {
	st := strings.ToLower(strings.TrimSpace(r.SourceText))
	return st == "" || st == strings.ToLower(strings.TrimSpace(b.SourceText)) || pronouns[st] || r.Cue.Start == b.Cue.Start
}

// collapse joins the fields of s with single spaces.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// startsQuoted reports whether s opens with a quotation mark.
func startsQuoted(s string) bool {
	s = strings.TrimLeft(s, " -–—•*")
	for _, q := range []string{"\"", "“", "”", "«", "„"} {
		if strings.HasPrefix(s, q) {
			return true
		}
	}
	return false
}

// readMarks reads the stance signals of a statement from its tokens.
// claimToks, when given, is the claim the statement is read against
// (headline stance): a negation the claim does not hold is then a denial.
func readMarks(toks []token, claimToks []token) marks {
	m := marks{deniedFrom: -1}
	folded := " " + foldedWords(toks) + " "
	for i, t := range toks {
		w := t.lower
		switch {
		case denialVerbs[w] && !withholds(toks, i):
			m.denial, m.denyVerb = true, true
			m.setDenied(toks, i)
		case weakDenialVerbs[w] && reportObject(toks, i+1):
			m.denial, m.denyVerb = true, true
			m.setDenied(toks, i)
		case confirmWords[w]:
			m.confirmed = true
		}
		if hedgeWords[w] {
			m.hedged = true
		}
		if reportNouns[w] {
			m.reportRef = true
		}
		if attributionCues[w] {
			m.attributed = true
		}
		if isNegation(w) {
			m.negated = true
		}
		// "was said to", "is believed to": passive attribution hedges.
		if (w == "said" || w == "believed" || w == "thought" || w == "understood") && i > 0 && i+1 < len(toks) &&
			isBe(toks[i-1].lower) && toks[i+1].lower == "to" {
			m.hedged = true
		}
	}
	// A verdict word denies when it is said of something: quoted, or
	// framed as a verdict ("that's false", "labelled it untrue"). Unframed
	// it may only qualify a noun ("false accusations of…"). A headline
	// read against a known claim takes any verdict.
	loose := claimToks != nil
	verdict := false
	for i, t := range toks {
		if !verdictWords[t.lower] || !(loose || t.quote || verdictFramed(toks, i)) {
			continue
		}
		verdict = true
		if !m.denial && i+2 < len(toks) {
			if nx := toks[i+1].lower; nx == "of" || nx == "about" || nx == "that" {
				m.setDenied(toks, i)
			}
		}
		break
	}
	if !verdict {
		for _, p := range verdictPhrases {
			if strings.Contains(folded, " "+p+" ") {
				verdict = true
				break
			}
		}
	}
	if verdict && !m.denial {
		m.denial = true
		if m.deniedFrom < 0 {
			m.anaphoric = true
		}
	}
	if m.denial && m.deniedFrom < 0 {
		m.anaphoric = true
	}
	if claimToks != nil && !m.denial && negatesClaim(toks, claimToks) {
		m.denial = true
	}
	return m
}

// negatesClaim reports whether a negation in toks applies to the claim:
// one of the two content words after it ("not been arrested", "never a
// panel") is a word of the claim, and the claim itself is not negated.
// A negation elsewhere ("hasn't aged a bit", "had no idea") leaves the
// claim alone.
func negatesClaim(toks, claimToks []token) bool {
	if hasNegation(claimToks) {
		return false
	}
	stems := map[string]bool{}
	for _, t := range claimToks {
		if k, ok := key(t); ok {
			stems[k] = true
		}
	}
	for i, t := range toks {
		if !isNegation(t.lower) {
			continue
		}
		seen := 0
		for _, u := range toks[i+1:] {
			k, ok := key(u)
			if !ok || isBe(u.lower) || u.lower == "really" || u.lower == "actually" || u.lower == "ever" {
				continue
			}
			if stems[k] {
				return true
			}
			if seen++; seen == 2 {
				break
			}
		}
	}
	return false
}

// setDenied records where the denied thing starts after a denial cue at
// toks[i]: past a report noun and its "that"/"claiming"/"of" if any.
// A denial whose object is only "the report" is anaphoric.
func (m *marks) setDenied(toks []token, i int) {
	j := i + 1
	// Skip adverbs and determiners: "denied these", "strongly denied".
	for j < len(toks) && (determiners[toks[j].lower] || strings.HasSuffix(toks[j].lower, "ly")) {
		j++
	}
	sawNoun := false
	for k := j; k < len(toks) && k < j+4; k++ {
		if reportNouns[toks[k].lower] {
			j, sawNoun = k+1, true
			break
		}
	}
	m.viaReport = sawNoun
	if sawNoun {
		for j < len(toks) && (toks[j].lower == "that" || toks[j].lower == "of" || toks[j].lower == "about" ||
			toks[j].lower == "claiming" || toks[j].lower == "suggesting" || toks[j].lower == "saying" ||
			toks[j].lower == "alleging" || toks[j].lower == "on" || toks[j].lower == "over") {
			j++
		}
	}
	if j < len(toks) {
		n := 0
		for _, t := range toks[j:] {
			if _, ok := key(t); ok {
				if n++; n == minContentKeys {
					break
				}
			}
		}
		if n >= minContentKeys {
			m.deniedFrom = toks[j].start
			m.anaphoric = false
			return
		}
	}
	m.anaphoric = true
}

// reportObject reports whether the words from toks[i] open a noun phrase
// headed by a report noun: "reports", "the claims", "a Meridian article",
// "the council's reports" — but not "pay claims", where a content word
// says the claims are of another kind.
func reportObject(toks []token, i int) bool {
	for k := i; k < len(toks) && k < i+4; k++ {
		w := toks[k].lower
		if reportNouns[w] {
			return true
		}
		if determiners[w] || toks[k].upper || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "ly") {
			continue
		}
		return false
	}
	return false
}

func isBe(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being":
		return true
	}
	return false
}

func hasNegation(toks []token) bool {
	for _, t := range toks {
		if isNegation(t.lower) {
			return true
		}
	}
	return false
}

// foldedWords is the lower-case words of toks joined by spaces, with
// "n't" written out ("isn't true" → "is not true").
func foldedWords(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := t.lower
		switch {
		case w == "can't":
			w = "can not"
		case w == "won't":
			w = "will not"
		case strings.HasSuffix(w, "n't"):
			w = strings.TrimSuffix(w, "n't") + " not"
		}
		b.WriteString(w)
	}
	return b.String()
}

// headlineSource finds the source a headline names as a prefix ("Outlet:
// …") or suffix ("… – report", "…, officials say").
// It returns the source and the rest of the headline.
func headlineSource(t string) (source, rest string) {
	if i := strings.Index(t, ":"); i > 0 && i < 40 && strings.Count(t[:i], " ") < 4 {
		return strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+1:])
	}
	for _, sep := range []string{" – ", " - ", " — "} {
		if i := strings.LastIndex(t, sep); i > 0 {
			tail := strings.TrimSpace(t[i+len(sep):])
			if strings.Count(tail, " ") < 4 {
				return tail, strings.TrimSpace(t[:i])
			}
		}
	}
	return "", t
}

// verdictFramed reports whether the verdict word at toks[i] is said of
// something: after a form of "be" or "'s" ("that's false", "it is
// untrue"), or after "as", "called", "labelled" and the like.
func verdictFramed(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		w := toks[k].lower
		if isBe(w) || strings.HasSuffix(w, "'s") && (w == "that's" || w == "it's" || w == "this's") {
			return true
		}
		switch w {
		case "as", "called", "calling", "calls", "call", "labelled", "labeled", "labeling", "labelling",
			"branded", "branding", "dubbed", "termed", "deemed", "proved", "proven", "turned":
			return true
		}
	}
	return false
}

// grantNouns are what one is denied when "deny" means "withhold":
// "denied entry", "denied bail".
var grantNouns = wordSet(`access entry bail permission visa visas request requests application applications
admission asylum service services parole care treatment votes vote majority right rights chance opportunity
funding funds credit license licence passage boarding`)

// withholds reports whether the denial verb at toks[i] means "withhold":
// "denied him entry", "denied the party a majority", "was denied bail".
func withholds(toks []token, i int) bool {
	j := i + 1
	// Skip a recipient: a name, a pronoun, or "the/a …" up to a grant noun.
	for k := j; k < len(toks) && k < j+7; k++ {
		w := toks[k].lower
		if grantNouns[w] {
			return true
		}
		if reportNouns[w] || w == "that" {
			return false
		}
	}
	return false
}

// tailCues are the reporting verbs that follow a quotation.
var tailCues = wordSet(`said says added adds told tells explained noted insisted recalled warned asked`)

// quoteTailSpeaker returns the speaker a sentence names right after its
// closing quotation mark: "…," said baker Ines Holm, who… → "baker Ines
// Holm"; "…," the mayor said. → "the mayor". "" when there is none.
func quoteTailSpeaker(s string) string {
	i := strings.LastIndexAny(s, "\"”")
	if i <= 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	rest := strings.TrimSpace(strings.TrimLeft(s[i+size:], " ,"))
	if j := strings.IndexAny(rest, ",;.!?"); j >= 0 {
		rest = rest[:j]
	}
	f := strings.Fields(rest)
	if len(f) < 2 {
		return ""
	}
	if tailCues[strings.ToLower(f[0])] {
		// "said baker Ada Quill on Monday": up to a clause word.
		end := 1
		for end < len(f) && end <= 6 && !npStops[strings.ToLower(f[end])] {
			end++
		}
		if end > 1 && end <= 6 {
			return strings.Join(f[1:end], " ")
		}
		return ""
	}
	for k := 1; k < len(f) && k <= 5; k++ {
		if tailCues[strings.ToLower(f[k])] {
			return strings.Join(f[:k], " ")
		}
	}
	return ""
}
