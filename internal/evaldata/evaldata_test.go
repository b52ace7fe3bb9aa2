package evaldata

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRoot_Env(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PARALLAX_EVAL", dir)
	got, ok := Root()
	if !ok || got != dir {
		t.Fatalf("Root = %q, %v; want %q", got, ok, dir)
	}
	t.Setenv("PARALLAX_EVAL", filepath.Join(dir, "missing"))
	if _, ok := Root(); ok {
		t.Error("Root found a missing directory")
	}
}

func TestReadArticles(t *testing.T) {
	p := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(p, []byte(`{"id":"a","text":"one"}`+"\n"+`{"id":"b","text":"two"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	arts, err := ReadArticles(p)
	if err != nil || len(arts) != 2 || arts[1].ID != "b" || arts[0].Text != "one" {
		t.Fatalf("ReadArticles = %+v, %v", arts, err)
	}
	if err := os.WriteFile(p, []byte("{bad\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadArticles(p); err == nil {
		t.Error("malformed line not reported")
	}
}

func TestCPUTime(t *testing.T) {
	start := CPUTime()
	x := 0
	for i := range 20_000_000 {
		x += i % 7
	}
	if x == 0 || CPUTime() < start {
		t.Errorf("CPU time went backwards")
	}
}
