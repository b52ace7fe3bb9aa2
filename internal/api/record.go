package api

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
)

// ArticleRecord is the contract's JSON form of one article, as `parallax
// export --what articles` writes it (docs/CONTRACTS.md). Fields computed
// by later stages are null until those stages have run.
type ArticleRecord struct {
	ID          string       `json:"id"`
	Source      string       `json:"source"`
	Title       string       `json:"title"`
	Author      string       `json:"author"`
	Published   news.Time    `json:"published"`
	URL         string       `json:"url"`
	Language    string       `json:"language"`
	Story       *string      `json:"story"`
	DuplicateOf *string      `json:"duplicate_of"`
	DerivedFrom []Derivation `json:"derived_from"`
	Revision    int          `json:"revision"`
	Ingested    string       `json:"ingested"`
	Sentences   []news.Span  `json:"sentences"`
	Text        string       `json:"text"`
}

// Derivation is one entry of ArticleRecord.DerivedFrom.
type Derivation struct {
	ID       string  `json:"id"`
	Kind     string  `json:"kind"`
	Coverage float64 `json:"coverage"`
}

// NewArticleRecord builds the record of a; story and provenance come from
// the stories and copies stages ("" and nil when they found none).
func NewArticleRecord(a *news.Article, story, duplicateOf string, derivedFrom []news.Derivation) ArticleRecord {
	r := ArticleRecord{
		ID: a.ID, Source: a.Source, Title: a.Title, Author: a.Author, Published: a.Published,
		URL: a.URL, Language: a.Language, DerivedFrom: []Derivation{}, Revision: a.Revision,
		Sentences: a.Sentences, Text: a.Text,
	}
	if story != "" {
		r.Story = &story
	}
	if duplicateOf != "" {
		r.DuplicateOf = &duplicateOf
	}
	for _, d := range derivedFrom {
		r.DerivedFrom = append(r.DerivedFrom, Derivation{ID: d.ID, Kind: string(d.Kind), Coverage: d.Coverage})
	}
	if !a.Ingested.IsZero() {
		r.Ingested = a.Ingested.UTC().Format(time.RFC3339)
	}
	if r.Sentences == nil {
		r.Sentences = []news.Span{}
	}
	return r
}

// encodeRecords writes records as JSON Lines, the form the pipeline's
// standard input reads.
func encodeRecords(recs []ingest.Record) (*bytes.Reader, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			return nil, err
		}
	}
	return bytes.NewReader(buf.Bytes()), nil
}
