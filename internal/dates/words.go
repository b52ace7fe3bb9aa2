package dates

import (
	"strings"
	"unicode/utf8"
)

// monthWord describes one spelling of a month.
type monthWord struct {
	month   int
	english bool // English names and abbreviations; others need a day to count
	abbrev  bool // an abbreviation, which may carry a trailing period
}

// months maps lower-case month spellings to their number. English full
// names and abbreviations, and the full names of the languages Parallax
// most often meets in European news (German, French, Spanish, Italian,
// Portuguese, Dutch, Russian and Ukrainian, nominative and genitive).
var months = func() map[string]monthWord {
	m := map[string]monthWord{}
	english := [][]string{
		{"january", "jan"},
		{"february", "feb", "febr"},
		{"march", "mar"},
		{"april", "apr"},
		{"may"},
		{"june", "jun"},
		{"july", "jul"},
		{"august", "aug"},
		{"september", "sep", "sept"},
		{"october", "oct"},
		{"november", "nov"},
		{"december", "dec"},
	}
	for i, names := range english {
		for j, n := range names {
			m[n] = monthWord{month: i + 1, english: true, abbrev: j > 0}
		}
	}
	foreign := [][]string{
		{"januar", "janvier", "enero", "gennaio", "janeiro", "januari", "январь", "января", "січень", "січня", "jänner"},
		{"februar", "février", "fevrier", "febrero", "febbraio", "fevereiro", "februari", "февраль", "февраля", "лютий", "лютого"},
		{"märz", "maerz", "mars", "marzo", "março", "maart", "март", "марта", "березень", "березня"},
		{"avril", "abril", "aprile", "апрель", "апреля", "квітень", "квітня"},
		{"mai", "mayo", "maggio", "maio", "mei", "май", "мая", "травень", "травня"},
		{"juni", "juin", "junio", "giugno", "junho", "июнь", "июня", "червень", "червня"},
		{"juli", "juillet", "julio", "luglio", "julho", "июль", "июля", "липень", "липня"},
		{"agosto", "août", "aout", "augustus", "август", "августа", "серпень", "серпня"},
		{"septembre", "septiembre", "settembre", "setembro", "сентябрь", "сентября", "вересень", "вересня"},
		{"oktober", "octobre", "octubre", "ottobre", "outubro", "октябрь", "октября", "жовтень", "жовтня"},
		{"novembre", "noviembre", "novembro", "ноябрь", "ноября", "листопад", "листопада"},
		{"dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "декабрь", "декабря", "грудень", "грудня"},
	}
	for i, names := range foreign {
		for _, n := range names {
			if _, ok := m[n]; !ok {
				m[n] = monthWord{month: i + 1}
			}
		}
	}
	return m
}()

// weekdays holds lower-case weekday names and abbreviations (English).
var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true,
	"thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
}

// lower writes the lower-case form of a short ASCII word into buf and
// returns its length, or -1 when w is too long or not ASCII.
func lower(buf *[24]byte, w string) int {
	if len(w) > len(buf) {
		return -1
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return -1
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return len(w)
}

// lookupMonth finds a month spelling in any case.
func lookupMonth(w string) (monthWord, bool) {
	var buf [24]byte
	if n := lower(&buf, w); n >= 0 {
		mw, ok := months[string(buf[:n])]
		return mw, ok
	}
	if len(w) > 40 {
		return monthWord{}, false
	}
	mw, ok := months[strings.ToLower(w)]
	return mw, ok
}

// isWeekday reports whether w is an English weekday name in any case.
func isWeekday(w string) bool {
	var buf [24]byte
	n := lower(&buf, w)
	return n >= 0 && weekdays[string(buf[:n])]
}

// IsMonthName reports whether w (any case, an optional trailing period
// allowed) names a month.
func IsMonthName(w string) bool {
	_, ok := lookupMonth(strings.TrimSuffix(w, "."))
	return ok
}

// IsWeekdayName reports whether w (any case, an optional trailing period
// allowed) names a day of the week in English.
func IsWeekdayName(w string) bool {
	return isWeekday(strings.TrimSuffix(w, "."))
}
