// Package eval scores Parallax's stages on labelled data in the shared
// evaluation layout (see ../shared/eval/README.md) and prints the figures
// beside published ones.
package eval

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// ExtractFunc extracts the article body from one HTML page (already
// gunzipped). url is the page's address from the gold file, "" if unknown.
type ExtractFunc func(ctx context.Context, page []byte, url string) (string, error)

// PageScore is one page's outcome in the extraction benchmark.
type PageScore struct {
	ID string `json:"id"`
	Counts
	// Exact is true when the prediction's token sequence equals the gold one.
	Exact bool `json:"exact"`
	// Error is the extractor's error, scored as an empty prediction.
	Error string `json:"error,omitempty"`
	// Elapsed is the extractor's time on this page alone.
	Elapsed time.Duration `json:"elapsed_ns"`
}

// ExtractionReport is the outcome of Extraction over a whole data set.
type ExtractionReport struct {
	Dir string `json:"dir"`
	Summary
	Pages    int `json:"pages"`
	Failures int `json:"failures"` // pages where the extractor returned an error
	Workers  int `json:"workers"`
	// Elapsed is the wall-clock time of the run; CPU is the sum of the
	// per-page extraction times (what one core would have needed).
	Elapsed        time.Duration `json:"elapsed_ns"`
	CPU            time.Duration `json:"cpu_ns"`
	PagesPerSecond float64       `json:"pages_per_second"`
	PerPage        []PageScore   `json:"per_page"`
	// Published are the benchmark's own figures for other systems.
	Published []PublishedScore `json:"published"`
}

// Layout of an extraction set under the shared evaluation directory.
const (
	extractionGold  = "gold/ground-truth.json"
	extractionPages = "html"
)

// maxPageBytes bounds one decompressed benchmark page; the largest of the
// 181 is 1.5 MB.
const maxPageBytes = 64 << 20

type goldPage struct {
	ID   string
	URL  string
	Body string
	Path string
}

// Extraction runs extract over every page of the article-extraction set in
// dir (html/<id>.html.gz or .html, gold/ground-truth.json mapping ids to
// {"articleBody","url"}) and scores it with the benchmark's shingle metric.
// It uses GOMAXPROCS workers; progress, if not nil, is called from one
// goroutine after each page. An extractor error counts as a failure and an
// empty prediction, like a crashed system in the benchmark. Missing files
// or a cancelled ctx end the run with an error.
func Extraction(ctx context.Context, dir string, extract ExtractFunc, progress func(done, total int)) (ExtractionReport, error) {
	pages, err := loadExtractionSet(dir)
	if err != nil {
		return ExtractionReport{}, err
	}
	workers := min(runtime.GOMAXPROCS(0), len(pages))
	rep := ExtractionReport{Dir: dir, Pages: len(pages), Workers: workers, PerPage: make([]PageScore, len(pages))}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	type done struct {
		i   int
		err error
	}
	results := make(chan done)
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				score, err := scorePage(ctx, pages[i], extract)
				rep.PerPage[i] = score
				select {
				case results <- done{i, err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range pages {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	var firstErr error
	n := 0
	for d := range results {
		if d.err != nil && firstErr == nil {
			firstErr = d.err
			cancel()
		}
		n++
		if progress != nil && firstErr == nil {
			progress(n, len(pages))
		}
	}
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	if firstErr != nil {
		return ExtractionReport{}, fmt.Errorf("extraction benchmark %s: %w", dir, firstErr)
	}
	rep.Elapsed = time.Since(start)

	counts := make([]Counts, len(pages))
	exact := make([]bool, len(pages))
	for i, p := range rep.PerPage {
		counts[i], exact[i] = p.Counts, p.Exact
		rep.CPU += p.Elapsed
		if p.Error != "" {
			rep.Failures++
		}
	}
	rep.Summary = Summarise(counts, exact)
	if s := rep.Elapsed.Seconds(); s > 0 {
		rep.PagesPerSecond = float64(rep.Pages) / s
	}
	rep.Published = PublishedExtraction
	return rep, nil
}

// scorePage reads, extracts and scores one page. Its error is for I/O and
// cancellation only; extractor errors are recorded in the score.
func scorePage(ctx context.Context, g goldPage, extract ExtractFunc) (PageScore, error) {
	if err := ctx.Err(); err != nil {
		return PageScore{}, err
	}
	page, err := readPage(g.Path)
	if err != nil {
		return PageScore{}, err
	}
	s := PageScore{ID: g.ID}
	t0 := time.Now()
	pred, err := extract(ctx, page, g.URL)
	s.Elapsed = time.Since(t0)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return PageScore{}, ctxErr
		}
		s.Error = err.Error()
		pred = ""
	}
	s.Counts = Match(g.Body, pred)
	s.Exact = Exact(g.Body, pred)
	return s, nil
}

func loadExtractionSet(dir string) ([]goldPage, error) {
	b, err := os.ReadFile(filepath.Join(dir, extractionGold))
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	var gold map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		return nil, fmt.Errorf("parse gold %s: %w", extractionGold, err)
	}
	if len(gold) == 0 {
		return nil, fmt.Errorf("gold %s: no pages", extractionGold)
	}
	pages := make([]goldPage, 0, len(gold))
	for id, g := range gold {
		p := goldPage{ID: id, URL: g.URL, Body: g.ArticleBody}
		for _, ext := range []string{".html.gz", ".html"} {
			path := filepath.Join(dir, extractionPages, id+ext)
			if _, err := os.Stat(path); err == nil {
				p.Path = path
				break
			}
		}
		if p.Path == "" {
			return nil, fmt.Errorf("page %s: %w", id, os.ErrNotExist)
		}
		pages = append(pages, p)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

// readPage reads a page file, gunzipping .gz files.
func readPage(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read page: %w", err)
	}
	if !strings.HasSuffix(path, ".gz") {
		return b, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", path, err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxPageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", path, err)
	}
	if len(out) > maxPageBytes {
		return nil, fmt.Errorf("gunzip %s: over %d bytes: %w", path, maxPageBytes, news.ErrTooLarge)
	}
	return out, nil
}
