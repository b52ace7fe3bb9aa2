package timeline

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// DatedSummary is one date of a timeline summary with the sentences that
// tell what happened on it.
type DatedSummary struct {
	Date      time.Time `json:"date"`
	Sentences []string  `json:"sentences"`
	// Articles is how many articles date something to this day.
	Articles int `json:"articles"`
}

// SummaryOptions tune Summarise.
type SummaryOptions struct {
	// Dates is how many dates the timeline keeps (10 when 0).
	Dates int
	// Sentences is how many sentences each date gets (1 when 0).
	Sentences int
	// From and To bound the dates, inclusive; zero leaves a side open.
	From, To time.Time
}

// Summary sentences outside these lengths (in words) are not used.
const (
	minSummaryWords = 6
	maxSummaryWords = 60
)

// Summarise writes the timeline summary of a large collection of dated
// articles — the task of timeline summarisation (Tran et al. 2013;
// Martschat and Markert 2018): the Dates most salient days, each with the
// Sentences sentences that best say what happened.
//
// A day's salience is the number of articles that date an event to it,
// counting an article once however often it names the day, plus half the
// number of articles published that day that date nothing in their
// opening sentence (news of the day, the lede events of Events). Only
// day-precision dates count. A day's sentences are those dating an event
// to it and the ledes of the day; the sentence nearest the centroid of
// their word stems is taken first, then each next one nearest the centroid
// among those not repeating a sentence already taken.
func Summarise(arts []*news.Article, o SummaryOptions) []DatedSummary {
	if o.Dates <= 0 {
		o.Dates = 10
	}
	if o.Sentences <= 0 {
		o.Sentences = 1
	}
	type day struct {
		mentions map[string]bool
		ledes    map[string]bool
		sents    []Event
	}
	days := map[time.Time]*day{}
	get := func(t time.Time) *day {
		d := days[t]
		if d == nil {
			d = &day{mentions: map[string]bool{}, ledes: map[string]bool{}}
			days[t] = d
		}
		return d
	}
	for _, a := range arts {
		for _, e := range Events(a, Reference(a, nil)) {
			if e.Time.Precision != news.PrecisionDay || !inRange(e.Time.T, o.From, o.To) {
				continue
			}
			d := get(e.Time.T)
			if e.Lede {
				d.ledes[e.Article] = true
			} else {
				d.mentions[e.Article] = true
			}
			if n := len(strings.Fields(e.Sentence)); n >= minSummaryWords && n <= maxSummaryWords {
				d.sents = append(d.sents, e)
			}
		}
	}
	type scored struct {
		t     time.Time
		score float64
		n     int
	}
	var ranked []scored
	for t, d := range days {
		ledes := 0
		for a := range d.ledes {
			if !d.mentions[a] {
				ledes++
			}
		}
		ranked = append(ranked, scored{t, float64(len(d.mentions)) + 0.5*float64(ledes), len(d.mentions) + ledes})
	}
	sort.Slice(ranked, func(i, j int) bool {
		if ranked[i].score != ranked[j].score {
			return ranked[i].score > ranked[j].score
		}
		return ranked[i].t.Before(ranked[j].t)
	})
	var out []DatedSummary
	for _, r := range ranked {
		if len(out) == o.Dates {
			break
		}
		sents := pickSentences(days[r.t].sents, o.Sentences)
		if len(sents) == 0 {
			continue
		}
		out = append(out, DatedSummary{Date: r.t, Sentences: sents, Articles: r.n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

func inRange(t, from, to time.Time) bool {
	return (from.IsZero() || !t.Before(from)) && (to.IsZero() || !t.After(to))
}

// pickSentences takes n sentences nearest the centroid of events'
// sentences, skipping repeats.
func pickSentences(events []Event, n int) []string {
	seen := map[string]bool{}
	type cand struct {
		text string
		vec  map[string]float64
	}
	var cands []cand
	centroid := map[string]float64{}
	for _, e := range events {
		if seen[e.Sentence] {
			continue
		}
		seen[e.Sentence] = true
		v := map[string]float64{}
		for _, s := range contentStems(e.Sentence) {
			v[s] = 1
			centroid[s]++
		}
		cands = append(cands, cand{e.Sentence, v})
	}
	var picked []string
	var pickedVecs []map[string]float64
	used := make([]bool, len(cands))
	for len(picked) < n {
		best, bestScore := -1, -1.0
		for i, c := range cands {
			if used[i] {
				continue
			}
			redundant := false
			for _, p := range pickedVecs {
				if cosine(c.vec, p) > 0.5 {
					redundant = true
					break
				}
			}
			if redundant {
				continue
			}
			if s := cosine(c.vec, centroid); s > bestScore {
				best, bestScore = i, s
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		picked = append(picked, cands[best].text)
		pickedVecs = append(pickedVecs, cands[best].vec)
	}
	return picked
}

func cosine(a, b map[string]float64) float64 {
	var dot, na, nb float64
	for k, v := range a {
		na += v * v
		dot += v * b[k]
	}
	for _, v := range b {
		nb += v * v
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}
