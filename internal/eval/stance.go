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
	"time"
)

// StanceClassifier labels the stance of a headline toward a claim it is
// about: "for", "against" or "observing".
type StanceClassifier func(headline, claim string) string

// StanceLabels are the classes of the Emergent set, in report order.
var StanceLabels = []string{"for", "against", "observing"}

// PublishedStance is the result printed beside ours: Ferreira & Vlachos
// (NAACL 2016), logistic regression over lexical and alignment features,
// 3-class accuracy under claim-wise 10-fold cross-validation, as listed in
// ../shared/eval/emergent/SOURCE.txt.
var PublishedStance = []PublishedPairScore{
	{System: "Ferreira & Vlachos 2016 (logistic regression, claim-wise 10-fold CV)", Accuracy: .73},
}

// ClassScore is precision, recall and F1 of one class.
type ClassScore struct {
	Label     string  `json:"label"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// StanceReport is the outcome of Stance.
type StanceReport struct {
	Dir       string       `json:"dir"`
	Headlines int          `json:"headlines"`
	Claims    int          `json:"claims"`
	Accuracy  float64      `json:"accuracy"`
	MacroF1   float64      `json:"macro_f1"`
	Majority  float64      `json:"majority_accuracy"`
	Classes   []ClassScore `json:"classes"`
	// Confusion[gold][predicted] counts headlines, labels in StanceLabels
	// order.
	Confusion [][]int              `json:"confusion"`
	Published []PublishedPairScore `json:"published"`
	Elapsed   time.Duration        `json:"elapsed_ns"`
}

// stanceFile is the gold file of the Emergent layout: a header, then
// "claim_id<TAB>article_id<TAB>stance<TAB>claim<TAB>headline".
const stanceFile = "gold/stance.tsv"

// Stance scores classify on every labelled headline of dir. The
// classifier is not fitted on the set: its figures are out-of-sample.
func Stance(ctx context.Context, dir string, classify StanceClassifier, progress func(done, total int)) (StanceReport, error) {
	start := time.Now()
	f, err := os.Open(filepath.Join(dir, stanceFile))
	if err != nil {
		return StanceReport{}, fmt.Errorf("read stances: %w", err)
	}
	defer f.Close()
	rows, err := readStanceRows(f)
	if err != nil {
		return StanceReport{}, fmt.Errorf("read stances %s: %w", filepath.Join(dir, stanceFile), err)
	}
	if len(rows) == 0 {
		return StanceReport{}, fmt.Errorf("read stances %s: no rows", filepath.Join(dir, stanceFile))
	}
	index := map[string]int{}
	for i, l := range StanceLabels {
		index[l] = i
	}
	rep := StanceReport{Dir: dir, Headlines: len(rows), Published: PublishedStance}
	rep.Confusion = make([][]int, len(StanceLabels))
	for i := range rep.Confusion {
		rep.Confusion[i] = make([]int, len(StanceLabels))
	}
	claims := map[string]bool{}
	for i, r := range rows {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return StanceReport{}, err
			}
			if progress != nil {
				progress(i, len(rows))
			}
		}
		claims[r.claimID] = true
		g, ok := index[r.stance]
		if !ok {
			return StanceReport{}, fmt.Errorf("read stances: unknown stance %q", r.stance)
		}
		p, ok := index[classify(r.headline, r.claim)]
		if !ok {
			return StanceReport{}, fmt.Errorf("classify %q: not one of %v", r.headline, StanceLabels)
		}
		rep.Confusion[g][p]++
	}
	if progress != nil {
		progress(len(rows), len(rows))
	}
	rep.Claims = len(claims)
	correct, maxGold := 0, 0
	for i, l := range StanceLabels {
		c := ClassScore{Label: l}
		for j := range StanceLabels {
			c.Gold += rep.Confusion[i][j]
			c.Predicted += rep.Confusion[j][i]
		}
		tp := rep.Confusion[i][i]
		correct += tp
		maxGold = max(maxGold, c.Gold)
		if c.Predicted > 0 {
			c.Precision = float64(tp) / float64(c.Predicted)
		}
		if c.Gold > 0 {
			c.Recall = float64(tp) / float64(c.Gold)
		}
		if c.Precision+c.Recall > 0 {
			c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
		}
		rep.MacroF1 += c.F1 / float64(len(StanceLabels))
		rep.Classes = append(rep.Classes, c)
	}
	rep.Accuracy = float64(correct) / float64(len(rows))
	rep.Majority = float64(maxGold) / float64(len(rows))
	rep.Elapsed = time.Since(start)
	return rep, nil
}

type stanceRow struct {
	claimID, stance, claim, headline string
}

func readStanceRows(r io.Reader) ([]stanceRow, error) {
	var rows []stanceRow
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for line := 0; sc.Scan(); line++ {
		fields := strings.Split(sc.Text(), "\t")
		if line == 0 || len(fields) != 5 {
			continue
		}
		rows = append(rows, stanceRow{claimID: fields[0], stance: fields[2], claim: fields[3], headline: fields[4]})
	}
	return rows, sc.Err()
}

// Write prints accuracy beside the published figure, then per-class
// scores and the confusion matrix.
func (r StanceReport) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Headline stance toward a claim: %d headlines, %d claims (for / against / observing)\n", r.Headlines, r.Claims)
	fmt.Fprintln(tw, "\tsystem\taccuracy\tmacro F1")
	fmt.Fprintf(tw, "→\t%s (lexicon, not fitted on this set)\t%.3f\t%.3f\n", ReportSystem, r.Accuracy, r.MacroF1)
	for _, p := range r.Published {
		fmt.Fprintf(tw, "\t%s\t%.3f\t\n", p.System, p.Accuracy)
	}
	fmt.Fprintf(tw, "\tmajority class\t%.3f\t\n", r.Majority)
	fmt.Fprintln(tw, "\nclass\tgold\tpredicted\tprecision\trecall\tF1")
	for _, c := range r.Classes {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\n", c.Label, c.Gold, c.Predicted, c.Precision, c.Recall, c.F1)
	}
	fmt.Fprintf(tw, "\ngold \\ predicted\t%s\n", strings.Join(StanceLabels, "\t"))
	for i, l := range StanceLabels {
		cells := make([]string, len(StanceLabels))
		for j := range StanceLabels {
			cells[j] = fmt.Sprint(r.Confusion[i][j])
		}
		fmt.Fprintf(tw, "%s\t%s\n", l, strings.Join(cells, "\t"))
	}
	fmt.Fprintf(tw, "\nelapsed %s\n", r.Elapsed.Round(time.Millisecond))
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
