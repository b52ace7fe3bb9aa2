package web

import (
	"net/http"
	"strings"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/news"
)

// articleView is one article's cleaned text and provenance.
type articleView struct {
	layout
	Record     *api.ArticleRecord
	Paragraphs []string
	// CopiedBy are the articles that reuse this one.
	CopiedBy []news.Link
	// Copies are the articles this one reuses.
	Copies []news.Link
}

// articlePage shows one article.
func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	rec, _, err := s.svc.Article(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	links, err := s.svc.Links(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := articleView{layout: layout{Title: rec.Title}, Record: rec, Paragraphs: paragraphs(rec.Text)}
	if v.Title == "" {
		v.Title = rec.ID
	}
	for _, l := range links {
		if l.Copy == id {
			v.Copies = append(v.Copies, l)
		} else {
			v.CopiedBy = append(v.CopiedBy, l)
		}
	}
	s.render(w, r, http.StatusOK, "article", v)
}

// paragraphs splits cleaned text at blank lines.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
