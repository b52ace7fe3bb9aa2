package claim

import (
	"strings"
	"unicode"
)

// maxClaimWords is the length a claim's wording aims at: a reader takes
// in the matrix row at a glance; the evidence keeps every sentence whole.
const maxClaimWords = 25

// claimWording picks and trims the wording of claim g: the statement
// itself without who says it (the claim's Origin says that). Of the
// articles' wordings it prefers the centre's, an original's over a
// copy's, and one that stands alone and fits maxClaimWords.
func (st *story) claimWording(g *group) string {
	center := &st.units[g.center]
	// A copy's wording stands in for its original's: use the original's.
	if r := st.roots[center.art]; r != center.art {
		if j := g.units[r]; j >= 0 {
			center = &st.units[j]
		}
	}
	// ideal: short, standing alone, and without the frame of who says it.
	ideal := func(u *unit, t string) bool {
		// The whole sentence stands in for a content that cannot stand
		// alone, and opens with who says it ("The insiders indicated that
		// they…").
		framed := u.attributed && u.content != u.sentence && claimText(u) == tidy(u.sentence) &&
			strings.Index(u.sentence, u.content) > 0
		return fits(t) && !pronounStart(t) && !framed && wordCount(t) >= 6
	}
	first := shortClaim(claimText(center))
	if ideal(center, first) {
		return first
	}
	// Another article's wording of the same claim, the closest to the
	// centre first.
	best, bestScore := "", -1.0
	for ai, j := range g.units {
		if j < 0 || st.roots[ai] != ai {
			continue
		}
		u := &st.units[j]
		if u.denial {
			continue
		}
		t := shortClaim(claimText(u))
		if !ideal(u, t) {
			continue
		}
		if s := st.closeness(g, j); s > bestScore {
			best, bestScore = t, s
		}
	}
	if bestScore >= 0 {
		return best
	}
	return cutClause(first)
}

// shortClaim drops the frames around a statement: a dateline ("VARNHOLM
// —"), an opening "According to X," and closing attributions (", X said",
// ", according to X", ", citing Y", ", a report seen by X shows"); it
// closes a quotation left open.
func shortClaim(s string) string {
	s = strings.TrimSpace(s)
	s = stripDateline(s)
	if low := strings.ToLower(s); strings.HasPrefix(low, "according to ") {
		if i := strings.Index(s, ","); i > 0 && i < len(s)-1 && wordCount(s[:i]) <= 10 {
			s = strings.TrimSpace(s[i+1:])
		}
	}
	for range 2 {
		t := stripTail(s)
		if t == s {
			break
		}
		s = t
	}
	s = strings.TrimRight(s, " ,;:")
	return tidy(balanceQuotes(s))
}

// stripDateline drops an opening place line in capitals: "VARNHOLM —".
func stripDateline(s string) string {
	for _, dash := range []string{" — ", " – ", " - "} {
		i := strings.Index(s, dash)
		if i <= 0 || i > 40 {
			continue
		}
		head := s[:i]
		caps := true
		for _, r := range head {
			if unicode.IsLower(r) {
				caps = false
				break
			}
		}
		if caps {
			return strings.TrimSpace(s[i+len(dash):])
		}
	}
	return s
}

// tailCues open or close an attribution after the statement's last
// comma.
var tailOpeners = []string{"according to ", "citing ", "per ", "as reported by ", "reports say", "sources say",
	"officials say", "officials said", "it said", "he said", "she said", "they said", "he added", "she added"}

// tailVerbs end an attribution tail: ", the Courier reported on Tuesday",
// ", a report seen by X shows".
var tailVerbs = wordSet(`said says say told reported reports wrote writes added adds shows showed show suggests
suggested indicated indicates revealed reveals claimed claims stated states announced announces confirmed confirms
noted notes explained explains warned warns insisted insists argued argues`)

// stripTail removes a closing attribution after the last comma of s,
// when what precedes it still says something.
func stripTail(s string) string {
	end := strings.TrimRight(s, " .\"”")
	i := strings.LastIndex(end, ",")
	if i <= 0 || wordCount(end[:i]) < 5 {
		return s
	}
	tail := strings.TrimSpace(end[i+1:])
	low := strings.ToLower(tail)
	for _, o := range tailOpeners {
		if strings.HasPrefix(low, o) {
			return end[:i]
		}
	}
	toks := tokenize(tail)
	if len(toks) == 0 || len(toks) > 14 {
		return s
	}
	// The reporting verb, then at most a time or an audience: ", X said
	// on Tuesday", ", X told reporters at city hall".
	for k, t := range toks {
		if tailVerbs[t.lower] && k > 0 && len(toks)-k <= 6 {
			return end[:i]
		}
	}
	return s
}

// balanceQuotes closes a double quotation left open ("was \"the only
// option." → closed) and drops a closing one left over.
func balanceQuotes(s string) string {
	open := 0
	for _, r := range s {
		switch r {
		case '"':
			if open > 0 {
				open--
			} else {
				open++
			}
		case '“':
			open++
		case '”':
			if open > 0 {
				open--
			} else {
				// A closing mark without its opening: drop it.
				s = strings.Replace(s, "”", "", 1)
			}
		}
	}
	if open > 0 {
		if strings.Contains(s, "“") {
			return s + "”"
		}
		return s + "\""
	}
	return s
}

// cutClause shortens s to maxClaimWords at the last clause break (a
// comma, semicolon, colon or dash) that leaves at least eight words, or
// else at a word boundary with an ellipsis.
func cutClause(s string) string {
	if fits(s) {
		return s
	}
	words := strings.Fields(s)
	prefix := strings.Join(words[:maxClaimWords], " ")
	for _, sep := range []string{"; ", ", ", " — ", " – ", ": "} {
		if i := strings.LastIndex(prefix, sep); i > 0 && wordCount(prefix[:i]) >= 8 {
			return balanceQuotes(strings.TrimSpace(prefix[:i]))
		}
	}
	return balanceQuotes(strings.TrimRight(prefix, " ,;:")) + "…"
}

func fits(s string) bool { return wordCount(s) <= maxClaimWords }

func wordCount(s string) int { return len(strings.Fields(s)) }

// pronounStart reports whether s opens with a pronoun, which cannot stand
// alone as a claim.
func pronounStart(s string) bool {
	f := strings.Fields(s)
	return len(f) > 0 && pronouns[strings.ToLower(strings.Trim(f[0], "\"“”,"))]
}

// denialWording is the wording of a denial: its sentence, who denies
// kept (the denial is theirs), a closing participle clause (", calling
// it…", ", saying…") dropped when the sentence is long.
func denialWording(sentence string) string {
	s := stripDateline(strings.TrimSpace(sentence))
	if !fits(s) {
		for _, p := range []string{", calling ", ", saying ", ", adding ", ", describing ", ", labelling ", ", labeling ", ", branding "} {
			if i := strings.Index(s, p); i > 0 && wordCount(s[:i]) >= 6 {
				s = s[:i] + "."
				break
			}
		}
	}
	return tidy(cutClause(balanceQuotes(s)))
}
