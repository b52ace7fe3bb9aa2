package ingest

import (
	"bytes"
	"path/filepath"
	"strings"
)

// kind is what a raw document turned out to be once its bytes were seen.
type kind int

const (
	kindText kind = iota
	kindHTML
	kindJSON // one JSON object, a JSON array of objects, or JSON Lines
	kindFeed // RSS, Atom or JSON Feed
)

func (k kind) String() string {
	return [...]string{"text", "html", "json", "feed"}[k]
}

// extKind maps a file extension (after any .gz) to the kind it suggests.
func extKind(name string) (kind, bool) {
	name = strings.ToLower(name)
	name = strings.TrimSuffix(name, ".gz")
	switch filepath.Ext(name) {
	case ".html", ".htm", ".xhtml":
		return kindHTML, true
	case ".json", ".jsonl", ".ndjson":
		return kindJSON, true
	case ".txt", ".md", ".markdown", ".text":
		return kindText, true
	case ".xml", ".rss", ".atom":
		return kindFeed, true
	}
	return kindText, false
}

// sniff decides the kind of a document from its first bytes, falling back to
// the extension's suggestion when the content is ambiguous. Content wins
// over the extension: an .html file holding plain text is read as text,
// a .txt file holding a page as HTML.
func sniff(b []byte, name string) kind {
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	lower := bytes.ToLower(head)
	ext, hasExt := extKind(name)
	switch {
	case len(lower) == 0:
		return ext
	case lower[0] == '{' || lower[0] == '[':
		if bytes.Contains(lower, []byte("jsonfeed.org/version")) {
			return kindFeed
		}
		if lower[0] == '{' || bytes.HasPrefix(bytes.TrimLeft(lower[1:], " \t\r\n"), []byte("{")) {
			return kindJSON
		}
	case bytes.HasPrefix(lower, []byte("<?xml")) || bytes.HasPrefix(lower, []byte("<rss")) ||
		bytes.HasPrefix(lower, []byte("<feed")) || bytes.HasPrefix(lower, []byte("<rdf:rdf")):
		if bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) ||
			bytes.Contains(lower, []byte("<rdf:rdf")) {
			return kindFeed
		}
		if bytes.Contains(lower, []byte("<html")) {
			return kindHTML
		}
	case bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		bytes.HasPrefix(lower, []byte("<head")) || bytes.HasPrefix(lower, []byte("<body")):
		return kindHTML
	case lower[0] == '<' && htmlTagShare(lower) > 0.02:
		return kindHTML
	}
	if hasExt && ext == kindHTML && htmlTagShare(lower) > 0.01 {
		return kindHTML
	}
	return kindText
}

// htmlTagShare is the share of the bytes of head taken by common block tags;
// scraped text that merely mentions "<p>" stays well below it.
func htmlTagShare(head []byte) float64 {
	if len(head) == 0 {
		return 0
	}
	n := 0
	for _, tag := range [][]byte{[]byte("<p>"), []byte("<p "), []byte("<div"), []byte("</div>"), []byte("</p>"),
		[]byte("<a href"), []byte("<span"), []byte("<meta"), []byte("<script"), []byte("<br")} {
		n += bytes.Count(head, tag) * len(tag)
	}
	return float64(n) / float64(len(head))
}
