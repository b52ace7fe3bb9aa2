package extract

import (
	"bytes"
	"context"
	"fmt"
	nurl "net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"github.com/parallax-news/parallax/internal/news"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// Limits on what the content extractor sees. Its cost grows with the square
// of the number of paragraphs (it re-concatenates their text per candidate
// container), so a page is bounded twice: in bytes before parsing and in
// elements after. Real article pages stay far below both — the 181 pages of
// the extraction benchmark peak at 1.5 MB, about 5,000 elements, 205
// paragraphs and a few hundred KB of text — and their body lies in the first part of the document;
// what a cut drops is comment threads, listings and footers.
const (
	// MaxParseBytes: a longer decoded page is cut at the last tag that
	// starts before this size.
	MaxParseBytes = 8 << 20
	// MaxElements, MaxParagraphs and MaxTextBytes: the parsed document is
	// truncated, in document order, at the node that exceeds any of them.
	MaxElements   = 30_000
	MaxParagraphs = 1_000
	MaxTextBytes  = 1 << 20
)

// HTML extracts the main text and metadata of one HTML page with
// go-trafilatura (readability and DOM-distiller fallbacks enabled,
// comments excluded) and go-htmldate, then cuts the furniture the
// extractor keeps at the ends of the body (repeated headline, standfirst,
// teaser lists, share and subscription lines); Result.Removed lists what
// that cut, not what the extractor itself discarded.
//
// page may be gzip-compressed (inflated up to MaxDecompressed, else
// news.ErrTooLarge) and in any encoding DecodeHTML recognises; valid UTF-8
// goes straight to the parser, skipping the library's own charset
// detection and normalisation of the whole page. Truncated pages extract
// what they hold; oversized ones are cut (see MaxParseBytes).
//
// Non-empty hints override the extracted title, author, source and date.
// The URL is the page's canonical one when it declares one, else h.URL,
// which also resolves relative links. Published has minute precision when
// the page gives a time of day (Zoned when it also gives an offset), else
// day precision. A page with no body text gives an error wrapping
// news.ErrEmpty. ctx is checked between stages: the extractor itself
// cannot be interrupted, and takes 10–100 ms on a real page.
func HTML(ctx context.Context, page []byte, h Hints) (Result, error) {
	return extractHTML(ctx, page, h, defaultHTMLConfig())
}

// htmlConfig gathers what HTML fixes, so tests and benchmarks can measure
// alternatives.
type htmlConfig struct {
	parse    htmlParseFunc
	options  trafilatura.Options
	dateOpts htmldate.Options
	trim     htmlTrimRules
}

func defaultHTMLConfig() htmlConfig {
	return htmlConfig{
		parse:    parseUTF8,
		options:  trafilaturaOptions(),
		dateOpts: htmlDateOptions(),
		trim:     htmlTrimRules{title: true, leadHeadings: true, tailHeadings: true, furniture: true},
	}
}

// htmlParseFunc turns a raw page into a DOM: HTML uses parseUTF8; benchmarks
// compare it with the library's own parser.
type htmlParseFunc func(page []byte) (*html.Node, error)

func parseUTF8(page []byte) (*html.Node, error) {
	page, err := DecodeHTML(page, "")
	if err != nil {
		return nil, err
	}
	page = cutAtTag(page, MaxParseBytes)
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	truncateDOM(doc, domBudget{MaxElements, MaxParagraphs, MaxTextBytes})
	return doc, nil
}

// domBudget bounds a parsed document (see MaxElements).
type domBudget struct {
	elements, paragraphs, textBytes int
}

// truncateDOM removes, in document order, everything from the first node
// that exceeds the budget, and reports whether it cut anything. Script and
// style text is not counted: it is no reader's text.
func truncateDOM(doc *html.Node, b domBudget) bool {
	var cut *html.Node
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		switch n.Type {
		case html.ElementNode:
			b.elements--
			if n.DataAtom == atom.P {
				b.paragraphs--
			}
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
				return b.elements >= 0 || cutDOMAt(&cut, n)
			}
		case html.TextNode:
			b.textBytes -= len(n.Data)
		}
		if b.elements < 0 || b.paragraphs < 0 || b.textBytes < 0 {
			return cutDOMAt(&cut, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	if walk(doc) {
		return false
	}
	// Drop cut, its following siblings, and those of every ancestor.
	for n := cut; n != nil && n != doc; n = n.Parent {
		for n.NextSibling != nil {
			n.Parent.RemoveChild(n.NextSibling)
		}
	}
	if cut.Parent != nil {
		cut.Parent.RemoveChild(cut)
	}
	return true
}

func cutDOMAt(cut **html.Node, n *html.Node) bool {
	*cut = n
	return false
}

func extractHTML(ctx context.Context, page []byte, h Hints, cfg htmlConfig) (res Result, err error) {
	// The third-party extractors index into trees built from arbitrary
	// markup; a panic there must cost one page, not the ingest run.
	defer func() {
		if p := recover(); p != nil {
			res, err = Result{}, fmt.Errorf("extract html: extractor panic: %v: %w", p, news.ErrInvalid)
		}
	}()

	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	doc, err := cfg.parse(page)
	if err != nil {
		return Result{}, fmt.Errorf("extract html: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}

	var orig *nurl.URL
	if u, err := nurl.Parse(h.URL); err == nil && u.IsAbs() {
		orig = u
	}
	dateOpts := cfg.dateOpts
	dateOpts.URL = h.URL
	date, _ := htmldate.FromDocument(doc, dateOpts)
	opts := cfg.options
	opts.OriginalURL = orig
	// The date comes from our own htmldate run, which keeps whether the
	// page gave a time of day and an offset; trafilatura need not repeat it.
	opts.HtmlDateMode = trafilatura.Disabled
	out, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return Result{}, fmt.Errorf("extract html: %w: %w", news.ErrEmpty, err)
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}

	md := out.Metadata
	res = Result{
		Title:     cleanMetaField(md.Title),
		Author:    cleanMetaField(md.Author),
		Source:    cleanSource(md.Sitename, md.URL),
		URL:       md.URL,
		Published: htmlDatePublished(date),
	}
	res.Text, res.Removed = bodyText(out.ContentNode, res.Title, cfg.trim)
	if res.Text == "" {
		return Result{}, fmt.Errorf("extract html: %w", news.ErrEmpty)
	}
	applyHTMLHints(&res, h)
	return res, nil
}

// trafilaturaOptions are the extractor settings. Measured with the trim
// rules on, on the 181 pages of the extraction benchmark (eval.Extraction;
// F1 of the 4-gram shingle metric, published go-trafilatura: .960):
//
//	these options                                 .970
//	Focus FavorPrecision / FavorRecall            .962 / .962
//	IncludeLinks (changes what is pruned)         .967
//	ExcludeTables / Deduplicate                   .966 / .970
//	ExcludeComments off                           .970 (same text)
//	EnableFallback off                            .972, twice as fast
//
// The fallback stays on despite the last line: without it two long
// magazine articles lose over half their text, and the gain comes from a
// blog open thread and a quotations listing, pages that are not news.
func trafilaturaOptions() trafilatura.Options {
	return trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
	}
}

func htmlDateOptions() htmldate.Options {
	return htmldate.Options{
		UseOriginalDate:     true,
		ExtractTime:         true,
		DeferUrlExtractor:   true,
		SkipExtensiveSearch: true,
	}
}

// htmlDatePublished turns an htmldate result into a news.Time: minute
// precision when the source string gave a time of day, zoned only when it
// also gave an offset, else day precision.
func htmlDatePublished(r htmldate.Result) news.Time {
	if r.IsZero() {
		return news.Time{}
	}
	if !r.HasTime {
		t := r.DateTime
		return news.Time{T: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), Precision: news.PrecisionDay}
	}
	return news.Time{T: r.DateTime, Precision: news.PrecisionMinute, Zoned: r.HasTimezone}
}

func applyHTMLHints(r *Result, h Hints) {
	if h.Title != "" {
		r.Title = h.Title
	}
	if h.Author != "" {
		r.Author = h.Author
	}
	if h.Source != "" {
		r.Source = h.Source
	}
	if r.URL == "" {
		// The page's own canonical URL is a declaration, not a guess, and
		// beats the address it was fetched from.
		r.URL = h.URL
	}
	if !h.Published.IsZero() {
		r.Published = h.Published
	}
}

// cleanMetaField collapses whitespace in a metadata value and NFC-normalises it.
func cleanMetaField(s string) string {
	return norm.NFC.String(strings.Join(strings.Fields(s), " "))
}

// cleanSource cleans the extractor's site name. It sometimes returns a URL
// (a publisher's social-media page): then the page's host names the outlet
// better.
func cleanSource(sitename, pageURL string) string {
	s := cleanMetaField(sitename)
	if !strings.Contains(s, "://") {
		return s
	}
	u, err := nurl.Parse(pageURL)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// cutAtTag returns page cut to at most limit bytes, at the start of the
// last tag that begins before the limit so no tag or UTF-8 sequence is
// split.
func cutAtTag(page []byte, limit int) []byte {
	if len(page) <= limit {
		return page
	}
	if i := bytes.LastIndexByte(page[:limit], '<'); i > 0 {
		return page[:i]
	}
	return page[:limit]
}
