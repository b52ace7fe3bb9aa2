package eval_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/evaldata"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/eval"
)

// TestCluster_ThresholdSweep prints the grid from which the clusterer's
// thresholds were chosen (see the const block in internal/cluster): each
// knob moved alone around the defaults (the window included),
// then join cohesion against merge threshold and merge cohesion. It runs
// only with PARALLAX_SWEEP=1:
//
//	PARALLAX_SWEEP=1 go test -run ThresholdSweep -v ./internal/eval
func TestCluster_ThresholdSweep(t *testing.T) {
	if os.Getenv("PARALLAX_SWEEP") == "" {
		t.Skip("set PARALLAX_SWEEP=1 to print the threshold grid")
	}
	var grid []cluster.Config
	for _, th := range []float64{0.10, 0.12, 0.13, 0.14} {
		grid = append(grid, cluster.Config{Threshold: th})
	}
	for _, et := range []float64{0.001, 0.05, 0.08, 0.12, 0.15} {
		grid = append(grid, cluster.Config{EntityThreshold: et})
	}
	for _, lw := range []int{200, 250, 300, 325, 350, 375, 400, 1000} {
		grid = append(grid, cluster.Config{LeadWords: lw})
	}
	for _, days := range []int{30, 45, 50, 55, 60, 65, 90} {
		grid = append(grid, cluster.Config{Window: time.Duration(days) * 24 * time.Hour})
	}
	for _, co := range []float64{0.4, 0.5, 0.55, 0.6} {
		for _, mt := range []float64{0.12, 0.13, 0.15, 0.18, 0.20, 0.99} {
			for _, mc := range []float64{0.7, 0.75, 0.8, 0.85, 0.9} {
				grid = append(grid, cluster.Config{Cohesion: co, MergeThreshold: mt, MergeCohesion: mc})
			}
		}
	}
	sets := []string{"duc2004-dev", "multiling2011", "ecbplus-dev"}
	for _, cfg := range grid {
		line := fmt.Sprintf("%+v:", cfg)
		for _, s := range sets {
			rep, err := eval.Cluster(t.Context(), evaldata.Dir(t, s), cfg, nil)
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
