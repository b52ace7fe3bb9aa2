package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/news"
)

// doc is one raw document on its way to a worker.
type doc struct {
	origin string // what a failure message names: a path, "path:line", a URL
	id     string // the contract's id when the input decides it, else ""
	name   string // file or URL path, for the extension hint
	body   []byte
	kind   kind
	sniff  bool // kind unknown: decide from the bytes
	hints  extract.Hints
	format news.Format
	// fetchURL, when set, is fetched by the worker and replaces body (feed
	// items that carry only a snippet); body stays as the fallback.
	fetchURL string
	// seq numbers the documents in reading order, so that the collector
	// stores them in that order whatever order the workers finish in.
	seq int
}

type (
	emitFunc func(doc) bool
	failFunc func(name string, err error) bool
)

// read turns one input into documents. It returns the raw bytes read and an
// error when the input as a whole could not be read.
func (in *Ingester) read(ctx context.Context, inp input, emit emitFunc, fail failFunc) (int64, error) {
	switch inp.kind {
	case inputStdin:
		if in.opts.Stdin == nil {
			return 0, fmt.Errorf("standard input is not available: %w", news.ErrUnsupported)
		}
		return in.readStream(ctx, "stdin", "stdin.jsonl", in.opts.Stdin, emit, fail)
	case inputURL:
		return in.readURL(ctx, inp.name, emit, fail)
	}
	f, err := os.Open(inp.name)
	if err != nil {
		return 0, fmt.Errorf("open: %w", unwrapPathError(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return 0, fmt.Errorf("stat: %w", unwrapPathError(err))
	}
	if info.Size() == 0 {
		return 0, fmt.Errorf("empty file: %w", news.ErrEmpty)
	}
	return in.readStream(ctx, inp.name, inp.name, f, emit, fail)
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// readStream reads one file-like stream: gzip is undone, JSON records are
// streamed one by one, feeds are expanded into their items, anything else
// is one document of at most MaxInputBytes.
func (in *Ingester) readStream(ctx context.Context, origin, name string, r io.Reader, emit emitFunc, fail failFunc) (int64, error) {
	cr := &countingReader{r: r}
	br := bufio.NewReaderSize(cr, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return cr.n, fmt.Errorf("gzip: %v: %w", err, news.ErrInvalid)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	head, _ := br.Peek(4096)
	k := sniff(head, name)
	if k == kindJSON {
		err := readRecords(br, func(line int, rec *Record, err error) error {
			where := origin + ":" + strconv.Itoa(line)
			if err != nil {
				if !fail(where, err) {
					return ctx.Err()
				}
				return nil
			}
			d, derr := recordDoc(where, rec)
			if derr != nil {
				if !fail(where, derr) {
					return ctx.Err()
				}
				return nil
			}
			if !emit(d) {
				return ctx.Err()
			}
			return nil
		})
		return cr.n, err
	}
	body, err := readLimited(br, in.opts.MaxInputBytes)
	if err != nil {
		return cr.n, err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return cr.n, fmt.Errorf("empty input: %w", news.ErrEmpty)
	}
	if k == kindFeed {
		return cr.n, in.readFeed(ctx, origin, body, emit, fail)
	}
	emit(doc{origin: origin, id: fileID(name), name: name, body: body, kind: k})
	return cr.n, nil
}

// readLimited reads r whole, failing with news.ErrTooLarge past max bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("larger than %d MB: %w", max>>20, news.ErrTooLarge)
	}
	return b, nil
}

// recordDoc turns a JSON record into a document.
func recordDoc(where string, rec *Record) (doc, error) {
	d := doc{
		origin: where,
		id:     strings.TrimSpace(rec.ID),
		format: news.FormatJSON,
		hints: extract.Hints{
			URL:       strings.TrimSpace(rec.URL),
			Source:    strings.TrimSpace(rec.Source),
			Title:     strings.TrimSpace(rec.Title),
			Author:    strings.TrimSpace(rec.Author),
			Published: rec.published(),
		},
	}
	if d.id != "" {
		d.origin = where + " (" + d.id + ")"
	}
	switch {
	case strings.TrimSpace(rec.HTML) != "":
		d.body, d.kind = []byte(rec.HTML), kindHTML
	case strings.TrimSpace(rec.Text) != "":
		d.body, d.kind = []byte(rec.Text), kindText
	default:
		return doc{}, fmt.Errorf("record has neither text nor html: %w", news.ErrEmpty)
	}
	if d.id == "" && d.hints.URL != "" {
		d.id = news.URLID(canonicalURL(d.hints.URL))
	}
	return d, nil
}

// readURL fetches a URL source: a feed is expanded into its items, a page
// becomes one document whose id is the hash of the canonical URL.
func (in *Ingester) readURL(ctx context.Context, rawURL string, emit emitFunc, fail failFunc) (int64, error) {
	if in.opts.Fetch == nil {
		return 0, fmt.Errorf("fetching is disabled: %w", news.ErrUnsupported)
	}
	resp, err := in.opts.Fetch.Get(ctx, rawURL, fetch.Conditional{})
	if err != nil {
		return 0, err
	}
	n := int64(len(resp.Body))
	body := resp.Body
	if len(body) > 2 && body[0] == 0x1f && body[1] == 0x8b {
		if body, err = gunzip(body, in.opts.MaxInputBytes); err != nil {
			return n, err
		}
	}
	ct := strings.ToLower(resp.ContentType)
	isFeed := feed.Sniff(body) || strings.Contains(ct, "rss") || strings.Contains(ct, "atom") ||
		strings.Contains(ct, "feed+json")
	if isFeed {
		return n, in.readFeed(ctx, rawURL, body, emit, fail)
	}
	final := resp.FinalURL
	if final == "" {
		final = rawURL
	}
	k := kindHTML
	if strings.HasPrefix(ct, "text/plain") {
		k = kindText
	}
	emit(doc{
		origin: rawURL,
		id:     news.URLID(canonicalURL(rawURL)),
		name:   path.Base(final),
		body:   body,
		kind:   k,
		sniff:  !strings.Contains(ct, "html") && k != kindText,
		hints:  extract.Hints{URL: final},
	})
	return n, nil
}

// readFeed turns every item of a feed into a document; items that carry
// only a snippet are fetched by the worker when a fetcher is configured.
func (in *Ingester) readFeed(ctx context.Context, origin string, body []byte, emit emitFunc, fail failFunc) error {
	fd, err := feed.Parse(bytes.NewReader(body))
	if err != nil {
		return err
	}
	if len(fd.Items) == 0 {
		return fmt.Errorf("feed has no items: %w", news.ErrEmpty)
	}
	for i, it := range fd.Items {
		where := fmt.Sprintf("%s item %d", origin, i+1)
		if it.URL != "" {
			where = fmt.Sprintf("%s item %s", origin, it.URL)
		}
		content := it.Content
		if strings.TrimSpace(content) == "" {
			content = it.Summary
		}
		d := doc{
			origin: where,
			body:   []byte(content),
			kind:   kindHTML,
			format: news.FormatFeed,
			hints: extract.Hints{
				URL:       it.URL,
				Source:    fd.Title,
				Title:     it.Title,
				Author:    it.Author,
				Published: it.Published,
			},
		}
		switch {
		case it.URL != "":
			d.id = news.URLID(canonicalURL(it.URL))
		case it.ID != "":
			d.id = news.URLID(it.ID)
		}
		if it.NeedsPage() && it.URL != "" && in.opts.Fetch != nil {
			d.fetchURL = it.URL
		}
		if strings.TrimSpace(content) == "" && d.fetchURL == "" {
			if !fail(where, fmt.Errorf("feed item has no content and no page to fetch: %w", news.ErrEmpty)) {
				return ctx.Err()
			}
			continue
		}
		if !emit(d) {
			return ctx.Err()
		}
	}
	return nil
}

// gunzip undoes gzip in memory, bounded by max bytes of output.
func gunzip(b []byte, max int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("gzip: %v: %w", err, news.ErrInvalid)
	}
	defer zr.Close()
	out, err := readLimited(zr, max)
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	return out, nil
}

// unwrapPathError drops the path from an *os.PathError: failure messages
// name the input once, in front.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
