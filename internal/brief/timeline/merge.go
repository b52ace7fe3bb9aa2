package timeline

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

const (
	// sameEvent is the least weighted overlap of content words for two
	// events with agreeing dates to be one event.
	sameEvent = 0.15
	// sameEventOtherDate is the least overlap for two events whose dates
	// disagree to be one event dated differently by different articles.
	sameEventOtherDate = 0.5
	// minShared is the least number of content words two events share to
	// be one.
	minShared = 2
)

// anaphors open a sentence that continues the one before ("This
// meeting was held in March"); its event takes the words of both.
var anaphors = map[string]bool{"this": true, "these": true, "that": true, "those": true, "it": true, "they": true, "such": true}

// group is one event merged across articles.
type group struct {
	members []int // event indices
	date    news.Time
	other   []int // events of the same happening dated otherwise
}

// merger holds the events of a story and the index used to compare them.
type merger struct {
	events  []Event
	context [][]string // per event: stems compared across articles
	weight  map[string]float64
	total   []float64 // per event: summed weight of its context stems
	order   map[string]int
	groupOf []int
	groups  []*group
	// scratch of similar, per event
	shared  []float64
	count   []int
	touched []int
}

// merge groups events into timeline entries.
func merge(events []Event, order map[string]int) []news.TimelineEntry {
	if len(events) == 0 {
		return nil
	}
	m := &merger{events: events, order: order}
	m.prepare()
	idx := make([]int, len(events))
	for i := range idx {
		idx[i] = i
	}
	// Precise dates first, so that a month joins the day it agrees with.
	sort.SliceStable(idx, func(a, b int) bool {
		ea, eb := events[idx[a]], events[idx[b]]
		if ea.Lede != eb.Lede {
			return eb.Lede
		}
		if ea.Time.Precision != eb.Time.Precision {
			return ea.Time.Precision > eb.Time.Precision
		}
		return order[ea.Article] < order[eb.Article]
	})
	postings := map[string][]int{}
	m.groupOf = make([]int, len(events))
	for _, e := range idx {
		best, bestSim := -1, 0.0
		for g, sim := range m.similar(e, postings, sameEvent) {
			if compatible(events[e].Time, m.groups[g].date) && (sim > bestSim || sim == bestSim && g < best) {
				best, bestSim = g, sim
			}
		}
		if best < 0 && events[e].Lede {
			m.groupOf[e] = -1
			continue
		}
		if best < 0 {
			best = len(m.groups)
			m.groups = append(m.groups, &group{date: events[e].Time})
		}
		m.groupOf[e] = best
		m.groups[best].members = append(m.groups[best].members, e)
		m.groups[best].date = m.groupDate(m.groups[best].members)
		for _, s := range m.context[e] {
			postings[s] = append(postings[s], e)
		}
	}
	m.foldDisagreements(postings)
	return m.entries()
}

// prepare computes each event's context stems and the story's word
// weights (inverse document frequency over events).
func (m *merger) prepare() {
	m.context = make([][]string, len(m.events))
	df := map[string]int{}
	for i, e := range m.events {
		ctx := e.context
		if ctx == nil {
			ctx = union(contentStems(e.Sentence), e.stems)
		}
		m.context[i] = ctx
		for _, s := range ctx {
			df[s]++
		}
	}
	n := float64(len(m.events))
	m.weight = make(map[string]float64, len(df))
	for s, d := range df {
		m.weight[s] = math.Log(1 + n/float64(d))
	}
	m.total = make([]float64, len(m.events))
	for i, ctx := range m.context {
		for _, s := range ctx {
			m.total[i] += m.weight[s]
		}
	}
}

// similar returns, per group, the best weighted Dice overlap between
// event e and a member of that group, for overlaps of at least min. The
// overlaps are summed in dense per-event scratch arrays, not maps: a long
// story compares thousands of events.
func (m *merger) similar(e int, postings map[string][]int, min float64) map[int]float64 {
	if m.shared == nil {
		m.shared = make([]float64, len(m.events))
		m.count = make([]int, len(m.events))
	}
	touched := m.touched[:0]
	for _, s := range m.context[e] {
		w := m.weight[s]
		for _, o := range postings[s] {
			if m.count[o] == 0 {
				touched = append(touched, o)
			}
			m.shared[o] += w
			m.count[o]++
		}
	}
	out := map[int]float64{}
	for _, o := range touched {
		w, n := m.shared[o], m.count[o]
		m.shared[o], m.count[o] = 0, 0
		if n < minShared {
			continue
		}
		sim := 2 * w / (m.total[e] + m.total[o])
		if sim < min {
			continue
		}
		if g := m.groupOf[o]; g >= 0 && sim > out[g] {
			out[g] = sim
		}
	}
	m.touched = touched
	return out
}

