// Package api serves Parallax's JSON API (docs/API.md) and defines
// Service, the operations the API and the web UI share: story listings,
// briefs, articles, search, comparison and ingestion through the same
// pipeline as `parallax ingest` — or, in queue mode (Options.Queue, a
// PostgreSQL database shared with `parallax worker` processes), by
// enqueuing jobs for the workers.
//
// Every error is a JSON object {"error": message, "status": code} with a
// 4xx code for what the client can fix — malformed JSON (400), an
// oversize body (413), an unknown id (404) — and nothing is stored when a
// request is refused.
package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
)

// DefaultMaxBodyBytes bounds a POST body.
const DefaultMaxBodyBytes = 32 << 20

// HandlerOptions configure a Handler.
type HandlerOptions struct {
	// MaxBodyBytes bounds request bodies (DefaultMaxBodyBytes when 0).
	MaxBodyBytes int64
	// Authorize, when set, decides whether a writing request may go on;
	// refused requests get 401. Nil allows every request.
	Authorize func(r *http.Request) bool
}

// Handler serves the JSON API over a Service.
type Handler struct {
	svc  *Service
	opts HandlerOptions
}

// NewHandler returns the API over svc.
func NewHandler(svc *Service, opts HandlerOptions) *Handler {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	return &Handler{svc: svc, opts: opts}
}

// Routes registers every API route on mux.
func (h *Handler) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/v1/stories", h.listStories)
	mux.HandleFunc("GET /api/v1/stories/{id}", h.getStory)
	mux.HandleFunc("GET /api/v1/articles/{id}", h.getArticle)
	mux.HandleFunc("POST /api/v1/articles", h.postArticles)
	mux.HandleFunc("GET /api/v1/search", h.search)
	mux.HandleFunc("GET /api/v1/compare", h.compare)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Errorf("no API endpoint %s %s", r.Method, r.URL.Path))
	})
}

// ServeHTTP serves the API alone (tests, or a server without the UI).
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	mux := http.NewServeMux()
	h.Routes(mux)
	mux.ServeHTTP(w, r)
}

// errorBody is the JSON of every error answer.
type errorBody struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) // the client has gone if this fails; nothing to do
}

func writeError(w http.ResponseWriter, status int, err error) {
	writeJSON(w, status, errorBody{Error: err.Error(), Status: status})
}

// Status is the HTTP status that answers err: 404 for news.ErrNotFound,
// 400 for invalid or empty input, 413 for oversize input, 422 for input
// the pipeline does not support, 503 when the request was cancelled, else
// 500.
func Status(err error) int {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe), errors.Is(err, news.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, news.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, news.ErrInvalid), errors.Is(err, news.ErrEmpty):
		return http.StatusBadRequest
	case errors.Is(err, news.ErrUnsupported), errors.Is(err, news.ErrBinary):
		return http.StatusUnprocessableEntity
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// storyList is the answer of GET /api/v1/stories.
type storyList struct {
	Stories []news.Story `json:"stories"`
}

func (h *Handler) listStories(w http.ResponseWriter, r *http.Request) {
	f, err := ParseStoryFilter(r)
	if err != nil {
		writeError(w, Status(err), err)
		return
	}
	list, err := h.svc.Stories(r.Context(), f)
	if err != nil {
		writeError(w, Status(err), err)
		return
	}
	if list == nil {
		list = []news.Story{}
	}
	writeJSON(w, http.StatusOK, storyList{Stories: list})
}

// ParseStoryFilter reads a story filter from a request's query: limit,
// since and until (YYYY-MM-DD or RFC 3339; until a date means its end)
// and outlet. A malformed value is an error wrapping news.ErrInvalid.
func ParseStoryFilter(r *http.Request) (StoryFilter, error) {
	q := r.URL.Query()
	var f StoryFilter
	var err error
	if v := q.Get("limit"); v != "" {
		if f.Limit, err = strconv.Atoi(v); err != nil || f.Limit < 0 {
			return f, fmt.Errorf("limit %q: not a number of stories: %w", v, news.ErrInvalid)
		}
	}
	if f.Since, err = parseDay(q.Get("since"), false); err != nil {
		return f, fmt.Errorf("since: %w", err)
	}
	if f.Until, err = parseDay(q.Get("until"), true); err != nil {
		return f, fmt.Errorf("until: %w", err)
	}
	f.Outlet = strings.TrimSpace(q.Get("outlet"))
	return f, nil
}

// parseDay reads YYYY-MM-DD (its start, or with end its last instant) or
// RFC 3339; "" is the zero time.
func parseDay(v string, end bool) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		if end {
			t = t.Add(24*time.Hour - time.Nanosecond)
		}
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date (YYYY-MM-DD or RFC 3339): %w", v, news.ErrInvalid)
}

func (h *Handler) getStory(w http.ResponseWriter, r *http.Request) {
	sb, err := h.svc.Story(r.Context(), r.PathValue("id"))
	if err != nil {
		writeError(w, Status(err), err)
		return
	}
	writeJSON(w, http.StatusOK, sb.Brief)
}

