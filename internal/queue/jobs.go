package queue

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// DefaultSplit is how many JSON records a job carries when the caller
// does not say.
const DefaultSplit = 50

// SourceJobs makes the jobs of one ingest input as `parallax ingest`
// names it: URLs and non-JSON files are one job each (files by absolute
// path, so that workers started elsewhere find them on a shared file
// system); "-" (read from stdin) and JSON or JSON Lines files are read
// here and split into jobs of split records carried inline. split ≤ 0
// keeps JSON files whole, as one source job.
func SourceJobs(in string, stdin io.Reader, split int) ([]Job, error) {
	switch {
	case in == "-":
		if stdin == nil {
			return nil, errors.New("enqueue -: standard input is not available")
		}
		return RecordJobs(stdin, "stdin", max(split, 1))
	case isURL(in):
		return []Job{{Kind: KindSource, Payload: in, Label: in}}, nil
	}
	abs, err := filepath.Abs(in)
	if err != nil {
		return nil, fmt.Errorf("enqueue %s: %w", in, err)
	}
	if split <= 0 || !isJSONName(in) {
		return []Job{{Kind: KindSource, Payload: abs, Label: in}}, nil
	}
	f, err := os.Open(in)
	if err != nil {
		return nil, fmt.Errorf("enqueue %s: %w", in, errors.Unwrap(err))
	}
	defer f.Close()
	return RecordJobs(f, filepath.Base(in), split)
}

// FileJobs makes the jobs of one file whose content is at hand (an
// upload): a JSON or JSON Lines file by its name is split into jobs of
// split records, as SourceJobs splits one on disk; any other file is one
// KindFile job carrying the name and the bytes, so that a worker reads it
// as `parallax ingest` reads that file — the article id is the file's base
// name without its extensions.
func FileJobs(name string, body []byte, split int) ([]Job, error) {
	name = filepath.Base(name)
	if split > 0 && isJSONName(name) {
		return RecordJobs(bytes.NewReader(body), name, split)
	}
	j, err := FileJob(name, name, body)
	if err != nil {
		return nil, err
	}
	return []Job{j}, nil
}

// filePayload is the payload of a KindFile job. Body is carried as
// base64 (encoding/json's form of []byte): a job's payload is text, and a
// file may hold any bytes.
type filePayload struct {
	Name string `json:"name"`
	Body []byte `json:"body"`
}

// FileJob makes a KindFile job: the file name (its base name is kept)
// and content, and the label messages name it by.
func FileJob(name, label string, body []byte) (Job, error) {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	if name == "" || name == "." || name == "/" || name == ".." {
		return Job{}, fmt.Errorf("file job: no file name")
	}
	if len(body) == 0 {
		return Job{}, fmt.Errorf("file job %s: empty file", name)
	}
	p, err := json.Marshal(filePayload{Name: name, Body: body})
	if err != nil {
		return Job{}, fmt.Errorf("file job %s: %w", name, err)
	}
	if label == "" {
		label = name
	}
	return Job{Kind: KindFile, Payload: string(p), Label: label}, nil
}

// decodeFile reads a KindFile job's payload.
func decodeFile(payload string) (filePayload, error) {
	var p filePayload
	if err := json.Unmarshal([]byte(payload), &p); err != nil {
		return p, fmt.Errorf("decode file job: %w", err)
	}
	name := filepath.Base(p.Name)
	if name != p.Name || name == "." || name == ".." || name == "" || strings.ContainsRune(name, '/') {
		return p, fmt.Errorf("decode file job: file name %q is not a base name", p.Name)
	}
	return p, nil
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// isJSONName reports whether a file name says JSON or JSON Lines,
// gzipped or not.
func isJSONName(name string) bool {
	lower := strings.TrimSuffix(strings.ToLower(name), ".gz")
	return strings.HasSuffix(lower, ".jsonl") || strings.HasSuffix(lower, ".json") || strings.HasSuffix(lower, ".ndjson")
}
