package dates

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// Mention is one date expression found in running text.
type Mention struct {
	// Span is where the expression is, as byte offsets into the text. It
	// covers the date words and their modifiers ("last month", "two weeks
	// ago", "Mar. 3, 2021"), not a leading preposition ("on", "in",
	// "since").
	Span news.Span
	// Time is the resolved date. Its Precision is what the expression
	// gives: "in 2023" a year, "last month" a month, "on Friday" a day. A
	// week ("last week", "two weeks ago") has no precision of its own and
	// is given as the month holding most of its days.
	Time news.Time
	// Relative is true when the date was worked out from the reference
	// ("yesterday", "last month", "on Friday", and a date without its year
	// such as "January 9" or "in December"), false when the text states
	// it in full.
	Relative bool
	// Future is true when the expression was read as pointing forward
	// from the reference ("will meet on Friday", "next week").
	Future bool
}

// Resolver finds date expressions and resolves the incomplete and
// relative ones against a reference time.
type Resolver struct {
	// Ref is when the text was written, normally its publication date.
	// Zero means unknown: only dates the text states in full (with their
	// year) are found.
	Ref news.Time
	// Floor says Ref is not the time of writing but only a time the text
	// was written after — for a text with no publication date, the latest
	// full date it mentions. A date without its year then takes the
	// occurrence nearest Ref, and deictic expressions ("yesterday", "last
	// month", "on Friday") are left out because their anchor is unknown.
	Floor bool
}

// FindAll returns the date expressions of s in text order, resolved
// against ref (see Resolver).
func FindAll(s string, ref news.Time) []Mention { return Resolver{Ref: ref}.FindAll(s) }

// Resolve reads expr as one date expression ("last month", "on Friday",
// "January 9", "March 3, 2021") and resolves it against ref. It fails
// when expr holds anything but the expression and its prepositions.
func Resolve(expr string, ref news.Time) (news.Time, bool) {
	ms := FindAll(expr, ref)
	if len(ms) != 1 {
		return news.Time{}, false
	}
	rest := expr[:ms[0].Span.Start] + " " + expr[ms[0].Span.End:]
	for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return !isAlnum(r) }) {
		if !prepositions[strings.ToLower(w)] {
			return news.Time{}, false
		}
	}
	return ms[0].Time, true
}

// FindAll is the package-level FindAll with a resolver's settings.
func (r Resolver) FindAll(s string) []Mention {
	ref, hasRef := r.reference()
	var out []Mention
	// Dates stated in full come from the scanner Find uses.
	var full []news.Span
	for i := 0; i < len(s); {
		t, sp, ok := Find(s[i:])
		if !ok {
			break
		}
		sp.Start += i
		sp.End += i
		full = append(full, sp)
		out = append(out, Mention{Span: sp, Time: t})
		i = sp.End
	}
	toks := tokenize(s)
	sc := relScanner{s: s, toks: toks, ref: ref, hasRef: hasRef, floor: r.Floor}
	sc.covered = make([]bool, len(toks))
	// Tokens and full dates both run in text order, full dates without
	// overlap: a token can only fall in the first date not ending before it.
	p := 0
	for k, tk := range toks {
		for p < len(full) && full[p].End <= tk.start {
			p++
		}
		if p < len(full) && tk.end > full[p].Start {
			sc.covered[k] = true
		}
	}
	for k := 0; k < len(toks); {
		if sc.covered[k] {
			k++
			continue
		}
		sc.prior = out
		m, n := sc.match(k)
		if n == 0 {
			k++
			continue
		}
		if !m.Time.IsZero() {
			out = insertMention(out, m)
		}
		k += n
	}
	return out
}

// reference returns the day the resolver counts from.
func (r Resolver) reference() (time.Time, bool) {
	if r.Ref.Precision < news.PrecisionDay {
		return time.Time{}, false
	}
	t := r.Ref.T
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}

