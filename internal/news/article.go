package news

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Span is a half-open byte range [Start, End) into an article's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Format names the kind of input an article was read from.
type Format string

// Input formats recognised by ingest.
const (
	FormatText Format = "text" // scraped plain text or Markdown, no markup left
	FormatHTML Format = "html" // an HTML page
	FormatJSON Format = "json" // a JSON or JSON Lines record carrying text or html
	FormatFeed Format = "feed" // an item of an RSS, Atom or JSON feed
)

// Article is one cleaned news article: the unit every stage works on.
type Article struct {
	// ID is the record's own id, a file's base name without extensions, or
	// for a URL a stable short hash of the canonical URL (see URLID).
	ID        string `json:"id"`
	Source    string `json:"source"` // the outlet, e.g. "The Moscow Times"
	Title     string `json:"title"`
	Author    string `json:"author"`
	Published Time   `json:"published"`
	URL       string `json:"url"`
	Language  string `json:"language"` // ISO 639-1, "" when unknown
	Text      string `json:"text"`     // the cleaned body, NFC-normalised
	// Sentences are the body's sentences as byte offsets into Text.
	Sentences []Span `json:"sentences,omitempty"`

	Format Format `json:"format,omitempty"`
	// Origin names where the article was read from: a path, a URL, "stdin:LINE".
	Origin string `json:"origin,omitempty"`
	// Revision counts the stored versions of this article, starting at 1.
	Revision int `json:"revision,omitempty"`
	// Ingested is when this revision was stored.
	Ingested time.Time `json:"ingested,omitempty"`
}

// ContentHash is the identity of an article's content: two records with the
// same hash are the same article whatever their ids. It covers the fields a
// reader sees, so an edited title or body yields a new hash (and a new
// revision when the id is the same).
func (a *Article) ContentHash() string {
	h := sha256.New()
	for _, s := range []string{a.Title, a.Author, a.Published.String(), a.URL, a.Text} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// URLID is the stable short id of an article known only by its URL: the
// first 16 hex digits of the SHA-256 of the canonical URL.
func URLID(canonicalURL string) string {
	sum := sha256.Sum256([]byte(canonicalURL))
	return hex.EncodeToString(sum[:8])
}
