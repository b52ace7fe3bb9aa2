package reuse

import (
	"sync"

	"github.com/parallax-news/parallax/internal/news"
)

// MaxCandidates is how many candidates of a new article are verified by
// alignment; candidates come best first, and a real original shares far
// more keys than the topical neighbours ranked after it.
const MaxCandidates = 16

// Verify compares a new article with its candidates and returns the links
// found. The candidates also serve each other as witnesses for the
// direction.
func Verify(d *Doc, candidates []*Doc) []news.Link {
	var links []news.Link
	for _, c := range candidates {
		if c == nil || c.ID == d.ID {
			continue
		}
		if l, ok := Copied(d, c, candidates); ok {
			links = append(links, l)
		}
	}
	return links
}

// Archive is an in-memory archive: an Index plus the prepared articles.
// It serves evaluation and benchmarks; ingest keeps the prepared articles
// in the store instead. It is safe for concurrent use.
type Archive struct {
	idx  *Index
	mu   sync.RWMutex
	docs map[string]*Doc
}

// NewArchive returns an empty archive.
func NewArchive() *Archive {
	return &Archive{idx: NewIndex(), docs: make(map[string]*Doc)}
}

// Add archives an article.
func (ar *Archive) Add(a *news.Article) {
	d := Prepare(a)
	ar.AddDoc(d, Keys(d))
}

// AddDoc archives a prepared article with its keys.
func (ar *Archive) AddDoc(d *Doc, keys []Key) {
	ar.mu.Lock()
	ar.docs[d.ID] = d
	ar.mu.Unlock()
	ar.idx.Add(d.ID, keys)
}

// Check returns the links between a, not yet archived, and the archive.
func (ar *Archive) Check(a *news.Article) []news.Link {
	d := Prepare(a)
	return ar.CheckDoc(d, Keys(d))
}

// CheckDoc is Check for a prepared article and its keys.
func (ar *Archive) CheckDoc(d *Doc, keys []Key) []news.Link {
	cands := ar.idx.Candidates(d.ID, keys, MaxCandidates)
	docs := make([]*Doc, 0, len(cands))
	ar.mu.RLock()
	for _, c := range cands {
		docs = append(docs, ar.docs[c.ID])
	}
	ar.mu.RUnlock()
	return Verify(d, docs)
}
