package attrib

import "strings"

// cueForms maps every inflected form of an attribution verb to its lemma.
// The vocabulary is general English reporting language (Pareti's PARC and
// PolNeAR cue lists are dominated by the same few dozen verbs); verbs of
// cognition ("think", "believe") are left out because in news they mostly
// hedge the writer's own statement rather than attribute one.
var cueForms = map[string]string{}

// cueLemmas lists the reporting verbs with their irregular forms; the
// regular -s, -ed and -ing forms are derived.
var cueLemmas = map[string][]string{
	"say":         {"said", "says", "saying"},
	"tell":        {"told", "tells", "telling"},
	"write":       {"wrote", "writes", "writing", "written"},
	"add":         nil,
	"state":       nil,
	"claim":       nil,
	"deny":        {"denied", "denies", "denying"},
	"report":      nil,
	"note":        nil,
	"explain":     nil,
	"announce":    nil,
	"argue":       nil,
	"insist":      nil,
	"assert":      nil,
	"declare":     nil,
	"confirm":     nil,
	"warn":        nil,
	"acknowledge": nil,
	"admit":       {"admitted", "admits", "admitting"},
	"reply":       {"replied", "replies", "replying"},
	"respond":     nil,
	"ask":         nil,
	"suggest":     nil,
	"indicate":    nil,
	"stress":      {"stressed", "stresses", "stressing"},
	"emphasize":   nil,
	"emphasise":   nil,
	"maintain":    nil,
	"contend":     nil,
	"allege":      nil,
	"tweet":       nil,
	"predict":     nil,
	"promise":     nil,
	"pledge":      nil,
	"vow":         nil,
	"urge":        nil,
	"recall":      nil,
	"conclude":    nil,
	"reiterate":   nil,
	"observe":     nil,
	"remark":      nil,
	"comment":     nil,
	"mention":     nil,
	"testify":     {"testified", "testifies", "testifying"},
	"concede":     nil,
	"complain":    nil,
	"refute":      nil,
	"reject":      nil,
	"dismiss":     {"dismissed", "dismisses", "dismissing"},
	"dispute":     nil,
	"rebut":       {"rebutted", "rebuts", "rebutting"},
	"counter":     nil,
	"disclose":    nil,
	"reveal":      nil,
	"cite":        nil,
	"quote":       nil,
	"continue":    nil,
	"describe":    nil,
	"call":        nil,
	"label":       {"labeled", "labelled", "labels", "labeling", "labelling"},
	"dub":         {"dubbed", "dubs", "dubbing"},
	"accuse":      nil,
	"demand":      nil,
	"boast":       nil,
	"joke":        nil,
	"caution":     nil,
	"estimate":    nil,
	"propose":     nil,
	"answer":      nil,
	"recount":     nil,
	"affirm":      nil,
	"contradict":  nil,
	"disavow":     nil,
	"post":        nil,
	"shout":       nil,
	"chant":       nil,
	"yell":        nil,
	"scream":      nil,
	"exclaim":     nil,
	"quip":        {"quipped", "quips", "quipping"},
	"retort":      nil,
	"decry":       {"decried", "decries", "decrying"},
	"muse":        nil,
	"plead":       nil,
	"lament":      nil,
	"assure":      nil,
	"remind":      nil,
	"inform":      nil,
	"proclaim":    nil,
	"speculate":   nil,
	"recommend":   nil,
	"criticize":   nil,
	"criticise":   nil,
	"praise":      nil,
	"mock":        nil,
	"blast":       nil,
	"slam":        {"slammed", "slams", "slamming"},
	"charge":      nil,
	"opine":       nil,
	"whisper":     nil,
	// Verbs of thought and evidence attribute a that-clause or a
	// quotation ("polls show that", "she believes that").
	"think":      {"thought", "thinks", "thinking"},
	"believe":    nil,
	"show":       {"showed", "shown", "shows", "showing"},
	"find":       {"found", "finds"},
	"know":       {"knew", "known", "knows"},
	"expect":     nil,
	"hope":       nil,
	"fear":       nil,
	"worry":      {"worried", "worries", "worrying"},
	"feel":       {"felt", "feels"},
	"agree":      {"agreed", "agrees", "agreeing"},
	"understand": {"understood", "understands"},
	"realize":    nil,
	"recognize":  nil,
	"doubt":      nil,
}

// Verbs that attribute only when a quotation follows in their clause:
// "called the plan “a disaster”", but not "called for talks".
var needsQuote = map[string]bool{
	"call": true, "describe": true, "label": true, "dub": true, "continue": true,
	"post": true, "quote": true, "ask": true, "demand": true, "propose": true,
	"answer": true, "counter": true, "urge": true, "promise": true, "pledge": true,
	"vow": true, "predict": true, "estimate": true, "recall": true, "comment": true,
	"remark": true, "observe": true, "suggest": true, "indicate": true, "mention": true,
	"reveal": true, "disclose": true, "accuse": true, "caution": true, "respond": true,
	"recount": true, "shout": true, "chant": true, "yell": true, "scream": true, "exclaim": true,
	"quip": true, "retort": true, "decry": true, "muse": true, "plead": true, "lament": true,
	"assure": true, "remind": true, "inform": true, "proclaim": true, "speculate": true,
	"recommend": true, "criticize": true, "criticise": true, "praise": true, "mock": true,
	"blast": true, "slam": true, "charge": true, "opine": true, "whisper": true,
	"think": true, "believe": true, "show": true, "find": true, "know": true, "expect": true,
	"hope": true, "fear": true, "worry": true, "feel": true, "agree": true, "understand": true,
	"realize": true, "recognize": true, "doubt": true,
}

