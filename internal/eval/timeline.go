package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// TimelineRequest is what a timeline summariser is asked for, as the
// news-tls protocol (Ghalandari and Ifrim 2020) sets it from each gold
// timeline: as many dates as the gold has, its average number of
// sentences per date, and dates within the gold's first and last date.
type TimelineRequest struct {
	Dates, Sentences int
	From, To         time.Time
}

// TimelineDate is one date of a predicted timeline.
type TimelineDate struct {
	Date      time.Time
	Sentences []string
}

// Timeliner writes the timeline summary of a topic's articles.
type Timeliner func(arts []*news.Article, req TimelineRequest) []TimelineDate

// TimelinePRF is a precision, recall and F1.
type TimelinePRF struct {
	P float64 `json:"precision"`
	R float64 `json:"recall"`
	F float64 `json:"f"`
}

func tlPRF(p, r float64) TimelinePRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return TimelinePRF{p, r, f}
}

// TimelineScore is our timeline's scores against one gold timeline.
type TimelineScore struct {
	Topic     string      `json:"topic"`
	Timeline  string      `json:"timeline"`
	Articles  int         `json:"articles"`
	GoldDates int         `json:"gold_dates"`
	Sentences int         `json:"sentences_per_date"`
	Dates     TimelinePRF `json:"date_selection"`
	// The ROUGE variants of Martschat and Markert (2017) as their tilse
	// toolkit computes them: Concat compares all summaries joined,
	// ignoring dates; Agree counts only n-grams of summaries of the same
	// date; Align ("align+ m:1", the figure news-tls reports) aligns each
	// date to the date of the other timeline that is nearest in time and
	// content and weighs the overlap by 1/(days apart + 1).
	Concat1 TimelinePRF `json:"concat_rouge1"`
	Concat2 TimelinePRF `json:"concat_rouge2"`
	Agree1  TimelinePRF `json:"agreement_rouge1"`
	Agree2  TimelinePRF `json:"agreement_rouge2"`
	Align1  TimelinePRF `json:"align_rouge1"`
	Align2  TimelinePRF `json:"align_rouge2"`
}

// PublishedTimeline is a published system's result on the whole of
// Timeline17.
type PublishedTimeline struct {
	System string  `json:"system"`
	Align1 float64 `json:"align_rouge1_f"`
	Align2 float64 `json:"align_rouge2_f"`
	DateF1 float64 `json:"date_f1"`
	Source string  `json:"source"`
}

// PublishedT17 are the T17 figures of Ghalandari and Ifrim (ACL 2020,
// Table 3: alignment-based ROUGE F, many-to-one, and date F1) over all 19
// timelines. They are quoted from memory: the table itself could not be
// retrieved to check them.
var PublishedT17 = []PublishedTimeline{
	{System: "DATEWISE (Ghalandari & Ifrim 2020)", Align1: .120, Align2: .035, DateF1: .544, Source: "ACL 2020 Table 3, unverified"},
	{System: "CLUST (Ghalandari & Ifrim 2020)", Align1: .082, Align2: .020, DateF1: .407, Source: "ACL 2020 Table 3, unverified"},
}

// TimelineReport is our timelines' scores on a timeline summarisation set.
type TimelineReport struct {
	Set       string          `json:"set"`
	Settings  string          `json:"settings"`
	Timelines []TimelineScore `json:"timelines"`
	Average   TimelineScore   `json:"average"`
	// Baseline is the average of a publication-count baseline on the same
	// timelines: the days most articles were published, each summarised
	// by the opening sentences of that day's articles.
	Baseline  TimelineScore       `json:"baseline"`
	Published []PublishedTimeline `json:"published"`
	Elapsed   time.Duration       `json:"elapsed_ns"`
}

