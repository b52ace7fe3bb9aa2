package eval

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

// Write prints the attribution scores: direct-quote content and
// speakers first, then all attributions, then the reference figures.
func (r AttributionReport) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Attribution extraction on %s (%d articles)\n", r.Set, r.Articles)
	fmt.Fprintln(tw, "content spans\tgold\tfound\tmatch\tP\tR\tF1")
	rows := []struct {
		name string
		s    SpanScores
	}{{"direct (content holds a quote)", r.Direct}, {"entire quotations", r.Entire}, {"all attributions", r.All}}
	for _, row := range rows {
		s := row.s
		fmt.Fprintf(tw, "%s\t%d\t%d\texact\t%.3f\t%.3f\t%.3f\n", row.name, s.Gold, s.Found, s.ExactP, s.ExactR, s.ExactF1)
		fmt.Fprintf(tw, "\t\t\tpartial\t%.3f\t%.3f\t%.3f\n", s.PartialP, s.PartialR, s.PartialF1)
		fmt.Fprintf(tw, "\t\t\ttoken\t%.3f\t%.3f\t%.3f\n", s.TokenP, s.TokenR, s.TokenF1)
	}
	fmt.Fprintf(tw, "speaker of direct quotes\t\t\tmatched %d\taccuracy %.3f\tend-to-end %.3f\t\n", r.SpeakerMatched, r.SpeakerAccuracy, r.SpeakerEndToEnd)
	fmt.Fprintf(tw, "source of all attributions\t\t\tpartial\t%.3f\t%.3f\t%.3f\n", r.SourceP, r.SourceR, r.SourceF1)
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	fmt.Fprintln(w, "exact: same first and last word; partial: a word in common, each span counted once;")
	fmt.Fprintln(w, "token: words inside gold spans vs words inside found spans. Speaker: found source overlaps")
	fmt.Fprintln(w, "the gold source or names the same person (last name), over partially matched direct quotes.")
	fmt.Fprintln(w, "Gold direct = PolNeAR's direct flag, or content holding '' (NYT archive marks the flag misses).")
	fmt.Fprintln(w, "A quotation continued in a later paragraph is joined to its first part, as PolNeAR annotates.")
	fmt.Fprintln(w, "Reference points (not systems run on this split):")
	for _, p := range r.Reference {
		fmt.Fprintf(w, "  %s: %s — %s\n", p.What, p.Figure, p.Source)
	}
	_, err := fmt.Fprintf(w, "elapsed %s\n", r.Elapsed.Round(time.Millisecond))
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
