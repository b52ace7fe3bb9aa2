package reuse

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// Confidence of the direction evidence.
const (
	confMinute = 0.95 // publication minutes differ
	confDay    = 0.85 // publication days differ
	// confPerVote is what each piece of internal evidence adds to 0.5,
	// up to confInternalMax.
	confPerVote     = 0.15
	confInternalMax = 0.85
)

// direction returns the probability that a is the original of b, and the
// evidence in words.
func direction(a, b *Doc, al Alignment, witnesses []*Doc) (float64, string) {
	if p, why, ok := byTime(a.Published, b.Published); ok {
		return p, why
	}
	votesA, votesB := 0, 0
	var why []string
	va, vb, w := quoteEvidence(a, b, a.quotes(), b.quotes(), witnesses)
	votesA += va
	votesB += vb
	why = append(why, w...)
	slices.Sort(why)
	why = slices.Compact(why)
	switch {
	case votesA > votesB:
		return min(0.5+confPerVote*float64(votesA-votesB), confInternalMax), fmt.Sprintf("%s is the original: %s", a.ID, strings.Join(why, "; "))
	case votesB > votesA:
		return max(0.5-confPerVote*float64(votesB-votesA), 1-confInternalMax), fmt.Sprintf("%s is the original: %s", b.ID, strings.Join(why, "; "))
	}
	return 0.5, fmt.Sprintf("no evidence of direction; %s, which arrived later, taken as the copy", a.ID)
}

// byTime compares publication times at the precision both know, which must
// be at least the day.
func byTime(a, b news.Time) (pA float64, why string, ok bool) {
	p := min(a.Precision, b.Precision)
	if p < news.PrecisionDay {
		return 0, "", false
	}
	ta, tb := a.T, b.T
	conf := confMinute
	if p == news.PrecisionDay || !a.Zoned || !b.Zoned {
		// Without both offsets only the calendar day is comparable, and
		// only when the days are at least two apart is the order sure
		// whatever the zones.
		da, db := ta.Format("2006-01-02"), tb.Format("2006-01-02")
		if da == db {
			return 0, "", false
		}
		if p == news.PrecisionMinute && !a.Zoned && !b.Zoned {
			if ta.Before(tb) {
				return confDay, fmt.Sprintf("published earlier (%s before %s)", a, b), true
			}
			return 1 - confDay, fmt.Sprintf("published earlier (%s before %s)", b, a), true
		}
		conf = confDay
		if da < db {
			return conf, fmt.Sprintf("published earlier (%s before %s)", a, b), true
		}
		return 1 - conf, fmt.Sprintf("published earlier (%s before %s)", b, a), true
	}
	switch {
	case ta.Before(tb):
		return conf, fmt.Sprintf("published earlier (%s before %s)", a, b), true
	case tb.Before(ta):
		return 1 - conf, fmt.Sprintf("published earlier (%s before %s)", b, a), true
	}
	return 0, "", false
}

// quoteEvidence compares the quotations of two articles. A
// quotation that one renders whole and the other only in part came from
// the first: a rewriter can cut a quote but cannot restore words it never
// saw. A quotation worded differently in the two is settled by the
// witnesses: the version a third article prints verbatim is the original
// wording.
func quoteEvidence(a, b *Doc, qas, qbs []string, witnesses []*Doc) (votesA, votesB int, why []string) {
	for _, qa := range qas {
		for _, qb := range qbs {
			switch {
			case qa == qb:
				continue
			case strings.Contains(" "+qa+" ", " "+qb+" "):
				votesA++
				why = append(why, fmt.Sprintf("%s quotes only part of %q", b.ID, clip(qa)))
				continue
			case strings.Contains(" "+qb+" ", " "+qa+" "):
				votesB++
				why = append(why, fmt.Sprintf("%s quotes only part of %q", a.ID, clip(qb)))
				continue
			}
			if !similarQuotes(qa, qb) {
				continue
			}
			wa, wb := false, false
			for _, w := range witnesses {
				if w == nil || w.ID == a.ID || w.ID == b.ID {
					continue
				}
				wa = wa || w.containsQuote(qa)
				wb = wb || w.containsQuote(qb)
			}
			switch {
			case wa && !wb:
				votesA++
				why = append(why, fmt.Sprintf("%s rewords the quotation %q that a third article prints verbatim", b.ID, clip(qa)))
			case wb && !wa:
				votesB++
				why = append(why, fmt.Sprintf("%s rewords the quotation %q that a third article prints verbatim", a.ID, clip(qb)))
			}
		}
	}
	return votesA, votesB, why
}

// quotes returns every quotation of d, each once.
func (d *Doc) quotes() []string {
	var out []string
	seen := make(map[string]bool)
	for i := range d.Sentences {
		for _, q := range d.Sentences[i].Quotes {
			if !seen[q] {
				seen[q] = true
				out = append(out, q)
			}
		}
	}
	return out
}

// similarQuotes reports whether two quotations share enough words to be
// two renderings of one statement.
func similarQuotes(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	set := make(map[string]bool, len(wa))
	for _, w := range wa {
		set[w] = true
	}
	n := 0
	for _, w := range wb {
		if set[w] {
			n++
		}
	}
	return 2*n >= min(len(wa), len(wb))
}

func clip(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	i := strings.LastIndexByte(s[:max], ' ')
	if i < 0 {
		i = max
	}
	return s[:i] + "…"
}
