// Package timeline builds the timeline of a story: the dated events its
// articles report, each merged across the articles that date it, in date
// order, with the articles that give the same event another date.
//
// Every date expression of an article is found by internal/dates —
// "Mar. 3, 2021", "in October", "on Friday", "last month", "the day
// before" — and resolved against the article's publication date. The event
// is the clause holding the expression, widened to a few content words when
// the clause alone is only the date ("On March 3, 2021, …"). A date that
// is only the article's own dateline or time stamp is not an event.
//
// An article without a publication date still dates events it states in
// full. Its publication date is then estimated, in this order: from the
// latest full date it mentions (a text is written after what it reports;
// "January 9" after "December 28, 2020" is read as 2021-01-09 and the
// latest such day becomes the reference for "last month"), else from the
// median publication date of the other articles of the story, which were
// clustered together because they report the same news. Both estimates are
// lower bounds more than exact dates, so relative dates resolved from them
// are less certain than those of dated articles.
//
// Events from different articles are the same event when their dates agree
// at the coarser of their precisions (2021-03 agrees with 2021-03-03) and
// their content words overlap. Two events whose words overlap strongly but
// whose dates disagree become one entry, with the minority dates listed as
// disagreements — unless one article dates both, which shows they are two
// events. An article's opening sentence that dates nothing is the news of
// its publication day: it joins an event other articles date to that day,
// and never makes an entry alone.
//
// Build serves a story of a handful of articles. Summarise serves a long
// collection (timeline summarisation): it keeps the days the most articles
// date events to, each with its most central sentences.
package timeline

