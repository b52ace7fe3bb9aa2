package eval

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/news"
)

// Layout of a clustering set under the shared evaluation directory.
const (
	clusterArticles = "articles.jsonl"
	clusterGold     = "gold/clusters.tsv"
)

// ClusterScores are one labeling's scores against a gold level.
type ClusterScores struct {
	System    string  `json:"system"`
	Clusters  int     `json:"clusters"`
	Precision float64 `json:"bcubed_precision"`
	Recall    float64 `json:"bcubed_recall"`
	F1        float64 `json:"bcubed_f1"`
	NMI       float64 `json:"nmi"`
	ARI       float64 `json:"ari"`
}

// ClusterLevel scores every labeling against one gold column (the event
// "cluster", or the coarser "topic" where a set has one).
type ClusterLevel struct {
	Level        string          `json:"level"`
	GoldClusters int             `json:"gold_clusters"`
	Scores       []ClusterScores `json:"scores"` // ours first, then the baselines
	// Offline is the representation's offline reference at this level;
	// nil when the set is too large for it.
	Offline *OfflineReference `json:"offline,omitempty"`
}

// ClusterReport is the outcome of Cluster over one set.
type ClusterReport struct {
	Dir      string         `json:"dir"`
	Articles int            `json:"articles"`
	Config   cluster.Config `json:"config"`
	Levels   []ClusterLevel `json:"levels"`
	Merges   int            `json:"merges"`
	// Elapsed is the time spent in the clusterer alone (not reading).
	Elapsed           time.Duration `json:"elapsed_ns"`
	ArticlesPerSecond float64       `json:"articles_per_second"`
	// Assignments maps each article id to its story, for inspection.
	Assignments map[string]string `json:"assignments,omitempty"`
}

// System names in the report.
const (
	SystemClusterer  = "parallax"
	SystemSingletons = "all singletons"
	SystemPerDay     = "one cluster per day"
	// SystemFeedItems is the clusterer on each article's title and the
	// first FeedItemWords words of its body.
	SystemFeedItems = "parallax on feed items"
)

// FeedItemWords is how much of an article's body a feed item carries in
// the feed-item run: RSS descriptions run 25–60 words.
const FeedItemWords = 40

// Cluster streams the articles of the set in dir (articles.jsonl, with
// gold/clusters.tsv mapping ids to a "cluster" column and optionally a
// "topic" column) through a new Clusterer in publication order, and
// scores the stories it forms with BCubed, NMI and ARI at every gold
// level, beside two baselines: every article alone, and one cluster per
// publication day. Articles without a date known to the day take the
// latest such date of the set as their ingest time, the way a batch
// ingested together would; ties are broken by a hash of the id, so the
// file's order (often grouped by gold cluster) gives no hint. Text goes
// through lang.Normalize as ingest does. progress, if not nil, is called
// after every hundred articles and at the end.
func Cluster(ctx context.Context, dir string, cfg cluster.Config, progress func(done, total int)) (ClusterReport, error) {
	arts, err := readSetArticles(filepath.Join(dir, clusterArticles))
	if err != nil {
		return ClusterReport{}, err
	}
	levels, names, err := readClusterGold(filepath.Join(dir, clusterGold))
	if err != nil {
		return ClusterReport{}, err
	}
	var scored []*news.Article
	for _, a := range arts {
		if _, ok := levels[0][a.ID]; ok {
			scored = append(scored, a)
		}
	}
	if len(scored) == 0 {
		return ClusterReport{}, fmt.Errorf("read %s: no article has a gold cluster: %w", dir, news.ErrInvalid)
	}
	order(scored)

	rep := ClusterReport{Dir: dir, Articles: len(scored), Config: cluster.New(cfg).Config(), Assignments: map[string]string{}}
	pred, run, err := stream(ctx, scored, cfg, progress)
	if err != nil {
		return rep, fmt.Errorf("cluster %s: %w", dir, err)
	}
	rep.Merges, rep.Elapsed = run.merges, run.elapsed
	if s := run.elapsed.Seconds(); s > 0 {
		rep.ArticlesPerSecond = float64(len(scored)) / s
	}
	// The same stream as a feed reader sees it: each article's title and
	// the first words of its body, as an RSS description gives them.
	feed, _, err := stream(ctx, feedItems(scored), cfg, nil)
	if err != nil {
		return rep, fmt.Errorf("cluster %s: %w", dir, err)
	}
	single := make([]string, len(scored))
	day := make([]string, len(scored))
	for i, a := range scored {
		rep.Assignments[a.ID] = pred[i]
		single[i] = strconv.Itoa(i) // ids may repeat in a set
		day[i] = cluster.TimeOf(a).Format("2006-01-02")
	}
	golds := make([][]string, len(levels))
	for li, lv := range levels {
		golds[li] = make([]string, len(scored))
		for i, a := range scored {
			golds[li][i] = lv[a.ID]
		}
	}
	offline := offlineReference(scored, rep.Config, golds)
	for li, gold := range golds {
		l := ClusterLevel{Level: names[li], GoldClusters: distinct(gold), Offline: offline[li]}
		for _, sys := range []struct {
			name   string
			labels []string
		}{{SystemClusterer, pred}, {SystemSingletons, single}, {SystemPerDay, day}, {SystemFeedItems, feed}} {
			p, r, f := BCubed(gold, sys.labels)
			l.Scores = append(l.Scores, ClusterScores{System: sys.name, Clusters: distinct(sys.labels),
				Precision: p, Recall: r, F1: f, NMI: NMI(gold, sys.labels), ARI: ARI(gold, sys.labels)})
		}
		rep.Levels = append(rep.Levels, l)
	}
	return rep, nil
}

