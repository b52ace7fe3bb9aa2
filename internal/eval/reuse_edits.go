package eval

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parallax-news/parallax/internal/evaldata"

	"github.com/parallax-news/parallax/internal/news"
)

// ReuseChecker is the copy detector under test: an archive it checks new
// articles against.
type ReuseChecker interface {
	// Add archives an article.
	Add(a *news.Article)
	// Check returns the links between a, which is not archived, and the
	// archive.
	Check(a *news.Article) []news.Link
}

// EditRates are the edit rates of the controlled-edit benchmark.
var EditRates = []float64{0.1, 0.2, 0.3, 0.4, 0.5}

// EditRow is the outcome at one edit rate.
type EditRow struct {
	Rate   float64 `json:"rate"`
	Copies int     `json:"copies"`
	// Recall is the share of copies linked to their original.
	Recall float64 `json:"recall"`
	// DirectionTimed is the share of detected copies given a later
	// timestamp whose direction was decided correctly (confidence > 0.5).
	DirectionTimed float64 `json:"direction_timed"`
	// DirectionUntimed is the same for copies without a timestamp, from
	// internal evidence only; Undecided is the share of those left at
	// confidence 0.5 (the arrival order then names the copy).
	DirectionUntimed float64 `json:"direction_untimed"`
	Undecided        float64 `json:"undecided_untimed"`
	// Wrong is the share of detected copies whose direction was decided
	// the wrong way.
	Wrong float64        `json:"direction_wrong"`
	Kinds map[string]int `json:"kinds"`
	// Missed lists the first copies not linked to their original.
	Missed []string `json:"missed,omitempty"`
}

// EditReport is the outcome of ControlledEdits.
type EditReport struct {
	Dir      string    `json:"dir"`
	Articles int       `json:"articles"`
	Clusters int       `json:"clusters"`
	Rows     []EditRow `json:"rows"`
	// SameEventPairs is the number of pairs of different articles in one
	// event cluster; SameEventFlagged those linked as copies.
	SameEventPairs   int `json:"same_event_pairs"`
	SameEventFlagged int `json:"same_event_flagged"`
	// Of those, SharedTextPairs share at least sharedTextShare of the
	// shorter one's word 8-grams verbatim: agency write-thrus and reruns,
	// real reuse whatever the cluster says. IndependentPairs are the
	// rest; FalsePositive is the share of them flagged.
	SharedTextPairs    int     `json:"shared_text_pairs"`
	SharedTextFlagged  int     `json:"shared_text_flagged"`
	IndependentPairs   int     `json:"independent_pairs"`
	IndependentFlagged int     `json:"independent_flagged"`
	FalsePositive      float64 `json:"false_positive_rate"`
	// OtherFlagged counts links between articles of different clusters.
	OtherFlagged int           `json:"other_flagged"`
	Flagged      []string      `json:"flagged,omitempty"`
	Elapsed      time.Duration `json:"elapsed_ns"`
	// PerCheck is the mean time of one Check.
	PerCheck time.Duration `json:"per_check_ns"`
}

type evalArticle struct {
	news.Article
	cluster string
}

