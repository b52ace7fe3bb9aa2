package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/queue"
	"github.com/parallax-news/parallax/internal/store"
)

// BriefFunc assembles the brief of one story (brief.Build with its
// options bound). An unknown story is an error wrapping news.ErrNotFound.
type BriefFunc func(ctx context.Context, st store.Archive, storyID string) (*news.Brief, error)

// Options configure a Service.
type Options struct {
	// Brief builds a story's brief; it is required.
	Brief BriefFunc
	// Fetch fetches URL sources and feed items' pages; nil disables URL
	// ingestion (it then fails with news.ErrUnsupported).
	Fetch *fetch.Client
	// Workers is the number of extraction workers (0: all cores).
	Workers int
	// Cluster configures the stories stage (zero: its defaults).
	Cluster cluster.Config
	// Queue, when set, puts the Service in queue mode: every ingest is
	// turned into jobs on the queue, as `parallax enqueue` makes them, and
	// the workers sharing the database store and analyse them; nothing is
	// ingested in this process. Set it when the store is a database that
	// `parallax worker` processes analyse: two stories stages must never
	// run on one database.
	Queue Enqueuer
	// Split is how many JSON records a queued job carries
	// (queue.DefaultSplit when 0).
	Split int
}

// Enqueuer is the job queue of queue mode (a *queue.PG).
type Enqueuer interface {
	Enqueue(ctx context.Context, jobs []queue.Job) ([]int64, error)
}

// Service is what the JSON API and the web UI both offer: listing and
// reading stories, briefs and articles, searching, comparing two
// articles, and ingesting records, files, URLs and feeds through the same
// pipeline as `parallax ingest`. It is safe for concurrent use; ingests
// run one at a time, because the copies and stories stages must see new
// articles one batch after another, while reads go on beside them. In
// queue mode (Options.Queue) ingests only enqueue jobs, and the workers do
// the rest.
type Service struct {
	st    store.Archive
	brief BriefFunc
	fetch *fetch.Client
	queue Enqueuer
	split int

	ingestMu sync.Mutex // serialises ingests; guards stdin
	in       *ingest.Ingester
	stdin    *stdinSlot

	cache *briefCache
}

// New returns a Service over st. The caller keeps ownership of st and
// closes it after the Service's last use.
func New(st store.Archive, opts Options) *Service {
	if opts.Brief == nil {
		panic("api.New: Options.Brief is required")
	}
	s := &Service{st: st, brief: opts.Brief, fetch: opts.Fetch, stdin: &stdinSlot{}, cache: newBriefCache(briefCacheSize)}
	if opts.Queue != nil {
		s.queue, s.split = opts.Queue, opts.Split
		if s.split <= 0 {
			s.split = queue.DefaultSplit
		}
		return s
	}
	// One Ingester for the life of the Service, so that the analyzers'
	// in-memory indexes and the extractor's per-outlet line counts carry
	// over from one ingest to the next.
	s.in = ingest.New(st, ingest.Options{
		Workers:   opts.Workers,
		Fetch:     opts.Fetch,
		Stdin:     s.stdin,
		Analyzers: ingest.Analyzers(st, opts.Cluster),
	})
	return s
}

// Store returns the archive the Service reads and writes.
func (s *Service) Store() store.Archive { return s.st }

// Queued reports whether the Service is in queue mode: ingests enqueue
// jobs and answer before anything is stored.
func (s *Service) Queued() bool { return s.queue != nil }

// stdinSlot is the Ingester's standard input, pointed at one request's
// records for the length of one ingest (under ingestMu).
type stdinSlot struct{ r io.Reader }

func (s *stdinSlot) Read(p []byte) (int, error) {
	if s.r == nil {
		return 0, io.EOF
	}
	return s.r.Read(p)
}

// StoryFilter narrows a story listing. Zero fields do not filter.
type StoryFilter struct {
	// Since and Until keep stories active in [Since, Until]: last seen at
	// or after Since, first seen at or before Until.
	Since, Until time.Time
	// Outlet keeps stories one of whose outlets contains it (any case).
	Outlet string
	// Limit caps the list (DefaultStoryLimit when 0, at most MaxStoryLimit).
	Limit int
}

// briefRecheck is how long a cached brief is served without comparing
// its story with the store.
const briefRecheck = time.Second

