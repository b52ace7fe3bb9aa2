// Package feed reads RSS, Atom and JSON Feed documents into items: one
// entry per article with its link, title, author, publication time and
// whatever body the feed carries (full HTML or a snippet).
//
// Parsing is pure: bytes in, items out. Deciding whether an item's page
// must be fetched (NeedsPage), fetching it and extracting the article
// belong to the caller.
package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/news"
)

// Feed is a parsed feed.
type Feed struct {
	Title string
	// Link is the site the feed belongs to, "" when it names none.
	Link string
	// Language is the language the feed declares ("en", "en-gb"), "" when
	// it declares none.
	Language string
	Items    []Item
}

// Item is one entry of a feed.
type Item struct {
	// ID is the item's guid or id, else its URL.
	ID string
	// URL is the item's link, made absolute against the feed's link when
	// it was relative.
	URL    string
	Title  string // plain text, markup removed
	Author string // plain text; several authors are joined with ", "
	// Published is when the item was first published, else last updated.
	// It is zoned when the feed gives a UTC offset, which RSS and Atom
	// normally do; a date alone has day precision.
	Published news.Time
	// Summary is the item's description or summary, usually HTML.
	Summary string
	// Content is the item's full body as HTML (content:encoded, Atom
	// content, JSON Feed content_html or content_text), "" when absent.
	Content string
	// FeedTitle is the title of the feed the item came from.
	FeedTitle string
}

// Parse reads an RSS (0.9x, 1.0, 2.0), Atom or JSON Feed document. XML
// feeds may declare any encoding golang.org/x/net/html/charset knows.
// A document that is not a feed or cannot be parsed gives an error
// wrapping news.ErrInvalid; a read error is returned wrapped as it is.
func Parse(r io.Reader) (*Feed, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("parse feed: read: %w", err)
	}
	if trimmed := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")), " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '{' &&
		!bytes.Contains(trimmed, []byte("jsonfeed.org/version")) {
		// gofeed takes any JSON object for a JSON Feed.
		return nil, fmt.Errorf("parse feed: JSON without a JSON Feed version: %w", news.ErrInvalid)
	}
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, fmt.Errorf("parse feed: not an RSS, Atom or JSON feed: %w", news.ErrInvalid)
		}
		return nil, fmt.Errorf("parse feed: %w: %w", err, news.ErrInvalid)
	}

	f := &Feed{
		Title:    plainText(gf.Title),
		Link:     strings.TrimSpace(gf.Link),
		Language: strings.TrimSpace(gf.Language),
		Items:    make([]Item, 0, len(gf.Items)),
	}
	base, _ := url.Parse(f.Link)
	if base != nil && !base.IsAbs() {
		base = nil
	}
	for _, gi := range gf.Items {
		if gi == nil {
			continue
		}
		it := Item{
			URL:       resolve(base, itemLink(gi)),
			Title:     plainText(gi.Title),
			Author:    authors(gi.Authors),
			Published: published(gi),
			Summary:   strings.TrimSpace(gi.Description),
			Content:   strings.TrimSpace(gi.Content),
			FeedTitle: f.Title,
		}
		it.ID = strings.TrimSpace(gi.GUID)
		if it.ID == "" {
			it.ID = it.URL
		}
		f.Items = append(f.Items, it)
	}
	return f, nil
}

