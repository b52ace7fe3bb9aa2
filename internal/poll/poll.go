// Package poll fetches a list of feeds on a schedule and hands each new
// version of a feed to an ingest function.
//
// Every feed is fetched with a conditional GET (ETag, Last-Modified), so
// an unchanged feed costs its server a 304 and Parallax nothing. Feeds of
// one host are never fetched at the same time, and the fetch client
// spaces requests to a host (fetch.Options.PerHostDelay). A feed that
// fails is retried after an exponentially growing delay, capped at
// MaxBackoff, and back at its interval after its first success. All work
// happens inside Run, which returns when its context is done and every
// fetch and ingest it started has ended.
package poll

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/news"
)

// Defaults for Options.
const (
	DefaultInterval   = 15 * time.Minute
	DefaultMaxBackoff = 6 * time.Hour
	DefaultWorkers    = 4
	// firstBackoff is the wait after a first failure, doubled after each
	// further one.
	firstBackoff = time.Minute
)

// IngestFunc ingests one fetched version of a feed. Its error marks the
// poll as failed (the feed is retried with backoff).
type IngestFunc func(ctx context.Context, feedURL string, body []byte) error

// Options configure a Poller.
type Options struct {
	// Fetch fetches the feeds; required.
	Fetch *fetch.Client
	// Ingest is called with every feed body that changed; required.
	Ingest IngestFunc
	// Interval is the time between two polls of a healthy feed.
	Interval time.Duration
	// MaxBackoff caps the wait after repeated failures.
	MaxBackoff time.Duration
	// FirstBackoff is the wait after a first failure (one minute when 0).
	FirstBackoff time.Duration
	// Workers bounds the feeds fetched at once.
	Workers int
	// Logf, when set, receives one line per failure.
	Logf func(format string, args ...any)
}

// Status is the state of one feed.
type Status struct {
	URL          string    `json:"url"`
	LastPoll     time.Time `json:"last_poll"`
	LastChange   time.Time `json:"last_change"`
	NextPoll     time.Time `json:"next_poll"`
	Failures     int       `json:"failures"` // consecutive
	LastError    string    `json:"last_error,omitempty"`
	Polls        int       `json:"polls"`
	NotModified  int       `json:"not_modified"`
	ETag         string    `json:"-"`
	LastModified string    `json:"-"`
}

// Poller polls feeds. Add and Feeds are safe to call at any time, Run
// once.
type Poller struct {
	opts Options

	mu    sync.Mutex
	feeds map[string]*Status
	busy  map[string]bool // hosts with a fetch in flight
	wake  chan struct{}   // a feed was added
}

// New returns a Poller of the given feed URLs.
func New(urls []string, opts Options) *Poller {
	if opts.Interval <= 0 {
		opts.Interval = DefaultInterval
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = DefaultMaxBackoff
	}
	if opts.FirstBackoff <= 0 {
		opts.FirstBackoff = firstBackoff
	}
	if opts.Workers <= 0 {
		opts.Workers = DefaultWorkers
	}
	p := &Poller{opts: opts, feeds: map[string]*Status{}, busy: map[string]bool{}, wake: make(chan struct{}, 1)}
	for _, u := range urls {
		_ = p.Add(u)
	}
	return p
}

// Add starts polling a feed URL, first at once. Adding a feed already
// polled does nothing; a URL that is not absolute http(s) is an error
// wrapping news.ErrInvalid.
func (p *Poller) Add(rawURL string) error {
	rawURL = strings.TrimSpace(rawURL)
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("poll %q: not an http(s) URL: %w", rawURL, news.ErrInvalid)
	}
	p.mu.Lock()
	if _, ok := p.feeds[rawURL]; !ok {
		p.feeds[rawURL] = &Status{URL: rawURL}
	}
	p.mu.Unlock()
	select {
	case p.wake <- struct{}{}:
	default:
	}
	return nil
}

// Feeds returns the state of every feed, by URL.
func (p *Poller) Feeds() []Status {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]Status, 0, len(p.feeds))
	for _, s := range p.feeds {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out
}