// Timelines runs tl on every topic of the set in dir (one directory per
// topic holding articles.jsonl and gold/*.timeline.json) once per gold
// timeline, with the articles published within the gold's span, and
// scores the result.
func Timelines(ctx context.Context, dir string, tl Timeliner, progress func(done, total int)) (TimelineReport, error) {
	start := time.Now()
	ents, err := os.ReadDir(dir)
	if err != nil {
		return TimelineReport{}, fmt.Errorf("read timeline set: %w", err)
	}
	type job struct{ topic, gold string }
	var jobs []job
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		golds, _ := filepath.Glob(filepath.Join(dir, e.Name(), "gold", "*.timeline.json"))
		sort.Strings(golds)
		for _, g := range golds {
			jobs = append(jobs, job{e.Name(), g})
		}
	}
	if len(jobs) == 0 {
		return TimelineReport{}, fmt.Errorf("read timeline set %s: no gold timelines: %w", dir, news.ErrInvalid)
	}
	rep := TimelineReport{Set: filepath.Base(filepath.Clean(dir)), Published: PublishedT17,
		Settings: "news-tls protocol: k = gold dates, sentences = gold average per date, input and dates within the gold span; " +
			"ROUGE as tilse scores timelines (stemming, stop words removed — our list, not ROUGE's), align = tilse's align+ m:1; " +
			"averages: P and R averaged over timelines, F from them"}
	cache := map[string][]*news.Article{}
	var baseline []TimelineScore
	for i, j := range jobs {
		if err := ctx.Err(); err != nil {
			return TimelineReport{}, err
		}
		arts, ok := cache[j.topic]
		if !ok {
			arts, err = readSetArticles(filepath.Join(dir, j.topic, "articles.jsonl"))
			if err != nil {
				return TimelineReport{}, err
			}
			cache = map[string][]*news.Article{j.topic: arts}
		}
		gold, err := readGoldTimeline(j.gold)
		if err != nil {
			return TimelineReport{}, err
		}
		s := scoreTimeline(arts, gold, tl)
		s.Topic = j.topic
		s.Timeline = strings.TrimSuffix(filepath.Base(j.gold), ".timeline.json")
		rep.Timelines = append(rep.Timelines, s)
		baseline = append(baseline, scoreTimeline(arts, gold, PublicationCountTimeline))
		if progress != nil {
			progress(i+1, len(jobs))
		}
	}
	rep.Average = averageTimelines(rep.Timelines)
	rep.Baseline = averageTimelines(baseline)
	rep.Baseline.Topic = "publication-count baseline"
	rep.Elapsed = time.Since(start)
	return rep, nil
}

// goldDate is one date of a gold timeline.
type goldDate struct {
	date      time.Time
	sentences []string
}