// denialLemmas are the cues that state the content is false.
var denialLemmas = map[string]bool{
	"deny": true, "refute": true, "dismiss": true, "reject": true, "dispute": true,
	"rebut": true, "contradict": true, "disavow": true,
}

// falsity words mark content that calls something false ("called the
// report false", "said it was untrue").
var falsity = map[string]bool{
	"false": true, "untrue": true, "fake": true, "baseless": true, "groundless": true,
	"wrong": true, "nonsense": true, "fabricated": true, "fabrication": true, "lie": true,
	"lies": true, "incorrect": true, "inaccurate": true, "unfounded": true, "fiction": true,
	"bogus": true, "misleading": true, "hoax": true,
}

func init() {
	for lemma, forms := range cueLemmas {
		cueForms[lemma] = lemma
		if forms != nil {
			for _, f := range forms {
				cueForms[f] = lemma
			}
			continue
		}
		stem := lemma
		if strings.HasSuffix(lemma, "e") {
			stem = lemma[:len(lemma)-1]
		}
		cueForms[lemma+"s"] = lemma
		if strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "sh") {
			cueForms[lemma+"es"] = lemma
		}
		cueForms[stem+"ed"] = lemma
		cueForms[stem+"ing"] = lemma
	}
}

// IsCueVerb reports whether word (any case) is a form of an English
// verb of saying: said, told, according, reported, citing, claimed,
// stated, added, denied… "according" counts because it heads the cue
// "according to"; hedges such as "reportedly" or "allegedly" do not.
// Verbs of thought and evidence ("believes", "found", "shows") are not
// cue verbs on their own, though Find takes them as cues before a
// that-clause or a quotation.
func IsCueVerb(word string) bool {
	w := strings.ToLower(word)
	if w == "according" {
		return true
	}
	l, ok := cueForms[w]
	return ok && !thoughtLemmas[l]
}

// thoughtLemmas are the verbs of thought and evidence.
var thoughtLemmas = map[string]bool{
	"think": true, "believe": true, "show": true, "find": true, "know": true, "expect": true,
	"hope": true, "fear": true, "worry": true, "feel": true, "agree": true, "understand": true,
	"realize": true, "recognize": true, "doubt": true,
}

// IsDenialCue reports whether word (any case) is a form of a verb that
// attributes a denial: denied, refutes, dismissed, rejecting, disputed…
func IsDenialCue(word string) bool {
	return denialLemmas[cueForms[strings.ToLower(word)]]
}

// lemma returns the lemma of a cue word, "" when it is none.
func lemma(word string) string {
	return cueForms[strings.ToLower(word)]
}

// anonymityMarkers are words that make a source anonymous wherever they
// occur in it.
var anonymityMarkers = map[string]bool{
	"anonymous": true, "anonymity": true, "unnamed": true, "undisclosed": true,
	"unidentified": true, "familiar": true, "insider": true, "insiders": true,
}

// vagueHeads are head nouns of sources that name nobody unless a proper
// name comes with them.
var vagueHeads = map[string]bool{
	"source": true, "sources": true, "people": true, "person": true, "individuals": true,
	"someone": true, "aide": true, "aides": true,
}

// boundaryWords end a source noun phrase read leftwards from its cue.
var boundaryWords = map[string]bool{
	"that": true, "but": true, "while": true, "who": true, "which": true, "when": true,
	"because": true, "although": true, "though": true, "if": true, "as": true, "so": true,
	"then": true, "where": true, "whereas": true, "since": true, "after": true, "before": true,
	"and": true, "or": true, "however": true, "yet": true, "until": true, "unless": true,
	"whether": true, "what": true, "how": true, "why": true, "this": false,
}

// skipBeforeCue are auxiliaries and adverbs that may stand between a
// source and its cue ("has also said", "strongly denied").
var skipBeforeCue = map[string]bool{
	"has": true, "have": true, "had": true, "also": true, "later": true, "again": true,
	"previously": true, "earlier": true, "then": true, "would": true, "will": true,
	"did": true, "does": true, "do": true, "once": true, "repeatedly": true, "just": true,
	"further": true, "since": false, "recently": true, "often": true, "flatly": true,
	"had already": false, "already": true, "quickly": true, "publicly": true, "privately": true,
	"separately": true, "reportedly": true, "allegedly": true, "still": true, "never": true,
	"now": true, "immediately": true, "first": true, "initially": true, "finally": true, "even": true,
	"subsequently": true, "sometimes": true, "jokingly": true, "angrily": true,
}

// passiveAux before a cue makes it passive ("was said to", "is reported"),
// which names no source.
var passiveAux = map[string]bool{
	"was": true, "were": true, "is": true, "are": true, "been": true, "be": true, "being": true,
	"widely": true,
}

// timeWords open adverbials that follow a cue before its content ("said
// on Friday that", "told reporters Friday") or trail an inverted source.
var timeWords = map[string]bool{
	"on": true, "in": true, "at": true, "during": true, "last": true, "this": true,
	"yesterday": true, "today": true, "tonight": true, "earlier": true, "later": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "late": true, "early": true, "afterwards": true,
	"recently": true, "previously": true, "again": true, "also": true, "repeatedly": true,
	"publicly": true, "privately": true, "bluntly": true, "flatly": true, "then": true,
	"after": true, "before": true, "when": true, "while": true, "via": true, "over": true,
}