import (
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/dates"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// Event is one dated event as one article reports it.
type Event struct {
	Article string
	// Time is the event's date, never finer than a day.
	Time news.Time
	// Text is the clause reporting the event, at most maxEventWords words.
	Text string
	// Sentence is the whole sentence the clause is from.
	Sentence string
	// SentenceIndex is the sentence's position in the article.
	SentenceIndex int
	// Relative is true when the date was resolved from the article's
	// (possibly estimated) publication date or from another date.
	Relative bool
	// Future is true when the sentence dates something still to come.
	Future bool
	// Lede is true for the opening sentence of an article that dates
	// nothing itself: news of the day, dated by the publication date. Such
	// an event only joins an event other articles date.
	Lede bool
	// stems are the content-word stems of Text; context adds those of
	// the sentence (and of the one before when this one continues it).
	stems, context []string
}

// maxArticleEvents is the most events one article adds to a timeline, its
// first in text order (the longest articles of the development sets date
// about 30).
const maxArticleEvents = 200

// Build returns the timeline of a story's articles: one entry per event,
// in date order, listing the articles that date it.
//
// An article's events past its first maxArticleEvents are left out: news
// articles date at most a few dozen events, and merging compares events
// pairwise, so one huge text (an archive dump, a live blog of thousands
// of dated lines) would otherwise cost time quadratic in its length.
func Build(arts []*news.Article) []news.TimelineEntry {
	var events []Event
	for _, a := range arts {
		events = append(events, articleEvents(a, Reference(a, arts), maxArticleEvents)...)
	}
	order := make(map[string]int, len(arts))
	for i, a := range arts {
		if _, ok := order[a.ID]; !ok {
			order[a.ID] = i
		}
	}
	return merge(events, order)
}

// Reference returns the time a's relative dates are counted from: its
// publication date, or when it has none an estimate from the full dates it
// mentions, or else the median publication date of the other articles of
// its story (story may be nil). The zero Time means none could be found.
func Reference(a *news.Article, story []*news.Article) news.Time {
	if a.Published.Precision >= news.PrecisionDay {
		return a.Published
	}
	if t, ok := inferReference(a.Text); ok {
		return t
	}
	var pubs []time.Time
	for _, o := range story {
		if o != a && o.Published.Precision >= news.PrecisionDay {
			pubs = append(pubs, o.Published.T)
		}
	}
	if len(pubs) == 0 {
		return news.Time{}
	}
	sort.Slice(pubs, func(i, j int) bool { return pubs[i].Before(pubs[j]) })
	m := pubs[len(pubs)/2]
	return news.Time{T: time.Date(m.Year(), m.Month(), m.Day(), 0, 0, 0, 0, time.UTC), Precision: news.PrecisionDay}
}

// inferReference estimates when an undated text was written: after the
// latest full date it states, and after the latest day it dates once
// yearless dates are read against that floor. Future dates do not count.
func inferReference(text string) (news.Time, bool) {
	var floor news.Time
	for _, m := range dates.FindAll(text, news.Time{}) {
		if m.Time.Precision >= news.PrecisionDay && (floor.IsZero() || m.Time.T.After(floor.T)) {
			floor = truncDay(m.Time)
		}
	}
	if floor.IsZero() {
		return news.Time{}, false
	}
	ref := floor
	for _, m := range (dates.Resolver{Ref: floor, Floor: true}).FindAll(text) {
		if m.Time.Precision >= news.PrecisionDay && m.Time.T.After(ref.T) && !m.Future {
			ref = truncDay(m.Time)
		}
	}
	return ref, true
}

// truncDay drops a time's clock, keeping at most day precision.
func truncDay(t news.Time) news.Time {
	if t.Precision < news.PrecisionDay {
		return t
	}
	y, m, d := t.T.Date()
	return news.Time{T: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionDay}
}

// Events returns the dated events of one article, with relative dates
// resolved against ref (zero: only dates stated in full), in text order.
func Events(a *news.Article, ref news.Time) []Event { return articleEvents(a, ref, 0) }

// events_ is Events, stopping after the first limit events (all when
// limit is 0).
func articleEvents(a *news.Article, ref news.Time, limit int) []Event {
	text := a.Text
	sents := a.Sentences
	if len(sents) == 0 {
		sents = lang.Sentences(text)
	}
	mentions := dates.FindAll(text, ref)
	var out []Event
	if l, ok := ledeEvent(a, sents, mentions, ref); ok {
		out = append(out, l)
	}
	si := 0
	// The context stems of a sentence, computed once for all the dates
	// it holds: one sentence of a text without full stops may hold
	// thousands.
	ctxOf, prevOf := -1, -1
	var sentCtx, prevCtx []string
	for _, m := range mentions {
		if limit > 0 && len(out) >= limit {
			break
		}
		for si < len(sents) && sents[si].End <= m.Span.Start {
			si++
		}
		if si == len(sents) {
			break
		}
		sp := sents[si]
		if m.Span.Start < sp.Start || m.Span.End > sp.End {
			continue
		}
		if isStamp(text, sp, m, ref, si) {
			continue
		}
		sent := text[sp.Start:sp.End]
		local := news.Span{Start: m.Span.Start - sp.Start, End: m.Span.End - sp.Start}
		clause, stems := eventClause(sent, local)
		if len(stems) < minContentWords {
			continue
		}
		if ctxOf != si {
			ctxOf, sentCtx = si, contentStems(sent)
		}
		ctx := union(sentCtx, stems)
		if si > 0 && startsWithAnaphor(sent) {
			if prevOf != si-1 {
				prevOf, prevCtx = si-1, contentStems(text[sents[si-1].Start:sents[si-1].End])
			}
			ctx = union(ctx, prevCtx)
		}
		out = append(out, Event{Article: a.ID, Time: truncDay(m.Time), Text: clause, Sentence: trimSentence(sent),
			SentenceIndex: si, Relative: m.Relative, Future: m.Future, stems: stems, context: ctx})
	}
	return out
}

// isStamp reports whether mention m is the article's own dateline or time
// stamp rather than the date of something it reports: a date with a clock
// time, or the publication day standing at the head of the text.
func isStamp(text string, sent news.Span, m dates.Mention, ref news.Time, si int) bool {
	if m.Time.Precision == news.PrecisionMinute {
		return true
	}
	if m.Relative || ref.IsZero() || truncDay(m.Time) != truncDay(ref) {
		return false
	}
	return si == 0 && m.Span.Start-sent.Start < 80 || m.Span.Start < 200 && m.Span.Start-sent.Start < 3
}

// ledeWords is the least number of words of an article's opening
// sentence; shorter lines are headings, bylines and captions.
const ledeWords = 8

// ledeEvent returns the opening sentence of a as an event of its
// publication day, when that sentence dates nothing itself.
func ledeEvent(a *news.Article, sents []news.Span, mentions []dates.Mention, ref news.Time) (Event, bool) {
	if ref.Precision < news.PrecisionDay {
		return Event{}, false
	}
	for si, sp := range sents {
		sent := a.Text[sp.Start:sp.End]
		if len(strings.Fields(sent)) < ledeWords {
			continue
		}
		for _, m := range mentions {
			if m.Span.Start < sp.End && m.Span.End > sp.Start {
				return Event{}, false
			}
		}
		stems := contentStems(sent)
		if len(stems) < clauseWords {
			return Event{}, false
		}
		text := trimSentence(sent)
		if f := strings.Fields(text); len(f) > maxEventWords {
			text = window(text, 0)
		}
		return Event{Article: a.ID, Time: truncDay(ref), Text: tidyClause(text), Sentence: trimSentence(sent),
			SentenceIndex: si, Lede: true, stems: stems, context: stems}, true
	}
	return Event{}, false
}
