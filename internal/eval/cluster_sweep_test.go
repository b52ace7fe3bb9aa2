package eval_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/eval"
)

// TestCluster_ThresholdSweep prints the grid from which the clusterer's
// thresholds were chosen (see the const block in internal/cluster). It
// runs only with PARALLAX_SWEEP=1:
//
//	PARALLAX_SWEEP=1 go test -run ThresholdSweep -v ./internal/eval
func TestCluster_ThresholdSweep(t *testing.T) {
	if os.Getenv("PARALLAX_SWEEP") == "" {
		t.Skip("set PARALLAX_SWEEP=1 to print the threshold grid")
	}
	sets := []string{"duc2004-dev", "multiling2011", "ecbplus-dev"}
	for _, th := range []float64{0.10, 0.11, 0.12, 0.13, 0.14} {
		for _, et := range []float64{0.001, 0.05, 0.08, 0.10, 0.12, 0.15, 0.20} {
			line := fmt.Sprintf("join %.2f entity %.2f:", th, et)
			for _, s := range sets {
				rep, err := eval.Cluster(t.Context(), sharedEval(t, s), cluster.Config{Threshold: th, EntityThreshold: et}, nil)
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range rep.Levels {
					line += fmt.Sprintf("  %s/%s %.3f", s, l.Level, l.Scores[0].F1)
				}
			}
			t.Log(line)
		}
	}
}