// Limits of story listings.
const (
	DefaultStoryLimit = 50
	MaxStoryLimit     = 1000
	// maxFilterScan is how many of the most recent stories a filtered
	// listing looks through.
	maxFilterScan = 5000
	// outletScan is how many recent stories the outlet choices come from.
	outletScan = 200
)

// Stories lists live stories, most recently active day first and the
// biggest first within a day, filtered by f.
func (s *Service) Stories(ctx context.Context, f StoryFilter) ([]news.Story, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultStoryLimit
	}
	limit = min(limit, MaxStoryLimit)
	filtered := !f.Since.IsZero() || !f.Until.IsZero() || f.Outlet != ""
	fetchN := limit
	if filtered {
		// The store lists without filters: filter the most recent ones.
		fetchN = maxFilterScan
	}
	list, err := s.st.Stories(ctx, fetchN)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	out := make([]news.Story, 0, min(len(list), limit))
	outlet := strings.ToLower(strings.TrimSpace(f.Outlet))
	for _, st := range list {
		if len(out) == limit {
			break
		}
		if !f.Since.IsZero() && st.LastSeen.Before(f.Since) {
			continue
		}
		if !f.Until.IsZero() && st.FirstSeen.After(f.Until) {
			continue
		}
		if outlet != "" && !hasOutlet(st.Outlets, outlet) {
			continue
		}
		out = append(out, st)
	}
	return out, nil
}

func hasOutlet(outlets []string, lower string) bool {
	for _, o := range outlets {
		if strings.Contains(strings.ToLower(o), lower) {
			return true
		}
	}
	return false
}

