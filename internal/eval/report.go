package eval

import (
	"fmt"
	"io"
	"sort"
	"text/tabwriter"
	"time"
)

// PublishedScore is one system's published result on the article-extraction
// benchmark, scored by the benchmark's own evaluate.py.
type PublishedScore struct {
	System    string  `json:"system"`
	Version   string  `json:"version"`
	F1        float64 `json:"f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Accuracy  float64 `json:"accuracy"`
}

// PublishedExtraction are the figures printed beside ours, as listed in
// ../shared/eval/extraction-aeb/SOURCE.txt. Source: README.rst of
// github.com/scrapinghub/article-extraction-benchmark (MIT), tables "Results
// of the latest evaluation" (rs_trafilatura … html-text), "Results of the
// previous evaluation that did not re-run" (readability-lxml 0.8.4.1) and
// "Results of the initial evaluation, done in November 2019" (AutoExtract,
// Diffbot: commercial services). Same 181 pages and metric as Extraction.
var PublishedExtraction = []PublishedScore{
	{System: "AutoExtract (2019)", Version: "Nov 2019", F1: .970, Precision: .984, Recall: .956, Accuracy: .470},
	{System: "rs_trafilatura", Version: "9261e08", F1: .970, Precision: .951, Recall: .990, Accuracy: .287},
	{System: "go_trafilatura", Version: "ae7ea06", F1: .960, Precision: .940, Recall: .980, Accuracy: .287},
	{System: "trafilatura", Version: "2.0.0", F1: .958, Precision: .938, Recall: .978, Accuracy: .293},
	{System: "Diffbot (2019)", Version: "Nov 2019", F1: .951, Precision: .958, Recall: .944, Accuracy: .348},
	{System: "go_readability_fork", Version: "fb0fbc5", F1: .947, Precision: .914, Recall: .982, Accuracy: .166},
	{System: "readability_js", Version: "0.6.0", F1: .947, Precision: .914, Recall: .982, Accuracy: .166},
	{System: "go_readability", Version: "9f5bf5c", F1: .934, Precision: .900, Recall: .971, Accuracy: .188},
	{System: "go_domdistiller", Version: "25b8d04", F1: .927, Precision: .901, Recall: .956, Accuracy: .061},
	{System: "readability-lxml", Version: "0.8.4.1", F1: .922, Precision: .913, Recall: .931, Accuracy: .315},
	{System: "goose3", Version: "3.1.20", F1: .896, Precision: .940, Recall: .856, Accuracy: .232},
	{System: "justext", Version: "3.0.2", F1: .804, Precision: .858, Recall: .756, Accuracy: .088},
	{System: "html-text (all text)", Version: "0.7.0", F1: .665, Precision: .500, Recall: .994, Accuracy: .000},
}

// ReportSystem is the name our row carries in the table.
const ReportSystem = "parallax"

// Write prints our figures ranked among the published ones by F1, then the
// run's size and speed.
func (r ExtractionReport) Write(w io.Writer) error {
	rows := make([]PublishedScore, 0, len(r.Published)+1)
	rows = append(rows, r.Published...)
	ours := PublishedScore{System: ReportSystem, Version: "this run", F1: r.F1, Precision: r.Precision, Recall: r.Recall, Accuracy: r.Accuracy}
	rows = append(rows, ours)
	// Stable: on a tie our row goes below the published one.
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].F1 > rows[j].F1 })

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Article extraction benchmark (%d pages, 4-gram shingle metric)\n", r.Pages)
	fmt.Fprintln(tw, "\tsystem\tversion\tF1\tprecision\trecall\taccuracy")
	for _, s := range rows {
		mark := ""
		if s.System == ReportSystem && s.Version == ours.Version {
			mark = "→"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\n", mark, s.System, s.Version, s.F1, s.Precision, s.Recall, s.Accuracy)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	perCore := 0.0
	if s := r.CPU.Seconds(); s > 0 {
		perCore = float64(r.Pages) / s
	}
	_, err := fmt.Fprintf(w, "pages %d, failures %d, workers %d, elapsed %s, %.1f pages/s (%.1f pages/s per worker)\n",
		r.Pages, r.Failures, r.Workers, r.Elapsed.Round(time.Millisecond), r.PagesPerSecond, perCore)
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
