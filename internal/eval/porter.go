package eval

import "regexp"

// The original Porter (1980) stemmer, as the Perl implementation inside
// ROUGE-1.5.5 writes it: the published ROUGE scores depend on its exact
// output (Snowball's Porter 2, which internal/lang uses, differs on words
// such as "generously" or "dying"), including ROUGE's own change to step 4,
// which tries "-ement", then "-ment", then "-ent" in turn rather than the
// longest of them alone.
var (
	porterMgr0 = regexp.MustCompile(`^([^aeiou][^aeiouy]*)?[aeiouy][aeiou]*[^aeiou][^aeiouy]*`)
	porterMeq1 = regexp.MustCompile(`^([^aeiou][^aeiouy]*)?[aeiouy][aeiou]*[^aeiou][^aeiouy]*([aeiouy][aeiou]*)?$`)
	porterMgr1 = regexp.MustCompile(`^([^aeiou][^aeiouy]*)?[aeiouy][aeiou]*[^aeiou][^aeiouy]*[aeiouy][aeiou]*[^aeiou][^aeiouy]*`)
	porterV    = regexp.MustCompile(`^([^aeiou][^aeiouy]*)?[aeiouy]`)
	porterCVC  = regexp.MustCompile(`^[^aeiou][^aeiouy]*[aeiouy][^aeiouwxy]$`)

	porter1a1  = regexp.MustCompile(`(ss|i)es$`)
	porter1a2  = regexp.MustCompile(`([^s])s$`)
	porter1bE  = regexp.MustCompile(`eed$`)
	porter1b   = regexp.MustCompile(`(ed|ing)$`)
	porter1bAt = regexp.MustCompile(`(at|bl|iz)$`)
	porter2    = regexp.MustCompile(`(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$`)
	porter3    = regexp.MustCompile(`(icate|ative|alize|iciti|ical|ful|ness)$`)
	porter4    = regexp.MustCompile(`(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$`)
	porter4ion = regexp.MustCompile(`(s|t)(ion)$`)

	porterStep2 = map[string]string{
		"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
		"alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
		"ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
		"iviti": "ive", "biliti": "ble", "logi": "log",
	}
	porterStep3 = map[string]string{
		"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": "",
	}
)

// porterStem stems a lower-case ASCII word with the original Porter rules.
func porterStem(w string) string {
	if len(w) < 3 {
		return w
	}
	// An initial y is a consonant: upper-case it so no pattern sees a vowel.
	initialY := w[0] == 'y'
	if initialY {
		w = "Y" + w[1:]
	}

	// Step 1a.
	if m := porter1a1.FindStringSubmatchIndex(w); m != nil {
		w = w[:m[0]] + w[m[2]:m[3]]
	} else if m := porter1a2.FindStringSubmatchIndex(w); m != nil {
		w = w[:m[0]] + w[m[2]:m[3]]
	}
	// Step 1b.
	if m := porter1bE.FindStringIndex(w); m != nil {
		if porterMgr0.MatchString(w[:m[0]]) {
			w = w[:len(w)-1]
		}
	} else if m := porter1b.FindStringIndex(w); m != nil {
		if stem := w[:m[0]]; porterV.MatchString(stem) {
			w = stem
			switch {
			case porter1bAt.MatchString(w):
				w += "e"
			case doubleEnding(w):
				w = w[:len(w)-1]
			case porterCVC.MatchString(w):
				w += "e"
			}
		}
	}
	// Step 1c.
	if len(w) > 0 && w[len(w)-1] == 'y' {
		if stem := w[:len(w)-1]; porterV.MatchString(stem) {
			w = stem + "i"
		}
	}
	// Step 2.
	if m := porter2.FindStringSubmatchIndex(w); m != nil {
		if stem := w[:m[0]]; porterMgr0.MatchString(stem) {
			w = stem + porterStep2[w[m[2]:m[3]]]
		}
	}
	// Step 3.
	if m := porter3.FindStringSubmatchIndex(w); m != nil {
		if stem := w[:m[0]]; porterMgr0.MatchString(stem) {
			w = stem + porterStep3[w[m[2]:m[3]]]
		}
	}
	// Step 4, with ROUGE's -ement change: the three tests run in turn.
	if m := porter4.FindStringIndex(w); m != nil {
		if stem := w[:m[0]]; porterMgr1.MatchString(stem) {
			w = stem
		}
	}
	if len(w) >= 4 && w[len(w)-4:] == "ment" {
		if stem := w[:len(w)-4]; porterMgr1.MatchString(stem) {
			w = stem
		}
	}
	if len(w) >= 3 && w[len(w)-3:] == "ent" {
		if stem := w[:len(w)-3]; porterMgr1.MatchString(stem) {
			w = stem
		}
	} else if m := porter4ion.FindStringSubmatchIndex(w); m != nil {
		if stem := w[:m[3]]; porterMgr1.MatchString(stem) {
			w = stem
		}
	}
	// Step 5.
	if len(w) > 0 && w[len(w)-1] == 'e' {
		stem := w[:len(w)-1]
		if porterMgr1.MatchString(stem) || porterMeq1.MatchString(stem) && !porterCVC.MatchString(stem) {
			w = stem
		}
	}
	if len(w) >= 2 && w[len(w)-2:] == "ll" && porterMgr1.MatchString(w) {
		w = w[:len(w)-1]
	}
	if initialY {
		w = "y" + w[1:]
	}
	return w
}

// doubleEnding reports whether w ends in a doubled letter other than
// a vowel, y, l, s or z (Perl: /([^aeiouylsz])\1$/).
func doubleEnding(w string) bool {
	n := len(w)
	if n < 2 || w[n-1] != w[n-2] {
		return false
	}
	switch w[n-1] {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'l', 's', 'z':
		return false
	}
	return true
}