// Outlets lists the distinct outlets of the most recent stories, sorted,
// for a filter's choices.
func (s *Service) Outlets(ctx context.Context) ([]string, error) {
	list, err := s.st.Stories(ctx, outletScan)
	if err != nil {
		return nil, fmt.Errorf("list outlets: %w", err)
	}
	seen := map[string]bool{}
	var out []string
	for _, st := range list {
		for _, o := range st.Outlets {
			if !seen[o] {
				seen[o] = true
				out = append(out, o)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// ArticleMeta is what a story page shows of each article beside the brief.
type ArticleMeta struct {
	ID        string    `json:"id"`
	Source    string    `json:"source"`
	Title     string    `json:"title"`
	Published news.Time `json:"published"`
	URL       string    `json:"url"`
}

// StoryBrief is one story with its brief, its articles' headlines and the
// copy links among its articles. It is shared between requests through
// the cache: callers must not modify it.
type StoryBrief struct {
	Story    news.Story
	Brief    *news.Brief
	Articles map[string]ArticleMeta
	// Links are the copies stage's links whose two articles are both in
	// the story, highest coverage first.
	Links []news.Link
	Built time.Time
}

// Story returns the story with this id (a merged id resolves to its live
// story) and its brief. Briefs are cached per story and rebuilt when the
// story's articles change. An unknown id is an error wrapping
// news.ErrNotFound.
func (s *Service) Story(ctx context.Context, id string) (*StoryBrief, error) {
	// Ingests through this Service drop the briefs they change at once;
	// the store is asked again only to notice other writers (another
	// process ingesting into the same database), at most every
	// briefRecheck per story, which keeps busy pages off the database.
	if sb, ok := s.cache.fresh(id, briefRecheck); ok {
		return sb, nil
	}
	st, err := s.st.Story(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	return s.cache.do(st.ID, fingerprint(st), func() (*StoryBrief, error) {
		// The build is shared by every request waiting for it: one
		// client going away must not fail the others.
		return s.buildStory(context.WithoutCancel(ctx), st)
	})
}

func (s *Service) buildStory(ctx context.Context, st news.Story) (*StoryBrief, error) {
	b, err := s.brief(ctx, s.st, st.ID)
	if err != nil {
		return nil, fmt.Errorf("brief of story %s: %w", st.ID, err)
	}
	sb := &StoryBrief{Story: st, Brief: b, Articles: make(map[string]ArticleMeta, len(st.Articles)), Built: time.Now()}
	inStory := make(map[string]bool, len(st.Articles))
	for _, id := range st.Articles {
		inStory[id] = true
	}
	seen := map[[2]string]bool{}
	for _, id := range st.Articles {
		a, err := s.st.Article(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("story %s: article %s: %w", st.ID, id, err)
		}
		sb.Articles[id] = ArticleMeta{ID: a.ID, Source: a.Source, Title: a.Title, Published: a.Published, URL: a.URL}
		links, err := s.st.Links(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("story %s: links of %s: %w", st.ID, id, err)
		}
		for _, l := range links {
			k := [2]string{l.Copy, l.Original}
			if inStory[l.Copy] && inStory[l.Original] && !seen[k] {
				seen[k] = true
				l.Pairs = nil
				sb.Links = append(sb.Links, l)
			}
		}
	}
	sort.SliceStable(sb.Links, func(i, j int) bool { return sb.Links[i].Coverage > sb.Links[j].Coverage })
	return sb, nil
}

// fingerprint identifies a state of a story's membership: a brief built
// for one fingerprint is stale for any other.
func fingerprint(st news.Story) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(len(st.Articles)))
	b.WriteByte('|')
	b.WriteString(st.LastSeen.UTC().Format(time.RFC3339Nano))
	for _, id := range st.Articles {
		b.WriteByte('|')
		b.WriteString(id)
	}
	return b.String()
}

// Article returns the export record of one article, or an error wrapping
// news.ErrNotFound.
func (s *Service) Article(ctx context.Context, id string) (*ArticleRecord, *news.Article, error) {
	a, err := s.st.Article(ctx, id)
	if err != nil {
		return nil, nil, fmt.Errorf("article %s: %w", id, err)
	}
	story, err := s.st.StoryOf(ctx, id)
	if err != nil && !errors.Is(err, news.ErrNotFound) {
		return nil, nil, fmt.Errorf("story of article %s: %w", id, err)
	}
	dup, derived, err := s.st.Provenance(ctx, id)
	if err != nil {
		return nil, nil, fmt.Errorf("provenance of article %s: %w", id, err)
	}
	rec := NewArticleRecord(a, story, dup, derived)
	return &rec, a, nil
}

// Links returns the copies stage's links of one article.
func (s *Service) Links(ctx context.Context, id string) ([]news.Link, error) {
	links, err := s.st.Links(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("links of article %s: %w", id, err)
	}
	return links, nil
}

// Limits of searches.
const (
	DefaultSearchLimit = 20
	MaxSearchLimit     = 200
)

// SearchHit is a full-text hit with the story of its article.
type SearchHit struct {
	store.Hit
	Story string `json:"story,omitempty"`
}

// Search runs a full-text query (see store.Store.Search for its syntax).
func (s *Service) Search(ctx context.Context, query string, limit int) ([]SearchHit, error) {
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	hits, err := s.st.Search(ctx, query, min(limit, MaxSearchLimit))
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	out := make([]SearchHit, len(hits))
	for i, h := range hits {
		out[i].Hit = h
		story, err := s.st.StoryOf(ctx, h.ID)
		if err != nil && !errors.Is(err, news.ErrNotFound) {
			return nil, fmt.Errorf("search %q: story of %s: %w", query, h.ID, err)
		}
		out[i].Story = story
	}
	return out, nil
}

// Compare aligns two stored articles (see Comparison). An unknown id is
// an error wrapping news.ErrNotFound.
func (s *Service) Compare(ctx context.Context, idA, idB string) (*Comparison, error) {
	a, err := s.st.Article(ctx, idA)
	if err != nil {
		return nil, fmt.Errorf("compare: article %s: %w", idA, err)
	}
	b, err := s.st.Article(ctx, idB)
	if err != nil {
		return nil, fmt.Errorf("compare: article %s: %w", idB, err)
	}
	c := Compare(a, b)
	return &c, nil
}

// IngestResult is what one ingest stored.
type IngestResult struct {
	Inserted  int       `json:"inserted"`
	Revised   int       `json:"revised"`
	Unchanged int       `json:"unchanged"`
	Failed    int       `json:"failed"`
	Failures  []Failure `json:"failures"`
	// IDs are the stored (or already stored) articles' ids, in order.
	IDs []string `json:"ids"`
	// Stories are the live stories of those articles, without repeats.
	Stories []string `json:"stories"`
	Seconds float64  `json:"seconds"`
	// Queued and Jobs are what an ingest in queue mode did instead: the
	// number of inputs it queued (records, files, URLs or feeds) and the
	// ids of their jobs, in order. The counts above are then zero: the
	// workers store the articles later.
	Queued int     `json:"queued,omitempty"`
	Jobs   []int64 `json:"jobs,omitempty"`
}

// Stored is the number of articles stored or found already stored.
func (r *IngestResult) Stored() int { return r.Inserted + r.Revised + r.Unchanged }

// Failure is one input that could not be ingested.
type Failure struct {
	Input  string `json:"input"`
	Reason string `json:"reason"`
}

// NamedFile is one uploaded file: its name (only the base name is used,
// and decides the article id as for `parallax ingest FILE`) and content.
type NamedFile struct {
	Name string
	Body io.Reader
}

// IngestRecords ingests input records ({id, source, title, author,
// published, url, text | html}). Every record is checked before any is
// ingested: a record without text or html fails the whole call with an
// error wrapping news.ErrInvalid and nothing is stored.
func (s *Service) IngestRecords(ctx context.Context, recs []ingest.Record) (*IngestResult, error) {
	if len(recs) == 0 {
		return nil, fmt.Errorf("ingest records: no records: %w", news.ErrEmpty)
	}
	for i, r := range recs {
		if strings.TrimSpace(r.Text) == "" && strings.TrimSpace(r.HTML) == "" {
			return nil, fmt.Errorf("ingest records: record %d has neither text nor html: %w", i+1, news.ErrInvalid)
		}
	}
	body, err := encodeRecords(recs)
	if err != nil {
		return nil, fmt.Errorf("ingest records: %w", err)
	}
	if s.queue != nil {
		jobs, err := queue.RecordJobs(body, "posted", s.split)
		if err != nil {
			return nil, fmt.Errorf("ingest records: %w", err)
		}
		return s.enqueue(ctx, "ingest records", len(recs), jobs)
	}
	return s.run(ctx, []string{"-"}, body, func(in string) string {
		return strings.Replace(in, "stdin:", "record ", 1)
	})
}

// IngestFeedBody ingests a feed document already fetched from feedURL
// (the poller fetches feeds itself, conditionally); items that carry only
// a snippet have their pages fetched.
func (s *Service) IngestFeedBody(ctx context.Context, feedURL string, body []byte) (*IngestResult, error) {
	if !feed.Sniff(body) {
		return nil, fmt.Errorf("ingest feed %s: not an RSS, Atom or JSON feed: %w", feedURL, news.ErrInvalid)
	}
	if s.queue != nil {
		// One job carrying the body fetched: the workers do not fetch the
		// feed again, only the pages of items that carry a snippet.
		j, err := queue.FileJob("feed", feedURL, body)
		if err != nil {
			return nil, fmt.Errorf("ingest feed %s: %w", feedURL, err)
		}
		return s.enqueue(ctx, "ingest feed "+feedURL, 1, []queue.Job{j})
	}
	return s.run(ctx, []string{"-"}, strings.NewReader(string(body)), func(in string) string {
		return strings.Replace(in, "stdin", feedURL, 1)
	})
}

// IngestURLs fetches and ingests http(s) pages and feeds. Addresses the
// fetch client refuses (private networks unless allowed) fail as inputs.
func (s *Service) IngestURLs(ctx context.Context, urls []string) (*IngestResult, error) {
	if len(urls) == 0 {
		return nil, fmt.Errorf("ingest URLs: none given: %w", news.ErrEmpty)
	}
	for _, u := range urls {
		l := strings.ToLower(u)
		if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
			return nil, fmt.Errorf("ingest %q: only http and https URLs can be fetched: %w", u, news.ErrInvalid)
		}
	}
	if s.queue != nil {
		// The workers fetch (their --allow-private applies).
		jobs := make([]queue.Job, len(urls))
		for i, u := range urls {
			jobs[i] = queue.Job{Kind: queue.KindSource, Payload: u, Label: u}
		}
		return s.enqueue(ctx, "ingest URLs", len(urls), jobs)
	}
	if s.fetch == nil {
		return nil, fmt.Errorf("ingest URLs: fetching is disabled: %w", news.ErrUnsupported)
	}
	return s.run(ctx, urls, nil, nil)
}

// IngestFiles ingests uploaded files as `parallax ingest` reads files:
// text, HTML, JSON records or a feed, told apart by content and name.
func (s *Service) IngestFiles(ctx context.Context, files []NamedFile) (*IngestResult, error) {
	if len(files) == 0 {
		return nil, fmt.Errorf("ingest files: none given: %w", news.ErrEmpty)
	}
	if s.queue != nil {
		return s.enqueueFiles(ctx, files)
	}
	dir, err := os.MkdirTemp("", "parallax-upload-")
	if err != nil {
		return nil, fmt.Errorf("ingest files: %w", err)
	}
	defer os.RemoveAll(dir)
	paths := make([]string, 0, len(files))
	for i, f := range files {
		name := safeName(f.Name)
		sub := filepath.Join(dir, strconv.Itoa(i))
		if err := os.Mkdir(sub, 0o700); err != nil {
			return nil, fmt.Errorf("ingest files: %w", err)
		}
		p := filepath.Join(sub, name)
		if err := writeFile(p, f.Body); err != nil {
			return nil, fmt.Errorf("ingest files: %s: %w", name, err)
		}
		paths = append(paths, p)
	}
	prefix := dir + string(filepath.Separator)
	return s.run(ctx, paths, nil, func(in string) string {
		if rest, ok := strings.CutPrefix(in, prefix); ok {
			if _, name, ok := strings.Cut(rest, string(filepath.Separator)); ok {
				return name
			}
		}
		return in
	})
}

// enqueueFiles queues uploaded files: JSON files split into jobs of
// records, any other file one job carrying it (queue.FileJobs).
func (s *Service) enqueueFiles(ctx context.Context, files []NamedFile) (*IngestResult, error) {
	var jobs []queue.Job
	for _, f := range files {
		name := safeName(f.Name)
		body, err := io.ReadAll(f.Body)
		if err != nil {
			return nil, fmt.Errorf("ingest files: %s: %w", name, err)
		}
		if len(bytes.TrimSpace(body)) == 0 {
			return nil, fmt.Errorf("ingest files: %s is empty: %w", name, news.ErrEmpty)
		}
		js, err := queue.FileJobs(name, body, s.split)
		if err != nil {
			return nil, fmt.Errorf("ingest files: %w: %w", err, news.ErrInvalid)
		}
		jobs = append(jobs, js...)
	}
	return s.enqueue(ctx, "ingest files", len(files), jobs)
}

// enqueue puts the jobs of n inputs on the queue.
func (s *Service) enqueue(ctx context.Context, what string, n int, jobs []queue.Job) (*IngestResult, error) {
	start := time.Now()
	ids, err := s.queue.Enqueue(ctx, jobs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return &IngestResult{
		Failures: []Failure{}, IDs: []string{}, Stories: []string{},
		Seconds: time.Since(start).Seconds(), Queued: n, Jobs: ids,
	}, nil
}

func writeFile(path string, r io.Reader) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// safeName keeps the base name of an uploaded file, without path or
// control characters; an empty name becomes "upload.txt".
func safeName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '/' {
			return -1
		}
		return r
	}, name)
	name = strings.TrimLeft(name, ".")
	if name == "" {
		return "upload.txt"
	}
	if len(name) > 200 {
		name = name[len(name)-200:]
	}
	return name
}

