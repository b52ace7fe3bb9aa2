package store

import (
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Row is an article's derived column values, computed before a store's
// write transaction so that its locks are held for SQL only.
type Row struct {
	Hash      string // news.Article.ContentHash
	Published string // news.Time's string form
	Sentences []byte // EncodeSpans' blob
}

// NewRow derives a's Row.
func NewRow(a *news.Article) Row {
	return Row{Hash: a.ContentHash(), Published: a.Published.String(), Sentences: EncodeSpans(a.Sentences)}
}

// Pending is what Put will report for one article once its batch commits.
type Pending struct {
	Outcome  Outcome
	ID       string
	Revision int
	Ingested int64 // Unix nanoseconds
}

// ApplyPending updates each article to what its committed Pending says,
// as Put promises, and returns the outcomes in order.
func ApplyPending(articles []*news.Article, results []Pending) []Outcome {
	outcomes := make([]Outcome, len(articles))
	for i, a := range articles {
		r := results[i]
		outcomes[i] = r.Outcome
		a.ID = r.ID
		a.Revision = r.Revision
		a.Ingested = time.Unix(0, r.Ingested).UTC()
	}
	return outcomes
}
