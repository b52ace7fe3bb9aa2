package claim

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata"
	"github.com/parallax-news/parallax/internal/news"
)

// emergentLabel maps a brief stance to an Emergent class, as
// `parallax eval stance` does.
func emergentLabel(s news.Stance) string {
	switch s {
	case news.Asserts:
		return "for"
	case news.Denies, news.ReportsDenial:
		return "against"
	}
	return "observing"
}

// TestHeadlineStance_Emergent holds the headline stance to the Emergent
// headlines (`parallax eval stance` prints the full report): it must beat
// the majority class clearly.
func TestHeadlineStance_Emergent(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(evaldata.Dir(t, "emergent"), "gold", "stance.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	conf := map[string]map[string]int{}
	gold := map[string]int{}
	n, correct := 0, 0
	for i, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) != 5 {
			continue
		}
		got := emergentLabel(HeadlineStance(f[4], f[3]))
		if conf[f[2]] == nil {
			conf[f[2]] = map[string]int{}
		}
		conf[f[2]][got]++
		gold[f[2]]++
		n++
		if got == f[2] {
			correct++
		} else if os.Getenv("CLAIM_DEBUG") == "2" {
			fmt.Printf("%s→%s\t%s\t|| %s\n", f[2], got, f[4], f[3])
		}
	}
	if n == 0 {
		t.Fatal("no headlines read")
	}
	acc := float64(correct) / float64(n)
	majority := float64(max(gold["for"], gold["against"], gold["observing"])) / float64(n)
	t.Logf("accuracy %.3f (majority %.3f) on %d headlines; confusion %v", acc, majority, n, conf)
	if acc < majority+0.1 {
		t.Errorf("accuracy %.3f, want ≥ majority %.3f + 0.1", acc, majority)
	}
}
