package attrib

import "strings"

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
		if k < j && k >= 1 && toks[k].Kind == tWord && (timePreps[toks[k].Low]) && (toks[k-1].Kind == tWord || toks[k-1].Text == ",") {
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

// nounPhraseLeft returns the index of the first token of the noun phrase
// ending at toks[j], read leftwards up to a clause boundary. A name takes
// its titles and roles ("Harbour Authority spokeswoman Ada Krantz", "the weekly
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

// sourceNouns head sources that are documents or outlets' pieces: "a
// harbour board report", "the ministry's statement".
var sourceNouns = map[string]bool{
	"report": true, "reports": true, "article": true, "piece": true, "story": true, "statement": true,
	"analysis": true, "investigation": true, "study": true, "poll": true, "survey": true, "memo": true,
	"document": true, "documents": true, "letter": true, "filing": true, "release": true, "post": true,
	"tweet": true, "video": true, "interview": true, "broadcast": true, "editorial": true, "column": true,
	"officials": true, "official": true, "sources": true, "people": true, "lawmakers": true, "experts": true,
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
		if !(isCapitalized(w.Text) && !functionWord(w.Low) || roleWords[w.Low] || sourceNouns[w.Low] || determiners[w.Low] && e == f || possessive(w.Low) || w.Low == "of") {
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
// its titles and roles ("Harbour Authority spokeswoman Jane Doe"), lower-case
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
	for m > 0 && m > k-5 && toks[m-1].Kind == tWord && !functionWord(toks[m-1].Low) && !npStops[toks[m-1].Low] && lemma(toks[m-1].Low) == "" {
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
