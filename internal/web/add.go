package web

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/poll"
)

// addView is the page to add articles.
type addView struct {
	layout
	TokenRequired bool
	Polling       bool
	// Queued: the server queues what is added for workers (api.Service.Queued).
	Queued      bool
	Feeds       []poll.Status
	MaxUploadMB int64
}

// addedView reports what one add did.
type addedView struct {
	layout
	Res      *api.IngestResult
	Err      string
	Stories  []news.Story
	Followed string
	// JobRange names the jobs an add queued ("job 7", "jobs 7–9") in
	// queue mode.
	JobRange string
}

func (s *Server) addPage(w http.ResponseWriter, r *http.Request) {
	v := addView{
		layout:        layout{Title: "Add articles", Nav: "add"},
		TokenRequired: s.opts.Token != "",
		Polling:       s.opts.Feeds != nil,
		Queued:        s.svc.Queued(),
		MaxUploadMB:   s.opts.MaxUploadBytes >> 20,
	}
	if s.opts.Feeds != nil {
		v.Feeds = s.opts.Feeds.Feeds()
	}
	s.render(w, r, http.StatusOK, "add", v)
}

// errUnauthorized is a writing request without the token.
var errUnauthorized = errors.New("this server needs its token to add articles")

// parseWrite bounds and parses a writing form and checks the token. It
// answers the request itself and returns false when the request cannot
// go on.
func (s *Server) parseWrite(w http.ResponseWriter, r *http.Request, multipartForm bool) bool {
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxUploadBytes)
	var err error
	if multipartForm {
		err = r.ParseMultipartForm(8 << 20)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			s.errorPage(w, r, http.StatusRequestEntityTooLarge, fmt.Errorf("the upload is over the limit of %d MB", s.opts.MaxUploadBytes>>20))
			return false
		}
		s.errorPage(w, r, http.StatusBadRequest, fmt.Errorf("unreadable form: %v", err))
		return false
	}
	if !s.authorized(r) {
		s.errorPage(w, r, http.StatusUnauthorized, errUnauthorized)
		return false
	}
	return true
}

// addText ingests one pasted article.
func (s *Server) addText(w http.ResponseWriter, r *http.Request) {
	if !s.parseWrite(w, r, false) {
		return
	}
	rec := ingest.Record{
		ID:        strings.TrimSpace(r.PostFormValue("id")),
		Source:    strings.TrimSpace(r.PostFormValue("source")),
		Title:     strings.TrimSpace(r.PostFormValue("title")),
		Author:    strings.TrimSpace(r.PostFormValue("author")),
		Published: strings.TrimSpace(r.PostFormValue("published")),
		URL:       strings.TrimSpace(r.PostFormValue("url")),
		Text:      r.PostFormValue("text"),
	}
	if strings.TrimSpace(rec.Text) == "" {
		s.errorPage(w, r, http.StatusBadRequest, errors.New("paste the article's text"))
		return
	}
	res, err := s.svc.IngestRecords(r.Context(), []ingest.Record{rec})
	s.added(w, r, res, err, "")
}

// addFiles ingests uploaded files.
func (s *Server) addFiles(w http.ResponseWriter, r *http.Request) {
	if !s.parseWrite(w, r, true) {
		return
	}
	headers := r.MultipartForm.File["files"]
	if len(headers) == 0 {
		s.errorPage(w, r, http.StatusBadRequest, errors.New("choose at least one file"))
		return
	}
	files := make([]api.NamedFile, 0, len(headers))
	var opened []multipart.File
	defer func() {
		for _, f := range opened {
			f.Close()
		}
	}()
	for _, fh := range headers {
		f, err := fh.Open()
		if err != nil {
			s.errorPage(w, r, http.StatusBadRequest, fmt.Errorf("read upload %s: %v", fh.Filename, err))
			return
		}
		opened = append(opened, f)
		files = append(files, api.NamedFile{Name: fh.Filename, Body: io.Reader(f)})
	}
	res, err := s.svc.IngestFiles(r.Context(), files)
	s.added(w, r, res, err, "")
}

// addURL fetches a page or a feed, and with "follow" keeps polling it.
func (s *Server) addURL(w http.ResponseWriter, r *http.Request) {
	if !s.parseWrite(w, r, false) {
		return
	}
	u := strings.TrimSpace(r.PostFormValue("url"))
	if u == "" {
		s.errorPage(w, r, http.StatusBadRequest, errors.New("give a URL"))
		return
	}
	res, err := s.svc.IngestURLs(r.Context(), []string{u})
	followed := ""
	if err == nil && r.PostFormValue("follow") != "" && s.opts.Feeds != nil {
		if ferr := s.opts.Feeds.Add(u); ferr == nil {
			followed = u
		}
	}
	s.added(w, r, res, err, followed)
}

// added shows what an ingest stored, with links to its stories.
func (s *Server) added(w http.ResponseWriter, r *http.Request, res *api.IngestResult, err error, followed string) {
	if err != nil && res == nil {
		s.fail(w, r, err)
		return
	}
	v := addedView{layout: layout{Title: "Added", Nav: "add"}, Res: res, Followed: followed}
	status := http.StatusOK
	if err == nil && len(res.Jobs) > 0 {
		// Queue mode: nothing is stored yet, the workers will.
		v.Title = "Queued"
		v.JobRange = fmt.Sprintf("job %d", res.Jobs[0])
		if n := len(res.Jobs); n > 1 {
			v.JobRange = fmt.Sprintf("%d jobs, %d–%d", n, res.Jobs[0], res.Jobs[n-1])
		}
		s.render(w, r, http.StatusAccepted, "added", v)
		return
	}
	if err != nil {
		v.Err = err.Error()
		status = api.Status(err)
	} else if res.Stored() == 0 {
		status = http.StatusUnprocessableEntity
	}
	for _, id := range res.Stories {
		st, serr := s.svc.Store().Story(r.Context(), id)
		if serr == nil {
			st.Articles = nil
			v.Stories = append(v.Stories, st)
		}
	}
	s.render(w, r, status, "added", v)
}
