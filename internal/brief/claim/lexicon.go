package claim

import "strings"

// The stance vocabulary: general English words of reporting, hedging,
// negation and denial, as news copy uses them. Nothing here names a
// person, outlet or event.

// denialVerbs are verbs that by themselves state that something is untrue:
// "X denied Y", "X refuted the report".
var denialVerbs = wordSet(`deny denies denied denying denial denials
refute refutes refuted refuting rebut rebuts rebutted rebutting
debunk debunks debunked debunking disprove disproves disproved disproven
deflate`)

// weakDenialVerbs deny only when their object is a report of something
// ("dismissed reports", "rejected the claims"); "rejects the union's
// demands" or "dismissed the minister" are not denials.
var weakDenialVerbs = wordSet(`dismiss dismisses dismissed dismissing reject rejects rejected rejecting
dispute disputes disputed disputing contradict contradicts contradicted contradicting
slam slams slammed slamming scotch scotches scotched quash quashes quashed
discredit discredits discredited discount discounts discounted`)

// reportNouns name a report of something, the object a weak denial verb
// needs and the anaphor ("these claims", "the report") a denial uses for
// the claim it denies.
var reportNouns = wordSet(`report reports reporting claim claims allegation allegations rumor rumors rumour rumours
article articles story stories speculation speculations suggestion suggestions assertion assertions
accusation accusations account accounts piece pieces information news item items media publication publications`)

// verdictWords call something untrue: "false information", "completely
// untrue", "a hoax".
var verdictWords = wordSet(`false falsely untrue fake faked fakes hoax hoaxes baseless unfounded groundless fabricated
fabrication fabrications nonsense lie lies lying bogus myth myths inaccurate incorrect misleading
wrong erroneous disinformation misinformation fiction fictional rubbish absurd ridiculous`)

// verdictPhrases are multi-word verdicts, matched on the folded text.
var verdictPhrases = []string{
	"not true", "no truth", "not correspond to reality", "not the case", "no basis",
	"not accurate", "not real", "never happened", "did not happen", "didn't happen",
	"doesn't correspond to reality", "far from the truth",
}

// confirmWords vouch for a claim: "confirms", "verified".
var confirmWords = wordSet(`confirm confirms confirmed confirming verify verifies verified verifying
proves proved proven authentic genuine`)

// hedgeWords mark a claim the writer does not vouch for.
var hedgeWords = wordSet(`reportedly allegedly purportedly apparently possibly perhaps probably likely unlikely
may might could seemingly supposedly rumored rumoured rumor rumors rumour rumours alleged purported
unconfirmed speculation speculated speculates unverified suspected possible potential presumably
appear appears appeared seem seems seemed believed thought expected suggests suggested suggesting`)

// attributionCues mark reported speech in a headline or a sentence when
// the attribution parser has no relation for it: "…, officials say",
// "according to".
var attributionCues = wordSet(`say says said saying tell tells told report reports reported reporting
according claim claims claimed claiming state states stated announce announces announced
insist insists insisted suggest suggests suggested indicate indicates indicated
cite cites cited citing source sources quoted quotes quote warn warns warned add adds added
believe believes believed think thinks accuse accuses accused allege alleges alleged`)

// outletWords are nouns that name a publication or its report.
var outletWords = wordSet(`newspaper newspapers paper daily media magazine agency outlet outlets broadcaster channel network
report article piece news times post journal tribune herald telegraph gazette wire press`)

// officialWords are titles of people speaking for an institution.
var officialWords = wordSet(`spokesman spokeswoman spokesperson spokespeople minister president prime chancellor
secretary official officials ambassador governor mayor senator representative chief director
general commander press aide adviser advisor envoy diplomat premier king queen leader chairman ceo
council ministry department office government administration police prosecutor prosecutors court
councillor councillors councilor councilors councilman councilwoman lawmaker lawmakers legislator legislators
commissioner commissioners inspector inspectors regulator regulators superintendent sheriff judge judges`)

// negations reverse what a clause states.
var negations = wordSet(`not no never nor neither cannot nobody nothing none`)

// determiners may stand between a weak denial verb and its report noun,
// and make a report noun anaphoric ("these claims", "the report").
var determiners = wordSet(`the a an this that these those such its their his her all any some both recent earlier latest`)

// synonyms map common news words to one representative, so that two
// wordings of the same claim share stems: talks are negotiations, a
// conflict is a war.
var synonyms = func() map[string]string {
	groups := []string{
		"negotiate negotiates negotiated negotiating negotiation negotiations talks discussions discuss discussing dialogue",
		"war wars conflict conflicts fighting hostilities",
		"end ending ends ended terminate terminating halt halting",
		"kill kills killed killing dead died dies",
		"arrest arrests arrested detain detains detained detention",
		"attack attacks attacked strike strikes",
		"buy buys bought acquire acquires acquired acquisition purchase purchased",
		"plan plans planned planning intend intends intended intention proposal proposals effort efforts attempt attempts initiative initiatives",
		"willing willingness ready readiness prepared",
		"signal signals signaled signalled signaling signalling",
	}
	m := map[string]string{}
	for _, g := range groups {
		ws := strings.Fields(g)
		for _, w := range ws {
			m[w] = ws[0]
		}
	}
	return m
}()

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// isNegation reports whether a lower-case word negates its clause.
func isNegation(w string) bool {
	return negations[w] || strings.HasSuffix(w, "n't")
}
