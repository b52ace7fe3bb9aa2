package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// newServer starts a loopback server with the test's routes.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Tue, 05 Mar 2024 10:00:00 GMT")
		fmt.Fprintf(w, "<p>ua=%s</p>", r.UserAgent())
	})
	mux.HandleFunc("GET /cond", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") == "Tue, 05 Mar 2024 10:00:00 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Write([]byte("fresh"))
	})
	mux.HandleFunc("GET /redirect/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		if n == 0 {
			w.Write([]byte("arrived"))
			return
		}
		http.Redirect(w, r, "/redirect/"+strconv.Itoa(n-1), http.StatusFound)
	})
	mux.HandleFunc("GET /to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/hosts", http.StatusMovedPermanently)
	})
	mux.HandleFunc("GET /status/{code}", func(w http.ResponseWriter, r *http.Request) {
		code, _ := strconv.Atoi(r.PathValue("code"))
		w.WriteHeader(code)
	})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("GET /big", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("length") != "" {
			w.Header().Set("Content-Length", "5000")
		}
		w.Write(bytes.Repeat([]byte("x"), 5000))
	})
	mux.HandleFunc("GET /gzip", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "gzip expected", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write(bytes.Repeat([]byte("z"), n))
		zw.Close()
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func local(opts Options) *Client {
	opts.AllowPrivate = true
	return New(opts)
}

func TestClient_Get(t *testing.T) {
	srv := newServer(t)
	c := local(Options{})
	ctx := context.Background()

	t.Run("success", func(t *testing.T) {
		resp, err := c.Get(ctx, srv.URL+"/page", Conditional{})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := string(resp.Body), "<p>ua="+DefaultUserAgent+"</p>"; got != want {
			t.Errorf("body = %q, want %q", got, want)
		}
		if resp.Status != 200 || resp.NotModified {
			t.Errorf("status = %d, not modified = %v", resp.Status, resp.NotModified)
		}
		if got, want := resp.ContentType, "text/html; charset=utf-8"; got != want {
			t.Errorf("content type = %q, want %q", got, want)
		}
		if resp.ETag != `"v1"` || resp.LastModified != "Tue, 05 Mar 2024 10:00:00 GMT" {
			t.Errorf("validators = %q, %q", resp.ETag, resp.LastModified)
		}
		if resp.FinalURL != srv.URL+"/page" || resp.URL != srv.URL+"/page" {
			t.Errorf("urls = %q, %q", resp.URL, resp.FinalURL)
		}
	})

	t.Run("custom user agent", func(t *testing.T) {
		resp, err := local(Options{UserAgent: "Tester/1"}).Get(ctx, srv.URL+"/page", Conditional{})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := string(resp.Body), "<p>ua=Tester/1</p>"; got != want {
			t.Errorf("body = %q, want %q", got, want)
		}
	})

	t.Run("conditional", func(t *testing.T) {
		for _, cond := range []Conditional{{ETag: `"v1"`}, {LastModified: "Tue, 05 Mar 2024 10:00:00 GMT"}} {
			resp, err := c.Get(ctx, srv.URL+"/cond", cond)
			if err != nil {
				t.Fatal(err)
			}
			if !resp.NotModified || resp.Status != http.StatusNotModified || len(resp.Body) != 0 {
				t.Errorf("%+v: not modified = %v, status %d, body %q", cond, resp.NotModified, resp.Status, resp.Body)
			}
			if resp.ETag != cond.ETag || resp.LastModified != cond.LastModified {
				t.Errorf("%+v: validators not kept: %q, %q", cond, resp.ETag, resp.LastModified)
			}
		}
		resp, err := c.Get(ctx, srv.URL+"/cond", Conditional{ETag: `"old"`})
		if err != nil {
			t.Fatal(err)
		}
		if resp.NotModified || string(resp.Body) != "fresh" {
			t.Errorf("stale copy: not modified = %v, body %q", resp.NotModified, resp.Body)
		}
	})

	t.Run("redirects", func(t *testing.T) {
		resp, err := c.Get(ctx, srv.URL+"/redirect/5", Conditional{})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := resp.FinalURL, srv.URL+"/redirect/0"; got != want {
			t.Errorf("final URL = %q, want %q", got, want)
		}
		if string(resp.Body) != "arrived" {
			t.Errorf("body = %q", resp.Body)
		}
	})

	t.Run("too many redirects", func(t *testing.T) {
		u := srv.URL + "/redirect/6"
		_, err := c.Get(ctx, u, Conditional{})
		if err == nil || !strings.Contains(err.Error(), "stopped after 5 redirects") || !strings.Contains(err.Error(), u) {
			t.Errorf("err = %v, want stopped after 5 redirects naming %s", err, u)
		}
		_, err = local(Options{MaxRedirects: -1}).Get(ctx, srv.URL+"/redirect/1", Conditional{})
		if err == nil {
			t.Error("MaxRedirects -1 followed a redirect")
		}
	})

	t.Run("redirect to another scheme", func(t *testing.T) {
		_, err := c.Get(ctx, srv.URL+"/to-file", Conditional{})
		if !errors.Is(err, news.ErrUnsupported) {
			t.Errorf("err = %v, want ErrUnsupported", err)
		}
	})

	t.Run("gzip", func(t *testing.T) {
		resp, err := c.Get(ctx, srv.URL+"/gzip?n=100", Conditional{})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := string(resp.Body), strings.Repeat("z", 100); got != want {
			t.Errorf("body = %q, want %q", got, want)
		}
	})
}

func TestClient_GetErrors(t *testing.T) {
	srv := newServer(t)
	ctx := context.Background()
	tests := []struct {
		name    string
		opts    Options
		url     string
		is      error  // sentinel the error must wrap, if any
		message string // text the error must contain
	}{
		{"404", Options{}, srv.URL + "/status/404", news.ErrNotFound, "fetch " + srv.URL + "/status/404: 404 Not Found"},
		{"410", Options{}, srv.URL + "/status/410", news.ErrNotFound, "410 Gone"},
		{"500", Options{}, srv.URL + "/status/500", nil, "fetch " + srv.URL + "/status/500: 500 Internal Server Error"},
		{"timeout", Options{Timeout: 100 * time.Millisecond}, srv.URL + "/slow", nil, "timed out"},
		{"oversize, streamed", Options{MaxBytes: 1000}, srv.URL + "/big", news.ErrTooLarge, "over the limit of 1000 bytes"},
		{"oversize, declared", Options{MaxBytes: 1000}, srv.URL + "/big?length=1", news.ErrTooLarge, "5000 bytes"},
		{"gzip bomb", Options{MaxBytes: 1000}, srv.URL + "/gzip?n=100000", news.ErrTooLarge, "over the limit"},
		{"file scheme", Options{}, "file:///etc/passwd", news.ErrUnsupported, `fetch file:///etc/passwd: scheme "file"`},
		{"ftp scheme", Options{}, "ftp://example.com/a.txt", news.ErrUnsupported, `scheme "ftp"`},
		{"javascript", Options{}, "javascript:alert(1)", news.ErrUnsupported, `scheme "javascript"`},
		{"relative", Options{}, "/just/a/path", news.ErrUnsupported, "not an absolute URL"},
		{"no host", Options{}, "http:///path", news.ErrInvalid, "no host"},
		{"bad url", Options{}, "http://a b/", news.ErrInvalid, "fetch http://a b/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := local(tt.opts).Get(ctx, tt.url, Conditional{})
			if err == nil {
				t.Fatalf("Get(%s) = %d %q, want an error", tt.url, resp.Status, resp.Body)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("err = %v, want it to wrap %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.message) {
				t.Errorf("err = %q, want it to contain %q", err, tt.message)
			}
		})
	}
	t.Run("status error", func(t *testing.T) {
		_, err := local(Options{}).Get(ctx, srv.URL+"/status/503", Conditional{})
		var se *StatusError
		if !errors.As(err, &se) || se.Code != 503 {
			t.Fatalf("err = %v, want *StatusError 503", err)
		}
		if errors.Is(err, news.ErrNotFound) {
			t.Error("503 matches ErrNotFound")
		}
	})
	t.Run("connection refused", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		u := "http://" + ln.Addr().String() + "/"
		ln.Close()
		_, err = local(Options{}).Get(ctx, u, Conditional{})
		if err == nil || !strings.Contains(err.Error(), "fetch "+u) || !strings.Contains(err.Error(), "refused") {
			t.Errorf("err = %v, want connection refused naming %s", err, u)
		}
	})
	t.Run("unknown host", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		u := "http://no-such-host.invalid/page"
		_, err := local(Options{}).Get(ctx, u, Conditional{})
		if err == nil || !strings.Contains(err.Error(), "fetch "+u) {
			t.Errorf("err = %v, want an error naming %s", err, u)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(ctx)
		cancel()
		_, err := local(Options{}).Get(ctx, srv.URL+"/page", Conditional{})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
}

func TestClient_PrivateAddresses(t *testing.T) {
	srv := newServer(t)
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	c := New(Options{}) // AllowPrivate false
	for _, u := range []string{
		srv.URL + "/page",
		fmt.Sprintf("http://localhost:%d/page", port), // refused after resolution
		fmt.Sprintf("http://[::1]:%d/page", port),
		"http://0.0.0.0:1/page",
		"http://169.254.169.254/latest/meta-data/",
		"http://10.0.0.1:1/",
		"http://192.168.1.1:1/",
	} {
		t.Run(u, func(t *testing.T) {
			_, err := c.Get(context.Background(), u, Conditional{})
			if !errors.Is(err, news.ErrUnsupported) || !strings.Contains(err.Error(), "non-public address") {
				t.Errorf("err = %v, want a refused non-public address", err)
			}
		})
	}
	t.Run("redirect to a private address", func(t *testing.T) {
		// A public-looking first hop cannot be served on loopback in a
		// test, so check the dial hook directly for the addresses a
		// redirect could lead to.
		for _, addr := range []string{"127.0.0.1:80", "[::1]:443", "[fd00::1]:80", "100.64.0.1:80", "[::ffff:127.0.0.1]:80"} {
			if err := refusePrivate("tcp", addr, nil); !errors.Is(err, news.ErrUnsupported) {
				t.Errorf("refusePrivate(%s) = %v, want refused", addr, err)
			}
		}
		for _, addr := range []string{"93.184.216.34:443", "[2606:4700::1111]:443"} {
			if err := refusePrivate("tcp", addr, nil); err != nil {
				t.Errorf("refusePrivate(%s) = %v, want allowed", addr, err)
			}
		}
	})
}

func TestClient_PerHostDelay(t *testing.T) {
	var (
		mu       sync.Mutex
		arrivals []time.Time
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		mu.Unlock()
	}))
	defer srv.Close()
	const delay = 80 * time.Millisecond
	c := local(Options{PerHostDelay: delay})

	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if _, err := c.Get(context.Background(), srv.URL, Conditional{}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()

	slices.SortFunc(arrivals, func(a, b time.Time) int { return a.Compare(b) })
	if len(arrivals) != 4 {
		t.Fatalf("got %d requests, want 4", len(arrivals))
	}
	// Allow for timer and scheduling slack; the point is spacing, not
	// precision.
	for i := 1; i < len(arrivals); i++ {
		if gap := arrivals[i].Sub(arrivals[i-1]); gap < delay*3/4 {
			t.Errorf("requests %d and %d only %v apart, want about %v", i-1, i, gap, delay)
		}
	}

	t.Run("cancelled while waiting", func(t *testing.T) {
		c := local(Options{PerHostDelay: time.Hour})
		if _, err := c.Get(context.Background(), srv.URL, Conditional{}); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		if _, err := c.Get(ctx, srv.URL, Conditional{}); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want context.DeadlineExceeded", err)
		}
	})
}
