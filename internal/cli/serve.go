package cli

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/brief"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/poll"
	"github.com/parallax-news/parallax/internal/queue"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/web"
)

// Defaults of serve.
const (
	defaultServeAddr = "127.0.0.1:8080"
	// shutdownGrace is how long a shutdown waits for requests and ingests
	// in flight before cancelling them (their unfinished batches roll
	// back).
	shutdownGrace = 30 * time.Second
	// feedHostDelay spaces two requests to one host.
	feedHostDelay = 2 * time.Second
)

// Timeouts of the HTTP server: a slow client cannot hold a connection
// forever, and an upload or ingest has minutes.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 2 * time.Minute
	writeTimeout      = 5 * time.Minute
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 64 << 10
)

func runServe(ctx context.Context, args []string, env Env) error {
	fs := newFlags("serve", env)
	db := dbFlag(fs)
	addr := fs.String("addr", defaultServeAddr, "address to listen on; anything but loopback needs --token")
	feedsFile := fs.String("feeds", "", "file of feed URLs to poll, one a line (# comments)")
	token := fs.String("token", "", "token writing requests must carry (default $PARALLAX_TOKEN)")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching loopback and private-network addresses")
	interval := fs.Duration("poll-interval", poll.DefaultInterval, "time between two polls of a feed")
	workers := fs.Int("workers", 0, "extraction workers (default: number of cores; unused with a postgres:// --db, where workers ingest)")
	maxBody := fs.Int64("max-body", api.DefaultMaxBodyBytes, "size limit of one API request body, in bytes")
	maxUpload := fs.Int64("max-upload", web.DefaultMaxUploadBytes, "size limit of one upload from the add page, in bytes")
	summaryWords := fs.Int("summary-words", 0, "length of story summaries in words (default: the summariser's)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("serve: unexpected argument %q", rest[0])
	}
	if *token == "" {
		*token = env.Getenv("PARALLAX_TOKEN")
	}
	loopback, err := loopbackAddr(*addr)
	if err != nil {
		return usagef("serve: --addr %q: %v", *addr, err)
	}
	if !loopback && *token == "" {
		return usagef("serve: --addr %s is reachable from other machines: set --token (or $PARALLAX_TOKEN) so that only you can add articles", *addr)
	}
	var feeds []string
	if *feedsFile != "" {
		if feeds, err = readFeedList(*feedsFile); err != nil {
			return fmt.Errorf("serve: %w", err)
		}
	}

	st, err := openStore(ctx, *db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	// On PostgreSQL, writes become jobs for `parallax worker` processes:
	// the analysis stage of a shared database runs in one worker at a
	// time, never beside it in this process.
	var jobs api.Enqueuer
	if dsn := cmp.Or(*db, defaultDBPath(env)); isPostgres(dsn) {
		q, err := queue.Open(ctx, dsn)
		if err != nil {
			return fmt.Errorf("serve: open queue: %w", err)
		}
		defer q.Close()
		jobs = q
	}

	fetcher := fetch.New(fetch.Options{AllowPrivate: *allowPrivate, PerHostDelay: feedHostDelay})
	defer fetcher.CloseIdleConnections()
	bopts := brief.Options{SummaryWords: *summaryWords}
	svc := api.New(st, api.Options{
		Brief: func(ctx context.Context, st store.Archive, id string) (*news.Brief, error) {
			return brief.Build(ctx, st, id, bopts)
		},
		Fetch:   fetcher,
		Workers: *workers,
		Queue:   jobs,
	})

	// hardCtx ends work still running when the shutdown grace is over.
	hardCtx, hardStop := context.WithCancel(context.WithoutCancel(ctx))
	defer hardStop()
	logf := func(format string, args ...any) {
		fmt.Fprintf(env.Stderr, "parallax: "+format+"\n", args...)
	}
	poller := poll.New(nil, poll.Options{
		Fetch:    fetcher,
		Interval: *interval,
		Logf:     logf,
		Ingest: func(pctx context.Context, feedURL string, body []byte) error {
			ictx, cancel := context.WithCancel(pctx)
			defer context.AfterFunc(hardCtx, cancel)()
			defer cancel()
			res, err := svc.IngestFeedBody(ictx, feedURL, body)
			if err != nil {
				return err
			}
			if res.Failed > 0 && res.Stored() == 0 {
				return fmt.Errorf("no item of the feed could be ingested: %s", res.Failures[0].Reason)
			}
			return nil
		},
	})
	for _, f := range feeds {
		if err := poller.Add(f); err != nil {
			return fmt.Errorf("serve: %s: %w", *feedsFile, err)
		}
	}
	ui, err := web.New(svc, web.Options{
		Token:          *token,
		Feeds:          poller,
		MaxUploadBytes: *maxUpload,
		MaxBodyBytes:   *maxBody,
		LoopbackHosts:  loopback,
		Logf:           logf,
	})
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{
		Handler:           ui,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		BaseContext:       func(net.Listener) context.Context { return hardCtx },
	}
	mode := ""
	if jobs != nil {
		mode = "; articles added are queued for `parallax worker`"
	}
	fmt.Fprintf(env.Stderr, "parallax: serving http://%s (%d feeds polled%s)\n", ln.Addr(), len(feeds), mode)

	pollCtx, pollStop := context.WithCancel(ctx)
	defer pollStop()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // owner: runServe, which waits for it
		defer wg.Done()
		_ = poller.Run(pollCtx) // returns pollCtx's error once it is done
	}()
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }() // ends with Shutdown or Close below

	var runErr error
	select {
	case <-ctx.Done():
	case err := <-serveErr:
		runErr = fmt.Errorf("serve: %w", err)
	}
	// Stop accepting, let requests and feed ingests in flight finish for
	// up to shutdownGrace, then cancel what remains; the store closes
	// last (deferred above).
	fmt.Fprintln(env.Stderr, "parallax: shutting down")
	pollStop()
	graceCtx, graceStop := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer graceStop()
	if err := srv.Shutdown(graceCtx); err != nil {
		hardStop()
		_ = srv.Close()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-graceCtx.Done():
		hardStop()
		<-done
	}
	if runErr != nil && !errors.Is(runErr, http.ErrServerClosed) {
		return runErr
	}
	return nil
}

// isPostgres reports whether a --db value names a PostgreSQL database.
func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// loopbackAddr reports whether a listen address binds loopback only.
func loopbackAddr(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, err
	}
	if strings.EqualFold(host, "localhost") {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}

// readFeedList reads feed URLs, one a line; blank lines and lines
// starting with # are skipped.
func readFeedList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read feeds: %w", err)
	}
	defer f.Close()
	var urls []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		urls = append(urls, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read feeds %s: %w", path, err)
	}
	return urls, nil
}
