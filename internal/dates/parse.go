package dates

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// Options tunes Parse and Find. The zero value is the default and is what
// the package-level functions use.
type Options struct {
	// AllowYear lets Parse accept a bare year such as "2024", with
	// PrecisionYear. Find never reports a bare year: in running text a
	// four-digit number is far more often something else.
	AllowYear bool
	// DayFirst reads an ambiguous slashed date such as 02/03/2024 as
	// 2 March. By default slashed dates are month first, as US news writes
	// them; dotted and dashed numeric dates are always day first. A date
	// whose first or second number is above 12 is read the only way it can
	// be whatever the setting.
	DayFirst bool
}

// Parse reads s as a date or date-time in any common news form; see the
// package documentation. Leading labels such as "Published:" or
// "Updated on" and a weekday are allowed; anything else around the date
// makes Parse fail. A month and year give PrecisionMonth, a date
// PrecisionDay, a clock time PrecisionMinute.
func Parse(s string) (news.Time, bool) { return Options{}.Parse(s) }

// Find returns the first complete date in s — a day of a month of a year,
// or a capitalised month name with a year — and the byte span it covers,
// a clock time and zone following the date included.
func Find(s string) (news.Time, news.Span, bool) { return Options{}.Find(s) }

// Parse is the package-level Parse with options.
func (o Options) Parse(s string) (news.Time, bool) {
	s = stripLabel(trimSpace(s))
	if s == "" {
		return news.Time{}, false
	}
	sc := scanner{s: s, opts: o, whole: true}
	if f, ok := sc.date(); ok {
		rest := strings.TrimRight(s[sc.i:], " \t.,;")
		if trimSpace(rest) == "" {
			return f.time(), true
		}
	}
	if o.AllowYear && len(s) == 4 {
		sc = scanner{s: s, opts: o, whole: true}
		if y, n := sc.number(); n == 4 && validYear(y) {
			return fields{year: y}.time(), true
		}
	}
	return news.Time{}, false
}

// Find is the package-level Find with options.
func (o Options) Find(s string) (news.Time, news.Span, bool) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isAlnum(r) {
			i += size
			continue
		}
		sc := scanner{s: s, i: i, opts: o}
		if f, ok := sc.date(); ok && (f.day > 0 || (f.month > 0 && f.year > 0)) {
			return f.time(), news.Span{Start: i, End: sc.i}, true
		}
		// Skip the rest of this word or number: dates start at a boundary.
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isAlnum(r) {
				break
			}
			i += size
		}
	}
	return news.Time{}, news.Span{}, false
}

// fields are the parts of a date as read; zero means absent.
type fields struct {
	year, month, day     int
	hour, min, sec, nsec int
	hasTime              bool
	zoned                bool
	offset               int // seconds east of UTC, when zoned
	zone                 string
}

// time converts complete fields to a news.Time.
func (f fields) time() news.Time {
	loc := time.UTC
	if f.hasTime && f.zoned {
		loc = time.FixedZone(f.zone, f.offset)
	}
	switch {
	case f.hasTime:
		return news.Time{T: time.Date(f.year, time.Month(f.month), f.day, f.hour, f.min, f.sec, f.nsec, loc),
			Precision: news.PrecisionMinute, Zoned: f.zoned}
	case f.day > 0:
		return news.Time{T: time.Date(f.year, time.Month(f.month), f.day, 0, 0, 0, 0, loc), Precision: news.PrecisionDay}
	case f.month > 0:
		return news.Time{T: time.Date(f.year, time.Month(f.month), 1, 0, 0, 0, 0, loc), Precision: news.PrecisionMonth}
	}
	return news.Time{T: time.Date(f.year, 1, 1, 0, 0, 0, 0, loc), Precision: news.PrecisionYear}
}

// scanner reads one date from s starting at i.
type scanner struct {
	s     string
	i     int
	opts  Options
	whole bool // s is meant to be a date (Parse), not running text (Find)
}

func (sc *scanner) peek() byte {
	if sc.i < len(sc.s) {
		return sc.s[sc.i]
	}
	return 0
}

