package dates

import "strings"

// timeAfter reads an optional clock time after a date, with the
// separators news sites put between them ("2024 2:14 PM", ", 10:02 am",
// " at 14:00", " - 14:00", "T14:14:00Z") and an optional zone. On success
// it fills f and reports true; otherwise it leaves the scanner where it was.
func (sc *scanner) timeAfter(f *fields, iso bool) bool {
	save := sc.i
	if iso && (sc.peek() == 'T' || sc.peek() == 't') {
		sc.i++
	} else {
		n := sc.spaces()
		switch r, size := sc.peekRune(); r {
		case ',', '|', '•', '·', '@', '/':
			sc.i += size
			n++
			sc.spaces()
		case '-', '–', '—':
			sc.i += size
			n++
			sc.spaces()
		default:
			if w := sc.word(); strings.EqualFold(w, "at") {
				if sc.spaces() == 0 {
					sc.i = save
					return false
				}
				n++
			} else {
				sc.i -= len(w)
			}
		}
		if n == 0 {
			sc.i = save
			return false
		}
	}
	if !sc.clock(f) {
		sc.i = save
		return false
	}
	return true
}

// clock reads HH:MM[:SS[.fff]] with an optional am/pm, "2 pm", or the
// "14.14" some British sites write when a zone or am/pm follows; then an
// optional zone. On failure f and the scanner are left unchanged.
func (sc *scanner) clock(f *fields) bool {
	start := sc.i
	fail := func() bool { sc.i = start; return false }
	h, lh := sc.number()
	if lh < 1 || lh > 2 {
		return fail()
	}
	mi, s, ns := 0, 0, 0
	needSuffix := false
	switch sc.peek() {
	case ':':
		sc.i++
		var lm int
		if mi, lm = sc.number(); lm != 2 {
			return fail()
		}
		if sc.peek() == ':' {
			sc.i++
			var ls int
			if s, ls = sc.number(); ls != 2 {
				return fail()
			}
			if c := sc.peek(); (c == '.' || c == ',') && sc.i+1 < len(sc.s) && isDigit(sc.s[sc.i+1]) {
				sc.i++
				frac, lf := sc.number()
				for k := lf; k < 9; k++ {
					frac *= 10
				}
				if lf <= 9 {
					ns = frac
				}
			}
		}
	case '.':
		sc.i++
		var lm int
		if mi, lm = sc.number(); lm != 2 {
			return fail()
		}
		needSuffix = true
	default:
		needSuffix = true
	}
	ampm := sc.meridiem()
	switch {
	case ampm == 0 && h > 23:
		return fail()
	case ampm != 0 && (h < 1 || h > 12):
		return fail()
	case ampm != 0:
		h %= 12
		if ampm == 'p' {
			h += 12
		}
	}
	if mi > 59 || s > 60 {
		return fail()
	}
	g := *f
	g.hour, g.min, g.sec, g.nsec, g.hasTime = h, mi, s, ns, true
	zoned := sc.zone(&g)
	if !sc.atBoundary() || (needSuffix && ampm == 0 && !zoned) {
		return fail()
	}
	*f = g
	return true
}

// meridiem reads "am", "pm", "a.m." or "p.m." and returns 'a', 'p' or 0.
func (sc *scanner) meridiem() byte {
	save := sc.i
	sc.spaces()
	rest := sc.s[sc.i:]
	for _, form := range [...]string{"a.m.", "p.m.", "a.m", "p.m", "am", "pm"} {
		if len(rest) >= len(form) && strings.EqualFold(rest[:len(form)], form) {
			sc.i += len(form)
			if sc.atBoundary() {
				return lowerByte(form[0])
			}
			sc.i -= len(form)
		}
	}
	sc.i = save
	return 0
}

// zone reads an optional UTC offset or zone abbreviation after a time:
// "Z", "+01:00", "+0100", " UTC", " GMT+2", " (CET)", " ET".
func (sc *scanner) zone(f *fields) bool {
	save := sc.i
	if sc.peek() == 'Z' {
		sc.i++
		if sc.atBoundary() {
			f.zoned, f.offset, f.zone = true, 0, "UTC"
			return true
		}
		sc.i = save
	}
	sc.spaces()
	paren := sc.peek() == '('
	if paren {
		sc.i++
	}
	ok := false
	if off, good := sc.offset(); good {
		f.zoned, f.offset, f.zone = true, off, ""
		ok = true
		// Go's own format repeats the zone: "+0000 UTC".
		after := sc.i
		sc.spaces()
		w := sc.word()
		if rule, known := zones[w]; !known || !isUpperWord(w) || rule.dst != dstNone || rule.offset != off || !sc.atBoundary() {
			sc.i = after
		}
	} else if w := sc.word(); w != "" && isUpperWord(w) && len(w) <= 5 {
		if rule, known := zones[w]; known && sc.atBoundary() {
			f.zoned, f.zone = true, w
			f.offset = rule.offsetAt(f.year, f.month, f.day, f.hour)
			ok = true
			if w == "UTC" || w == "GMT" || w == "UT" {
				if off, good := sc.offset(); good {
					f.offset, f.zone = off, ""
				}
			}
		}
	}
	if ok && paren {
		if sc.peek() == ')' {
			sc.i++
		} else {
			ok = false
		}
	}
	if !ok {
		f.zoned, f.offset, f.zone = false, 0, ""
		sc.i = save
	}
	return ok
}

// offset reads a signed UTC offset: +01:00, +0100, +01, and after UTC or
// GMT also +3 or -5.
func (sc *scanner) offset() (int, bool) {
	save := sc.i
	r, size := sc.peekRune()
	sign := 1
	switch r {
	case '+':
	case '-', '−':
		sign = -1
	default:
		return 0, false
	}
	sc.i += size
	h, lh := sc.number()
	m := 0
	switch {
	case lh == 4:
		h, m = h/100, h%100
	case lh == 1 || lh == 2:
		if sc.peek() == ':' {
			sc.i++
			var lm int
			if m, lm = sc.number(); lm != 2 {
				sc.i = save
				return 0, false
			}
		}
	default:
		sc.i = save
		return 0, false
	}
	if h > 14 || m > 59 || !sc.atBoundary() {
		sc.i = save
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}