// insertMention adds m keeping out in text order.
func insertMention(out []Mention, m Mention) []Mention {
	i := len(out)
	for i > 0 && out[i-1].Span.Start > m.Span.Start {
		i--
	}
	out = append(out, Mention{})
	copy(out[i+1:], out[i:])
	out[i] = m
	return out
}

// token is a word, a number or one punctuation mark of the text.
type token struct {
	start, end int
	text       string // as written
	low        string // lower case, a possessive "'s" dropped
	kind       byte   // 'w' word, 'n' number, 'p' punctuation
	upper      bool   // starts with a capital letter
}

// tokenize splits s into tokens; an apostrophe between letters stays in
// its word.
func tokenize(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isBlank(r) || unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r):
			j := i + size
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) {
					j += n2
					continue
				}
				if r2 == '\'' || r2 == '’' {
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					if unicode.IsLetter(r3) {
						j += n2
						continue
					}
				}
				break
			}
			w := s[i:j]
			low := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
			low = strings.TrimSuffix(low, "'s")
			toks = append(toks, token{start: i, end: j, text: w, low: low, kind: 'w', upper: unicode.IsUpper(r)})
			i = j
		case '0' <= r && r <= '9':
			j := i + 1
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			toks = append(toks, token{start: i, end: j, text: s[i:j], low: s[i:j], kind: 'n'})
			i = j
		default:
			toks = append(toks, token{start: i, end: i + size, text: s[i : i+size], low: s[i : i+size], kind: 'p'})
			i += size
		}
	}
	return toks
}

// prepositions may lead a date expression without being part of it.
var prepositions = map[string]bool{
	"in": true, "on": true, "since": true, "until": true, "till": true, "by": true,
	"during": true, "through": true, "throughout": true, "from": true, "before": true,
	"after": true, "of": true, "at": true, "least": true, "to": true, "and": true,
	"or": true, "between": true, "around": true, "about": true, "as": true, "early": true,
	"late": true, "mid": true, "the": true, "end": true, "start": true, "beginning": true,
	"middle": true, "until-": true, "also": true, "back": true, "last": true, "this": true,
	"next": true, "that": true,
}

// monthContext are the words after which a bare month name ("in
// December", "since at least June", "late November") is taken as a
// date; elsewhere "March" or "May" is too often a verb or a name.
var monthContext = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "during": true,
	"through": true, "throughout": true, "from": true, "before": true, "after": true,
	"of": true, "least": true, "early": true, "late": true, "mid": true, "and": true,
	"to": true, "or": true, "last": true, "this": true, "next": true, "between": true,
	"around": true, "until-": true,
}

// yearContext are the words after which a bare four-digit number is a
// year ("in 2023", "since 2022", "spring of 2022").
var yearContext = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "during": true,
	"through": true, "throughout": true, "from": true, "before": true, "after": true,
	"of": true, "early": true, "late": true, "mid": true, "between": true,
}

// weekdayNames maps full English weekday names to time.Weekday.
var weekdayNames = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
	"saturday": time.Saturday,
}

// notWeekday are words that make a following weekday name part of a
// holiday's or an event's name ("Good Friday", "Super Tuesday").
var notWeekday = map[string]bool{
	"good": true, "black": true, "super": true, "ash": true, "holy": true, "cyber": true,
	"maundy": true, "easter": true, "palm": true, "bloody": true, "giving": true,
}

// titleWords follow a weekday in the names of newspapers and shows
// ("Sunday Times", "Monday Night Football"), which are not dates.
var titleWords = map[string]bool{
	"times": true, "telegraph": true, "mirror": true, "express": true, "post": true,
	"herald": true, "tribune": true, "independent": true, "mail": true, "star": true,
	"journal": true, "news": true, "observer": true, "sport": true, "people": true,
	"night": true, "review": true, "magazine": true, "edition": true, "program": true,
	"programme": true, "show": true, "prayers": true,
}

// numberWords are the counts "two weeks ago" may be written with.
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// units are the calendar units of relative expressions.
var units = map[string]string{
	"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
	"months": "month", "year": "year", "years": "year", "weekend": "weekend",
}
