package eval_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/reuse"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestParaphrasePairs(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "gold", "pairs.tsv"), "paraphrase\ta\tb\n"+
		"1\tThe ferry left at dawn .\tThe ferry left at dawn .\n"+
		"1\tThe ferry left at dawn .\tAt dawn , the ferry departed .\n"+
		"0\tThe ferry left at dawn .\tThe orchestra played .\n"+
		"0\tPrices rose 5 % .\tPrices rose 5% .\n")
	same := func(a, b string) float64 {
		if a == b {
			return 1
		}
		return 0
	}
	rep, err := eval.ParaphrasePairs(t.Context(), dir, same, 0.5, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Predicted: pair 1 yes (right), 2 no (wrong), 3 no (right), 4 yes
	// after detokenising (wrong).
	if rep.Pairs != 4 || rep.Positives != 2 || rep.Accuracy != 0.5 || rep.Precision != 0.5 || rep.Recall != 0.5 {
		t.Errorf("report = %+v", rep)
	}
	if _, err := eval.ParaphrasePairs(t.Context(), t.TempDir(), same, 0.5, nil); err == nil {
		t.Error("no error for a set without pairs")
	}
}

func TestParaphrasePairs_MSRP(t *testing.T) {
	dir := evaldata.Dir(t, "msrp-train")
	rep, err := eval.ParaphrasePairs(t.Context(), dir, reuse.SentenceSimilarity, reuse.ParaphraseThreshold, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Published lexical methods on the test split: 70–77% accuracy.
	if rep.Accuracy < 0.70 || rep.F1 < 0.80 {
		t.Errorf("accuracy %.3f, F1 %.3f; want ≥ 0.70 and ≥ 0.80", rep.Accuracy, rep.F1)
	}
}

// clusteredSet writes a small clustered set from the reuse fixtures: the
// original and the independent report are one event, the unrelated
// article another.
func clusteredSet(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var jsonl strings.Builder
	clusters := "id\tcluster\n"
	for _, f := range []struct{ id, cluster string }{{"original", "ferry"}, {"independent", "ferry"}, {"unrelated", "music"}} {
		b, err := os.ReadFile(filepath.Join("..", "reuse", "testdata", f.id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		// One paragraph per line, as the shared sets have them.
		text := strings.ReplaceAll(strings.TrimSpace(string(b)), "\n\n", "\n")
		line, _ := json.Marshal(map[string]string{"id": f.id, "published": "2031-02-03", "text": text})
		jsonl.Write(line)
		jsonl.WriteByte('\n')
		clusters += f.id + "\t" + f.cluster + "\n"
	}
	writeFile(t, filepath.Join(dir, "articles.jsonl"), jsonl.String())
	writeFile(t, filepath.Join(dir, "gold", "clusters.tsv"), clusters)
	return dir
}

func TestControlledEdits(t *testing.T) {
	rep, err := eval.ControlledEdits(t.Context(), clusteredSet(t), func() eval.ReuseChecker { return reuse.NewArchive() }, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Articles != 3 || rep.Clusters != 2 || rep.SameEventPairs != 1 || rep.IndependentPairs != 1 {
		t.Fatalf("report = %+v", rep)
	}
	if rep.IndependentFlagged != 0 || rep.OtherFlagged != 0 {
		t.Errorf("flagged independent reports: %v", rep.Flagged)
	}
	if len(rep.Rows) != len(eval.EditRates) {
		t.Fatalf("%d rows, want %d", len(rep.Rows), len(eval.EditRates))
	}
	for _, row := range rep.Rows[:2] {
		if row.Recall < 1 {
			t.Errorf("recall at %.0f%% = %.2f, want 1", 100*row.Rate, row.Recall)
		}
		if row.DirectionTimed < 1 {
			t.Errorf("timed direction at %.0f%% = %.2f, want 1", 100*row.Rate, row.DirectionTimed)
		}
	}
	var out strings.Builder
	if err := rep.Write(&out); err != nil || !strings.Contains(out.String(), "false-positive rate") {
		t.Errorf("Write = %v:\n%s", err, out.String())
	}
}

func TestControlledEdits_DUC(t *testing.T) {
	if testing.Short() {
		t.Skip("a few seconds of alignment")
	}
	if raceEnabled {
		t.Skip("too slow under the race detector")
	}
	dir := evaldata.Dir(t, "duc2004-dev")
	rep, err := eval.ControlledEdits(t.Context(), dir, func() eval.ReuseChecker { return reuse.NewArchive() }, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rep.Rows {
		want := 0.8
		if row.Rate <= 0.2 {
			want = 0.95
		}
		if row.Recall < want {
			t.Errorf("recall at %.0f%% = %.3f, want ≥ %.2f", 100*row.Rate, row.Recall, want)
		}
	}
	if rep.FalsePositive > 0.01 {
		t.Errorf("same-event false-positive rate %.4f, want ≤ 0.01", rep.FalsePositive)
	}
}
