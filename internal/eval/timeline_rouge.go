package eval

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/lang"
)

// The timeline ROUGE variants follow tilse (Martschat and Markert 2017),
// the scorer of the published timeline results: ROUGE with stemming and
// stop words removed, hits, peer and model n-gram counts summed over the
// dates a variant pairs up, and F from the summed precision and recall.
// Stop words are lang's list; ROUGE's own list differs a little.

// timelineGrams counts the n-grams of text as tilse's ROUGE sees them:
// lower case, ASCII letters and digits, stop words dropped, words longer
// than three letters stemmed.
func timelineGrams(text string, n int) (map[string]int, int) {
	b := []byte(strings.ToLower(text))
	for i, c := range b {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			b[i] = ' '
		}
	}
	var toks []string
	for _, t := range strings.Fields(string(b)) {
		if lang.IsStopWord(t) {
			continue
		}
		if len(t) > 3 {
			t = rougeStem(t)
		}
		toks = append(toks, t)
	}
	return rougeNGrams(toks, n)
}

// hits counts the n-grams of peer clipped by model.
func tlHits(peer, model map[string]int) int {
	h := 0
	for g, k := range peer {
		h += min(k, model[g])
	}
	return h
}

// concatRouge scores all predicted sentences against all gold ones.
func concatRouge(pred, gold []string, n int) TimelinePRF {
	pg, pc := timelineGrams(strings.Join(pred, "\n"), n)
	gg, gc := timelineGrams(strings.Join(gold, "\n"), n)
	h := float64(tlHits(pg, gg))
	return tlPRF(tlRatio(h, pc), tlRatio(h, gc))
}

func tlRatio(h float64, total int) float64 {
	if total == 0 {
		return 0
	}
	return h / float64(total)
}

// datedRouge scores per-date summaries with tilse's agreement and align+
// m:1 variants. Agreement counts n-grams only against the gold summary
// of the same date. Align+ m:1 pairs every predicted date with the gold
// date of least cost, and every gold date with the predicted date of
// least cost, where the cost is (1 - 1/(days apart + 1)) times (1 - an
// approximate ROUGE-1 F of the two summaries on raw tokens), and weighs
// each pair's hits by 1/(days apart + 1); the first pairing gives
// precision, the second recall.
func datedRouge(pred, gold map[time.Time]string, n int) (agree, align TimelinePRF) {
	pd, gd := tlSortedDates(pred), tlSortedDates(gold)
	type grams struct {
		g     map[string]int
		count int
	}
	count := func(text string) grams {
		g, c := timelineGrams(text, n)
		return grams{g, c}
	}
	pg := make([]grams, len(pd))
	gg := make([]grams, len(gd))
	predTotal, goldTotal := 0, 0
	for i, d := range pd {
		pg[i] = count(pred[d])
		predTotal += pg[i].count
	}
	for j, d := range gd {
		gg[j] = count(gold[d])
		goldTotal += gg[j].count
	}
	// Agreement.
	agreeHit := 0.0
	for i, d := range pd {
		if t, ok := gold[d]; ok {
			agreeHit += float64(tlHits(pg[i].g, count(t).g))
		}
	}
	agree = tlPRF(tlRatio(agreeHit, predTotal), tlRatio(agreeHit, goldTotal))
	// Align+ m:1.
	cost := make([][]float64, len(pd))
	for i, p := range pd {
		cost[i] = make([]float64, len(gd))
		for j, g := range gd {
			cost[i][j] = (1 - 1/(tlDaysApart(p, g)+1)) * (1 - approxRouge1(pred[p], gold[g]))
		}
	}
	precHit, recHit := 0.0, 0.0
	for i, p := range pd {
		best := -1
		for j := range gd {
			if best < 0 || cost[i][j] < cost[i][best] {
				best = j
			}
		}
		if best >= 0 {
			precHit += float64(tlHits(pg[i].g, gg[best].g)) / (tlDaysApart(p, gd[best]) + 1)
		}
	}
	for j, g := range gd {
		best := -1
		for i := range pd {
			if best < 0 || cost[i][j] < cost[best][j] {
				best = i
			}
		}
		if best >= 0 {
			recHit += float64(tlHits(pg[best].g, gg[j].g)) / (tlDaysApart(pd[best], g) + 1)
		}
	}
	return agree, tlPRF(tlRatio(precHit, predTotal), tlRatio(recHit, goldTotal))
}

func tlSortedDates(m map[time.Time]string) []time.Time {
	ds := make([]time.Time, 0, len(m))
	for d := range m {
		ds = append(ds, d)
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].Before(ds[j]) })
	return ds
}

func tlDaysApart(a, b time.Time) float64 { return math.Abs(math.Round(a.Sub(b).Hours() / 24)) }

// approxRouge1 is tilse's quick ROUGE-1 F used to align dates: unigram
// counts of whitespace-separated raw tokens.
func approxRouge1(pred, gold string) float64 {
	pc := map[string]int{}
	np := 0
	for _, t := range strings.Fields(pred) {
		pc[t]++
		np++
	}
	gc := map[string]int{}
	ng := 0
	for _, t := range strings.Fields(gold) {
		gc[t]++
		ng++
	}
	if np == 0 || ng == 0 {
		return 0
	}
	m := float64(tlHits(pc, gc))
	return tlPRF(m/float64(np), m/float64(ng)).F
}