// run runs one ingest through the shared Ingester. stdin, when set, is
// what the source "-" reads; rename rewrites failures' input names.
func (s *Service) run(ctx context.Context, sources []string, stdin io.Reader, rename func(string) string) (*IngestResult, error) {
	s.ingestMu.Lock()
	s.stdin.r = stdin
	sum, runErr := s.in.Run(ctx, sources)
	s.stdin.r = nil
	s.ingestMu.Unlock()

	res := &IngestResult{
		Inserted: sum.Inserted, Revised: sum.Revised, Unchanged: sum.Unchanged, Failed: sum.Failed,
		Failures: []Failure{}, IDs: sum.IDs, Stories: []string{}, Seconds: sum.Elapsed.Seconds(),
	}
	if res.IDs == nil {
		res.IDs = []string{}
	}
	for _, f := range sum.Failures {
		in := f.Input
		if rename != nil {
			in = rename(in)
		}
		res.Failures = append(res.Failures, Failure{Input: in, Reason: f.Err.Error()})
	}
	// The stories these articles are in have changed: drop their briefs.
	// (A read that raced the ingest may have cached a brief of the old
	// membership; the fingerprint check catches that on the next read.)
	seen := map[string]bool{}
	sctx := context.WithoutCancel(ctx)
	for _, id := range res.IDs {
		story, err := s.st.StoryOf(sctx, id)
		if err != nil {
			continue // not clustered (the stage failed or was interrupted)
		}
		if !seen[story] {
			seen[story] = true
			res.Stories = append(res.Stories, story)
			s.cache.drop(story)
		}
	}
	if runErr != nil {
		return res, fmt.Errorf("ingest: %w", runErr)
	}
	return res, nil
}
