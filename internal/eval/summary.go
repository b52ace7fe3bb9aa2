package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Summariser writes the summary of one story's articles in about words
// words, one sentence per element.
type Summariser func(arts []*news.Article, words int) []string

// SummarySystem is one system's ROUGE-1 and ROUGE-2 recall on a set.
type SummarySystem struct {
	System string  `json:"system"`
	Rouge1 float64 `json:"rouge1_recall"`
	Rouge2 float64 `json:"rouge2_recall"`
	// Rescored1 and Rescored2 are our ROUGE on the system's own summaries
	// (0 when they are not in the set), beside its published figures.
	Rescored1 float64 `json:"rescored_rouge1,omitempty"`
	Rescored2 float64 `json:"rescored_rouge2,omitempty"`
	Note      string  `json:"note,omitempty"`
}

// SummaryReport is our summariser's ROUGE on a summarisation set beside
// the published systems on the same topics.
type SummaryReport struct {
	Set      string          `json:"set"`
	Topics   int             `json:"topics"`
	Articles int             `json:"articles"`
	Words    int             `json:"words"`
	Settings string          `json:"rouge_settings"`
	Ours     SummarySystem   `json:"ours"`
	Peers    []SummarySystem `json:"peers"`
	// Elsewhere are published figures on the whole original set, not only
	// these topics (for orientation, not a like-for-like comparison).
	Elsewhere []SummarySystem `json:"elsewhere,omitempty"`
	Elapsed   time.Duration   `json:"elapsed_ns"`
}

// summaryLayout is what differs between the two summarisation layouts.
type summaryLayout struct {
	name     string
	words    int
	rouge    RougeOptions
	settings string
}

// Layouts: DUC 2004 (published per-topic peer scores) and MultiLing 2011
// (official ROUGE averages per system).
var (
	ducLayout = summaryLayout{"duc2004", 100, DUC2004Rouge,
		"ROUGE-1.5.5 -n 4 -m -l 100 (Porter stemming, first 100 words, model average)"}
	multilingLayout = summaryLayout{"multiling2011", 250, RougeOptions{},
		"ROUGE-1.5.5 -n 2 (no stemming, no length cut; our summaries cut at 250 words)"}
)

// PublishedDUC2004 are the published averages over all 50 DUC 2004 topics
// (Hong et al., LREC 2014, as in duc2004-dev/SOURCE.txt).
var PublishedDUC2004 = []SummarySystem{
	{System: "LexRank", Rouge1: .3600, Rouge2: .0751},
	{System: "Centroid", Rouge1: .3642, Rouge2: .0798},
	{System: "ICSISumm", Rouge1: .3844, Rouge2: .0981},
	{System: "DPP", Rouge1: .3984, Rouge2: .0962},
}

// multilingNames names the MultiLing 2011 system ids (published/README.txt).
var multilingNames = map[string]string{
	"ID1": "CIST", "ID2": "CLASSY", "ID3": "JRC", "ID4": "LIF", "ID5": "SIEL_IIITH",
	"ID6": "TALN_UPF", "ID7": "UBSummarizer", "ID8": "UoEssex", "ID9": "centroid baseline",
	"ID10": "GA topline (uses the references)",
}

