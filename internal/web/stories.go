package web

import (
	"net/http"
	"strings"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/news"
)

// storiesView is the story list, or a search's hits when a query is given.
type storiesView struct {
	layout
	Stories []news.Story
	Hits    []api.SearchHit
	Outlets []string
	// The filters as given, to fill the form again.
	Outlet, Since, Until string
	Filtered             bool
}

// storiesPage lists stories, newest and biggest first, filtered by date
// and outlet; with q it shows full-text search hits instead.
func (s *Server) storiesPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := storiesView{
		layout: layout{Title: "Stories", Nav: "stories", Query: strings.TrimSpace(q.Get("q"))},
		Outlet: q.Get("outlet"), Since: q.Get("since"), Until: q.Get("until"),
	}
	ctx := r.Context()
	if v.Query != "" {
		hits, err := s.svc.Search(ctx, v.Query, api.DefaultSearchLimit)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		v.Title = "Search: " + v.Query
		v.Hits = hits
		s.render(w, r, http.StatusOK, "stories", v)
		return
	}
	f, err := api.ParseStoryFilter(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Filtered = !f.Since.IsZero() || !f.Until.IsZero() || f.Outlet != ""
	if v.Stories, err = s.svc.Stories(ctx, f); err != nil {
		s.fail(w, r, err)
		return
	}
	if v.Outlets, err = s.svc.Outlets(ctx); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "stories", v)
}