// foldDisagreements joins groups that report the same happening under
// dates that disagree: the smaller group's events become the larger's
// disagreements. Groups sharing an article stay apart, since that article
// tells two events apart.
func (m *merger) foldDisagreements(postings map[string][]int) {
	alive := make([]bool, len(m.groups))
	for i := range alive {
		alive[i] = true
	}
	bySize := make([]int, len(m.groups))
	for i := range bySize {
		bySize[i] = i
	}
	sort.SliceStable(bySize, func(a, b int) bool {
		return m.articleCount(m.groups[bySize[a]]) < m.articleCount(m.groups[bySize[b]])
	})
	for _, g := range bySize {
		grp := m.groups[g]
		best, bestSim := -1, 0.0
		for _, e := range grp.members {
			for h, sim := range m.similar(e, postings, sameEventOtherDate) {
				other := m.groups[h]
				if h == g || !alive[h] || compatible(grp.date, other.date) || m.shareArticle(grp, other) ||
					m.articleCount(other) < m.articleCount(grp) {
					continue
				}
				if sim > bestSim || sim == bestSim && h < best {
					best, bestSim = h, sim
				}
			}
		}
		if best < 0 {
			continue
		}
		into := m.groups[best]
		into.other = append(into.other, grp.members...)
		into.other = append(into.other, grp.other...)
		alive[g] = false
		for _, e := range grp.members {
			m.groupOf[e] = best
		}
	}
	var kept []*group
	for g, grp := range m.groups {
		if alive[g] {
			kept = append(kept, grp)
		}
	}
	m.groups = kept
}

// entries renders the groups in date order.
func (m *merger) entries() []news.TimelineEntry {
	sort.SliceStable(m.groups, func(a, b int) bool {
		ga, gb := m.groups[a], m.groups[b]
		if !ga.date.T.Equal(gb.date.T) {
			return ga.date.T.Before(gb.date.T)
		}
		if ga.date.Precision != gb.date.Precision {
			return ga.date.Precision < gb.date.Precision
		}
		return m.articleCount(ga) > m.articleCount(gb)
	})
	out := make([]news.TimelineEntry, 0, len(m.groups))
	for _, g := range m.groups {
		e := news.TimelineEntry{Date: g.date.String(), Text: m.events[m.representative(g)].Text, Articles: m.articles(g.members)}
		seen := map[string]bool{}
		for _, o := range g.other {
			ev := m.events[o]
			d := ev.Time.String()
			if seen[ev.Article+" "+d] {
				continue
			}
			seen[ev.Article+" "+d] = true
			e.Disagreements = append(e.Disagreements, news.DatedBy{Article: ev.Article, Date: d})
		}
		sort.SliceStable(e.Disagreements, func(a, b int) bool {
			return m.order[e.Disagreements[a].Article] < m.order[e.Disagreements[b].Article]
		})
		out = append(out, e)
	}
	return out
}

// representative picks the member whose words overlap the others' most;
// the first article's wins ties.
func (m *merger) representative(g *group) int {
	best, bestScore := g.members[0], -1.0
	for _, e := range g.members {
		score := 0.0
		set := map[string]bool{}
		for _, s := range m.events[e].stems {
			set[s] = true
		}
		for _, o := range g.members {
			if o == e {
				continue
			}
			for _, s := range m.events[o].stems {
				if set[s] {
					score += m.weight[s]
				}
			}
		}
		if score > bestScore || score == bestScore && m.order[m.events[e].Article] < m.order[m.events[best].Article] {
			best, bestScore = e, score
		}
	}
	return best
}

// groupDate is the date most of a group's articles give; a finer date
// wins a tie, then an earlier one.
func (m *merger) groupDate(members []int) news.Time {
	byDate := map[string]map[string]bool{}
	times := map[string]news.Time{}
	for _, e := range members {
		ev := m.events[e]
		d := ev.Time.String()
		if byDate[d] == nil {
			byDate[d] = map[string]bool{}
		}
		byDate[d][ev.Article] = true
		times[d] = ev.Time
	}
	var best string
	for d := range byDate {
		if best == "" {
			best = d
			continue
		}
		a, b := len(byDate[d]), len(byDate[best])
		ta, tb := times[d], times[best]
		if a > b || a == b && (ta.Precision > tb.Precision || ta.Precision == tb.Precision && ta.T.Before(tb.T)) {
			best = d
		}
	}
	return times[best]
}

// articles lists the distinct articles of events in story order.
func (m *merger) articles(events []int) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range events {
		a := m.events[e].Article
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return m.order[out[a]] < m.order[out[b]] })
	return out
}

func (m *merger) articleCount(g *group) int { return len(m.articles(g.members)) }

func (m *merger) shareArticle(a, b *group) bool {
	in := map[string]bool{}
	for _, e := range a.members {
		in[m.events[e].Article] = true
	}
	for _, e := range b.members {
		if in[m.events[e].Article] {
			return true
		}
	}
	return false
}

// compatible reports whether two dates agree at the coarser precision.
func compatible(a, b news.Time) bool {
	p := min(a.Precision, b.Precision)
	if p == news.PrecisionNone {
		return false
	}
	return truncate(a.T, p).Equal(truncate(b.T, p))
}

func truncate(t time.Time, p news.Precision) time.Time {
	switch p {
	case news.PrecisionYear:
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	case news.PrecisionMonth:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func startsWithAnaphor(s string) bool {
	f := strings.Fields(s)
	return len(f) > 0 && anaphors[strings.ToLower(strings.Trim(f[0], `"“'`))]
}

// union appends the stems of b missing from a.
func union(a, b []string) []string {
	seen := make(map[string]bool, len(a))
	for _, s := range a {
		seen[s] = true
	}
	out := append([]string(nil), a...)
	for _, s := range b {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
