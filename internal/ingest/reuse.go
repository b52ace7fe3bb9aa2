package ingest

import (
	"context"
	"errors"
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/reuse"
	"github.com/parallax-news/parallax/internal/store"
)

// ReuseAnalyzer is the copies stage as an Analyzer: each new article is
// looked up in an in-memory index of the archive's signatures, verified
// against its candidates by sentence alignment, and its links and
// signature are stored; then it joins the index. Nothing is recomputed for
// the rest of the archive, except that a new article serves as a witness
// for the direction of links among its own candidates.
//
// The index is rebuilt from the stored signatures on first use (articles
// stored before the stage existed, or whose signatures are of an older
// version, get theirs computed then). Use one ReuseAnalyzer per store:
// Analyze is called from one goroutine at a time, as Analyzer requires.
type ReuseAnalyzer struct {
	links    store.ReuseStore
	articles store.Store
	idx      *reuse.Index
	// docs caches prepared articles: a wire story's copies are candidates
	// of one another again and again, and preparing one costs more than
	// comparing it.
	docs *docCache
	// known caches the stored links of articles, as Links gave them:
	// rejudge reads the links of every candidate of every arrival, and
	// most have none. An article's entry is dropped when a link naming it
	// is stored (this analyzer is the store's one writer of links).
	known *linkCache
}

// docCacheSize bounds the prepared articles kept (a few KB each).
const docCacheSize = 4096

// docCache is a bounded map of prepared articles with first-in first-out
// eviction. It is used from the analyzer's one goroutine.
type docCache struct {
	m     map[string]*reuse.Doc
	order []string
	next  int
}

func newDocCache(n int) *docCache {
	return &docCache{m: make(map[string]*reuse.Doc, n), order: make([]string, 0, n)}
}

func (c *docCache) get(id string) (*reuse.Doc, bool) {
	d, ok := c.m[id]
	return d, ok
}

func (c *docCache) put(d *reuse.Doc) {
	if _, ok := c.m[d.ID]; ok {
		c.m[d.ID] = d
		return
	}
	if len(c.order) < cap(c.order) {
		c.order = append(c.order, d.ID)
	} else {
		delete(c.m, c.order[c.next])
		c.order[c.next] = d.ID
		c.next = (c.next + 1) % len(c.order)
	}
	c.m[d.ID] = d
}

// linkCache is a bounded map of articles' stored links with first-in
// first-out eviction. It is used from the analyzer's one goroutine.
type linkCache struct {
	m     map[string][]news.Link
	order []string
	next  int
}

func newLinkCache(n int) *linkCache {
	return &linkCache{m: make(map[string][]news.Link, n), order: make([]string, 0, n)}
}

func (c *linkCache) get(id string) ([]news.Link, bool) {
	l, ok := c.m[id]
	return l, ok
}

func (c *linkCache) put(id string, links []news.Link) {
	if _, ok := c.m[id]; ok {
		c.m[id] = links
		return
	}
	if len(c.order) < cap(c.order) {
		c.order = append(c.order, id)
	} else {
		delete(c.m, c.order[c.next])
		c.order[c.next] = id
		c.next = (c.next + 1) % len(c.order)
	}
	c.m[id] = links
}

// drop forgets an article's links. Its id stays in the eviction order,
// where it may later evict the article's next entry early: a cache miss,
// never a stale answer.
func (c *linkCache) drop(id string) {
	delete(c.m, id)
}

// NewReuseAnalyzer returns the copies stage over a store: links keeps the
// results, articles is read for candidates' texts. With the SQLite
// backend both are the same *sqlite.DB.
func NewReuseAnalyzer(links store.ReuseStore, articles store.Store) *ReuseAnalyzer {
	return &ReuseAnalyzer{links: links, articles: articles, docs: newDocCache(docCacheSize), known: newLinkCache(docCacheSize)}
}

// Analyze implements Analyzer.
func (r *ReuseAnalyzer) Analyze(ctx context.Context, articles []*news.Article) error {
	if r.idx == nil {
		if err := r.load(ctx, articles); err != nil {
			return err
		}
	}
	var sigs []store.ReuseSignature
	var links []news.Link
	batch := make(map[string]*reuse.Doc, len(articles))
	for _, a := range articles {
		d := reuse.Prepare(a)
		keys := reuse.Keys(d)
		cands := r.idx.Candidates(a.ID, keys, reuse.MaxCandidates)
		docs := make([]*reuse.Doc, 0, len(cands))
		for _, c := range cands {
			cd, err := r.doc(ctx, c.ID, batch)
			if err != nil {
				return err
			}
			if cd != nil {
				docs = append(docs, cd)
			}
		}
		links = append(links, reuse.Verify(d, docs)...)
		revised, err := r.rejudge(ctx, d, docs, batch)
		if err != nil {
			return err
		}
		links = append(links, revised...)
		sigs = append(sigs, store.ReuseSignature{Article: a.ID, Version: reuse.KeysVersion, Keys: toUint64(keys)})
		r.idx.Add(a.ID, keys)
		batch[a.ID] = d
		r.docs.put(d)
	}
	for _, l := range links {
		r.known.drop(l.Copy)
		r.known.drop(l.Original)
	}
	if err := r.links.PutReuse(ctx, sigs, links); err != nil {
		return fmt.Errorf("store copies of %d articles: %w", len(articles), err)
	}
	return nil
}

