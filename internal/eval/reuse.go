package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
)

// PublishedPairScore is a published result on the Microsoft Research
// Paraphrase Corpus (test split), as listed in msrp-train/SOURCE.txt.
type PublishedPairScore struct {
	System   string  `json:"system"`
	Accuracy float64 `json:"accuracy"`
	F1       float64 `json:"f1"`
}

// PublishedParaphrase are the figures printed beside ours. Source:
// ../shared/eval/msrp-train/SOURCE.txt (ACL wiki "Paraphrase
// Identification (State of the art)"); they are on the test split, ours on
// the train split, on which the weights of the paraphrase model were
// fitted once (see internal/reuse/similarity.go for the held-out check).
var PublishedParaphrase = []PublishedPairScore{
	{System: "majority class", Accuracy: .665, F1: .799},
	{System: "vector cosine (Mihalcea 2006)", Accuracy: .654, F1: .753},
	{System: "Mihalcea combined (2006)", Accuracy: .703, F1: .813},
	{System: "MT metrics (Madnani 2012)", Accuracy: .774, F1: .841},
	{System: "Ji & Eisenstein (2013)", Accuracy: .804, F1: .859},
	{System: "BERT-large", Accuracy: .854, F1: .893},
}

// PairReport is the outcome of ParaphrasePairs.
type PairReport struct {
	Dir       string  `json:"dir"`
	Pairs     int     `json:"pairs"`
	Positives int     `json:"positives"`
	Threshold float64 `json:"threshold"`
	Accuracy  float64 `json:"accuracy"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// Best is the accuracy the best single threshold would reach on this
	// set, for reference only: the reported figures use Threshold.
	BestThreshold float64              `json:"best_threshold"`
	BestAccuracy  float64              `json:"best_accuracy"`
	Published     []PublishedPairScore `json:"published"`
}

// pairsFile is the gold file of a sentence-pair set: a header, then
// "label<TAB>sentence a<TAB>sentence b" with label 1 for a paraphrase.
const pairsFile = "gold/pairs.tsv"

// ParaphrasePairs scores sim on every labelled sentence pair of dir: a pair
// is predicted a paraphrase when sim ≥ threshold.
func ParaphrasePairs(ctx context.Context, dir string, sim func(a, b string) float64, threshold float64, progress func(done, total int)) (PairReport, error) {
	type pair struct {
		pos  bool
		a, b string
	}
	f, err := os.Open(filepath.Join(dir, pairsFile))
	if err != nil {
		return PairReport{}, fmt.Errorf("read pairs: %w", err)
	}
	defer f.Close()
	var pairs []pair
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for line := 0; sc.Scan(); line++ {
		fields := strings.Split(sc.Text(), "\t")
		if line == 0 || len(fields) != 3 {
			continue
		}
		pairs = append(pairs, pair{pos: fields[0] == "1", a: fields[1], b: fields[2]})
	}
	if err := sc.Err(); err != nil {
		return PairReport{}, fmt.Errorf("read pairs: %w", err)
	}
	if len(pairs) == 0 {
		return PairReport{}, fmt.Errorf("read pairs %s: no pairs", filepath.Join(dir, pairsFile))
	}
	scores := make([]float64, len(pairs))
	for i, p := range pairs {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return PairReport{}, err
			}
			if progress != nil {
				progress(i, len(pairs))
			}
		}
		scores[i] = sim(detokenize(p.a), detokenize(p.b))
	}
	if progress != nil {
		progress(len(pairs), len(pairs))
	}
	rep := PairReport{Dir: dir, Pairs: len(pairs), Threshold: threshold, Published: PublishedParaphrase}
	var c confusion
	for i, p := range pairs {
		if p.pos {
			rep.Positives++
		}
		c.add(scores[i] >= threshold, p.pos)
	}
	rep.Accuracy, rep.Precision, rep.Recall, rep.F1 = c.scores()
	for t := 0.2; t < 0.8; t += 0.01 {
		var ct confusion
		for i, p := range pairs {
			ct.add(scores[i] >= t, p.pos)
		}
		if acc, _, _, _ := ct.scores(); acc > rep.BestAccuracy {
			rep.BestAccuracy, rep.BestThreshold = acc, t
		}
	}
	return rep, nil
}

// detokenize undoes the corpus's tokenisation ("Dominick 's", "$ 2.5",
// " , ") so that sentences reach the similarity as news text.
func detokenize(s string) string {
	r := strings.NewReplacer(" 's", "'s", " n't", "n't", " ,", ",", " .", ".", "$ ", "$", " %", "%", " ;", ";", " :", ":")
	return r.Replace(s)
}

// confusion counts binary predictions against labels.
type confusion struct{ tp, fp, tn, fn int }

func (c *confusion) add(pred, gold bool) {
	switch {
	case pred && gold:
		c.tp++
	case pred:
		c.fp++
	case gold:
		c.fn++
	default:
		c.tn++
	}
}

func (c confusion) scores() (acc, p, r, f1 float64) {
	n := c.tp + c.fp + c.tn + c.fn
	if n > 0 {
		acc = float64(c.tp+c.tn) / float64(n)
	}
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return acc, p, r, f1
}

// Write prints our figures beside the published ones.
func (r PairReport) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Sentence paraphrase pairs (%d pairs, %d paraphrases)\n", r.Pairs, r.Positives)
	fmt.Fprintln(tw, "\tsystem\taccuracy\tF1")
	for _, p := range r.Published {
		fmt.Fprintf(tw, "\t%s (published, test)\t%.1f\t%.1f\n", p.System, 100*p.Accuracy, 100*p.F1)
	}
	fmt.Fprintf(tw, "\t%s (threshold %.2f, train)\t%.1f\t%.1f\n", ReportSystem, r.Threshold, 100*r.Accuracy, 100*r.F1)
	fmt.Fprintf(tw, "precision %.3f  recall %.3f  (best single threshold on this set: %.2f → accuracy %.1f)\n",
		r.Precision, r.Recall, r.BestThreshold, 100*r.BestAccuracy)
	fmt.Fprintln(tw, "note: the model's weights were fitted once on these train pairs; the threshold is its own decision point, not searched")
	return tw.Flush()
}
