// Package fetch provides polite, bounded HTTP GETs for pages and feeds.
//
// A Client refuses anything but http and https, refuses by default to
// connect to loopback, private, link-local and unspecified addresses (the
// check runs when the connection is dialled, after DNS resolution, so a
// name that later resolves elsewhere cannot slip past it), caps body size,
// redirects and time, spaces requests to one host by a minimum interval,
// and supports conditional GETs with ETag and Last-Modified.
//
// Errors name the URL and the reason and wrap the sentinels of package
// news where one applies: news.ErrUnsupported for a scheme or address the
// client will not fetch, news.ErrTooLarge for an oversize body, and
// news.ErrNotFound for 404 and 410 answers (see StatusError).
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Defaults for the zero values of Options.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBytes     = 20 << 20
	DefaultUserAgent    = "Parallax/0.1 (+news story engine)"
	DefaultMaxRedirects = 5
)

// accept is sent with every request: pages and feeds first.
const accept = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,application/xml;q=0.9,text/*;q=0.8,*/*;q=0.5"

// Options configure a Client. The zero value of each field selects its
// default.
type Options struct {
	// Timeout bounds a whole Get, redirects and body included.
	// Default DefaultTimeout.
	Timeout time.Duration
	// MaxBytes bounds the body after decompression. Default
	// DefaultMaxBytes.
	MaxBytes int64
	// UserAgent is sent with every request. Default DefaultUserAgent.
	UserAgent string
	// AllowPrivate permits connections to loopback, private, link-local
	// and unspecified addresses. Off by default; tests against local
	// servers turn it on.
	AllowPrivate bool
	// MaxRedirects is how many redirects a Get follows. Default
	// DefaultMaxRedirects; a negative value follows none.
	MaxRedirects int
	// PerHostDelay is the least time between the starts of two requests
	// to the same host, redirects included. Zero means no spacing.
	PerHostDelay time.Duration
}

// Conditional carries the validators of a copy the caller already has.
// Empty fields are not sent.
type Conditional struct {
	ETag         string
	LastModified string
}

// Response is a fetched document.
type Response struct {
	// URL is the URL asked for; FinalURL the one answered, after
	// redirects.
	URL      string
	FinalURL string
	// Status is the HTTP status code: 200, or 304 with NotModified.
	Status int
	// NotModified is true when the server answered 304 to a conditional
	// GET: the caller's copy is current and Body is empty.
	NotModified bool
	// ContentType is the Content-Type header as sent, parameters included.
	ContentType string
	// Body is the decompressed body, at most Options.MaxBytes long.
	Body []byte
	// ETag and LastModified are the validators to send next time.
	ETag         string
	LastModified string
}

// StatusError reports an answer other than 2xx or 304.
type StatusError struct {
	URL    string
	Code   int
	Status string // "404 Not Found"
}

func (e *StatusError) Error() string { return fmt.Sprintf("fetch %s: %s", e.URL, e.Status) }

// Is makes 404 and 410 answers match news.ErrNotFound.
func (e *StatusError) Is(target error) bool {
	return target == news.ErrNotFound && (e.Code == http.StatusNotFound || e.Code == http.StatusGone)
}

// Client fetches documents. It is safe for concurrent use.
type Client struct {
	opts   Options
	http   *http.Client
	limits *hostLimiter
}

// New returns a Client with opts, defaults filled in.
func New(opts Options) *Client {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.MaxRedirects == 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivate {
		dialer.Control = refusePrivate
	}
	transport := &http.Transport{
		// No proxy: the address check must see the real destination.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          64,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opts.Timeout,
	}
	c := &Client{opts: opts, limits: newHostLimiter(opts.PerHostDelay)}
	c.http = &http.Client{
		Transport:     &politeTransport{next: transport, limits: c.limits},
		Timeout:       opts.Timeout,
		CheckRedirect: c.checkRedirect,
	}
	return c
}

