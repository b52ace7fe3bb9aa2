package ingest

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// inputKind says how one named input is read.
type inputKind int

const (
	inputFile inputKind = iota
	inputStdin
	inputURL
)

// input is one thing to read: a file, standard input, or a URL.
type input struct {
	name string
	kind inputKind
}

// expand turns the sources a user named into inputs: folders are walked
// recursively (hidden entries skipped, only files with a known article
// extension taken), globs are matched, "-" is standard input and http(s)
// URLs are kept as they are. A source that names nothing is a failure; the
// others still expand.
func expand(sources []string) ([]input, []Failure) {
	var (
		inputs   []input
		failures []Failure
		seen     = map[string]bool{}
	)
	add := func(in input) {
		if !seen[in.name] {
			seen[in.name] = true
			inputs = append(inputs, in)
		}
	}
	for _, src := range sources {
		switch {
		case src == "-":
			add(input{name: "-", kind: inputStdin})
		case isURL(src):
			u, err := url.Parse(src)
			if err != nil || u.Host == "" {
				failures = append(failures, Failure{Input: src, Err: fmt.Errorf("malformed URL: %w", news.ErrInvalid)})
				continue
			}
			add(input{name: src, kind: inputURL})
		case strings.Contains(src, "://"):
			failures = append(failures, Failure{Input: src, Err: fmt.Errorf("only http and https URLs can be fetched: %w", news.ErrUnsupported)})
		default:
			files, err := expandPath(src)
			if err != nil {
				failures = append(failures, Failure{Input: src, Err: err})
				continue
			}
			for _, f := range files {
				add(input{name: f, kind: inputFile})
			}
		}
	}
	return inputs, failures
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// expandPath resolves a path or glob to the files it names, sorted.
func expandPath(src string) ([]string, error) {
	info, err := os.Stat(src)
	if err == nil {
		if !info.IsDir() {
			return []string{src}, nil
		}
		return walkDir(src)
	}
	if !hasGlobMeta(src) {
		return nil, fmt.Errorf("no such file or folder: %w", news.ErrNotFound)
	}
	matches, gerr := filepath.Glob(src)
	if gerr != nil {
		return nil, fmt.Errorf("bad glob pattern: %w", news.ErrInvalid)
	}
	if len(matches) == 0 {
		return nil, fmt.Errorf("pattern matches no files: %w", news.ErrNotFound)
	}
	var files []string
	for _, m := range matches {
		mi, err := os.Stat(m)
		if err != nil {
			continue
		}
		if mi.IsDir() {
			sub, err := walkDir(m)
			if err != nil {
				return nil, err
			}
			files = append(files, sub...)
			continue
		}
		files = append(files, m)
	}
	return files, nil
}

func hasGlobMeta(s string) bool { return strings.ContainsAny(s, "*?[") }

// walkDir lists the article files under dir, recursively, sorted by path.
func walkDir(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("walk %s: %w", path, err)
		}
		name := d.Name()
		if path != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		if _, known := extKind(name); known {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	if len(files) == 0 {
		return nil, fmt.Errorf("folder holds no article files (.txt .md .html .htm .json .jsonl .xml, optionally .gz): %w", news.ErrNotFound)
	}
	return files, nil
}

// fileID is the contract's id for an article read from a file: its base
// name without extensions ("a/b/000_x.html.gz" → "000_x").
func fileID(path string) string {
	base := filepath.Base(path)
	for {
		ext := filepath.Ext(base)
		if ext == "" || ext == base {
			break
		}
		if _, known := extKind(ext); !known && !strings.EqualFold(ext, ".gz") {
			break
		}
		base = strings.TrimSuffix(base, ext)
	}
	return base
}
