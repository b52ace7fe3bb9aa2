package dates

import (
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// anchorReach is how far back (in bytes) a date may stand and still be
// the one "the day before" or "later that month" counts from.
const anchorReach = 800

// dayMention is a day-precision mention of tokens k..k+n-1.
func (sc *relScanner) dayMention(k, n int, d time.Time, future bool) Mention {
	return Mention{Span: sc.span(k, n), Time: news.Time{T: dayOf(d), Precision: news.PrecisionDay}, Relative: true, Future: future}
}

// monthMention is a month-precision mention of tokens k..k+n-1.
func (sc *relScanner) monthMention(k, n int, d time.Time, future bool) Mention {
	t := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
	return Mention{Span: sc.span(k, n), Time: news.Time{T: t, Precision: news.PrecisionMonth}, Relative: true, Future: future}
}

// yearMention is a year-precision mention of tokens k..k+n-1.
func (sc *relScanner) yearMention(k, n int, d time.Time, future bool) Mention {
	t := time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	return Mention{Span: sc.span(k, n), Time: news.Time{T: t, Precision: news.PrecisionYear}, Relative: true, Future: future}
}

// weekMention gives a week (from its Monday) as the month holding most
// of its days, which is the month of its Thursday.
func (sc *relScanner) weekMention(k, n int, monday time.Time, future bool) Mention {
	return sc.monthMention(k, n, monday.AddDate(0, 0, 3), future)
}

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// mondayOf returns the Monday of t's week (weeks run Monday to Sunday).
func mondayOf(t time.Time) time.Time {
	back := (int(t.Weekday()) + 6) % 7
	return dayOf(t).AddDate(0, 0, -back)
}

// unitShift resolves "last month", "this week", "earlier this week",
// "next year", "late last year", "this weekend".
func (sc *relScanner) unitShift(k, n int, unit, which, edge string) Mention {
	if !sc.deictic() {
		return Mention{}
	}
	step := map[string]int{"last": -1, "this": 0, "next": 1}[which]
	future := step > 0 || step == 0 && edge == "later"
	switch unit {
	case "week":
		mon := mondayOf(sc.ref).AddDate(0, 0, 7*step)
		if step == 0 && edge == "earlier" && sc.ref.Weekday() != time.Monday {
			// The days of this week before the reference.
			return sc.monthMention(k, n, sc.ref.AddDate(0, 0, -1), false)
		}
		return sc.weekMention(k, n, mon, future)
	case "weekend":
		sat := mondayOf(sc.ref).AddDate(0, 0, 5+7*step)
		if step == 0 && sat.After(sc.ref) && !sc.future(k, n) {
			sat = sat.AddDate(0, 0, -7)
		}
		return sc.monthMention(k, n, sat, future)
	case "month":
		return sc.monthMention(k, n, time.Date(sc.ref.Year(), sc.ref.Month()+time.Month(step), 1, 0, 0, 0, 0, time.UTC), future)
	case "year":
		return sc.yearMention(k, n, time.Date(sc.ref.Year()+step, 1, 1, 0, 0, 0, 0, time.UTC), future)
	}
	return Mention{}
}

// weekdayShift resolves "last Friday", "next Monday", "this Tuesday".
func (sc *relScanner) weekdayShift(k, n int, wd time.Weekday, which string) Mention {
	if !sc.deictic() {
		return Mention{}
	}
	back := (int(sc.ref.Weekday()) - int(wd) + 7) % 7
	fwd := (int(wd) - int(sc.ref.Weekday()) + 7) % 7
	switch which {
	case "last":
		if back == 0 {
			back = 7
		}
		return sc.dayMention(k, n, sc.ref.AddDate(0, 0, -back), false)
	case "next":
		if fwd == 0 {
			fwd = 7
		}
		return sc.dayMention(k, n, sc.ref.AddDate(0, 0, fwd), true)
	}
	if sc.future(k, n) {
		return sc.dayMention(k, n, sc.ref.AddDate(0, 0, fwd), true)
	}
	return sc.dayMention(k, n, sc.ref.AddDate(0, 0, -back), false)
}

// monthShift resolves "last December", "next March", "this May".
func (sc *relScanner) monthShift(k, n, month int, which string) Mention {
	if !sc.deictic() {
		return Mention{}
	}
	y := sc.ref.Year()
	rm := int(sc.ref.Month())
	switch which {
	case "last":
		if month >= rm {
			y--
		}
	case "next":
		if month <= rm {
			y++
		}
	}
	return sc.monthMention(k, n, time.Date(y, time.Month(month), 1, 0, 0, 0, 0, time.UTC), which == "next")
}

// offsetMention counts count units from base: "two weeks ago".
func (sc *relScanner) offsetMention(k, n int, base time.Time, unit string, count int) Mention {
	future := count > 0
	switch unit {
	case "day":
		return sc.dayMention(k, n, base.AddDate(0, 0, count), future)
	case "week":
		return sc.weekMention(k, n, mondayOf(base.AddDate(0, 0, 7*count)), future)
	case "month":
		return sc.monthMention(k, n, time.Date(base.Year(), base.Month()+time.Month(count), 1, 0, 0, 0, 0, time.UTC), future)
	case "year":
		return sc.yearMention(k, n, time.Date(base.Year()+count, 1, 1, 0, 0, 0, 0, time.UTC), future)
	}
	return Mention{}
}

// anchored resolves an expression counted from the date mentioned last
// ("the day before", "later that month", "three days later"), or from the
// reference when no date precedes and the shift looks back.
func (sc *relScanner) anchored(k, n int, unit string, shift int) Mention {
	need := news.PrecisionDay
	switch unit {
	case "month":
		need = news.PrecisionMonth
	case "year":
		need = news.PrecisionYear
	}
	start := sc.toks[k].start
	for i := len(sc.prior) - 1; i >= 0; i-- {
		m := sc.prior[i]
		if m.Span.End > start {
			continue
		}
		if start-m.Span.End > anchorReach {
			break
		}
		if m.Time.Precision >= need {
			out := sc.offsetMention(k, n, dayOf(m.Time.T), unit, shift)
			out.Future = m.Future || (shift > 0 && sc.deictic() && out.Time.T.After(sc.ref))
			return out
		}
	}
	if shift < 0 && sc.deictic() {
		return sc.offsetMention(k, n, sc.ref, unit, shift)
	}
	return Mention{}
}

// yearless resolves a month and day written without a year.
func (sc *relScanner) yearless(k, n, month, day int) Mention {
	if !sc.hasRef {
		return Mention{}
	}
	y := sc.pickYear(k, n, func(y int) time.Time { return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC) }, 1)
	if day > daysIn(y, month) {
		return Mention{}
	}
	m := sc.dayMention(k, n, time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC), false)
	m.Future = !sc.floor && m.Time.T.After(sc.ref.AddDate(0, 0, 1))
	return m
}

