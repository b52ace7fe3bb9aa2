package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testEnv runs commands in-process with captured output and no terminal.
func testEnv(stdin string) (Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return Env{
		Stdin:      strings.NewReader(stdin),
		Stdout:     &out,
		Stderr:     &errb,
		Getenv:     func(string) string { return "" },
		IsTerminal: func(io.Writer) bool { return false },
	}, &out, &errb
}

// demoDir is the repository's demo corpus.
func demoDir(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", "demo"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("demo corpus missing: %v", err)
	}
	return p
}

func TestRun_IngestExport(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "demo.db")

	env, out, errb := testEnv("")
	if err := Run(ctx, []string{"ingest", "--db", db, "--json", demoDir(t)}, env); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errb)
	}
	var rep ingestReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("--json output not JSON: %v\n%s", err, out)
	}
	if rep.Inserted < 7 || rep.Failed != 0 {
		t.Errorf("report = %+v, want ≥ 7 inserted and no failures", rep)
	}

	env, out, errb = testEnv("")
	if err := Run(ctx, []string{"export", "--db", db, "--what", "articles"}, env); err != nil {
		t.Fatalf("export: %v\n%s", err, errb)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != rep.Inserted {
		t.Fatalf("export wrote %d lines, want %d", len(lines), rep.Inserted)
	}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("export line not JSON: %v", err)
		}
		for _, k := range []string{"id", "source", "title", "author", "published", "url", "language", "story", "duplicate_of", "derived_from", "text"} {
			if _, ok := m[k]; !ok {
				t.Errorf("export record %v lacks the contract field %q", m["id"], k)
			}
		}
	}

	t.Run("re-ingest reports unchanged", func(t *testing.T) {
		env, _, errb := testEnv("")
		if err := Run(ctx, []string{"ingest", "--db", db, demoDir(t)}, env); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(errb.String(), "0 new") || !strings.Contains(errb.String(), "unchanged") {
			t.Errorf("summary line = %q", errb.String())
		}
	})
	t.Run("search", func(t *testing.T) {
		env, out, _ := testEnv("")
		if err := Run(ctx, []string{"search", "--db", db, "--json", "lithium strike"}, env); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "lithium") {
			t.Errorf("search output = %q", out.String())
		}
	})
}

func TestRun_Failures(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	bad := filepath.Join(dir, "junk.txt")
	if err := os.WriteFile(bad, []byte{0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 9}, 0o644); err != nil {
		t.Fatal(err)
	}
	env, _, errb := testEnv("")
	err := Run(ctx, []string{"ingest", "--db", db, bad, filepath.Join(demoDir(t), "courier-bridge.txt")}, env)
	if err == nil {
		t.Fatal("ingest with a binary file succeeded, want an error")
	}
	var stderr bytes.Buffer
	if code := ExitCode(err, &stderr); code != 1 {
		t.Errorf("exit code = %d, want 1", code)
	}
	if !strings.Contains(errb.String(), "junk.txt") || !strings.Contains(errb.String(), "binary") {
		t.Errorf("stderr does not name the input and reason: %q", errb.String())
	}
	if !strings.Contains(errb.String(), "1 new") {
		t.Errorf("the good input was not ingested: %q", errb.String())
	}

	tests := []struct {
		name string
		args []string
		code int
	}{
		{"no command", nil, 2},
		{"unknown command", []string{"frobnicate"}, 2},
		{"ingest without sources", []string{"ingest", "--db", db}, 2},
		{"bad flag", []string{"ingest", "--nope", "x"}, 2},
		{"export unknown what", []string{"export", "--db", db, "--what", "nothing"}, 2},
		{"eval unknown task", []string{"eval", "nothing", dir}, 2},
		{"help", []string{"help"}, 0},
		{"quiet ingest of a missing file", []string{"ingest", "--quiet", "--db", db, filepath.Join(dir, "missing.txt")}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, _, _ := testEnv("")
			err := Run(ctx, tt.args, env)
			var sink bytes.Buffer
			if got := ExitCode(err, &sink); got != tt.code {
				t.Errorf("exit code = %d (%v), want %d", got, err, tt.code)
			}
		})
	}
	if !errors.Is(Run(ctx, []string{"ingest"}, env), ErrUsage) {
		t.Error("ingest without sources is not a usage error")
	}
}

func TestRun_Stdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	env, _, errb := testEnv(`{"id":"x1","source":"Wire","title":"Dam opens","text":"The Holt dam opened on Friday after six years of construction and a budget overrun of 40 per cent."}` + "\n")
	if err := Run(context.Background(), []string{"ingest", "--db", db, "-"}, env); err != nil {
		t.Fatalf("ingest -: %v %s", err, errb)
	}
	env, out, _ := testEnv("")
	if err := Run(context.Background(), []string{"export", "--db", db}, env); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"id":"x1"`) {
		t.Errorf("export = %s", out)
	}
}

func TestDefaultDBPath(t *testing.T) {
	env := Env{Getenv: func(k string) string {
		return map[string]string{"PARALLAX_DB": "/tmp/x.db"}[k]
	}}
	if got := defaultDBPath(env); got != "/tmp/x.db" {
		t.Errorf("PARALLAX_DB ignored: %q", got)
	}
	env.Getenv = func(k string) string { return map[string]string{"XDG_DATA_HOME": "/data"}[k] }
	if got, want := defaultDBPath(env), "/data/parallax/parallax.db"; got != want {
		t.Errorf("defaultDBPath = %q, want %q", got, want)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4200: "-4,200"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
