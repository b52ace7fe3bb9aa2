package cli

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/api"
)

// compareDB ingests the reuse fixtures into a new store.
func compareDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "c.db")
	var paths []string
	for _, n := range []string{"original", "rewrite", "independent"} {
		paths = append(paths, filepath.Join("..", "reuse", "testdata", n+".txt"))
	}
	env, _, errb := testEnv("")
	if err := Run(context.Background(), append([]string{"ingest", "--db", db, "--quiet"}, paths...), env); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errb)
	}
	return db
}

func TestRun_Compare(t *testing.T) {
	db := compareDB(t)
	ctx := context.Background()
	t.Run("json", func(t *testing.T) {
		tests := []struct {
			a, b, verdict, copy string
		}{
			{"rewrite", "original", "paraphrase", "rewrite"},
			{"original", "rewrite", "paraphrase", "rewrite"},
			{"independent", "original", "independent", ""},
		}
		for _, tt := range tests {
			env, out, errb := testEnv("")
			if err := Run(ctx, []string{"compare", "--db", db, "--format", "json", tt.a, tt.b}, env); err != nil {
				t.Fatalf("compare: %v\n%s", err, errb)
			}
			var v api.Comparison
			if err := json.Unmarshal(out.Bytes(), &v); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			if v.Verdict != tt.verdict || v.Copy != tt.copy {
				t.Errorf("%s vs %s: verdict %s, copy %q; want %s, %q", tt.a, tt.b, v.Verdict, v.Copy, tt.verdict, tt.copy)
			}
			if v.A.ID != tt.a || len(v.Rows) == 0 {
				t.Errorf("%s vs %s: A = %s, %d rows", tt.a, tt.b, v.A.ID, len(v.Rows))
			}
		}
	})
	t.Run("text", func(t *testing.T) {
		env, out, errb := testEnv("")
		if err := Run(ctx, []string{"compare", "--db", db, "--width", "80", "rewrite", "original"}, env); err != nil {
			t.Fatalf("compare: %v\n%s", err, errb)
		}
		s := out.String()
		if !strings.Contains(s, "verdict: paraphrase — rewrite copies original") {
			t.Errorf("no verdict line in:\n%s", s)
		}
		for _, line := range strings.Split(s, "\n") {
			if n := len([]rune(line)); n > 80 {
				t.Errorf("line of %d columns: %q", n, line)
			}
		}
	})
	t.Run("html", func(t *testing.T) {
		env, out, errb := testEnv("")
		if err := Run(ctx, []string{"compare", "--db", db, "--format", "html", "rewrite", "original"}, env); err != nil {
			t.Fatalf("compare: %v\n%s", err, errb)
		}
		if s := out.String(); !strings.Contains(s, `<tr class="pair">`) || !strings.HasPrefix(s, "<!doctype html>") {
			t.Errorf("html output lacks aligned rows:\n%.300s", s)
		}
	})
	t.Run("errors", func(t *testing.T) {
		tests := []struct {
			args  []string
			usage bool
		}{
			{[]string{"compare", "--db", db, "rewrite"}, true},
			{[]string{"compare", "--db", db, "--format", "pdf", "rewrite", "original"}, true},
			{[]string{"compare", "--db", db, "rewrite", "nosuch"}, false},
		}
		for _, tt := range tests {
			env, _, _ := testEnv("")
			err := Run(ctx, tt.args, env)
			if err == nil || errors.Is(err, ErrUsage) != tt.usage {
				t.Errorf("%v: error %v, want usage=%v", tt.args, err, tt.usage)
			}
		}
	})
}

func TestWrap(t *testing.T) {
	tests := []struct {
		s     string
		width int
		want  []string
	}{
		{"", 10, nil},
		{"one two three", 7, []string{"one two", "three"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"ünï cödé", 3, []string{"ünï", "cöd", "é"}},
	}
	for _, tt := range tests {
		got := wrap(tt.s, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
}
