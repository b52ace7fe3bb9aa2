// Package web is Parallax's server-rendered UI: the story list, a story's
// coverage brief (claims × outlets matrix, headlines and frames, quotes,
// timeline, cited-sources graph, unique details, summary), an article's
// cleaned text, the side-by-side copy view and a page to add articles.
//
// Pages are rendered with html/template from templates embedded in the
// binary and parsed once in New; each page has its own file here and its
// own typed view struct. The UI calls the same api.Service as the JSON
// API, whose routes New mounts beside its own. There is no JavaScript
// build step: the pages work without scripts.
package web

import (
	"bytes"
	"crypto/subtle"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/poll"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Defaults for Options.
const (
	DefaultMaxUploadBytes = 64 << 20
)

// Feeds is the part of a poller the add page uses.
type Feeds interface {
	Add(url string) error
	Feeds() []poll.Status
}

// Options configure the UI.
type Options struct {
	// Token, when set, must accompany every writing request: as
	// "Authorization: Bearer TOKEN" or as the form field "token".
	Token string
	// Feeds, when set, lets the add page subscribe to feeds and shows
	// their state.
	Feeds Feeds
	// MaxUploadBytes bounds one add-page request.
	MaxUploadBytes int64
	// MaxBodyBytes bounds one API request (api.DefaultMaxBodyBytes when 0).
	MaxBodyBytes int64
	// LoopbackHosts refuses requests whose Host header does not name a
	// loopback address or localhost: a server bound to loopback must not
	// answer pages a DNS-rebinding site asks for.
	LoopbackHosts bool
	// Logf receives server errors (log.Printf when nil).
	Logf func(format string, args ...any)
}

// Server is the UI and the API.
type Server struct {
	svc   *api.Service
	opts  Options
	pages map[string]*template.Template
	h     http.Handler
	// rendered keeps story pages of cached briefs.
	rendered renderedPages
}

// New returns the UI and API over svc, ready to serve.
func New(svc *api.Service, opts Options) (*Server, error) {
	if opts.MaxUploadBytes <= 0 {
		opts.MaxUploadBytes = DefaultMaxUploadBytes
	}
	if opts.Logf == nil {
		opts.Logf = log.Printf
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	s := &Server{svc: svc, opts: opts, pages: pages}
	s.h = s.secure(s.routes())
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.h.ServeHTTP(w, r) }

// routes lists every route of the server, UI and API.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.storiesPage)
	mux.HandleFunc("GET /stories/{id}", s.storyPage)
	mux.HandleFunc("GET /articles/{id}", s.articlePage)
	mux.HandleFunc("GET /compare", s.comparePage)
	mux.HandleFunc("GET /add", s.addPage)
	mux.HandleFunc("POST /add/text", s.addText)
	mux.HandleFunc("POST /add/files", s.addFiles)
	mux.HandleFunc("POST /add/url", s.addURL)
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	api.NewHandler(s.svc, api.HandlerOptions{MaxBodyBytes: s.opts.MaxBodyBytes, Authorize: s.authorized}).Routes(mux)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusNotFound, fmt.Errorf("no page at %s", r.URL.Path))
	})
	return mux
}

// secure adds the headers every answer carries and refuses cross-origin
// writes (a page elsewhere posting a form to this server) and, when
// asked, foreign Host headers.
func (s *Server) secure(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusForbidden, errors.New("cross-origin request refused"))
	}))
	guarded := cop.Handler(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		if s.opts.LoopbackHosts && !loopbackHost(r.Host) {
			s.errorPage(w, r, http.StatusMisdirectedRequest, fmt.Errorf("host %q is not this server's", r.Host))
			return
		}
		guarded.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether a Host header names localhost or a
// loopback address.
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// authorized reports whether a writing request carries the token (always
// true when none is set). The form is parsed by the caller first.
func (s *Server) authorized(r *http.Request) bool {
	if s.opts.Token == "" {
		return true
	}
	given := ""
	if auth := r.Header.Get("Authorization"); strings.HasPrefix(auth, "Bearer ") {
		given = strings.TrimSpace(strings.TrimPrefix(auth, "Bearer "))
	} else if r.Form != nil || r.MultipartForm != nil {
		given = r.FormValue("token")
	}
	return subtle.ConstantTimeCompare([]byte(given), []byte(s.opts.Token)) == 1
}

// layout is what every page's frame shows.
type layout struct {
	Title string
	Nav   string // the active navigation entry
	Query string // the search box's text
}

// render executes one page into a buffer first, so that a template error
// becomes a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, view any) {
	b, err := s.renderBytes(page, view)
	if err != nil {
		s.opts.Logf("web: %v", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	s.writeHTML(w, status, b)
}

// renderBytes executes one page.
func (s *Server) renderBytes(page string, view any) ([]byte, error) {
	t, ok := s.pages[page]
	if !ok {
		return nil, fmt.Errorf("render: no page %q", page)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "page", view); err != nil {
		return nil, fmt.Errorf("render %s: %w", page, err)
	}
	return buf.Bytes(), nil
}

func (s *Server) writeHTML(w http.ResponseWriter, status int, page []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(page)))
	w.WriteHeader(status)
	_, _ = w.Write(page)
}

// errorView is the error page's view.
type errorView struct {
	layout
	Status  int
	Message string
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, err error) {
	if status >= 500 {
		s.opts.Logf("web: %s %s: %v", r.Method, r.URL.Path, err)
	}
	msg := err.Error()
	if status >= 500 && status != http.StatusServiceUnavailable {
		msg = "Something went wrong on the server; the error is in its log."
	}
	s.render(w, r, status, "error", errorView{
		layout:  layout{Title: http.StatusText(status)},
		Status:  status,
		Message: msg,
	})
}

// fail answers err on a page, with the status api.Status gives it.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	s.errorPage(w, r, api.Status(err), err)
}