// yearlessMonth resolves a month named without a year ("in December").
func (sc *relScanner) yearlessMonth(k, n, month int) Mention {
	if !sc.hasRef {
		return Mention{}
	}
	refMonth := time.Date(sc.ref.Year(), sc.ref.Month(), 1, 0, 0, 0, 0, time.UTC)
	y := sc.pickYear(k, n, func(y int) time.Time { return time.Date(y, time.Month(month), 1, 0, 0, 0, 0, time.UTC) }, 0)
	m := sc.monthMention(k, n, time.Date(y, time.Month(month), 1, 0, 0, 0, 0, time.UTC), false)
	m.Future = !sc.floor && m.Time.T.After(refMonth)
	return m
}

// pickYear chooses the year of a date written without one. Against a
// floor it is the occurrence nearest the floor. Against a publication
// date it is the latest occurrence not after it (slack days allowed for
// time zones), or the first on or after it when the tense around the
// expression points forward.
func (sc *relScanner) pickYear(k, n int, at func(y int) time.Time, slack int) int {
	ry := sc.ref.Year()
	if sc.floor {
		best, bestGap := ry, time.Duration(1<<62)
		for y := ry - 1; y <= ry+1; y++ {
			gap := at(y).Sub(sc.ref)
			if gap < 0 {
				gap = -gap
			}
			if gap < bestGap {
				best, bestGap = y, gap
			}
		}
		return best
	}
	ref := sc.ref
	if slack == 0 {
		ref = time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	if sc.future(k, n) {
		if at(ry).Before(ref) {
			return ry + 1
		}
		return ry
	}
	if at(ry).After(ref.AddDate(0, 0, slack)) {
		return ry - 1
	}
	return ry
}

// futureWords point an expression forward from the time of writing.
var futureWords = map[string]bool{
	"will": true, "shall": true, "won't": true, "scheduled": true, "due": true,
	"expected": true, "upcoming": true, "forthcoming": true, "plans": true, "plan": true,
	"intends": true, "aims": true, "next": true,
	// Reported speech moves "will" to "would": "said talks would resume
	// on Thursday" is a Thursday to come when the report was written.
	"would": true,
}

// futureBefore are participles that point forward when "for" or "to"
// follows: "planned for Thursday", "slated to open on Friday".
var futureBefore = map[string]bool{"set": true, "planned": true, "slated": true, "pencilled": true, "penciled": true}

// pastWords are irregular past-tense verbs and other marks of the past;
// regular verbs are recognised by their -ed ending.
var pastWords = map[string]bool{
	"said": true, "was": true, "were": true, "had": true, "did": true, "told": true,
	"ago": true, "met": true, "went": true, "came": true, "took": true, "made": true,
	"gave": true, "began": true, "became": true, "left": true, "held": true, "saw": true,
	"won": true, "lost": true, "sent": true, "spoke": true, "wrote": true, "since": true,
	"last": true, "earlier": true, "fell": true, "rose": true, "struck": true, "hit": true,
	"broke": true, "fled": true, "led": true, "paid": true, "sold": true, "found": true,
	"thought": true, "knew": true, "got": true, "ran": true, "felt": true, "kept": true,
}

// future reads the tense around tokens k..k+n-1 within their sentence:
// the nearest marker of the future or of the past decides, the past
// winning ties and when there is none.
func (sc *relScanner) future(k, n int) bool {
	if sc.deadline(k) {
		return true
	}
	// "planned for Thursday", "scheduled for June": the date is what
	// was planned, whatever the tense around.
	if k >= 2 && sc.word(k-1) == "for" && (futureBefore[sc.word(k-2)] || sc.word(k-2) == "scheduled") {
		return true
	}
	best, future := 1<<30, false
	consider := func(i, dist int) bool {
		tk := sc.toks[i]
		if tk.kind == 'p' && (tk.text == "." || tk.text == "!" || tk.text == "?") {
			return false
		}
		if tk.kind != 'w' {
			return true
		}
		w := tk.low
		isFuture := futureWords[w] || strings.HasSuffix(w, "'ll") ||
			futureBefore[w] && (sc.word(i+1) == "for" || sc.word(i+1) == "to" || i+1 == k)
		isPast := !isFuture && (pastWords[w] || len(w) > 4 && strings.HasSuffix(w, "ed"))
		if isPast && i > 0 {
			// A passive after "be" ("will be held") takes its tense
			// from the auxiliary.
			switch sc.word(i - 1) {
			case "be", "been", "being", "is", "are":
				isPast = false
			}
		}
		if (isFuture || isPast) && dist < best || isPast && dist == best {
			best, future = dist, isFuture
		}
		return true
	}
	for i, d := k-1, 1; i >= 0 && d <= 8; i, d = i-1, d+1 {
		if !consider(i, d) {
			break
		}
	}
	for i, d := k+n, 1; i < len(sc.toks) && d <= 5; i, d = i+1, d+1 {
		if !consider(i, d) {
			break
		}
	}
	return future
}

// deadline reports whether the date at token k is a deadline ("by
// October", "by October or November"), which lies ahead.
func (sc *relScanner) deadline(k int) bool {
	for i := k - 1; i >= 0 && i >= k-6; i-- {
		tk := sc.toks[i]
		switch {
		case tk.kind == 'w' && tk.low == "by":
			return true
		case tk.kind == 'w' && (tk.low == "or" || tk.low == "and" || tk.low == "early" || tk.low == "late" || tk.low == "mid" || tk.low == "the" || tk.low == "end" || tk.low == "of"):
		case tk.kind == 'w' && tk.upper && IsMonthName(tk.text):
		case tk.kind == 'p' && (tk.text == "," || tk.text == "-" || tk.text == "."):
		default:
			return false
		}
	}
	return false
}