// ControlledEdits measures copy detection on a clustered set (articles.jsonl
// and gold/clusters.tsv): every article is archived, then for each edit
// rate an edited copy of every article is checked against the archive.
// Even-numbered copies carry a timestamp a day after their original, odd
// ones none. Same-event false positives are counted while the archive is
// built, each article checked against those before it.
func ControlledEdits(ctx context.Context, dir string, newChecker func() ReuseChecker, progress func(done, total int)) (EditReport, error) {
	start := time.Now()
	arts, err := readClustered(dir)
	if err != nil {
		return EditReport{}, err
	}
	rep := EditReport{Dir: dir, Articles: len(arts)}
	sizes := make(map[string]int)
	for _, a := range arts {
		sizes[a.cluster]++
	}
	rep.Clusters = len(sizes)
	for _, n := range sizes {
		rep.SameEventPairs += n * (n - 1) / 2
	}
	total := len(arts) * (1 + len(EditRates))
	done := 0
	var checks int
	var checkTime time.Duration
	check := func(c ReuseChecker, a *news.Article) []news.Link {
		t := time.Now()
		links := c.Check(a)
		checkTime += time.Since(t)
		checks++
		return links
	}

	shared := sharedTextPairs(arts)
	for i := range arts {
		for j := range i {
			if arts[i].cluster != arts[j].cluster {
				continue
			}
			if shared[pairKey(arts[i].ID, arts[j].ID)] {
				rep.SharedTextPairs++
			} else {
				rep.IndependentPairs++
			}
		}
	}

	checker := newChecker()
	byID := make(map[string]*evalArticle, len(arts))
	for i := range arts {
		a := &arts[i]
		byID[a.ID] = a
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		for _, l := range check(checker, &a.Article) {
			other := l.Original
			if other == a.ID {
				other = l.Copy
			}
			what := "other cluster"
			if o := byID[other]; o != nil && o.cluster == a.cluster {
				rep.SameEventFlagged++
				if shared[pairKey(a.ID, other)] {
					rep.SharedTextFlagged++
					what = "shared text"
				} else {
					rep.IndependentFlagged++
					what = "independent"
				}
			} else {
				rep.OtherFlagged++
			}
			rep.Flagged = append(rep.Flagged, fmt.Sprintf("%s: %s ~ %s: %s", what, l.Copy, l.Original, l.Evidence))
		}
		checker.Add(&a.Article)
		done++
		if progress != nil {
			progress(done, total)
		}
	}
	rep.FalsePositive = ratio(rep.IndependentFlagged, rep.IndependentPairs)

	for ri, rate := range EditRates {
		row := EditRow{Rate: rate, Kinds: make(map[string]int)}
		var found, timed, timedOK, untimed, untimedOK, undecided, wrong int
		for i := range arts {
			if err := ctx.Err(); err != nil {
				return rep, err
			}
			orig := &arts[i]
			rng := rand.New(rand.NewPCG(uint64(i), uint64(ri)))
			donor := &arts[(i+1+rng.IntN(len(arts)-1))%len(arts)]
			if donor.cluster == orig.cluster {
				donor = &arts[(i+len(arts)/2)%len(arts)]
			}
			cp := &news.Article{ID: fmt.Sprintf("%s~edit%02.0f", orig.ID, 100*rate), Source: "copier", Title: orig.Title,
				Text: editText(orig.Text, donor.Text, rate, rng)}
			withTime := i%2 == 0
			if withTime {
				cp.Published = news.Time{T: orig.Published.T.AddDate(0, 0, 1), Precision: orig.Published.Precision, Zoned: orig.Published.Zoned}
			}
			row.Copies++
			hit := false
			for _, l := range check(checker, cp) {
				if l.Copy != orig.ID && l.Original != orig.ID {
					continue
				}
				found++
				hit = true
				row.Kinds[string(l.Kind)]++
				right := l.Copy == cp.ID && l.DirectionConfidence > 0.5
				if l.DirectionConfidence > 0.5 && !right {
					wrong++
				}
				if withTime {
					timed++
					if right {
						timedOK++
					}
				} else {
					untimed++
					if right {
						untimedOK++
					}
					if l.DirectionConfidence <= 0.5 {
						undecided++
					}
				}
				break
			}
			if !hit && len(row.Missed) < maxMissed {
				row.Missed = append(row.Missed, orig.ID)
			}
			done++
			if progress != nil {
				progress(done, total)
			}
		}
		row.Recall = ratio(found, row.Copies)
		row.DirectionTimed = ratio(timedOK, timed)
		row.DirectionUntimed = ratio(untimedOK, untimed)
		row.Undecided = ratio(undecided, untimed)
		row.Wrong = ratio(wrong, found)
		rep.Rows = append(rep.Rows, row)
	}
	rep.Elapsed = time.Since(start)
	if checks > 0 {
		rep.PerCheck = checkTime / time.Duration(checks)
	}
	return rep, nil
}

// sharedTextShare is the share of verbatim word 8-grams from which two
// articles of one cluster are taken to share text rather than report
// independently.
const sharedTextShare = 0.2

