// Package extract turns one raw input — an HTML page or scraped plain text
// with no markup left — into a clean article body and its metadata: title,
// author, outlet, publication time and canonical URL.
//
// Every function here is pure: bytes and hints in, a Result out. Reading
// files, fetching and storing belong to package ingest.
package extract

import "github.com/parallax-news/parallax/internal/news"

// Hints is what the caller already knows about an input before reading it:
// fields from a JSON record, a feed item, or the URL a page came from.
// A non-empty hint wins over what extraction would guess, except that an
// empty body is never taken from hints.
type Hints struct {
	URL       string
	Source    string
	Title     string
	Author    string
	Published news.Time
}

// Result is one extracted article.
type Result struct {
	Title     string
	Author    string
	Source    string // outlet name, "" when nothing names it
	URL       string // canonical URL when the page or text gives one
	Published news.Time
	// Text is the cleaned body: paragraphs separated by a blank line,
	// furniture removed, NFC-normalised.
	Text string
	// Removed lists the lines dropped as page furniture, for `--explain`
	// style diagnostics and tests.
	Removed []string
}
