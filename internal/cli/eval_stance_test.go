package cli

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata"
	"github.com/parallax-news/parallax/internal/news"
)

func TestEvalStance_Emergent(t *testing.T) {
	dir := evaldata.Dir(t, "emergent")
	env, out, _ := testEnv("")
	if err := Run(context.Background(), []string{"eval", "stance", dir, "--json"}, env); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Headlines int     `json:"headlines"`
		Accuracy  float64 `json:"accuracy"`
		Majority  float64 `json:"majority_accuracy"`
		Confusion [][]int `json:"confusion"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if rep.Headlines != 2595 || len(rep.Confusion) != 3 || rep.Accuracy < rep.Majority+0.1 {
		t.Errorf("headlines %d, accuracy %.3f (majority %.3f), %d confusion rows; want 2595, ≥ majority + 0.1, 3",
			rep.Headlines, rep.Accuracy, rep.Majority, len(rep.Confusion))
	}
}

func TestEmergentLabel(t *testing.T) {
	tests := []struct {
		s    news.Stance
		want string
	}{
		{news.Asserts, "for"},
		{news.Attributes, "observing"},
		{news.Hedges, "observing"},
		{news.Denies, "against"},
		{news.ReportsDenial, "against"},
	}
	for _, tt := range tests {
		if got := emergentLabel(tt.s); got != tt.want {
			t.Errorf("emergentLabel(%s) = %s, want %s", tt.s, got, tt.want)
		}
	}
}