// sharedTextPairs returns the same-cluster pairs sharing text verbatim.
func sharedTextPairs(arts []evalArticle) map[[2]string]bool {
	grams := make([]map[string]int, len(arts))
	for i := range arts {
		toks := Tokens(arts[i].Text)
		grams[i] = make(map[string]int)
		for k := 0; k+8 <= len(toks); k++ {
			grams[i][strings.Join(toks[k:k+8], " ")]++
		}
	}
	out := make(map[[2]string]bool)
	for i := range arts {
		for j := range i {
			if arts[i].cluster != arts[j].cluster {
				continue
			}
			a, b := grams[i], grams[j]
			if len(a) > len(b) {
				a, b = b, a
			}
			n := 0
			for g := range a {
				if _, ok := b[g]; ok {
					n++
				}
			}
			if len(a) > 0 && float64(n)/float64(len(a)) >= sharedTextShare {
				out[pairKey(arts[i].ID, arts[j].ID)] = true
			}
		}
	}
	return out
}

func pairKey(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

// maxMissed bounds EditRow.Missed.
const maxMissed = 50

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// readClustered reads articles.jsonl and gold/clusters.tsv. Articles
// without a publication date get a synthetic one (a day apart each), so
// that the timed half of the copies can be dated after their original.
func readClustered(dir string) ([]evalArticle, error) {
	clusters, err := readGoldClusters(filepath.Join(dir, "gold", "clusters.tsv"))
	if err != nil {
		return nil, err
	}
	records, err := evaldata.ReadArticles(filepath.Join(dir, "articles.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("read articles: %w", err)
	}
	var arts []evalArticle
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, r := range records {
		c, ok := clusters[r.ID]
		if !ok || strings.TrimSpace(r.Text) == "" {
			continue
		}
		pub, err := news.ParseTime(r.Published)
		if err != nil || pub.Precision < news.PrecisionDay {
			pub = news.Time{T: base.AddDate(0, 0, len(arts)), Precision: news.PrecisionDay}
		}
		arts = append(arts, evalArticle{Article: news.Article{ID: r.ID, Source: r.Source, Title: r.Title, URL: r.URL, Published: pub, Text: r.Text}, cluster: c})
	}
	if len(arts) < 2 {
		return nil, fmt.Errorf("read articles %s: fewer than two clustered articles", dir)
	}
	return arts, nil
}

// Write prints the benchmark table.
func (r EditReport) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Controlled-edit copies (%d articles, %d event clusters)\n", r.Articles, r.Clusters)
	fmt.Fprintln(tw, "\tedit rate\tcopies\trecall\tdirection (timed)\tdirection (untimed)\tundecided (untimed)\twrong way\tkinds")
	for _, row := range r.Rows {
		kinds := make([]string, 0, len(row.Kinds))
		for k, n := range row.Kinds {
			kinds = append(kinds, fmt.Sprintf("%s %d", k, n))
		}
		slices.Sort(kinds)
		fmt.Fprintf(tw, "\t%.0f%%\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%s\n", 100*row.Rate, row.Copies, row.Recall,
			row.DirectionTimed, row.DirectionUntimed, row.Undecided, row.Wrong, strings.Join(kinds, ", "))
	}
	fmt.Fprintf(tw, "same-event pairs: %d, flagged %d; of them sharing >= %.0f%% of 8-grams verbatim (write-thrus, reruns): %d, flagged %d\n",
		r.SameEventPairs, r.SameEventFlagged, 100*sharedTextShare, r.SharedTextPairs, r.SharedTextFlagged)
	fmt.Fprintf(tw, "same-event independent pairs flagged: %d of %d (false-positive rate %.4f); pairs across clusters flagged: %d\n",
		r.IndependentFlagged, r.IndependentPairs, r.FalsePositive, r.OtherFlagged)
	fmt.Fprintf(tw, "time %s, %s per check\n", r.Elapsed.Round(time.Millisecond), r.PerCheck.Round(time.Microsecond))
	return tw.Flush()
}
