package dates

import "time"

// zoneRule says how a zone abbreviation maps to a UTC offset.
type zoneRule struct {
	offset int     // seconds east of UTC in standard time
	dst    dstRule // when the abbreviation leaves daylight saving open
}

// dstRule names a daylight-saving calendar.
type dstRule uint8

const (
	dstNone dstRule = iota // a fixed offset: "EST", "CEST", "MSK"
	dstUS                  // United States: "ET", "CT", "MT", "PT"
)

// zones maps upper-case abbreviations to offsets. Ambiguous abbreviations
// are read the way English-language news uses them: CST is US Central,
// IST is India, BST is British Summer Time. "AST" and "BDT" mean too many
// things and are left out.
var zones = map[string]zoneRule{
	"UTC": {0, dstNone}, "GMT": {0, dstNone}, "UT": {0, dstNone}, "Z": {0, dstNone},
	"WET": {0, dstNone}, "WEST": {3600, dstNone}, "BST": {3600, dstNone},
	"CET": {3600, dstNone}, "CEST": {2 * 3600, dstNone},
	"MEZ": {3600, dstNone}, "MESZ": {2 * 3600, dstNone},
	"EET": {2 * 3600, dstNone}, "EEST": {3 * 3600, dstNone},
	"MSK": {3 * 3600, dstNone}, "TRT": {3 * 3600, dstNone},
	"GST": {4 * 3600, dstNone}, "PKT": {5 * 3600, dstNone},
	"IST": {5*3600 + 1800, dstNone}, "NPT": {5*3600 + 2700, dstNone},
	"ICT": {7 * 3600, dstNone}, "WIB": {7 * 3600, dstNone},
	"HKT": {8 * 3600, dstNone}, "SGT": {8 * 3600, dstNone},
	"PHT": {8 * 3600, dstNone}, "AWST": {8 * 3600, dstNone},
	"JST": {9 * 3600, dstNone}, "KST": {9 * 3600, dstNone},
	"ACST": {9*3600 + 1800, dstNone}, "ACDT": {10*3600 + 1800, dstNone},
	"AEST": {10 * 3600, dstNone}, "AEDT": {11 * 3600, dstNone},
	"NZST": {12 * 3600, dstNone}, "NZDT": {13 * 3600, dstNone},
	"SAST": {2 * 3600, dstNone}, "CAT": {2 * 3600, dstNone},
	"EAT": {3 * 3600, dstNone}, "WAT": {3600, dstNone},
	"BRT": {-3 * 3600, dstNone}, "ART": {-3 * 3600, dstNone},
	"HST": {-10 * 3600, dstNone}, "AKST": {-9 * 3600, dstNone}, "AKDT": {-8 * 3600, dstNone},
	"PST": {-8 * 3600, dstNone}, "PDT": {-7 * 3600, dstNone},
	"MST": {-7 * 3600, dstNone}, "MDT": {-6 * 3600, dstNone},
	"CST": {-6 * 3600, dstNone}, "CDT": {-5 * 3600, dstNone},
	"EST": {-5 * 3600, dstNone}, "EDT": {-4 * 3600, dstNone},
	"ET": {-5 * 3600, dstUS}, "CT": {-6 * 3600, dstUS},
	"MT": {-7 * 3600, dstUS}, "PT": {-8 * 3600, dstUS},
}

// offsetAt returns the offset of rule r for a wall-clock time.
func (r zoneRule) offsetAt(y, mo, d, h int) int {
	switch r.dst {
	case dstUS:
		if usDST(y, mo, d, h) {
			return r.offset + 3600
		}
	}
	return r.offset
}

// nthSunday returns the day of month of the n-th Sunday (n ≥ 1) of a month,
// or of the last Sunday when n is 0.
func nthSunday(y, mo, n int) int {
	if n == 0 {
		last := daysIn(y, mo)
		wd := int(time.Date(y, time.Month(mo), last, 0, 0, 0, 0, time.UTC).Weekday())
		return last - wd
	}
	wd := int(time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC).Weekday())
	first := 1 + (7-wd)%7
	return first + 7*(n-1)
}

// usDST reports whether US daylight saving applies at a local wall time:
// since 2007 from the second Sunday of March to the first Sunday of
// November, before that from the first Sunday of April to the last Sunday
// of October, both switching at 02:00.
func usDST(y, mo, d, h int) bool {
	startM, startD, endM, endD := 3, nthSunday(y, 3, 2), 11, nthSunday(y, 11, 1)
	if y < 2007 {
		startM, startD, endM, endD = 4, nthSunday(y, 4, 1), 10, nthSunday(y, 10, 0)
	}
	return inWindow(mo, d, h, startM, startD, endM, endD, 2)
}

func inWindow(mo, d, h, startM, startD, endM, endD, switchHour int) bool {
	key := func(m, d, h int) int { return (m*32+d)*24 + h }
	k := key(mo, d, h)
	return k >= key(startM, startD, switchHour) && k < key(endM, endD, switchHour)
}

// daysIn returns the number of days in a month.
func daysIn(y, mo int) int {
	return time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
