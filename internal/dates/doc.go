// Package dates reads the dates and times news text is written with:
// "January 26, 2024", "Jan.26 - 2024 2:14 PM CET", "26.01.2024",
// "Fri, 26 Jan 2024 14:14:00 GMT", "2024-01-26T14:14:00+01:00",
// "Updated: Jan 26, 2024, 10:02 am ET", "December 2023" and many more.
//
// Parse reads a string that is a date; Find locates the first complete date
// inside a longer line (a byline, a caption) and reports where it is. Both
// return a news.Time whose Precision says how much the text gave (a month,
// a day, a clock time) and whose Zoned flag says whether the UTC offset was
// stated — as a number, "Z", or a zone abbreviation such as CET, ET or MSK,
// whose daylight-saving offset is worked out from the date where the
// abbreviation leaves it open ("ET" is EST in January and EDT in July).
// Without a stated zone the wall clock is kept as written, in time.UTC, and
// Zoned is false.
//
// The scanner underneath works on fields (year, month, day, clock, zone)
// and knows when one is missing. That is the base for relative dates:
// FindAll(text, ref) and Resolve(expr, ref) complete "January 26", "on
// Friday", "the day before", "last month" or "earlier this week" from a
// reference time such as an article's publication date, with the precision
// the expression gives (year, month, day) and the verb's tense deciding
// between the past and the next occurrence ("will vote on Monday").
package dates
