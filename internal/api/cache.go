package api

import (
	"sync"
	"time"
)

// briefCacheSize bounds the briefs kept: a brief of a large story is a
// few hundred kilobytes at most.
const briefCacheSize = 256

// briefCache keeps built story briefs by live story id. An entry is valid
// for one fingerprint of its story's membership and is dropped when an
// ingest touches the story. Concurrent misses on one story wait for a
// single build instead of each building it.
type briefCache struct {
	mu      sync.Mutex
	max     int
	entries map[string]*cacheEntry
	order   []string // insertion order, for eviction
	// gen counts drops; a build that started before a drop of its story
	// is not cached, since it may have read the old articles.
	gen     uint64
	dropped map[string]uint64 // story → gen of its last drop
	flights map[string]*flight
}

type cacheEntry struct {
	fp string
	sb *StoryBrief
	// checked is when fp was last compared with the store.
	checked time.Time
}

type flight struct {
	done chan struct{}
	fp   string
	sb   *StoryBrief
	err  error
}

func newBriefCache(max int) *briefCache {
	return &briefCache{max: max, entries: map[string]*cacheEntry{}, dropped: map[string]uint64{}, flights: map[string]*flight{}}
}

// do returns the cached brief of story id for fingerprint fp, or builds it
// with build, sharing one build among concurrent callers.
func (c *briefCache) do(id, fp string, build func() (*StoryBrief, error)) (*StoryBrief, error) {
	c.mu.Lock()
	if e, ok := c.entries[id]; ok && e.fp == fp {
		e.checked = time.Now()
		c.mu.Unlock()
		return e.sb, nil
	}
	if f, ok := c.flights[id]; ok && f.fp == fp {
		c.mu.Unlock()
		<-f.done
		return f.sb, f.err
	}
	f := &flight{done: make(chan struct{}), fp: fp}
	c.flights[id] = f
	start := c.gen
	c.mu.Unlock()

	f.sb, f.err = build()

	c.mu.Lock()
	if c.flights[id] == f {
		delete(c.flights, id)
	}
	if f.err == nil && c.dropped[id] <= start {
		c.putLocked(id, fp, f.sb)
	}
	c.mu.Unlock()
	close(f.done)
	return f.sb, f.err
}

func (c *briefCache) putLocked(id, fp string, sb *StoryBrief) {
	if _, ok := c.entries[id]; !ok {
		for len(c.order) >= c.max {
			delete(c.entries, c.order[0])
			c.order = c.order[1:]
		}
		c.order = append(c.order, id)
	}
	c.entries[id] = &cacheEntry{fp: fp, sb: sb, checked: time.Now()}
}

// fresh returns the brief cached under id when its fingerprint was
// checked against the store less than maxAge ago.
func (c *briefCache) fresh(id string, maxAge time.Duration) (*StoryBrief, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[id]
	if !ok || time.Since(e.checked) >= maxAge {
		return nil, false
	}
	return e.sb, true
}

// drop forgets the brief of story id.
func (c *briefCache) drop(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.dropped[id] = c.gen
	if len(c.dropped) > 4*c.max && len(c.flights) == 0 {
		// Drops matter only to builds in flight; with none, forget them.
		clear(c.dropped)
	}
	if _, ok := c.entries[id]; ok {
		delete(c.entries, id)
		for i, o := range c.order {
			if o == id {
				c.order = append(c.order[:i], c.order[i+1:]...)
				break
			}
		}
	}
}
