package brief

import (
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// sameStatement is the least share of a summary sentence's content stems
// a claim's evidence sentence must carry for the two to state the same
// thing. Summary sentences are taken whole from the articles, so the
// sentence that is a claim's evidence matches fully; the threshold lets a
// paraphrase in another article match too.
const sameStatement = 0.6

// sameStatementBack is the least share of the evidence sentence's stems
// the summary sentence must carry in turn: a short sentence made of the
// story's common words ("The city council will discuss the bridge on
// Tuesday") lies inside many long ones without stating what they state.
const sameStatementBack = 0.35

// markDenied flags the summary sentences that state a claim which
// another claim of the brief denies, so that a denied claim is never
// smoothed over into the summary as fact. A sentence that is itself the
// denial is left alone.
func markDenied(b *news.Brief) {
	denied := map[string]bool{}
	denial := map[string]bool{}
	for _, c := range b.Claims {
		if c.Denies != "" {
			denied[c.Denies] = true
			denial[c.ID] = true
		}
	}
	if len(denied) == 0 {
		return
	}
	// The stems of each claim's evidence sentences, computed once: a
	// large story has thousands of them.
	evidence := make([][]map[string]bool, len(b.Claims))
	for ci, c := range b.Claims {
		for _, ev := range c.Evidence {
			evidence[ci] = append(evidence[ci], stems(ev))
		}
	}
	for i := range b.Summary {
		s := stems(b.Summary[i].Text)
		states, reportsDenial := false, false
		for ci, c := range b.Claims {
			for _, ev := range evidence[ci] {
				if shareOf(s, ev) < sameStatement || shareOf(ev, s) < sameStatementBack {
					continue
				}
				// A sentence reporting the denial usually restates the
				// claim too ("X denied reports that Y"): it is the
				// denial, not the claim smoothed over.
				reportsDenial = reportsDenial || denial[c.ID]
				states = states || denied[c.ID]
			}
		}
		b.Summary[i].Denied = states && !reportsDenial
	}
}

// stems are the distinct content-word stems of s.
func stems(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range lang.Words(lang.Fold(s)) {
		if len(w) > 1 && !lang.IsStopWord(w) {
			out[lang.Stem(w)] = true
		}
	}
	return out
}

// shareOf is the part of a's stems also in b.
func shareOf(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}
