package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lang"
)

// token is one word of a text, with its case kept.
type token struct {
	text  string // as written, an acronym's dots removed ("U.S." → "US")
	lower string
	start int // byte offsets into the text
	end   int
	upper bool // starts with an upper-case letter
	acro  bool // an acronym: two or more capitals and nothing else
	quote bool // inside double quotation marks
	// punct marks a clause break (comma, colon, semicolon, stop, dash)
	// between the previous token and this one.
	punct bool
}

// tokenize splits s into words: runs of letters and digits, keeping an
// apostrophe between letters ("don't"), a period or comma between digits
// ("1,000") and the periods of an initialism ("U.S."). Quotation marks are
// tracked so that each token knows whether it is quoted.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/6)
	inQuote := false
	lastEnd := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '"' || r == '\u201C' || r == '\u201D' || r == '\u201E' || r == '\u00AB' || r == '\u00BB' {
			switch r {
			case '\u201C', '\u00AB', '\u201E':
				inQuote = true
			case '\u201D', '\u00BB':
				inQuote = false
			default:
				inQuote = !inQuote
			}
			i += size
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		start := i
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc) {
				j += n
				continue
			}
			if j+n < len(s) && j > start {
				prev, _ := utf8.DecodeLastRuneInString(s[start:j])
				next, _ := utf8.DecodeRuneInString(s[j+n:])
				if (r == '\'' || r == '’') && unicode.IsLetter(prev) && unicode.IsLetter(next) {
					j += n
					continue
				}
				if (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next) {
					j += n
					continue
				}
				// Initialism: "U.S.", "U.N." — single capitals joined by periods.
				if r == '.' && unicode.IsUpper(prev) && unicode.IsUpper(next) && j-start <= 3 {
					j += n
					continue
				}
			}
			break
		}
		word := s[start:j]
		end := j
		if first, _ := utf8.DecodeRuneInString(word); strings.Contains(word, ".") && unicode.IsLetter(first) {
			// Keep the initialism's final period inside its span.
			if end < len(s) && s[end] == '.' {
				end++
			}
			word = strings.ReplaceAll(word, ".", "")
		}
		word = strings.ReplaceAll(word, "’", "'")
		t := token{text: word, lower: strings.ToLower(word), start: start, end: end, quote: inQuote}
		t.punct = len(toks) > 0 && strings.ContainsAny(s[lastEnd:start], ",;:.!?—–")
		lastEnd = end
		first, _ := utf8.DecodeRuneInString(word)
		t.upper = unicode.IsUpper(first)
		t.acro = isAcronym(word)
		toks = append(toks, t)
		i = end
	}
	return toks
}

// isAcronym reports whether w is two to six capital letters.
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// isNumber reports whether w holds a digit.
func isNumber(w string) bool {
	for _, r := range w {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isFiller reports content-free words of news prose: reporting verbs,
// single letters, courtesy titles.
func isFiller(w string) bool {
	if utf8.RuneCountInString(w) < 2 && !isNumber(w) {
		return true
	}
	switch w {
	case "said", "says", "say", "told", "tell", "according", "mr", "mrs", "ms", "also", "would", "will",
		"reported", "report", "reports", "added", "adding", "stated", "noted", "per", "further",
		"think", "thinks", "believe", "believes", "believed":
		return true
	}
	return false
}

// key returns the comparable form of a content token: an acronym as
// written, a number without separators, else the stem of its synonym
// group's representative. ok is false for stop words and fillers.
func key(t token) (string, bool) {
	if t.acro {
		return "#" + t.text, true
	}
	w := t.lower
	if isNumber(w) {
		return strings.ReplaceAll(w, ",", ""), true
	}
	if lang.IsStopWord(w) || isFiller(w) || negations[w] || mannerAdverb(w) {
		return "", false
	}
	w = strings.TrimSuffix(w, "'s")
	if s, ok := synonyms[w]; ok {
		w = s
	}
	return lang.Stem(w), true
}

// notAdverbs end in "-ly" but name things: "family", "supply".
var notAdverbs = wordSet(`family families supply supplies assembly assemblies anomaly monopoly butterfly italy july
rally rallies ally allies reply replies apply applies jelly belly bully holy daily weekly monthly yearly quarterly
elderly friendly lonely lovely deadly costly likely unlikely early only`)

// mannerAdverb reports whether w is an adverb of manner or frequency
// ("repeatedly", "indirectly", "subtly"): how a thing is said or done,
// not what, so two statements sharing one agree on nothing.
func mannerAdverb(w string) bool {
	return len(w) >= 6 && strings.HasSuffix(w, "ly") && !notAdverbs[w]
}
