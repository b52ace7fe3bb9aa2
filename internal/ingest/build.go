package ingest

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// build runs one document through the pure stages: fetch (feed items
// only), decode, extract, normalise, language, sentences, id. A feed item
// whose page cannot be fetched is still built from its own snippet — a
// title and a summary are worth clustering — and the fetch error is
// returned beside the article as a warning.
func (in *Ingester) build(ctx context.Context, d doc) (art *news.Article, warn, err error) {
	if d.fetchURL != "" {
		resp, ferr := in.opts.Fetch.Get(ctx, d.fetchURL, fetch.Conditional{})
		switch {
		case ferr == nil:
			d.body, d.kind, d.sniff = resp.Body, kindHTML, true
			if resp.FinalURL != "" {
				d.hints.URL = resp.FinalURL
			}
		case len(strings.TrimSpace(string(d.body))) == 0:
			return nil, nil, ferr
		default:
			warn = fmt.Errorf("page not fetched, the feed's snippet was kept: %w", ferr)
		}
	}
	art, err = in.article(ctx, d)
	if err != nil {
		return nil, nil, err
	}
	return art, warn, nil
}

// article extracts and annotates one document.
func (in *Ingester) article(ctx context.Context, d doc) (*news.Article, error) {
	body := d.body
	if len(body) > 2 && body[0] == 0x1f && body[1] == 0x8b {
		var err error
		if body, err = gunzip(body, in.opts.MaxInputBytes); err != nil {
			return nil, err
		}
	}
	k := d.kind
	if d.sniff {
		k = sniff(body, d.name)
	}
	format := d.format
	var (
		res extract.Result
		err error
	)
	switch k {
	case kindHTML:
		if format == "" {
			format = news.FormatHTML
		}
		res, err = extract.HTML(ctx, body, d.hints)
	default:
		if format == "" {
			format = news.FormatText
		}
		res, err = in.text(body, d.hints, d.format == news.FormatJSON)
	}
	if err != nil {
		return nil, err
	}
	a := &news.Article{
		ID:        d.id,
		Source:    res.Source,
		Title:     lang.Normalize(res.Title),
		Author:    res.Author,
		Published: res.Published,
		URL:       res.URL,
		Text:      lang.Normalize(res.Text),
		Format:    format,
		Origin:    d.origin,
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, fmt.Errorf("no article text found: %w", news.ErrEmpty)
	}
	if a.Source == "" {
		a.Source = extract.OutletFromURL(a.URL)
	}
	a.Language = lang.Language(a.Text)
	a.Sentences = lang.Sentences(a.Text)
	if a.ID == "" {
		if a.URL != "" {
			a.ID = news.URLID(canonicalURL(a.URL))
		} else {
			a.ID = "h" + a.ContentHash()[:15]
		}
	}
	return a, nil
}

// text cleans scraped plain text. Lines that other articles of the same
// outlet repeat are furniture, so the outlet's line counts are consulted;
// when the outlet only becomes known from the text itself, the text is
// cleaned a second time with them.
func (in *Ingester) text(body []byte, h extract.Hints, record bool) (extract.Result, error) {
	s, err := extract.DecodeText(body)
	if err != nil {
		return extract.Result{}, err
	}
	outlet := h.Source
	if outlet == "" {
		outlet = extract.OutletFromURL(h.URL)
	}
	opts := extract.TextOptions{}
	if outlet != "" {
		opts.Repeated = in.lines.Repeated(outlet)
	}
	res, err := extract.Text(s, h, opts)
	if errors.Is(err, news.ErrEmpty) && record && strings.TrimSpace(s) != "" {
		// A record whose whole text is one headline-like line: the record
		// says it is the text, so it is kept as the body.
		return extract.Result{Title: h.Title, Author: h.Author, Source: h.Source, URL: h.URL,
			Published: h.Published, Text: lang.Normalize(s)}, nil
	}
	if err != nil {
		return res, err
	}
	if outlet == "" && res.Source != "" && in.lines.Len(res.Source) > 0 {
		outlet = res.Source
		res2, err := extract.Text(s, h, extract.TextOptions{Repeated: in.lines.Repeated(outlet)})
		if err == nil {
			res = res2
		}
	}
	if outlet != "" {
		in.lines.Observe(outlet, s)
	}
	return res, nil
}
