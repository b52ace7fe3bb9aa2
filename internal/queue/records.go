package queue

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// RecordJobs reads article records — JSON Lines, concatenated objects or
// one JSON array, optionally gzipped — and packs them n to a job, in
// order, each job's payload one record a line. label names the input in
// the jobs' labels. A record that is not a JSON object is an error naming
// its position, and no job is returned.
func RecordJobs(r io.Reader, label string, n int) ([]Job, error) {
	if n <= 0 {
		n = 1
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("read %s: gzip: %w", label, err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	dec := json.NewDecoder(br)
	array := false
	if first, err := firstByte(br); err == nil && first == '[' {
		if _, err := dec.Token(); err != nil {
			return nil, fmt.Errorf("read %s: %w", label, err)
		}
		array = true
	}
	var (
		jobs  []Job
		batch strings.Builder
		from  = 1
		count = 0
		line  bytes.Buffer
	)
	flush := func() {
		if count == 0 {
			return
		}
		jobs = append(jobs, Job{Kind: KindRecords, Payload: batch.String(),
			Label: fmt.Sprintf("%s records %d-%d", label, from, from+count-1)})
		from += count
		count = 0
		batch.Reset()
	}
	for i := 1; ; i++ {
		if array && !dec.More() {
			break
		}
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) && !array {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: record %d: %w", label, i, err)
		}
		if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
			return nil, fmt.Errorf("read %s: record %d is not a JSON object", label, i)
		}
		line.Reset()
		if err := json.Compact(&line, raw); err != nil {
			return nil, fmt.Errorf("read %s: record %d: %w", label, i, err)
		}
		batch.Write(line.Bytes())
		batch.WriteByte('\n')
		count++
		if count == n {
			flush()
		}
	}
	flush()
	if len(jobs) == 0 {
		return nil, fmt.Errorf("read %s: no records", label)
	}
	return jobs, nil
}

// firstByte peeks at the first byte that is not white space or a BOM.
func firstByte(br *bufio.Reader) (byte, error) {
	for i := 1; ; i++ {
		b, err := br.Peek(i)
		if err != nil {
			return 0, err
		}
		c := b[i-1]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			continue
		}
		if c == 0xef && i == 1 {
			if bom, err := br.Peek(3); err == nil && bytes.Equal(bom, []byte{0xef, 0xbb, 0xbf}) {
				if _, err := br.Discard(3); err != nil {
					return 0, err
				}
				return firstByte(br)
			}
		}
		return c, nil
	}
}