// Run polls until ctx is done, then waits for the polls in flight. It
// returns ctx's error.
func (p *Poller) Run(ctx context.Context) error {
	sem := make(chan struct{}, p.opts.Workers)
	var wg sync.WaitGroup
	defer wg.Wait()
	timer := time.NewTimer(0)
	defer timer.Stop()
	done := make(chan struct{}, p.opts.Workers)
	for {
		for _, f := range p.due(time.Now(), len(sem), cap(sem)) {
			sem <- struct{}{}
			wg.Add(1)
			go func() { // owner: Run, which waits for it
				defer wg.Done()
				defer func() {
					<-sem
					select { // wake Run; one pending signal is enough
					case done <- struct{}{}:
					default:
					}
				}()
				p.poll(ctx, f)
			}()
		}
		timer.Reset(p.untilNext(time.Now()))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-timer.C:
		case <-p.wake:
		case <-done:
		}
	}
}

// due marks busy and returns the feeds whose time has come and whose
// host is idle, at most free of them.
func (p *Poller) due(now time.Time, inFlight, workers int) []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var urls []string
	for u, s := range p.feeds {
		if !s.NextPoll.After(now) {
			urls = append(urls, u)
		}
	}
	sort.Slice(urls, func(i, j int) bool { return p.feeds[urls[i]].NextPoll.Before(p.feeds[urls[j]].NextPoll) })
	var out []string
	for _, u := range urls {
		if inFlight+len(out) >= workers {
			break
		}
		h := host(u)
		if p.busy[h] {
			continue
		}
		p.busy[h] = true
		// Not due again until this poll sets its real next time.
		p.feeds[u].NextPoll = now.Add(p.opts.MaxBackoff)
		out = append(out, u)
	}
	return out
}

// untilNext is the wait until the next feed is due (at most a minute, so
// that hosts freed by finished polls are seen soon).
func (p *Poller) untilNext(now time.Time) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	d := time.Minute
	for u, s := range p.feeds {
		if p.busy[host(u)] {
			continue
		}
		d = min(d, s.NextPoll.Sub(now))
	}
	return max(d, 10*time.Millisecond)
}

func host(u string) string {
	pu, err := url.Parse(u)
	if err != nil {
		return u
	}
	return strings.ToLower(pu.Hostname())
}

// poll fetches one feed conditionally and ingests it when it changed.
func (p *Poller) poll(ctx context.Context, feedURL string) {
	p.mu.Lock()
	cond := fetch.Conditional{ETag: p.feeds[feedURL].ETag, LastModified: p.feeds[feedURL].LastModified}
	p.mu.Unlock()

	resp, err := p.opts.Fetch.Get(ctx, feedURL, cond)
	changed := false
	if err == nil && !resp.NotModified {
		changed = true
		// An ingest that has started finishes even when ctx ends, so that a
		// shutdown does not leave a feed half-read; the caller bounds it.
		err = p.opts.Ingest(context.WithoutCancel(ctx), feedURL, resp.Body)
	}

	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.busy, host(feedURL))
	s := p.feeds[feedURL]
	s.LastPoll = now
	s.Polls++
	switch {
	case err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()):
		s.NextPoll = now // interrupted: poll again at the next start
	case err != nil:
		s.Failures++
		s.LastError = err.Error()
		s.NextPoll = now.Add(p.backoff(s.Failures))
		if p.opts.Logf != nil {
			p.opts.Logf("poll %s: %v (failure %d, next try in %s)", feedURL, err, s.Failures, s.NextPoll.Sub(now).Round(time.Second))
		}
	default:
		s.Failures = 0
		s.LastError = ""
		s.ETag, s.LastModified = resp.ETag, resp.LastModified
		if changed {
			s.LastChange = now
		} else {
			s.NotModified++
		}
		s.NextPoll = now.Add(jitter(p.opts.Interval))
	}
}

// backoff is the wait after n consecutive failures: FirstBackoff doubled
// n-1 times, capped at MaxBackoff, with ±10% jitter so that feeds which
// failed together do not retry together.
func (p *Poller) backoff(n int) time.Duration {
	d := p.opts.FirstBackoff
	for i := 1; i < n && d < p.opts.MaxBackoff; i++ {
		d *= 2
	}
	return min(jitter(d), p.opts.MaxBackoff)
}

// jitter spreads d by ±10%.
func jitter(d time.Duration) time.Duration {
	if d <= 0 {
		return d
	}
	spread := int64(d) / 10
	if spread == 0 {
		return d
	}
	return d - time.Duration(spread) + time.Duration(rand.Int64N(2*spread+1))
}
