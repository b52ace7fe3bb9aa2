package eval_test

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/news"
)

func TestBCubed(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string
		p, r, f    float64
	}{
		// Hand-computed: per-item precisions 1, 1, 1/3, 2/3, 2/3 and
		// recalls 2/3, 2/3, 1/3, 1, 1, both averaging 11/15.
		{"mixed", strings.Split("aaabb", ""), strings.Split("11222", ""), 11. / 15, 11. / 15, 11. / 15},
		{"perfect", []string{"a", "a", "b"}, []string{"x", "x", "y"}, 1, 1, 1},
		{"singletons", []string{"a", "a", "a", "a"}, []string{"1", "2", "3", "4"}, 1, 0.25, 0.4},
		{"one cluster", []string{"a", "a", "b", "b"}, []string{"1", "1", "1", "1"}, 0.5, 1, 2. / 3},
		{"empty", nil, nil, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r, f := eval.BCubed(tt.gold, tt.pred)
			if !closeTo(p, tt.p) || !closeTo(r, tt.r) || !closeTo(f, tt.f) {
				t.Errorf("BCubed = %.6f %.6f %.6f, want %.6f %.6f %.6f", p, r, f, tt.p, tt.r, tt.f)
			}
		})
	}
}

func TestNMI(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string
		want       float64
	}{
		// Hand-computed: H(G) = H(P) = 0.6730117, I = 0.2911032,
		// NMI = 2I / (H(G) + H(P)).
		{"mixed", strings.Split("aaabb", ""), strings.Split("11222", ""), 0.4325380677663126},
		{"perfect", []string{"a", "a", "b"}, []string{"y", "y", "x"}, 1},
		{"one cluster each", []string{"a", "a"}, []string{"1", "1"}, 1},
		{"independent", []string{"a", "a", "b", "b"}, []string{"1", "2", "1", "2"}, 0},
		{"one predicted cluster", []string{"a", "a", "b", "b"}, []string{"1", "1", "1", "1"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := eval.NMI(tt.gold, tt.pred); !closeTo(got, tt.want) {
				t.Errorf("NMI = %.9f, want %.9f", got, tt.want)
			}
		})
	}
}

func TestARI(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string
		want       float64
	}{
		// Hand-computed: index 2, expected 4·4/10 = 1.6, max 4:
		// (2 − 1.6) / (4 − 1.6) = 1/6.
		{"mixed", strings.Split("aaabb", ""), strings.Split("11222", ""), 1. / 6},
		{"perfect", []string{"a", "a", "b", "b"}, []string{"2", "2", "1", "1"}, 1},
		// index 0, expected 2·2/6, max 2: (0 − 2/3) / (2 − 2/3) = −0.5.
		{"crossed", []string{"a", "a", "b", "b"}, []string{"1", "2", "1", "2"}, -0.5},
		{"all singletons both", []string{"a", "b", "c"}, []string{"1", "2", "3"}, 1},
		{"single item", []string{"a"}, []string{"1"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := eval.ARI(tt.gold, tt.pred); !closeTo(got, tt.want) {
				t.Errorf("ARI = %.9f, want %.9f", got, tt.want)
			}
		})
	}
}

func TestCluster_Run(t *testing.T) {
	rep, err := eval.Cluster(t.Context(), filepath.Join("testdata", "clusterset"), cluster.Config{}, nil)
	if err != nil {
		t.Fatalf("Cluster: %v", err)
	}
	if rep.Articles != 5 {
		t.Errorf("Articles = %d, want 5 (the unlabelled one left out)", rep.Articles)
	}
	if len(rep.Levels) != 2 || rep.Levels[0].Level != "cluster" || rep.Levels[1].Level != "topic" {
		t.Fatalf("levels = %+v, want cluster then topic", rep.Levels)
	}
	ours := rep.Levels[0].Scores[0]
	if ours.System != eval.SystemClusterer || ours.F1 != 1 || ours.Clusters != 2 {
		t.Errorf("our scores = %+v, want a perfect 2-cluster result", ours)
	}
	single := rep.Levels[0].Scores[1]
	if single.System != eval.SystemSingletons || single.Clusters != 5 || single.Precision != 1 {
		t.Errorf("singleton baseline = %+v", single)
	}
	day := rep.Levels[0].Scores[2]
	if day.System != eval.SystemPerDay || day.Clusters != 3 {
		t.Errorf("per-day baseline = %+v, want 3 days", day)
	}
	feed := rep.Levels[0].Scores[3]
	if feed.System != eval.SystemFeedItems || feed.F1 < 0.99 {
		t.Errorf("feed-item run = %+v, want the two stories found from titles and leads too", feed)
	}
	off := rep.Levels[0].Offline
	if off == nil || off.Scores.System != eval.SystemOffline || off.Scores.F1 != 1 || off.NeighbourElsewhere != 0 {
		t.Errorf("offline reference = %+v, want a perfect cut and every nearest neighbour in its own cluster", off)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`level "cluster"`, `level "topic"`, "all singletons", "one cluster per day", "articles/s", eval.SystemOffline, eval.SystemFeedItems, "0 of 5 articles"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestCluster_Errors(t *testing.T) {
	dir := t.TempDir()
	if _, err := eval.Cluster(t.Context(), dir, cluster.Config{}, nil); err == nil {
		t.Error("a set without files: no error")
	}
	os.MkdirAll(filepath.Join(dir, "gold"), 0o755)
	os.WriteFile(filepath.Join(dir, "articles.jsonl"), []byte(`{"id":"a","text":"x"}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "gold", "clusters.tsv"), []byte("article\tcluster\na\t1\n"), 0o644)
	if _, err := eval.Cluster(t.Context(), dir, cluster.Config{}, nil); !errors.Is(err, news.ErrInvalid) {
		t.Errorf("bad header: %v, want ErrInvalid", err)
	}
	os.WriteFile(filepath.Join(dir, "gold", "clusters.tsv"), []byte("id\tcluster\nb\t1\n"), 0o644)
	if _, err := eval.Cluster(t.Context(), dir, cluster.Config{}, nil); !errors.Is(err, news.ErrInvalid) {
		t.Errorf("no labelled article: %v, want ErrInvalid", err)
	}
}

// TestCluster_DevSets checks the figures quoted for the dev sets stay
// where they were measured (see the thresholds in internal/cluster).
func TestCluster_DevSets(t *testing.T) {
	for _, tt := range []struct {
		set   string
		minF1 float64
	}{{"duc2004-dev", 0.88}, {"multiling2011", 0.95}, {"ecbplus-dev", 0.85}} {
		t.Run(tt.set, func(t *testing.T) {
			rep, err := eval.Cluster(t.Context(), evaldata.Dir(t, tt.set), cluster.Config{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := rep.Levels[0].Scores[0].F1
			if got < tt.minF1 || math.IsNaN(got) {
				t.Errorf("BCubed F1 = %.3f, want ≥ %.2f", got, tt.minF1)
			}
			t.Logf("%s: BCubed F1 %.3f, NMI %.3f, ARI %.3f", tt.set, got, rep.Levels[0].Scores[0].NMI, rep.Levels[0].Scores[0].ARI)
		})
	}
}

func closeTo(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