// Summaries summarises every gold cluster of the set in dir with sum and
// scores it with ROUGE against the human references, beside the published
// systems. words 0 takes the set's own length (100 for DUC 2004, 250 for
// MultiLing).
func Summaries(ctx context.Context, dir string, words int, sum Summariser, progress func(done, total int)) (SummaryReport, error) {
	start := time.Now()
	lay := ducLayout
	if _, err := os.Stat(filepath.Join(dir, "gold", "published_pertopic")); err != nil {
		lay = multilingLayout
	}
	if words <= 0 {
		words = lay.words
	}
	rouge := lay.rouge
	if rouge.Words > 0 {
		rouge.Words = words
	}
	arts, err := readSetArticles(filepath.Join(dir, "articles.jsonl"))
	if err != nil {
		return SummaryReport{}, err
	}
	gold, err := readGoldClusters(filepath.Join(dir, "gold", "clusters.tsv"))
	if err != nil {
		return SummaryReport{}, err
	}
	byTopic := map[string][]*news.Article{}
	for _, a := range arts {
		if t, ok := gold[a.ID]; ok {
			byTopic[t] = append(byTopic[t], a)
		}
	}
	topics := make([]string, 0, len(byTopic))
	for t := range byTopic {
		topics = append(topics, t)
	}
	sort.Strings(topics)
	rep := SummaryReport{Set: filepath.Base(filepath.Clean(dir)), Topics: len(topics), Articles: len(arts), Words: words,
		Settings: lay.settings, Ours: SummarySystem{System: ReportSystem}}
	refs := map[string][]string{}
	for i, t := range topics {
		if err := ctx.Err(); err != nil {
			return SummaryReport{}, err
		}
		r, err := ReadReferences(filepath.Join(dir, "gold", "summaries", t))
		if err != nil {
			return SummaryReport{}, err
		}
		refs[t] = r
		text := cutWords(sum(byTopic[t], words), words)
		rep.Ours.Rouge1 += RougeN(text, r, 1, rouge).Recall / float64(len(topics))
		rep.Ours.Rouge2 += RougeN(text, r, 2, rouge).Recall / float64(len(topics))
		if progress != nil {
			progress(i+1, len(topics))
		}
	}
	if lay.name == "duc2004" {
		rep.Peers, err = ducPeers(dir, topics, refs, rouge)
		rep.Elsewhere = PublishedDUC2004
	} else {
		rep.Peers, err = multilingPeers(dir, topics, refs, rouge)
	}
	if err != nil {
		return SummaryReport{}, err
	}
	rep.Elapsed = time.Since(start)
	return rep, nil
}

// cutWords joins sentences one per line, keeping the first words words.
func cutWords(sents []string, words int) string {
	var lines []string
	n := 0
	for _, s := range sents {
		f := strings.Fields(s)
		if n+len(f) > words {
			f = f[:words-n]
		}
		if len(f) > 0 {
			lines = append(lines, strings.Join(f, " "))
		}
		n += len(f)
		if n >= words {
			break
		}
	}
	return strings.Join(lines, "\n")
}

// ducPeers averages the published per-topic recalls of every peer over
// topics and rescores the peers' summaries with our ROUGE.
func ducPeers(dir string, topics []string, refs map[string][]string, opt RougeOptions) ([]SummarySystem, error) {
	pub, err := ReadPublishedPerTopic(filepath.Join(dir, "gold", "published_pertopic"))
	if err != nil {
		return nil, err
	}
	var out []SummarySystem
	for sys, per := range pub {
		s := SummarySystem{System: sys}
		n := 0
		for _, t := range topics {
			v, ok := per[t]
			if !ok || len(v) < 2 {
				continue
			}
			s.Rouge1 += v[0]
			s.Rouge2 += v[1]
			if b, err := os.ReadFile(filepath.Join(dir, "gold", "peers", t+"."+sys)); err == nil {
				s.Rescored1 += RougeN(string(b), refs[t], 1, opt).Recall
				s.Rescored2 += RougeN(string(b), refs[t], 2, opt).Recall
			}
			n++
		}
		if n == 0 {
			continue
		}
		s.Rouge1 /= float64(n)
		s.Rouge2 /= float64(n)
		s.Rescored1 /= float64(n)
		s.Rescored2 /= float64(n)
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].System < out[j].System })
	return out, nil
}

var multilingAverage = regexp.MustCompile(`^(ID\d+) ROUGE-([12]) Average_R: ([0-9.]+)`)