// runStats are the clusterer's own figures for one stream.
type runStats struct {
	merges  int
	elapsed time.Duration // in the clusterer alone
}

// stream adds the articles, in order, to a new Clusterer and returns the
// final story of each (merges followed), in the articles' order.
func stream(ctx context.Context, arts []*news.Article, cfg cluster.Config, progress func(done, total int)) ([]string, runStats, error) {
	c := cluster.New(cfg)
	var st runStats
	storyOf := make([]string, len(arts))
	for i, a := range arts {
		if err := ctx.Err(); err != nil {
			return nil, st, err
		}
		t0 := time.Now()
		as := c.Add(a, cluster.Hint{})
		st.elapsed += time.Since(t0)
		storyOf[i] = as.Story
		st.merges += len(as.Merged)
		if progress != nil && (i%100 == 99 || i == len(arts)-1) {
			progress(i+1, len(arts))
		}
	}
	for i := range storyOf {
		storyOf[i] = c.Resolve(storyOf[i])
	}
	return storyOf, st, nil
}

// feedItems returns copies of the articles cut to what a feed item
// holds: the title and the first FeedItemWords words of the body. An
// article without a title keeps its first line, which the clusterer reads
// as one.
func feedItems(arts []*news.Article) []*news.Article {
	out := make([]*news.Article, len(arts))
	for i, a := range arts {
		cp := *a
		body := a.Text
		if cp.Title == "" {
			if j := strings.IndexByte(body, '\n'); j > 0 && j < 200 {
				cp.Title, body = body[:j], body[j+1:]
			}
		}
		words := strings.Fields(body)
		cp.Text = strings.Join(words[:min(len(words), FeedItemWords)], " ")
		cp.Sentences = nil
		out[i] = &cp
	}
	return out
}

func distinct(labels []string) int {
	m := map[string]bool{}
	for _, l := range labels {
		m[l] = true
	}
	return len(m)
}

// order sorts articles by the time the clusterer uses, undated ones taking
// the latest dated day of the set, ties broken by a hash of the id.
func order(arts []*news.Article) {
	var ref time.Time
	for _, a := range arts {
		if t := cluster.TimeOf(a); !t.IsZero() && t.After(ref) {
			ref = t
		}
	}
	if ref.IsZero() {
		ref = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	for _, a := range arts {
		if cluster.TimeOf(a).IsZero() {
			a.Ingested = ref
		}
	}
	key := func(a *news.Article) string {
		sum := sha256.Sum256([]byte(a.ID))
		return string(sum[:8])
	}
	slices.SortStableFunc(arts, func(a, b *news.Article) int {
		if d := cluster.TimeOf(a).Compare(cluster.TimeOf(b)); d != 0 {
			return d
		}
		return strings.Compare(key(a), key(b))
	})
}

// Write prints, per gold level, our scores beside the baselines, then the
// run's size and speed.
func (r ClusterReport) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, l := range r.Levels {
		fmt.Fprintf(tw, "Story clustering, level %q (%d articles, %d gold clusters)\n", l.Level, r.Articles, l.GoldClusters)
		fmt.Fprintln(tw, "\tsystem\tclusters\tBCubed P\tBCubed R\tBCubed F1\tNMI\tARI")
		for _, s := range l.Scores {
			mark := ""
			if s.System == SystemClusterer {
				mark = "→"
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n", mark, s.System, s.Clusters, s.Precision, s.Recall, s.F1, s.NMI, s.ARI)
		}
		if o := l.Offline; o != nil {
			s := o.Scores
			fmt.Fprintf(tw, "*\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n", s.System, s.Clusters, s.Precision, s.Recall, s.F1, s.NMI, s.ARI)
			fmt.Fprintf(tw, "\t* what these vectors allow: offline, idf over the whole set, cut at %.2f chosen on the gold (not a baseline).\n", o.Cut)
			fmt.Fprintf(tw, "\t  %d of %d articles (%.1f%%) have their most similar article in another gold cluster.\n",
				o.NeighbourElsewhere, r.Articles, 100*float64(o.NeighbourElsewhere)/float64(max(r.Articles, 1)))
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	_, err := fmt.Fprintf(w, "articles %d, merges %d, clustering time %s, %.0f articles/s (one core)\nthresholds: join %.2f, entity %.2f, cohesion %.2f, merge %.2f, merge cohesion %.2f, window %s, lead %d words\n",
		r.Articles, r.Merges, r.Elapsed.Round(time.Microsecond), r.ArticlesPerSecond,
		r.Config.Threshold, r.Config.EntityThreshold, r.Config.Cohesion, r.Config.MergeThreshold, r.Config.MergeCohesion, r.Config.Window, r.Config.LeadWords)
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
