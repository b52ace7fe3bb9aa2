package cli

import (
	"context"
	"encoding/json"
	"testing"
)

// TestEvalQuotes_Fixture runs the quotes task on the invented set of
// internal/eval/testdata, whose one direct quote the extractor finds
// whole and with its speaker.
func TestEvalQuotes_Fixture(t *testing.T) {
	env, out, _ := testEnv("")
	if err := Run(context.Background(), []string{"eval", "quotes", "../eval/testdata/attributions", "--json"}, env); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Articles int `json:"articles"`
		Direct   struct {
			Gold   int     `json:"gold"`
			ExactF float64 `json:"exact_f1"`
		} `json:"direct_content"`
		Speaker float64 `json:"speaker_accuracy"`
		All     struct {
			PartialR float64 `json:"partial_recall"`
		} `json:"all_content"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if rep.Articles != 1 || rep.Direct.Gold != 1 || rep.Direct.ExactF != 1 || rep.Speaker != 1 {
		t.Errorf("articles %d, direct gold %d, exact F1 %.3f, speaker %.3f; want 1, 1, 1, 1", rep.Articles, rep.Direct.Gold, rep.Direct.ExactF, rep.Speaker)
	}
	if rep.All.PartialR < 2.0/3 {
		t.Errorf("all-attribution partial recall %.3f, want at least 2/3", rep.All.PartialR)
	}
}
