package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata"
)

func TestEvalSummary_MultiLing(t *testing.T) {
	dir := evaldata.Dir(t, "multiling2011")
	tests := []struct {
		name  string
		words string
		want  int
	}{
		{"set default", "", 250},
		{"env override", "120", 120},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, out, _ := testEnv("")
			env.Getenv = func(k string) string {
				if k == "PARALLAX_SUMMARY_WORDS" {
					return tt.words
				}
				return ""
			}
			if err := Run(context.Background(), []string{"eval", "summary", dir, "--json"}, env); err != nil {
				t.Fatal(err)
			}
			var rep struct {
				Words int `json:"words"`
				Ours  struct {
					Rouge1 float64 `json:"rouge1_recall"`
				} `json:"ours"`
				Peers []json.RawMessage `json:"peers"`
			}
			if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
				t.Fatalf("%v in %s", err, out)
			}
			if rep.Words != tt.want || rep.Ours.Rouge1 <= 0 || len(rep.Peers) != 10 {
				t.Errorf("words %d, ROUGE-1 %.3f, %d peers; want %d words, a score, 10 peers", rep.Words, rep.Ours.Rouge1, len(rep.Peers), tt.want)
			}
		})
	}
}

func TestEvalSummary_BadWords(t *testing.T) {
	env, _, _ := testEnv("")
	env.Getenv = func(string) string { return "many" }
	err := Run(context.Background(), []string{"eval", "summary", t.TempDir()}, env)
	if err == nil || !strings.Contains(err.Error(), "PARALLAX_SUMMARY_WORDS") {
		t.Errorf("err = %v, want a complaint about PARALLAX_SUMMARY_WORDS", err)
	}
}