// Get fetches rawURL. It sends the validators in cond, and a 304 answer
// returns a Response with NotModified set and a nil error. Any other
// answer but 2xx is a *StatusError. The error names rawURL and wraps
// news.ErrUnsupported for a scheme other than http or https or a refused
// address, news.ErrTooLarge for a body over MaxBytes, and the transport's
// error (DNS failure, refused connection, timeout, ctx's error) otherwise.
func (c *Client) Get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w: %w", rawURL, news.ErrInvalid, err)
	}
	if err := checkScheme(u); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", accept)
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, c.transportError(rawURL, err)
	}
	defer resp.Body.Close()

	out := &Response{
		URL:          rawURL,
		FinalURL:     resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		if out.ETag == "" {
			out.ETag = cond.ETag
		}
		if out.LastModified == "" {
			out.LastModified = cond.LastModified
		}
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		// Drain a little so the connection can be reused.
		_, _ = io.CopyN(io.Discard, resp.Body, 4<<10)
		return nil, &StatusError{URL: rawURL, Code: resp.StatusCode, Status: resp.Status}
	}

	// The transport asks for gzip and decompresses it; the limit applies
	// to the decompressed body, so a small compressed bomb is caught too.
	if resp.ContentLength > c.opts.MaxBytes && !resp.Uncompressed {
		return nil, fmt.Errorf("fetch %s: body of %d bytes over the limit of %d: %w",
			rawURL, resp.ContentLength, c.opts.MaxBytes, news.ErrTooLarge)
	}
	out.Body, err = io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxBytes+1))
	if err != nil {
		return nil, c.transportError(rawURL, err)
	}
	if int64(len(out.Body)) > c.opts.MaxBytes {
		return nil, fmt.Errorf("fetch %s: body over the limit of %d bytes: %w", rawURL, c.opts.MaxBytes, news.ErrTooLarge)
	}
	return out, nil
}

// CloseIdleConnections closes connections kept alive for reuse.
func (c *Client) CloseIdleConnections() { c.http.CloseIdleConnections() }

// transportError wraps an error of the HTTP client with the URL and a
// plain reason, unwrapping *url.Error, whose text would repeat the URL.
func (c *Client) transportError(rawURL string, err error) error {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	var nerr net.Error
	if errors.As(err, &nerr) && nerr.Timeout() && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("fetch %s: timed out: %w", rawURL, err)
	}
	return fmt.Errorf("fetch %s: %w", rawURL, err)
}

// checkRedirect caps redirects and keeps them on http and https.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > max(c.opts.MaxRedirects, 0) {
		return fmt.Errorf("stopped after %d redirects", len(via)-1)
	}
	if err := checkScheme(req.URL); err != nil {
		return fmt.Errorf("redirect to %s: %w", req.URL, err)
	}
	return nil
}

func checkScheme(u *url.URL) error {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return fmt.Errorf("no host: %w", news.ErrInvalid)
		}
		return nil
	case "":
		return fmt.Errorf("not an absolute URL: %w", news.ErrUnsupported)
	}
	return fmt.Errorf("scheme %q: %w", u.Scheme, news.ErrUnsupported)
}

// refusePrivate is a net.Dialer Control function: it runs on the
// resolved address of every connection and refuses non-public ones.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("refusing address %s: %w", address, news.ErrUnsupported)
	}
	ip := net.ParseIP(host)
	if ip == nil || !isPublic(ip) {
		return fmt.Errorf("refusing non-public address %s: %w", host, news.ErrUnsupported)
	}
	return nil
}

// isPublic reports whether ip is a routable unicast address.
func isPublic(ip net.IP) bool {
	if ip4 := ip.To4(); ip4 != nil {
		ip = ip4
		// 100.64.0.0/10, carrier-grade NAT; 0.0.0.0/8, "this network".
		if ip[0] == 100 && ip[1]&0xC0 == 64 || ip[0] == 0 {
			return false
		}
	}
	return !(ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast())
}

// politeTransport waits for a host's turn before each request, redirects
// included.
type politeTransport struct {
	next   http.RoundTripper
	limits *hostLimiter
}

func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.limits.wait(req.Context(), req.URL.Hostname()); err != nil {
		return nil, err
	}
	return t.next.RoundTrip(req)
}

// hostLimiter hands out request slots at least delay apart per host.
type hostLimiter struct {
	delay time.Duration
	mu    sync.Mutex
	next  map[string]time.Time // host → earliest start of its next request
}

func newHostLimiter(delay time.Duration) *hostLimiter {
	return &hostLimiter{delay: delay, next: make(map[string]time.Time)}
}

// wait blocks until host may be contacted again, or ctx ends. Slots are
// reserved in call order, so concurrent callers queue rather than race.
func (l *hostLimiter) wait(ctx context.Context, host string) error {
	if l.delay <= 0 {
		return nil
	}
	host = strings.ToLower(host)
	now := time.Now()
	l.mu.Lock()
	slot := l.next[host]
	if slot.Before(now) {
		slot = now
	}
	l.next[host] = slot.Add(l.delay)
	if len(l.next) > 1024 {
		// Forget hosts whose interval has passed, so the map stays small.
		for h, t := range l.next {
			if t.Before(now) {
				delete(l.next, h)
			}
		}
	}
	l.mu.Unlock()

	d := slot.Sub(now)
	if d <= 0 {
		return nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
