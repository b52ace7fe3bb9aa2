package dates

import (
	"strconv"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// relScanner matches the expressions Find does not read, token by token.
type relScanner struct {
	s       string
	toks    []token
	covered []bool // token lies inside a date Find read
	ref     time.Time
	hasRef  bool
	floor   bool
	prior   []Mention // mentions found so far, in text order
}

// word returns the lower-case word at k, or "" past the end or for a
// number or punctuation.
func (sc *relScanner) word(k int) string {
	if k < 0 || k >= len(sc.toks) || sc.toks[k].kind != 'w' {
		return ""
	}
	return sc.toks[k].low
}

// adjacent reports whether tokens k and k+1 are separated by blanks only
// (no punctuation between them), so they can form one expression.
func (sc *relScanner) adjacent(k int) bool {
	return k+1 < len(sc.toks) && sc.toks[k+1].kind != 'p' && !sc.covered[k+1]
}

// span covers tokens k through k+n-1.
func (sc *relScanner) span(k, n int) news.Span {
	return news.Span{Start: sc.toks[k].start, End: sc.toks[k+n-1].end}
}

// deictic reports whether expressions counted from the time of writing
// can be resolved.
func (sc *relScanner) deictic() bool { return sc.hasRef && !sc.floor }

// match tries every expression at token k and returns the mention and how
// many tokens it covers; n is 0 when nothing matched. A matched expression
// whose date cannot be worked out comes back with a zero Time and n > 0,
// so its words are not read again as another expression.
func (sc *relScanner) match(k int) (Mention, int) {
	tk := sc.toks[k]
	switch tk.kind {
	case 'n':
		return sc.matchNumber(k)
	case 'w':
		if m, n := sc.matchDeictic(k); n > 0 {
			return m, n
		}
		if m, n := sc.matchShift(k); n > 0 {
			return m, n
		}
		if m, n := sc.matchAgo(k); n > 0 {
			return m, n
		}
		if m, n := sc.matchMonth(k); n > 0 {
			return m, n
		}
		return sc.matchWeekday(k)
	}
	return Mention{}, 0
}

// matchDeictic reads "today", "tonight", "yesterday", "tomorrow", "this
// morning", "last night".
func (sc *relScanner) matchDeictic(k int) (Mention, int) {
	w := sc.word(k)
	offset, n, future := 0, 1, false
	switch w {
	case "today", "tonight":
	case "yesterday":
		offset = -1
	case "tomorrow":
		offset, future = 1, true
	case "this":
		switch sc.word(k + 1) {
		case "morning", "afternoon", "evening":
			if !sc.adjacent(k) {
				return Mention{}, 0
			}
			n = 2
		default:
			return Mention{}, 0
		}
	case "last":
		if sc.word(k+1) != "night" || !sc.adjacent(k) {
			return Mention{}, 0
		}
		offset, n = -1, 2
	default:
		return Mention{}, 0
	}
	if !sc.deictic() {
		return Mention{}, n
	}
	return sc.dayMention(k, n, sc.ref.AddDate(0, 0, offset), future), n
}

// matchShift reads expressions counted in whole calendar units from the
// time of writing or from the date mentioned just before: "last month",
// "earlier this week", "late last year", "next Friday", "this December",
// "later that month", "the same day", "the day before", "the previous
// day", "the following week".
func (sc *relScanner) matchShift(k int) (Mention, int) {
	i := k
	edge := ""
	switch sc.word(i) {
	case "earlier", "later", "early", "late", "mid":
		edge = sc.word(i)
		if !sc.adjacent(i) && !(edge == "mid" && i+2 < len(sc.toks) && sc.toks[i+1].text == "-") {
			return Mention{}, 0
		}
		i++
		if sc.toks[i].text == "-" {
			i++
		}
	}
	switch d := sc.word(i); d {
	case "last", "this", "next", "past", "coming":
		if !sc.adjacent(i) {
			return Mention{}, 0
		}
		target := sc.word(i + 1)
		if d == "past" || d == "coming" {
			// "the past week" is a stretch of time, not a date.
			return Mention{}, 0
		}
		if wd, ok := weekdayNames[target]; ok && sc.toks[i+1].upper {
			return sc.weekdayShift(k, i+2-k, wd, d), i + 2 - k
		}
		if mw, ok := lookupMonth(target); ok && mw.english && !mw.abbrev && sc.toks[i+1].upper {
			return sc.monthShift(k, i+2-k, mw.month, d), i + 2 - k
		}
		unit, ok := units[target]
		if !ok {
			return Mention{}, 0
		}
		return sc.unitShift(k, i+2-k, unit, d, edge), i + 2 - k
	case "that":
		unit, ok := units[sc.word(i+1)]
		if !ok || !sc.adjacent(i) {
			return Mention{}, 0
		}
		return sc.anchored(k, i+2-k, unit, 0), i + 2 - k
	case "the":
		return sc.matchTheDay(k, i)
	}
	return Mention{}, 0
}

// matchTheDay reads "the same day", "the day before", "the previous day",
// "the next day", "the following month" after "the" at i.
func (sc *relScanner) matchTheDay(k, i int) (Mention, int) {
	if i != k || !sc.adjacent(i) {
		return Mention{}, 0
	}
	shift := 0
	switch sc.word(i + 1) {
	case "same":
	case "previous", "prior", "preceding":
		shift = -1
	case "next", "following":
		shift = 1
	case "day":
		// "the day before", "the day after" — unless an event follows
		// ("the day before the vote"), which this package cannot date.
		var sh int
		switch sc.word(i + 2) {
		case "before":
			sh = -1
		case "after":
			sh = 1
		default:
			return Mention{}, 0
		}
		if !sc.adjacent(i+1) || sc.startsNounPhrase(i+3) {
			return Mention{}, 0
		}
		return sc.anchored(k, 3, "day", sh), 3
	default:
		return Mention{}, 0
	}
	unit, ok := units[sc.word(i+2)]
	if !ok || !sc.adjacent(i+1) || unit == "weekend" {
		return Mention{}, 0
	}
	return sc.anchored(k, 3, unit, shift), 3
}

// startsNounPhrase reports whether token k begins a noun phrase ("the
// vote", "Christmas", "his visit"), which would make "the day before" a
// day counted from an event rather than from a date.
func (sc *relScanner) startsNounPhrase(k int) bool {
	if k >= len(sc.toks) || sc.covered[k] {
		return false
	}
	tk := sc.toks[k]
	if tk.kind == 'n' {
		return true
	}
	if tk.kind != 'w' {
		return false
	}
	switch tk.low {
	case "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
		"yesterday", "christmas", "easter", "polling":
		return true
	}
	_, wd := weekdayNames[tk.low]
	return tk.upper && !wd
}

// matchAgo reads "two weeks ago", "a year ago", "three days earlier".
func (sc *relScanner) matchAgo(k int) (Mention, int) {
	n, ok := numberWords[sc.word(k)]
	if !ok || !sc.adjacent(k) {
		return Mention{}, 0
	}
	return sc.countShift(k, n)
}

// countShift reads the unit and "ago"/"earlier"/"later" after a count at k.
func (sc *relScanner) countShift(k, n int) (Mention, int) {
	unit, ok := units[sc.word(k+1)]
	if !ok || unit == "weekend" || !sc.adjacent(k+1) {
		return Mention{}, 0
	}
	switch sc.word(k + 2) {
	case "ago":
		if !sc.deictic() {
			return Mention{}, 3
		}
		return sc.offsetMention(k, 3, sc.ref, unit, -n), 3
	case "earlier", "before", "later", "after":
		// "three days before the vote" counts from an event, not a date.
		w := sc.word(k + 2)
		if (w == "before" || w == "after") && sc.startsNounPhrase(k+3) {
			return Mention{}, 0
		}
		if w == "earlier" || w == "before" {
			n = -n
		}
		return sc.anchored(k, 3, unit, n), 3
	}
	return Mention{}, 0
}

// matchNumber reads a bare year after a preposition ("in 2023"), a day
// before a month without a year ("25 January") and a count of units
// ("10 days ago").
func (sc *relScanner) matchNumber(k int) (Mention, int) {
	tk := sc.toks[k]
	v, err := strconv.Atoi(tk.text)
	if err != nil || sc.numberContinues(k) {
		return Mention{}, 0
	}
	switch {
	case len(tk.text) == 4 && v >= 1900 && v <= 2099:
		if !yearContext[sc.word(k-1)] || sc.unitFollows(k) {
			return Mention{}, 0
		}
		t := news.Time{T: time.Date(v, 1, 1, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionYear}
		return Mention{Span: sc.span(k, 1), Time: t}, 1
	case len(tk.text) <= 2 && v >= 1 && v <= 31:
		j := k + 1
		if sc.word(j) == "th" || sc.word(j) == "st" || sc.word(j) == "nd" || sc.word(j) == "rd" {
			j++
		}
		if sc.word(j) == "of" {
			j++
		}
		if j < len(sc.toks) && sc.toks[j].kind == 'w' && sc.toks[j].upper && !sc.covered[j] {
			if mw, ok := lookupMonth(sc.toks[j].text); ok && mw.english {
				n := j - k + 1
				if j+1 < len(sc.toks) && sc.toks[j+1].text == "." && mw.abbrev {
					n++
				}
				return sc.yearless(k, n, mw.month, v), n
			}
		}
		if v <= 12 {
			return sc.countShift(k, v)
		}
	}
	return Mention{}, 0
}

// numberContinues reports whether the number at k is part of a larger one
// ("1,000", "3.5", "12:30") or a unit ("30%").
func (sc *relScanner) numberContinues(k int) bool {
	tk := sc.toks[k]
	if tk.end < len(sc.s) {
		switch c := sc.s[tk.end]; c {
		case ',', '.', ':', '/':
			if tk.end+1 < len(sc.s) && isDigit(sc.s[tk.end+1]) {
				return true
			}
		case '%':
			return true
		}
	}
	if tk.start > 0 {
		switch sc.s[tk.start-1] {
		case '$', '#', '.', ',', '/', ':', '-':
			return tk.start > 1 && isDigit(sc.s[tk.start-2]) || sc.s[tk.start-1] == '$' || sc.s[tk.start-1] == '#'
		}
	}
	return false
}

// unitFollows reports whether a counted noun follows the number at k
// ("in 2000 cases"), which makes it a quantity, not a year.
func (sc *relScanner) unitFollows(k int) bool {
	if !sc.adjacent(k) {
		return false
	}
	tk := sc.toks[k+1]
	if tk.kind != 'w' || tk.upper {
		return false
	}
	switch tk.low {
	case "and", "or", "to", "after", "before", "when", "as", "but", "that", "the", "than", "while", "until", "through":
		return false
	}
	return len(tk.low) > 2
}

// matchMonth reads a capitalised month name: with a day and no year
// ("January 9", "Mar. 3rd"), or alone after a preposition ("in
// December", "since at least June", "mid-November").
func (sc *relScanner) matchMonth(k int) (Mention, int) {
	tk := sc.toks[k]
	if !tk.upper {
		return Mention{}, 0
	}
	mw, ok := lookupMonth(tk.text)
	if !ok || !mw.english {
		return Mention{}, 0
	}
	n := 1
	j := k + 1
	if mw.abbrev {
		if j < len(sc.toks) && sc.toks[j].text == "." && sc.toks[j].start == tk.end {
			n++
			j++
		} else if tk.low != "sept" {
			// A bare abbreviation ("Jan", "Mar") is too often a name.
			return Mention{}, 0
		}
	}
	if j < len(sc.toks) && sc.toks[j].kind == 'n' && !sc.covered[j] && len(sc.toks[j].text) <= 2 && !sc.numberContinues(j) {
		d, _ := strconv.Atoi(sc.toks[j].text)
		if d >= 1 && d <= 31 {
			n = j - k + 1
			switch sc.word(j + 1) {
			case "st", "nd", "rd", "th":
				if sc.toks[j+1].start == sc.toks[j].end {
					n++
				}
			}
			return sc.yearless(k, n, mw.month, d), n
		}
	}
	prev := sc.word(k - 1)
	if k > 0 && sc.toks[k-1].text == "-" && sc.word(k-2) == "mid" {
		prev = "mid"
	}
	if !monthContext[prev] || mw.abbrev && tk.low != "sept" {
		return Mention{}, 0
	}
	switch prev {
	case "last", "this", "next":
		// matchShift reads these; here only when it did not.
		return Mention{}, 0
	}
	return sc.yearlessMonth(k, n, mw.month), n
}

// matchWeekday reads a capitalised weekday name: "on Friday", "Friday's
// report", "told reporters Friday".
func (sc *relScanner) matchWeekday(k int) (Mention, int) {
	tk := sc.toks[k]
	wd, ok := weekdayNames[tk.low]
	if !ok || !tk.upper || notWeekday[sc.word(k-1)] {
		return Mention{}, 0
	}
	if sc.adjacent(k) && sc.toks[k+1].upper && titleWords[sc.word(k+1)] {
		// "the Sunday Times" is a newspaper, not a day.
		return Mention{}, 1
	}
	if !sc.deictic() {
		return Mention{}, 1
	}
	future := sc.future(k, 1)
	back := (int(sc.ref.Weekday()) - int(wd) + 7) % 7
	d := sc.ref.AddDate(0, 0, -back)
	if future {
		d = sc.ref.AddDate(0, 0, (int(wd)-int(sc.ref.Weekday())+7)%7)
	}
	return sc.dayMention(k, 1, d, future), 1
}
