// Package evaldata finds the shared evaluation sets (../shared/eval beside
// the repository, or $PARALLAX_EVAL) and reads their common files, for the
// tests and benchmarks that measure Parallax on real news. Tests skip when
// the sets are absent, so the test command passes on any machine. It also
// reads the process's CPU time, which benchmarks on a shared machine report
// beside wall time.
package evaldata

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Root returns the shared evaluation directory: $PARALLAX_EVAL when set,
// else ../shared/eval beside the module root found by walking up from the
// working directory. ok is false when there is none.
func Root() (dir string, ok bool) {
	if p := os.Getenv("PARALLAX_EVAL"); p != "" {
		if _, err := os.Stat(p); err == nil {
			return p, true
		}
		return "", false
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			p := filepath.Join(d, "..", "shared", "eval")
			if _, err := os.Stat(p); err == nil {
				return p, true
			}
			return "", false
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", false
		}
		d = parent
	}
}

// Dir returns the path of elem inside the evaluation directory, or skips
// tb when the directory or that path is absent.
func Dir(tb testing.TB, elem ...string) string {
	tb.Helper()
	root, ok := Root()
	if !ok {
		tb.Skip("shared evaluation sets (../shared/eval) absent")
	}
	p := filepath.Join(append([]string{root}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("evaluation data absent: %v", err)
	}
	return p
}

// Article is one record of a set's articles.jsonl.
type Article struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Text      string `json:"text"`
}

// Articles reads the articles.jsonl of the named sets (e.g. "duc2004-dev"),
// skipping tb when none of them is present.
func Articles(tb testing.TB, sets ...string) []Article {
	tb.Helper()
	root, ok := Root()
	if !ok {
		tb.Skip("shared evaluation sets (../shared/eval) absent")
	}
	var all []Article
	for _, set := range sets {
		arts, err := ReadArticles(filepath.Join(root, set, "articles.jsonl"))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			tb.Fatal(err)
		}
		all = append(all, arts...)
	}
	if len(all) == 0 {
		tb.Skipf("no articles in %v", sets)
	}
	return all
}

// ReadArticles reads one articles.jsonl file.
func ReadArticles(path string) ([]Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var arts []Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		arts = append(arts, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return arts, nil
}
