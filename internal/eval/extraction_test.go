package eval_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/extract"
)

func htmlText(ctx context.Context, page []byte, url string) (string, error) {
	r, err := extract.HTML(ctx, page, extract.Hints{URL: url})
	return r.Text, err
}

func TestExtraction_AEB(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the extractor over 181 pages")
	}
	if raceEnabled {
		// About 40 s under the detector; the harness's concurrency is
		// race-tested by TestExtraction_Run.
		t.Skip("slow under -race")
	}
	dir := evaldata.Dir(t, "extraction-aeb")
	rep, err := eval.Extraction(context.Background(), dir, htmlText, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + buf.String())
	if rep.Pages != 181 {
		t.Errorf("pages = %d, want 181", rep.Pages)
	}
	if rep.F1 < 0.95 {
		t.Errorf("F1 = %.4f, want ≥ 0.95", rep.F1)
	}
}

// writeSet lays out a tiny extraction set in the shared layout.
func writeSet(t *testing.T, pages map[string]string, gold map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "gold"), 0o755); err != nil {
		t.Fatal(err)
	}
	for id, page := range pages {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(page))
		zw.Close()
		if err := os.WriteFile(filepath.Join(dir, "html", id+".html.gz"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	g := map[string]map[string]string{}
	for id, body := range gold {
		g[id] = map[string]string{"articleBody": body, "url": "https://example.org/" + id}
	}
	b, _ := json.Marshal(g)
	if err := os.WriteFile(filepath.Join(dir, "gold", "ground-truth.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestExtraction_Run(t *testing.T) {
	dir := writeSet(t,
		map[string]string{"a": "alpha beta gamma delta", "b": "epsilon zeta eta theta", "c": "broken"},
		map[string]string{"a": "alpha beta gamma delta", "b": "epsilon zeta eta theta iota", "c": "one two three four"})
	// The fake extractor returns the page itself, fails on "broken".
	fake := func(_ context.Context, page []byte, url string) (string, error) {
		if !strings.HasPrefix(url, "https://example.org/") {
			return "", errors.New("no url")
		}
		if string(page) == "broken" {
			return "", errors.New("boom")
		}
		return string(page), nil
	}
	var calls, last int
	rep, err := eval.Extraction(context.Background(), dir, fake, func(done, total int) {
		calls++
		last = done
		if total != 3 {
			t.Errorf("progress total = %d, want 3", total)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 3 || last != 3 {
		t.Errorf("progress calls = %d, last = %d, want 3, 3", calls, last)
	}
	if rep.Pages != 3 || rep.Failures != 1 {
		t.Errorf("pages, failures = %d, %d, want 3, 1", rep.Pages, rep.Failures)
	}
	// a: p 1 r 1; b: gold 2 shingles, pred 1 shared → p 1, r .5;
	// c: failed → empty prediction, left out of precision, r 0.
	wantP, wantR := 1.0, 0.5
	if rep.Precision != wantP || rep.Recall != wantR {
		t.Errorf("P, R = %v, %v, want %v, %v", rep.Precision, rep.Recall, wantP, wantR)
	}
	if got, want := rep.Accuracy, 1.0/3; got != want {
		t.Errorf("accuracy = %v, want %v", got, want)
	}
	if rep.PerPage[2].ID != "c" || rep.PerPage[2].Error != "boom" {
		t.Errorf("page c = %+v, want error boom", rep.PerPage[2])
	}

	var out bytes.Buffer
	if err := rep.Write(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"→", "parallax", "go_trafilatura", "0.960", "pages 3, failures 1"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	if _, err := json.Marshal(rep); err != nil {
		t.Errorf("json: %v", err)
	}
}

func TestExtraction_Errors(t *testing.T) {
	echo := func(_ context.Context, page []byte, _ string) (string, error) { return string(page), nil }
	t.Run("missing page", func(t *testing.T) {
		dir := writeSet(t, map[string]string{"a": "x"}, map[string]string{"a": "x", "b": "y"})
		if _, err := eval.Extraction(context.Background(), dir, echo, nil); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("err = %v, want ErrNotExist", err)
		}
	})
	t.Run("missing gold", func(t *testing.T) {
		if _, err := eval.Extraction(context.Background(), t.TempDir(), echo, nil); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("err = %v, want ErrNotExist", err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		dir := writeSet(t, map[string]string{"a": "x", "b": "y"}, map[string]string{"a": "x", "b": "y"})
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := eval.Extraction(ctx, dir, echo, nil); !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
}
