package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/dates"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

const (
	// clauseWords is how many content words an event clause is widened
	// to when the clause holding the date is shorter ("On December 23,").
	clauseWords = 5
	// maxEventWords caps an event's text; a longer clause is cut to a
	// window around the date.
	maxEventWords = 30
	// minContentWords is the least an event must say besides its date.
	minContentWords = 2
)

// clauseStarters are words that open a new clause; an event is cut there.
var clauseStarters = map[string]bool{
	"that": true, "which": true, "who": true, "whom": true, "whereas": true, "while": true,
	"but": true, "although": true, "though": true, "because": true, "whose": true,
}

// dropLeading are clause starters left out of an event's text: "that
// the mayor had …" reads as "the mayor had …".
var dropLeading = map[string]bool{"that": true, "but": true, "and": true, "while": true, "although": true, "though": true, "because": true, "whereas": true}

// timeWords are words of date expressions, which say nothing about what
// happened.
var timeWords = map[string]bool{
	"yesterday": true, "today": true, "tomorrow": true, "tonight": true, "last": true,
	"next": true, "week": true, "weeks": true, "month": true, "months": true, "year": true,
	"years": true, "day": true, "days": true, "ago": true, "earlier": true, "later": true,
	"early": true, "late": true, "mid": true, "since": true, "least": true, "weekend": true,
	"morning": true, "afternoon": true, "evening": true, "night": true, "previous": true,
	"following": true, "same": true, "recent": true, "sept": true,
}

// contentStems returns the distinct stems of the words of s that are
// neither function words nor parts of dates.
func contentStems(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range lang.Words(s) {
		if len(w) < 2 || lang.IsStopWord(w) || timeWords[w] || dates.IsMonthName(w) || dates.IsWeekdayName(w) || !hasLetter(w) {
			continue
		}
		st := lang.Stem(w)
		if !seen[st] {
			seen[st] = true
			out = append(out, st)
		}
	}
	return out
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// eventClause cuts the clause holding the date at span out of sentence s
// and returns it with its content stems.
func eventClause(s string, span news.Span) (string, []string) {
	cuts := clauseCuts(s, span)
	// Segment k runs from cuts[k] to cuts[k+1].
	seg := 0
	for seg+1 < len(cuts)-1 && cuts[seg+1] <= span.Start {
		seg++
	}
	lo, hi := seg, seg+1
	text := s[cuts[lo]:cuts[hi]]
	for len(contentStems(text)) < clauseWords && (lo > 0 || hi < len(cuts)-1) {
		if hi < len(cuts)-1 {
			hi++
		} else {
			lo--
		}
		text = s[cuts[lo]:cuts[hi]]
	}
	if lo > 0 && len(strings.Fields(s)) <= maxEventWords {
		// Widening reached back into the sentence, which is short
		// enough to give whole rather than from mid-phrase.
		lo, hi, text = 0, len(cuts)-1, s
	}
	text = tidyClause(text)
	if f := strings.Fields(text); len(f) > maxEventWords {
		text = window(s[cuts[lo]:cuts[hi]], span.Start-cuts[lo])
	}
	return text, contentStems(text)
}

// clauseCuts returns the byte offsets where s divides into clauses, 0 and
// len(s) included; no cut falls inside span.
func clauseCuts(s string, span news.Span) []int {
	cuts := []int{0}
	add := func(i int) {
		if i > cuts[len(cuts)-1] && i < len(s) && (i <= span.Start || i >= span.End) {
			cuts = append(cuts, i)
		}
	}
	wordStart := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ',' || r == ';' || r == ':' || r == '(' || r == ')' || r == '—' || r == '–':
			add(i + size)
			wordStart = true
		case r == '-' && i > 0 && s[i-1] == ' ' && i+1 < len(s) && s[i+1] == ' ':
			add(i + size)
			wordStart = true
		case unicode.IsLetter(r):
			if wordStart {
				j := i
				for j < len(s) {
					r2, n2 := utf8.DecodeRuneInString(s[j:])
					if !unicode.IsLetter(r2) {
						break
					}
					j += n2
				}
				if clauseStarters[strings.ToLower(s[i:j])] {
					add(i)
				}
				i = j
				wordStart = false
				continue
			}
		default:
			wordStart = unicode.IsSpace(r) || r == '"' || r == '“' || r == '\''
		}
		i += size
	}
	return append(cuts, len(s))
}

// tidyClause trims a clause's spaces, edge punctuation and a leading
// conjunction.
func tidyClause(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, " ,;:-–—(")
	// A quotation closed before the clause began leaves its mark behind.
	s = strings.TrimLeft(s, "”’ ")
	if strings.Count(s, `"`)%2 == 1 && strings.HasPrefix(s, `"`) {
		s = strings.TrimLeft(s, `" `)
	}
	if i := strings.IndexByte(s, ' '); i > 0 && dropLeading[strings.ToLower(s[:i])] {
		s = s[i+1:]
	}
	s = strings.TrimRight(s, " ,;:-–—(")
	for _, c := range []string{" and", " or", " but", " as"} {
		if strings.HasSuffix(strings.ToLower(s), c) {
			s = strings.TrimRight(s[:len(s)-len(c)], " ,;:-–—(")
		}
	}
	if s != "" {
		r, size := utf8.DecodeRuneInString(s)
		s = string(unicode.ToUpper(r)) + s[size:]
	}
	return s
}

// window returns about maxEventWords words of s around byte offset at.
func window(s string, at int) string {
	f := strings.Fields(s)
	// Find the word index of at.
	pos, idx := 0, 0
	for i, w := range f {
		j := strings.Index(s[pos:], w)
		if j < 0 {
			break
		}
		if pos+j > at {
			break
		}
		idx = i
		pos += j + len(w)
	}
	start := max(0, idx-maxEventWords/2)
	end := min(len(f), start+maxEventWords)
	start = max(0, end-maxEventWords)
	return tidyClause(strings.Join(f[start:end], " "))
}

// trimSentence collapses a sentence's white space.
func trimSentence(s string) string { return strings.Join(strings.Fields(s), " ") }