func (h *Handler) getArticle(w http.ResponseWriter, r *http.Request) {
	rec, _, err := h.svc.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		writeError(w, Status(err), err)
		return
	}
	writeJSON(w, http.StatusOK, rec)
}

// searchAnswer is the answer of GET /api/v1/search.
type searchAnswer struct {
	Query string      `json:"query"`
	Hits  []SearchHit `json:"hits"`
}

func (h *Handler) search(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		writeError(w, http.StatusBadRequest, errors.New("search: give a query in q"))
		return
	}
	limit := 0
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			writeError(w, http.StatusBadRequest, fmt.Errorf("search: limit %q is not a number of hits", v))
			return
		}
		limit = n
	}
	hits, err := h.svc.Search(r.Context(), q, limit)
	if err != nil {
		writeError(w, Status(err), err)
		return
	}
	writeJSON(w, http.StatusOK, searchAnswer{Query: q, Hits: hits})
}

func (h *Handler) compare(w http.ResponseWriter, r *http.Request) {
	a, b := strings.TrimSpace(r.URL.Query().Get("a")), strings.TrimSpace(r.URL.Query().Get("b"))
	if a == "" || b == "" {
		writeError(w, http.StatusBadRequest, errors.New("compare: give two article ids, a and b"))
		return
	}
	c, err := h.svc.Compare(r.Context(), a, b)
	if err != nil {
		writeError(w, Status(err), err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}

func (h *Handler) postArticles(w http.ResponseWriter, r *http.Request) {
	if h.opts.Authorize != nil && !h.opts.Authorize(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
		writeError(w, http.StatusUnauthorized, errors.New("writing needs the server's token: Authorization: Bearer TOKEN"))
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json") && mt != "application/x-ndjson") {
			writeError(w, http.StatusUnsupportedMediaType, fmt.Errorf("content type %q: send application/json", ct))
			return
		}
	}
	recs, err := DecodeRecords(http.MaxBytesReader(w, r.Body, h.opts.MaxBodyBytes))
	if err != nil {
		writeError(w, Status(err), err)
		return
	}
	res, err := h.svc.IngestRecords(r.Context(), recs)
	if err != nil {
		if res == nil {
			writeError(w, Status(err), err)
			return
		}
		// The ingest stopped part way: say what was stored.
		writeJSON(w, Status(err), struct {
			errorBody
			*IngestResult
		}{errorBody{err.Error(), Status(err)}, res})
		return
	}
	if h.svc.Queued() {
		// Queue mode: the workers store and analyse the records later.
		writeJSON(w, http.StatusAccepted, queuedAnswer{Queued: res.Queued, Jobs: res.Jobs})
		return
	}
	status := http.StatusOK
	switch {
	case res.Stored() == 0:
		status = http.StatusUnprocessableEntity
	case res.Inserted+res.Revised > 0:
		status = http.StatusCreated
	}
	writeJSON(w, status, res)
}

// queuedAnswer is the answer of POST /api/v1/articles in queue mode.
type queuedAnswer struct {
	// Queued is the number of records queued.
	Queued int `json:"queued"`
	// Jobs are the ids of their jobs, in order.
	Jobs []int64 `json:"jobs"`
}

// DecodeRecords reads one JSON input record or an array of them from r,
// whole, before anything is stored. Malformed JSON, a value that is not
// an object or an array of objects, trailing data and an empty array are
// errors wrapping news.ErrInvalid or news.ErrEmpty; a body over its limit
// gives the reader's *http.MaxBytesError.
func DecodeRecords(r io.Reader) ([]ingest.Record, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	trimmed := strings.TrimSpace(string(raw))
	if trimmed == "" {
		return nil, fmt.Errorf("empty body: send a JSON record or an array of records: %w", news.ErrEmpty)
	}
	dec := json.NewDecoder(strings.NewReader(trimmed))
	var recs []ingest.Record
	switch trimmed[0] {
	case '[':
		if err := dec.Decode(&recs); err != nil {
			return nil, fmt.Errorf("malformed JSON array of records: %s: %w", jsonError(err), news.ErrInvalid)
		}
		if len(recs) == 0 {
			return nil, fmt.Errorf("empty array: send at least one record: %w", news.ErrEmpty)
		}
	case '{':
		var rec ingest.Record
		if err := dec.Decode(&rec); err != nil {
			return nil, fmt.Errorf("malformed JSON record: %s: %w", jsonError(err), news.ErrInvalid)
		}
		recs = []ingest.Record{rec}
	default:
		return nil, fmt.Errorf("malformed JSON: send a record object or an array of records: %w", news.ErrInvalid)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("malformed JSON: data after the first value: %w", news.ErrInvalid)
	}
	return recs, nil
}

// jsonError makes a decoding error short and positional.
func jsonError(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v at byte %d", se, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return fmt.Sprintf("field %q must be %s, not %s", te.Field, te.Type, te.Value)
		}
		return fmt.Sprintf("expected %s, not %s", te.Type, te.Value)
	}
	return err.Error()
}