// readGoldTimeline reads a gold timeline: a JSON list of {date, text}.
func readGoldTimeline(path string) ([]goldDate, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gold timeline: %w", err)
	}
	var raw []struct {
		Date string `json:"date"`
		Text string `json:"text"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("read gold timeline %s: %w", path, err)
	}
	byDate := map[time.Time]*goldDate{}
	for _, r := range raw {
		d, err := time.Parse("2006-01-02", strings.TrimSpace(r.Date)[:min(10, len(strings.TrimSpace(r.Date)))])
		if err != nil {
			return nil, fmt.Errorf("read gold timeline %s: date %q: %w", path, r.Date, news.ErrInvalid)
		}
		g := byDate[d]
		if g == nil {
			g = &goldDate{date: d}
			byDate[d] = g
		}
		text := strings.TrimSpace(r.Text)
		for _, sp := range lang.Sentences(text) {
			if s := strings.TrimSpace(text[sp.Start:sp.End]); s != "" {
				g.sentences = append(g.sentences, s)
			}
		}
	}
	out := make([]goldDate, 0, len(byDate))
	for _, g := range byDate {
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].date.Before(out[j].date) })
	return out, nil
}

// scoreTimeline asks tl for a timeline matching gold and scores it.
func scoreTimeline(arts []*news.Article, gold []goldDate, tl Timeliner) TimelineScore {
	from, to := gold[0].date, gold[len(gold)-1].date
	sents := 0
	for _, g := range gold {
		sents += len(g.sentences)
	}
	req := TimelineRequest{Dates: len(gold), Sentences: max(1, int(math.Round(float64(sents)/float64(len(gold))))), From: from, To: to}
	var in []*news.Article
	for _, a := range arts {
		if a.Published.IsZero() {
			continue
		}
		d := time.Date(a.Published.T.Year(), a.Published.T.Month(), a.Published.T.Day(), 0, 0, 0, 0, time.UTC)
		if tlInSpan(d, from, to) {
			in = append(in, a)
		}
	}
	pred := tl(in, req)
	s := TimelineScore{Articles: len(in), GoldDates: len(gold), Sentences: req.Sentences}
	goldBy := map[time.Time]string{}
	for _, g := range gold {
		goldBy[g.date] = strings.Join(g.sentences, "\n")
	}
	predBy := map[time.Time]string{}
	var predAll, goldAll []string
	for _, p := range pred {
		d := time.Date(p.Date.Year(), p.Date.Month(), p.Date.Day(), 0, 0, 0, 0, time.UTC)
		predBy[d] = strings.Join(p.Sentences, "\n")
		predAll = append(predAll, p.Sentences...)
	}
	for _, g := range gold {
		goldAll = append(goldAll, g.sentences...)
	}
	hit := 0
	for d := range predBy {
		if _, ok := goldBy[d]; ok {
			hit++
		}
	}
	if len(predBy) > 0 {
		s.Dates = tlPRF(float64(hit)/float64(len(predBy)), float64(hit)/float64(len(goldBy)))
	}
	s.Concat1 = concatRouge(predAll, goldAll, 1)
	s.Concat2 = concatRouge(predAll, goldAll, 2)
	s.Agree1, s.Align1 = datedRouge(predBy, goldBy, 1)
	s.Agree2, s.Align2 = datedRouge(predBy, goldBy, 2)
	return s
}

func tlInSpan(d, from, to time.Time) bool { return !d.Before(from) && !d.After(to) }

// averageTimelines averages precision and recall over timelines and
// takes F from the averages, as news-tls does.
func averageTimelines(ts []TimelineScore) TimelineScore {
	avg := TimelineScore{Topic: "average", Timeline: fmt.Sprintf("%d timelines", len(ts))}
	if len(ts) == 0 {
		return avg
	}
	mean := func(get func(TimelineScore) TimelinePRF) TimelinePRF {
		var p, r float64
		for _, t := range ts {
			p += get(t).P
			r += get(t).R
		}
		return tlPRF(p/float64(len(ts)), r/float64(len(ts)))
	}
	avg.Dates = mean(func(t TimelineScore) TimelinePRF { return t.Dates })
	avg.Concat1 = mean(func(t TimelineScore) TimelinePRF { return t.Concat1 })
	avg.Concat2 = mean(func(t TimelineScore) TimelinePRF { return t.Concat2 })
	avg.Agree1 = mean(func(t TimelineScore) TimelinePRF { return t.Agree1 })
	avg.Agree2 = mean(func(t TimelineScore) TimelinePRF { return t.Agree2 })
	avg.Align1 = mean(func(t TimelineScore) TimelinePRF { return t.Align1 })
	avg.Align2 = mean(func(t TimelineScore) TimelinePRF { return t.Align2 })
	for _, t := range ts {
		avg.Articles += t.Articles
		avg.GoldDates += t.GoldDates
	}
	return avg
}

// Write prints one row per gold timeline, the average, and the published
// figures beside it.
func (r TimelineReport) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Timeline summarisation: %s, %d timelines\n%s\n\n", r.Set, len(r.Timelines), r.Settings)
	fmt.Fprintln(tw, "topic\ttimeline\tarticles\tdates\tsents\tdate F1\tconcat R1 F\tconcat R2 F\tagree R1 F\tagree R2 F\talign R1 F\talign R2 F")
	row := func(t TimelineScore) {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n", t.Topic, t.Timeline, t.Articles, t.GoldDates,
			t.Sentences, t.Dates.F, t.Concat1.F, t.Concat2.F, t.Agree1.F, t.Agree2.F, t.Align1.F, t.Align2.F)
	}
	for _, t := range r.Timelines {
		row(t)
	}
	row(r.Average)
	row(r.Baseline)
	fmt.Fprintln(tw, "\nPublished on all of T17 (19 timelines, not only these):")
	fmt.Fprintln(tw, "system\tdate F1\talign R1 F\talign R2 F\tsource")
	for _, p := range r.Published {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%s\n", p.System, p.DateF1, p.Align1, p.Align2, p.Source)
	}
	fmt.Fprintf(tw, "\nelapsed %s\n", r.Elapsed.Round(time.Millisecond))
	return tw.Flush()
}

// PublicationCountTimeline is the baseline timeline: the req.Dates days
// on which most articles were published (earlier days first on a tie),
// each summarised by the opening sentences of its first req.Sentences
// articles.
func PublicationCountTimeline(arts []*news.Article, req TimelineRequest) []TimelineDate {
	byDay := map[time.Time][]*news.Article{}
	for _, a := range arts {
		if a.Published.IsZero() {
			continue
		}
		d := time.Date(a.Published.T.Year(), a.Published.T.Month(), a.Published.T.Day(), 0, 0, 0, 0, time.UTC)
		if tlInSpan(d, req.From, req.To) {
			byDay[d] = append(byDay[d], a)
		}
	}
	days := make([]time.Time, 0, len(byDay))
	for d := range byDay {
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool {
		if len(byDay[days[i]]) != len(byDay[days[j]]) {
			return len(byDay[days[i]]) > len(byDay[days[j]])
		}
		return days[i].Before(days[j])
	})
	var out []TimelineDate
	for _, d := range days[:min(len(days), req.Dates)] {
		td := TimelineDate{Date: d}
		for _, a := range byDay[d] {
			if len(td.Sentences) == req.Sentences {
				break
			}
			if sp := lang.Sentences(a.Text); len(sp) > 0 {
				td.Sentences = append(td.Sentences, strings.TrimSpace(a.Text[sp[0].Start:sp[0].End]))
			}
		}
		out = append(out, td)
	}
	return out
}