// multilingPeers reads the official English ROUGE averages and rescores
// the systems' summaries with our ROUGE.
func multilingPeers(dir string, topics []string, refs map[string][]string, opt RougeOptions) ([]SummarySystem, error) {
	path := filepath.Join(dir, "gold", "published", "AutomaticEvaluation", "ROUGE", "Detailed", "englishDetailed.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read published scores: %w", err)
	}
	bySys := map[string]*SummarySystem{}
	for _, l := range strings.Split(string(b), "\n") {
		m := multilingAverage.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil {
			continue
		}
		s := bySys[m[1]]
		if s == nil {
			s = &SummarySystem{System: m[1], Note: multilingNames[m[1]]}
			bySys[m[1]] = s
		}
		v, err := strconv.ParseFloat(m[3], 64)
		if err != nil {
			return nil, fmt.Errorf("published scores %s: %w", path, err)
		}
		if m[2] == "1" {
			s.Rouge1 = v
		} else {
			s.Rouge2 = v
		}
	}
	var out []SummarySystem
	for id, s := range bySys {
		n := 0
		for _, t := range topics {
			b, err := os.ReadFile(filepath.Join(dir, "gold", "peers", id, t))
			if err != nil {
				continue
			}
			s.Rescored1 += RougeN(string(b), refs[t], 1, opt).Recall
			s.Rescored2 += RougeN(string(b), refs[t], 2, opt).Recall
			n++
		}
		if n > 0 {
			s.Rescored1 /= float64(n)
			s.Rescored2 /= float64(n)
		}
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].System < out[j].System })
	return out, nil
}

// Write prints our ROUGE recall ranked among the peers by ROUGE-2.
func (r SummaryReport) Write(w io.Writer) error {
	rows := append([]SummarySystem{r.Ours}, r.Peers...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Rouge2 > rows[j].Rouge2 })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Multi-document summaries: %s, %d topics, %d articles, %d words\n", r.Set, r.Topics, r.Articles, r.Words)
	fmt.Fprintf(tw, "%s\n", r.Settings)
	fmt.Fprintln(tw, "\tsystem\tROUGE-1 R\tROUGE-2 R\tour ROUGE on its summaries (R-1 / R-2)\tnote")
	for i, s := range rows {
		again := ""
		if s.Rescored1 > 0 {
			again = fmt.Sprintf("%.2f / %.2f", 100*s.Rescored1, 100*s.Rescored2)
		}
		fmt.Fprintf(tw, "%d\t%s\t%.2f\t%.2f\t%s\t%s\n", i+1, s.System, 100*s.Rouge1, 100*s.Rouge2, again, s.Note)
	}
	if len(r.Elsewhere) > 0 {
		fmt.Fprintln(tw, "\nPublished over all 50 DUC 2004 topics (not only these):")
		for _, s := range r.Elsewhere {
			fmt.Fprintf(tw, "\t%s\t%.2f\t%.2f\t\t\n", s.System, 100*s.Rouge1, 100*s.Rouge2)
		}
	}
	fmt.Fprintf(tw, "\nelapsed %s\n", r.Elapsed.Round(time.Millisecond))
	return tw.Flush()
}

// ReadReferences reads every reference summary in dir (one file each,
// sorted by name).
func ReadReferences(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read references: %w", err)
	}
	var refs []string
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read reference: %w", err)
		}
		refs = append(refs, string(b))
	}
	return refs, nil
}

// ReadPublishedPerTopic reads a directory of per-system files, each line
// "topic R1 R2 …" (ROUGE recalls), into system → topic → recalls.
func ReadPublishedPerTopic(dir string) (map[string]map[string][]float64, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read published scores: %w", err)
	}
	out := map[string]map[string][]float64{}
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		f, err := os.Open(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read published scores: %w", err)
		}
		topics := map[string][]float64{}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fs := strings.Fields(sc.Text())
			if len(fs) < 2 {
				continue
			}
			var vals []float64
			for _, s := range fs[1:] {
				v, err := strconv.ParseFloat(s, 64)
				if err != nil {
					f.Close()
					return nil, fmt.Errorf("published scores %s: %w", e.Name(), err)
				}
				vals = append(vals, v)
			}
			topics[fs[0]] = vals
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read published scores %s: %w", e.Name(), err)
		}
		out[e.Name()] = topics
	}
	return out, nil
}