func (sc *scanner) peekRune() (rune, int) {
	if sc.i >= len(sc.s) {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(sc.s[sc.i:])
}

// spaces skips blanks, including no-break and thin spaces, and returns
// how many bytes it skipped.
func (sc *scanner) spaces() int {
	start := sc.i
	for sc.i < len(sc.s) {
		r, size := sc.peekRune()
		if !isBlank(r) {
			break
		}
		sc.i += size
	}
	return sc.i - start
}

// number reads a run of ASCII digits: its value (meaningless beyond nine
// digits) and its length.
func (sc *scanner) number() (val, n int) {
	for sc.i < len(sc.s) && '0' <= sc.s[sc.i] && sc.s[sc.i] <= '9' {
		if n < 9 {
			val = val*10 + int(sc.s[sc.i]-'0')
		}
		sc.i++
		n++
	}
	return val, n
}

// word reads a run of letters.
func (sc *scanner) word() string {
	start := sc.i
	for sc.i < len(sc.s) {
		r, size := sc.peekRune()
		if !unicode.IsLetter(r) {
			break
		}
		sc.i += size
	}
	return sc.s[start:sc.i]
}

// dash consumes one hyphen or dash.
func (sc *scanner) dash() bool {
	r, size := sc.peekRune()
	switch r {
	case '-', '–', '—', '−':
		sc.i += size
		return true
	}
	return false
}

// atBoundary reports whether the scanner stands at the end of a word.
func (sc *scanner) atBoundary() bool {
	r, size := sc.peekRune()
	return size == 0 || !isAlnum(r)
}

// date reads a date with its optional weekday and time, or a time
// followed by its date.
func (sc *scanner) date() (fields, bool) {
	start := sc.i
	if f, ok := sc.timeFirst(); ok {
		return f, true
	}
	sc.i = start
	return sc.dateTime()
}

// timeFirst reads a clock time written before its date, as wire services
// and many European sites do: "9:15 AM EST, Mon March 3, 2025",
// "14:14, 26 January 2024", "14:14 26.01.2024".
func (sc *scanner) timeFirst() (fields, bool) {
	start := sc.i
	if !isDigit(sc.peek()) {
		return fields{}, false
	}
	var clk fields
	if !sc.clock(&clk) {
		sc.i = start
		return fields{}, false
	}
	n := sc.spaces()
	switch r, size := sc.peekRune(); r {
	case ',', '|', '•', '·', '-', '–', '—':
		sc.i += size
		n++
		sc.spaces()
	}
	mark := sc.i
	if w := sc.word(); strings.EqualFold(w, "on") && sc.spaces() > 0 {
		n++
	} else {
		sc.i = mark
	}
	if n == 0 {
		sc.i = start
		return fields{}, false
	}
	f, ok := sc.dateTime()
	if !ok || f.hasTime || f.day == 0 {
		sc.i = start
		return fields{}, false
	}
	return f.withClock(clk), true
}

// dateTime reads an optional weekday and a date with its optional time.
func (sc *scanner) dateTime() (fields, bool) {
	start := sc.i
	if w := sc.word(); w != "" && isWeekday(w) {
		if sc.peek() == '.' {
			sc.i++
		}
		comma := sc.peek() == ','
		if comma {
			sc.i++
		}
		if sc.spaces() == 0 && !comma {
			sc.i = start
			return fields{}, false
		}
	} else {
		sc.i = start
	}
	c := sc.peek()
	var f fields
	var ok bool
	switch {
	case '0' <= c && c <= '9':
		f, ok = sc.numericFirst()
	case c != 0:
		f, ok = sc.monthFirst()
	}
	if !ok {
		sc.i = start
		return fields{}, false
	}
	return f, true
}

// numericFirst reads dates that start with a number: ISO 2024-01-26,
// 01/26/2024, 26.01.2024, 26-Jan-2024, 26 January 2024, 26th of January.
func (sc *scanner) numericFirst() (fields, bool) {
	n1, l1 := sc.number()
	c := sc.peek()
	switch {
	case l1 == 4 && (c == '-' || c == '/' || c == '.'):
		return sc.isoDate(n1, c)
	case l1 <= 2 && (c == '/' || c == '.' || c == '-') && sc.i+1 < len(sc.s) && isDigit(sc.s[sc.i+1]):
		return sc.numericDate(n1, c)
	case l1 <= 2 && c == '-':
		sc.i++
		return sc.dayMonthYear(n1, true)
	case l1 <= 2:
		return sc.dayMonthYear(n1, false)
	}
	return fields{}, false
}

// isoDate reads the rest of Y-M-D (or Y/M/D) after the year and its
// separator, with an optional ISO or plain time. In Parse a bare "2023-12"
// is a month.
func (sc *scanner) isoDate(y int, sep byte) (fields, bool) {
	sc.i++
	m, lm := sc.number()
	if lm < 1 || lm > 2 || !validYear(y) || m < 1 || m > 12 {
		return fields{}, false
	}
	if sc.peek() != sep {
		if sc.whole && sep == '-' && lm == 2 && sc.atBoundary() {
			return fields{year: y, month: m}, true
		}
		return fields{}, false
	}
	sc.i++
	d, ld := sc.number()
	f := fields{year: y, month: m, day: d}
	if ld < 1 || ld > 2 || !f.validDay() {
		return fields{}, false
	}
	if !sc.timeAfter(&f, true) && !sc.atBoundary() {
		return fields{}, false
	}
	return f, true
}

// numericDate reads D.M.YYYY, D-M-YYYY and M/D/YYYY after the first number.
func (sc *scanner) numericDate(n1 int, sep byte) (fields, bool) {
	sc.i++
	n2, l2 := sc.number()
	if l2 < 1 || l2 > 2 || sc.peek() != sep {
		return fields{}, false
	}
	sc.i++
	y, ly := sc.number()
	if ly != 4 || !sc.atBoundary() {
		return fields{}, false
	}
	dayFirst := sep != '/' || sc.opts.DayFirst
	switch {
	case n1 > 12:
		dayFirst = true
	case n2 > 12:
		dayFirst = false
	}
	f := fields{year: y, month: n2, day: n1}
	if !dayFirst {
		f.month, f.day = n1, n2
	}
	if !f.validDay() {
		return fields{}, false
	}
	sc.timeAfter(&f, false)
	return f, true
}

// dayMonthYear reads "26 January 2024", "26th of January, 2024",
// "26. Januar 2024", "26 de enero de 2024", "26-Jan-2024" and RFC 822's
// "26 Jan 24 14:14 GMT" after the day number.
func (sc *scanner) dayMonthYear(d int, dashed bool) (fields, bool) {
	if !dashed {
		sc.ordinal()
		dot := sc.peek() == '.'
		if dot {
			sc.i++
		}
		if sc.spaces() == 0 {
			return fields{}, false
		}
		sc.joiner("of", "de")
	}
	mw, ok := sc.monthWord()
	if !ok {
		return fields{}, false
	}
	if dashed {
		if !sc.dash() {
			return fields{}, false
		}
	} else {
		if sc.peek() == ',' {
			sc.i++
		}
		if sc.spaces() == 0 {
			return fields{}, false
		}
		sc.joiner("de", "del")
	}
	yearAt := sc.i
	y, ly := sc.number()
	if !sc.atBoundary() {
		return fields{}, false
	}
	f := fields{month: mw.month, day: d}
	switch ly {
	case 4:
		f.year = y
	case 2:
		// A two-digit year only in RFC 822 style, where a time follows.
		f.year = 2000 + y
		if y >= 70 {
			f.year = 1900 + y
		}
		if !f.validDay() || !sc.timeAfter(&f, false) {
			sc.i = yearAt
			return fields{}, false
		}
		return f, true
	default:
		return fields{}, false
	}
	if !f.validDay() {
		return fields{}, false
	}
	sc.timeAfter(&f, false)
	return f, true
}

// monthFirst reads "January 26, 2024", "Jan. 26, 2024", "Jan.26 - 2024",
// "Dec 26th 2024" and the month-year form "December 2023". Only English
// month names are read this way; in running text the name must be
// capitalised ("may 2024" is not a date).
func (sc *scanner) monthFirst() (fields, bool) {
	first, _ := sc.peekRune()
	mw, ok := sc.monthWord()
	if !ok || !mw.english || (!sc.whole && !unicode.IsUpper(first)) {
		return fields{}, false
	}
	if sc.peek() == ',' {
		return sc.monthComma(mw)
	}
	dot := sc.s[sc.i-1] == '.'
	sp := sc.spaces()
	if !dot && sp == 0 {
		return fields{}, false
	}
	mark := sc.i
	n, ln := sc.number()
	if ln == 4 && sp > 0 && sc.atBoundary() && validYear(n) {
		return fields{year: n, month: mw.month}, true
	}
	if ln < 1 || ln > 2 {
		sc.i = mark
		return fields{}, false
	}
	sc.ordinal()
	afterDay := sc.i
	if !sc.separator() {
		return fields{}, false
	}
	y, ly := sc.number()
	f := fields{year: y, month: mw.month, day: n}
	if ly != 4 || !sc.atBoundary() {
		sc.i = afterDay
		return sc.clockYear(f)
	}
	if !f.validDay() {
		return fields{}, false
	}
	sc.timeAfter(&f, false)
	return f, true
}

// clockYear reads the C library's order, a clock between the day and the
// year: "Jan 26 14:14:00 2024", "Jan 26 14:14:00 UTC 2024".
func (sc *scanner) clockYear(f fields) (fields, bool) {
	if sc.spaces() == 0 {
		return fields{}, false
	}
	var clk fields
	if !sc.clock(&clk) || sc.spaces() == 0 {
		return fields{}, false
	}
	y, ly := sc.number()
	if ly != 4 || !sc.atBoundary() {
		return fields{}, false
	}
	f.year = y
	if !f.validDay() {
		return fields{}, false
	}
	return f.withClock(clk), true
}

// monthComma reads the rest of "December, 2023".
func (sc *scanner) monthComma(mw monthWord) (fields, bool) {
	if sc.peek() != ',' {
		return fields{}, false
	}
	sc.i++
	if sc.spaces() == 0 {
		return fields{}, false
	}
	y, ly := sc.number()
	if ly != 4 || !sc.atBoundary() || !validYear(y) {
		return fields{}, false
	}
	return fields{year: y, month: mw.month}, true
}

// monthWord reads a month name; an abbreviation may take a period.
func (sc *scanner) monthWord() (monthWord, bool) {
	start := sc.i
	w := sc.word()
	mw, ok := lookupMonth(w)
	if !ok {
		sc.i = start
		return monthWord{}, false
	}
	if mw.abbrev && sc.peek() == '.' {
		sc.i++
	} else if !sc.atBoundary() {
		sc.i = start
		return monthWord{}, false
	}
	return mw, true
}

// ordinal skips an English ordinal suffix: 1st, 2nd, 3rd, 26th.
func (sc *scanner) ordinal() {
	if sc.i+2 > len(sc.s) {
		return
	}
	switch strings.ToLower(sc.s[sc.i : sc.i+2]) {
	case "st", "nd", "rd", "th":
		save := sc.i
		sc.i += 2
		if !sc.atBoundary() {
			sc.i = save
		}
	}
}

// joiner skips one of the given little words and the blanks after it.
func (sc *scanner) joiner(words ...string) {
	save := sc.i
	w := sc.word()
	for _, j := range words {
		if strings.EqualFold(w, j) && sc.spaces() > 0 {
			return
		}
	}
	sc.i = save
}

// separator skips what may stand between a day and a year: blanks, a
// comma, a dash, a slash or a period, and reports whether there was any.
func (sc *scanner) separator() bool {
	start := sc.i
	sc.spaces()
	switch sc.peek() {
	case ',', '/', '.':
		sc.i++
	default:
		sc.dash()
	}
	sc.spaces()
	return sc.i > start
}

// withClock sets the time of day and zone of a date from a clock read
// before the date was known; the offset of an abbreviation such as "ET"
// depends on the date, so it is worked out again.
func (f fields) withClock(clk fields) fields {
	f.hour, f.min, f.sec, f.nsec, f.hasTime = clk.hour, clk.min, clk.sec, clk.nsec, true
	f.zoned, f.offset, f.zone = clk.zoned, clk.offset, clk.zone
	if rule, ok := zones[clk.zone]; ok && clk.zoned {
		f.offset = rule.offsetAt(f.year, f.month, f.day, f.hour)
	}
	return f
}

// validDay reports whether year, month and day make a real date.
func (f fields) validDay() bool {
	return validYear(f.year) && f.month >= 1 && f.month <= 12 && f.day >= 1 && f.day <= daysIn(f.year, f.month)
}

// validYear bounds the years news text writes in full.
func validYear(y int) bool { return y >= 1000 && y <= 2999 }

// labels are words that may precede a date in Parse's input.
var labels = map[string]bool{
	"published": true, "posted": true, "updated": true, "last": true,
	"first": true, "modified": true, "created": true, "date": true,
	"dated": true, "on": true, "at": true, "issued": true,
}

// stripLabel removes leading words such as "Published:" or "Updated on".
func stripLabel(s string) string {
	for range 4 {
		sc := scanner{s: s}
		w := sc.word()
		if w == "" || !labels[strings.ToLower(w)] {
			return s
		}
		if sc.peek() == ':' {
			sc.i++
		}
		if sc.spaces() == 0 && sc.i < len(s) {
			return s
		}
		s = s[sc.i:]
	}
	return s
}

func trimSpace(s string) string { return strings.TrimFunc(s, isBlank) }

func isBlank(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\u2007' || r == '\u2009' || r == '\u202f'
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isUpperWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return w != ""
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
