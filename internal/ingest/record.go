package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax/internal/dates"
	"github.com/parallax-news/parallax/internal/news"
)

// Record is an article record in the layout of the shared evaluation sets
// and of `parallax export`: {id, source, title, author, published, url,
// text | html}. Unknown fields are ignored.
type Record struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Author    string `json:"author"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
}

// maxRecordBytes bounds one JSON Lines record; a longer line is reported as
// an error for that line and skipped.
const maxRecordBytes = 32 << 20

// published parses the record's publication time in any common form.
func (r *Record) published() news.Time {
	if r.Published == "" {
		return news.Time{}
	}
	if t, err := news.ParseTime(r.Published); err == nil {
		return t
	}
	if t, ok := dates.Parse(r.Published); ok {
		return t
	}
	return news.Time{}
}

// readRecords calls fn for every record in b: a single object, an array of
// objects, or one object per line (blank lines skipped). A malformed line
// is passed to fn as an error naming its line number, and reading goes on
// with the next line; a malformed single document ends the reading.
func readRecords(r io.Reader, fn func(line int, rec *Record, err error) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	first, err := peekNonSpace(br)
	if err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("no JSON records: %w", news.ErrEmpty)
		}
		return err
	}
	if first == '[' {
		dec := json.NewDecoder(br)
		if _, err := dec.Token(); err != nil {
			return fmt.Errorf("read JSON array: %w", news.ErrInvalid)
		}
		for i := 1; dec.More(); i++ {
			var rec Record
			if err := dec.Decode(&rec); err != nil {
				return fn(i, nil, fmt.Errorf("record %d: %v: %w", i, err, news.ErrInvalid))
			}
			if err := fn(i, &rec, nil); err != nil {
				return err
			}
		}
		return nil
	}
	// JSON Lines, or one object spread over several lines (pretty-printed).
	all := false
	line := 0
	for {
		raw, err := readLine(br)
		if len(raw) > 0 {
			line++
		}
		trimmed := bytes.TrimSpace(raw)
		if len(trimmed) > 0 {
			var rec Record
			if jerr := json.Unmarshal(trimmed, &rec); jerr != nil {
				if line == 1 && !all && !bytes.HasSuffix(trimmed, []byte("}")) {
					// Perhaps one pretty-printed object: decode the rest whole,
					// and if that fails too, go on line by line so that the
					// records after a broken first line are not lost.
					rest, rerr := io.ReadAll(io.LimitReader(br, maxRecordBytes))
					if rerr != nil {
						return fmt.Errorf("read JSON: %w", rerr)
					}
					doc := append(append([]byte{}, raw...), rest...)
					if json.Unmarshal(doc, &rec) == nil {
						return fn(1, &rec, nil)
					}
					if ferr := fn(line, nil, fmt.Errorf("line %d: %v: %w", line, shortJSONError(jerr), news.ErrInvalid)); ferr != nil {
						return ferr
					}
					br = bufio.NewReaderSize(bytes.NewReader(rest), 64<<10)
					all = true
					continue
				}
				if ferr := fn(line, nil, fmt.Errorf("line %d: %v: %w", line, shortJSONError(jerr), news.ErrInvalid)); ferr != nil {
					return ferr
				}
			} else if ferr := fn(line, &rec, nil); ferr != nil {
				return ferr
			}
			all = true
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("read line %d: %w", line+1, err)
		}
	}
}

// readLine reads one line of any length up to maxRecordBytes; a longer line
// is consumed and returned truncated, which makes its JSON invalid.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		part, err := br.ReadSlice('\n')
		if len(buf)+len(part) <= maxRecordBytes {
			buf = append(buf, part...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return buf, err
	}
}

func peekNonSpace(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.ReadByte()
		if err != nil {
			return 0, err
		}
		if b == 0xef { // UTF-8 BOM
			if next, _ := br.Peek(2); bytes.Equal(next, []byte{0xbb, 0xbf}) {
				_, _ = br.Discard(2)
				continue
			}
		}
		if !strings.ContainsRune(" \t\r\n", rune(b)) {
			return b, br.UnreadByte()
		}
	}
}

func shortJSONError(err error) string {
	s := err.Error()
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}