// itemLink is the item's link, or the first of its links.
func itemLink(gi *gofeed.Item) string {
	if l := strings.TrimSpace(gi.Link); l != "" {
		return l
	}
	for _, l := range gi.Links {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// resolve makes ref absolute against base when it is relative and base is
// known.
func resolve(base *url.URL, ref string) string {
	if base == nil || ref == "" {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil || u.IsAbs() {
		return ref
	}
	return base.ResolveReference(u).String()
}

func authors(people []*gofeed.Person) string {
	names := make([]string, 0, len(people))
	for _, p := range people {
		if p == nil {
			continue
		}
		name := plainText(p.Name)
		if name == "" {
			name = strings.TrimSpace(p.Email)
		}
		if name != "" {
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

var (
	// clockRe finds a time of day in a date string.
	clockRe = regexp.MustCompile(`\d{1,2}:\d{2}`)
	// offsetRe finds a numeric UTC offset, or Z, ending a date string.
	offsetRe = regexp.MustCompile(`(?:\dZ|([+-])(\d{2}):?(\d{2}))\s*$`)
	// zoneRe finds a zone abbreviation ending a date string ("GMT", "EST").
	zoneRe = regexp.MustCompile(`\d\s*\(?([A-Za-z]{1,5})\)?\s*$`)
)

// published turns the item's publication (else update) date into a
// news.Time. gofeed converts RSS and Atom times to UTC; the source's own
// offset is restored, because it keeps the local day, which relative
// dates in the text ("on Friday") refer to.
func published(gi *gofeed.Item) news.Time {
	raw, t := gi.Published, gi.PublishedParsed
	if t == nil {
		raw, t = gi.Updated, gi.UpdatedParsed
	}
	if t == nil || t.IsZero() {
		return news.Time{}
	}
	raw = strings.TrimSpace(raw)
	v := t.Truncate(time.Second)
	if !clockRe.MatchString(raw) {
		y, m, d := v.Date()
		return news.Time{T: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), Precision: news.PrecisionDay}
	}
	zoned := func(name string, offset int) news.Time {
		loc := time.UTC
		if offset != 0 {
			loc = time.FixedZone(name, offset)
		}
		return news.Time{T: v.In(loc), Precision: news.PrecisionMinute, Zoned: true}
	}
	if m := offsetRe.FindStringSubmatch(raw); m != nil {
		offset := 0
		if m[1] != "" {
			offset = (atoi2(m[2])*60 + atoi2(m[3])) * 60
			if m[1] == "-" {
				offset = -offset
			}
		}
		return zoned("", offset)
	}
	if m := zoneRe.FindStringSubmatch(raw); m != nil {
		name := strings.ToUpper(m[1])
		if offset, ok := zoneOffsets[name]; ok {
			return zoned(name, offset)
		}
		// gofeed gave an unknown abbreviation a zero offset: the wall
		// clock as written is all that is known.
	}
	return news.Time{
		T:         time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), 0, time.UTC),
		Precision: news.PrecisionMinute,
	}
}

// zoneOffsets are the zone abbreviations gofeed converts with a known
// offset, in seconds east of UTC.
var zoneOffsets = map[string]int{
	"Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "WET": 0,
	"WEST": 1 * 3600, "BST": 1 * 3600, "CET": 1 * 3600, "CEST": 2 * 3600, "EET": 2 * 3600, "EEST": 3 * 3600,
	"EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
}

func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

// plainText returns the text of an HTML or plain-text fragment, entities
// decoded and white space collapsed.
func plainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.Join(strings.Fields(s), " ")
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0 // depth inside script and style
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				skip++
			case "br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr":
				b.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				skip = max(skip-1, 0)
			case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr":
				b.WriteByte(' ')
			}
		}
	}
}

// snippetLength is the length of text, in characters, under which an
// item's body is taken for a teaser rather than the article.
const snippetLength = 400

// teaserEndings end bodies that are cut short; they are compared with
// the lower-cased end of the text.
var teaserEndings = []string{
	"…", "...", "[…]", "[...]", "[ … ]", "[ ... ]",
	"read more", "read more »", "continue reading", "keep reading", "read the full story",
	"read the full article", "read full story", "read full article", "full story", "read the rest",
}

// NeedsPage reports whether the item carries only a snippet, so the caller
// should fetch its page for the article: its body (Content, else Summary)
// is missing, shorter than about 400 characters of text, or ends in an
// ellipsis or a "Read more" link.
func (it Item) NeedsPage() bool {
	body := it.Content
	if body == "" {
		body = it.Summary
	}
	text := plainText(body)
	if utf8.RuneCountInString(text) < snippetLength {
		return true
	}
	end := strings.ToLower(strings.TrimRight(text, " »›→>:.!-–—"))
	raw := strings.ToLower(strings.TrimSpace(text))
	for _, e := range teaserEndings {
		if strings.HasSuffix(end, e) || strings.HasSuffix(raw, e) {
			return true
		}
	}
	return false
}

// sniffSize bounds how much of a document Sniff looks at.
const sniffSize = 4 << 10

// Sniff reports whether b looks like a feed: an XML document whose root
// element is rss, rdf:RDF or an Atom feed, or a JSON object with a JSON
// Feed version URL. Only the first few kilobytes are examined.
func Sniff(b []byte) bool {
	if len(b) > sniffSize {
		b = b[:sniffSize]
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	b = bytes.TrimLeft(b, " \t\r\n")
	switch {
	case len(b) == 0:
		return false
	case b[0] == '{':
		return bytes.Contains(b, []byte(`"version"`)) && bytes.Contains(b, []byte("jsonfeed.org/version"))
	case b[0] != '<':
		return false
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	// Only the root element's name is needed, which any ASCII-compatible
	// encoding spells the same.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		tok, err := d.RawToken()
		if err != nil {
			return false
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch strings.ToLower(se.Name.Local) {
			case "rss":
				return true
			case "rdf":
				return strings.EqualFold(se.Name.Space, "rdf")
			case "feed":
				// Atom, or a feed element with no namespace at all.
				for _, a := range se.Attr {
					if a.Name.Space == "" && a.Name.Local == "xmlns" {
						return strings.HasPrefix(a.Value, "http://www.w3.org/2005/Atom") ||
							strings.HasPrefix(a.Value, "http://purl.org/atom/")
					}
				}
				return se.Name.Space == ""
			}
			return false
		}
	}
}
