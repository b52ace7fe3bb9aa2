package claim

import (
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// HeadlineStance reads what a headline does with a claim it is known to
// be about, with the same vocabulary the brief uses on sentences: it
// denies the claim (a denial verb, a verdict such as "hoax" or "not
// true", or a negation the claim does not hold), reports it as someone's
// (attribution, a hedge, a question), or states it.
//
// It returns ReportsDenial when a denial is attributed to someone
// ("Company denies report"), Denies when the headline itself calls the
// claim untrue, Attributes or Hedges when it reports the claim without
// vouching for it, and Asserts otherwise. A confirmation ("confirms",
// "verified") counts as stating the claim.
func HeadlineStance(headline, claim string) news.Stance {
	toks := tokenize(headline)
	m := readMarks(toks, tokenize(claim))
	// "No, the mayor is not…": a headline answering its claim.
	for _, no := range []string{"No,", "No.", "No:", "NO,", "NO:"} {
		if strings.HasPrefix(strings.TrimSpace(headline), no) {
			m.denial = true
		}
	}
	u := unit{marks: m}
	if src, _ := headlineSource(headline); src != "" {
		u.source = src
	}
	question := len(headline) > 0 && headline[len(headline)-1] == '?'
	switch {
	case u.denial:
		return stanceOf(&u)
	case m.confirmed:
		return news.Asserts
	case question:
		return news.Hedges
	}
	return stanceOf(&u)
}
