package reuse

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/lang"
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
	va, vb, w = sentenceEvidence(a, b, al, witnesses)
	votesA += va
	votesB += vb
	why = append(why, w...)
	va, vb, w = sourceEvidence(a, b)
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

// minWitnessWords is the length from which an aligned sentence printed
// verbatim by a third article says which wording came first.
const minWitnessWords = 8

// sentenceEvidence extends the witness test of quotations to whole
// sentences: of two aligned sentences worded differently, the one a third
// article prints verbatim is the source's wording, and the other article
// reworded it. Each article's count of such sentences is compared; the
// difference gives up to two votes.
func sentenceEvidence(a, b *Doc, al Alignment, witnesses []*Doc) (votesA, votesB int, why []string) {
	var ws []*Doc
	for _, w := range witnesses {
		if w != nil && w.ID != a.ID && w.ID != b.ID && w.folded != "" {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		return 0, 0, nil
	}
	na, nb := 0, 0
	for _, p := range al.Pairs {
		sa, sb := a.sentenceWords(p.Copy), b.sentenceWords(p.Original)
		if sa == sb || strings.Count(sa, " ")+1 < minWitnessWords || strings.Count(sb, " ")+1 < minWitnessWords {
			continue
		}
		wa, wb := false, false
		for _, w := range ws {
			wa = wa || w.containsQuote(sa)
			wb = wb || w.containsQuote(sb)
		}
		switch {
		case wa && !wb:
			na++
		case wb && !wa:
			nb++
		}
	}
	switch {
	case na > nb:
		return min(na-nb, 2), 0, []string{fmt.Sprintf("%s rewords %d sentences that a third article prints as %s does", b.ID, na, a.ID)}
	case nb > na:
		return 0, min(nb-na, 2), []string{fmt.Sprintf("%s rewords %d sentences that a third article prints as %s does", a.ID, nb, b.ID)}
	}
	return 0, 0, nil
}

// sentenceWords returns the folded words of d's i-th sentence, joined by
// spaces.
func (d *Doc) sentenceWords(i int) string {
	sp := d.Sentences[i].Span
	if sp.End > len(d.Text) || sp.Start >= sp.End {
		return ""
	}
	return strings.Join(lang.Words(lang.Fold(d.Text[sp.Start:sp.End])), " ")
}

// sourceVotes is what naming the other outlet as a source counts: a copy
// that credits its original ("…, the X reported", "according to X") says
// outright where its text came from.
const sourceVotes = 2

// sourceEvidence checks whether one article credits the other's outlet as
// its source while the other does not credit the first's: the credited one
// is the original. Outlets with the same name, or unnamed, give nothing.
func sourceEvidence(a, b *Doc) (votesA, votesB int, why []string) {
	na, nb := sourceName(a.Source), sourceName(b.Source)
	if na == "" || nb == "" || na == nb {
		return 0, 0, nil
	}
	aCredits, bCredits := a.credits(nb), b.credits(na)
	switch {
	case aCredits && !bCredits:
		return 0, sourceVotes, []string{fmt.Sprintf("%s credits %s as its source", a.ID, b.Source)}
	case bCredits && !aCredits:
		return sourceVotes, 0, []string{fmt.Sprintf("%s credits %s as its source", b.ID, a.Source)}
	}
	return 0, 0, nil
}

// sourceName folds an outlet's name to space-joined words without a
// leading article: "The Highland Post" → "highland post".
func sourceName(s string) string {
	w := lang.Words(lang.Fold(s))
	if len(w) > 0 && w[0] == "the" {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

// attributionCues are the words with which news credits a source.
var attributionCues = []string{"according to", "reported", "reports", "report by", "report in", "report from",
	"citing", "cited", "told", "said", "says", "quoted", "first reported", "wrote", "revealed", "broke the news"}

// credits reports whether one of d's sentences names the outlet (folded
// words, as sourceName gives) together with an attribution cue.
func (d *Doc) credits(outlet string) bool {
	for i := range d.Sentences {
		f := " " + d.sentenceWords(i) + " "
		if !strings.Contains(f, " "+outlet+" ") {
			continue
		}
		for _, c := range attributionCues {
			if strings.Contains(f, " "+c+" ") {
				return true
			}
		}
	}
	return false
}

// quoteEvidence compares the quotations of two articles. A
// quotation that one renders whole and the other only in part came from
// the first: a rewriter can cut a quote but cannot restore words it never
// saw. A quotation worded differently in the two is settled by the
// witnesses: the version a third article prints verbatim is the original
// wording.
func quoteEvidence(a, b *Doc, qas, qbs []string, witnesses []*Doc) (votesA, votesB int, why []string) {
	// Whether a third article prints a quotation verbatim, asked once per
	// quotation rather than once per pair of quotations.
	witnessed := make(map[string]bool)
	printed := func(q string) bool {
		if v, ok := witnessed[q]; ok {
			return v
		}
		v := false
		for _, w := range witnesses {
			if w != nil && w.ID != a.ID && w.ID != b.ID && w.containsQuote(q) {
				v = true
				break
			}
		}
		witnessed[q] = v
		return v
	}
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
			wa, wb := printed(qa), printed(qb)
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
