package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestEvalTimeline_JSON(t *testing.T) {
	dir := t.TempDir()
	topic := filepath.Join(dir, "quay")
	if err := os.MkdirAll(filepath.Join(topic, "gold"), 0o755); err != nil {
		t.Fatal(err)
	}
	articles := `{"id":"a1","published":"2025-03-14","text":"The Morvik quay collapsed on Wednesday after a storm surge. Two cranes fell into the harbour."}
{"id":"a2","published":"2025-03-14","text":"Divers searched the harbour after the quay collapsed on Wednesday. Nobody was hurt."}
{"id":"a3","published":"2025-03-14","text":"Engineers said on Friday the Morvik quay collapsed on Wednesday because its piles had rotted. Repairs will take a year."}
`
	gold := `[{"date":"2025-03-12","text":"The Morvik quay collapses in a storm surge."},{"date":"2025-03-14","text":"Engineers blame rotten piles."}]`
	if err := os.WriteFile(filepath.Join(topic, "articles.jsonl"), []byte(articles), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(topic, "gold", "quay.timeline.json"), []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	env, out, _ := testEnv("")
	if err := Run(context.Background(), []string{"eval", "timeline", dir, "--json"}, env); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Timelines []struct {
			Dates struct {
				F float64 `json:"f"`
			} `json:"date_selection"`
		} `json:"timelines"`
		Published []json.RawMessage `json:"published"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if len(rep.Timelines) != 1 || len(rep.Published) == 0 {
		t.Fatalf("got %d timelines and %d published rows, want 1 and some", len(rep.Timelines), len(rep.Published))
	}
	// Wednesday 12 March is named by all three articles, Friday 14 (the
	// day of publication) by one.
	if got := rep.Timelines[0].Dates.F; got != 1 {
		t.Errorf("date F1 = %.3f, want 1", got)
	}
}