// doc prepares a candidate, from the current batch or the store. A
// candidate deleted meanwhile is skipped.
func (r *ReuseAnalyzer) doc(ctx context.Context, id string, batch map[string]*reuse.Doc) (*reuse.Doc, error) {
	if d, ok := batch[id]; ok {
		return d, nil
	}
	if d, ok := r.docs.get(id); ok {
		return d, nil
	}
	a, err := r.articles.Article(ctx, id)
	if errors.Is(err, news.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read candidate %s: %w", id, err)
	}
	d := reuse.Prepare(a)
	r.docs.put(d)
	return d, nil
}

// rejudge re-decides the direction of the links of a new article's
// candidates with the new article as a further witness: a third article
// quoting verbatim what a copy reworded may arrive after both (its
// candidates include the articles it shares long quotations with). A link
// is replaced only when the direction becomes surer.
func (r *ReuseAnalyzer) rejudge(ctx context.Context, d *reuse.Doc, docs []*reuse.Doc, batch map[string]*reuse.Doc) ([]news.Link, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	// The links were judged with the witnesses of their day; what is new
	// is d, so d alone is the witness (and the comparison stays cheap).
	witnesses := []*reuse.Doc{d}
	known := make(map[string]*reuse.Doc, len(docs))
	for _, c := range docs {
		known[c.ID] = c
	}
	done := make(map[[2]string]bool)
	var out []news.Link
	for _, c := range docs {
		if len(done) >= maxRejudge {
			break
		}
		old, err := r.storedLinks(ctx, c.ID)
		if err != nil {
			return nil, err
		}
		for _, l := range old {
			key := [2]string{l.Copy, l.Original}
			if done[key] || l.DirectionConfidence >= rejudgeAbove || len(done) >= maxRejudge {
				continue
			}
			done[key] = true
			a, b := known[l.Copy], known[l.Original]
			for _, p := range []struct {
				id  string
				dst **reuse.Doc
			}{{l.Copy, &a}, {l.Original, &b}} {
				if *p.dst == nil {
					if *p.dst, err = r.doc(ctx, p.id, batch); err != nil {
						return nil, err
					}
					known[p.id] = *p.dst
				}
			}
			if a == nil || b == nil {
				continue
			}
			if link, ok := reuse.Copied(a, b, witnesses); ok && link.DirectionConfidence > l.DirectionConfidence {
				out = append(out, link)
			}
		}
	}
	return out, nil
}

// storedLinks returns Links of an article, from the cache when it holds
// them.
func (r *ReuseAnalyzer) storedLinks(ctx context.Context, id string) ([]news.Link, error) {
	if l, ok := r.known.get(id); ok {
		return l, nil
	}
	l, err := r.links.Links(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("links of candidate %s: %w", id, err)
	}
	r.known.put(id, l)
	return l, nil
}

// rejudgeAbove: links whose direction is at least this sure (publication
// times) are not re-decided.
const rejudgeAbove = 0.8

// maxRejudge bounds the links one new article re-decides: a story carried
// by dozens of outlets would otherwise make every arrival compare every
// pair of its copies again (measured: 11 ms of CPU an article on real
// sets with five copies of each story). The nearest candidates come first,
// and they are the likeliest witnesses.
const maxRejudge = 4

// load rebuilds the index from the stored signatures, computing the
// missing and stale ones from the articles. The batch about to be analysed
// is left out: it is checked against the archive first.
func (r *ReuseAnalyzer) load(ctx context.Context, batch []*news.Article) error {
	idx := reuse.NewIndex()
	have := make(map[string]bool)
	for _, a := range batch {
		have[a.ID] = true
	}
	err := r.links.Signatures(ctx, func(sg store.ReuseSignature) error {
		if sg.Version != reuse.KeysVersion || have[sg.Article] {
			return nil
		}
		have[sg.Article] = true
		idx.Add(sg.Article, fromUint64(sg.Keys))
		return nil
	})
	if err != nil {
		return fmt.Errorf("load copy signatures: %w", err)
	}
	var missing []store.ReuseSignature
	err = r.articles.Articles(ctx, func(a *news.Article) error {
		if have[a.ID] {
			return nil
		}
		keys := reuse.Keys(reuse.Prepare(a))
		idx.Add(a.ID, keys)
		missing = append(missing, store.ReuseSignature{Article: a.ID, Version: reuse.KeysVersion, Keys: toUint64(keys)})
		return nil
	})
	if err != nil {
		return fmt.Errorf("index archive for copies: %w", err)
	}
	for len(missing) > 0 {
		n := min(len(missing), 1024)
		if err := r.links.PutReuse(ctx, missing[:n], nil); err != nil {
			return fmt.Errorf("store copy signatures: %w", err)
		}
		missing = missing[n:]
	}
	r.idx = idx
	return nil
}

func toUint64(keys []reuse.Key) []uint64 {
	out := make([]uint64, len(keys))
	for i, k := range keys {
		out[i] = uint64(k)
	}
	return out
}

func fromUint64(keys []uint64) []reuse.Key {
	out := make([]reuse.Key, len(keys))
	for i, k := range keys {
		out[i] = reuse.Key(k)
	}
	return out
}
