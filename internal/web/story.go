package web

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"sort"
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/news"
)

// stanceStyle is how the matrix shows a stance: a colour (the class) and
// a symbol, so that it reads without colour too.
type stanceStyle struct {
	Symbol, Label, Class string
}

// stanceStyles covers every stance of news; anything else reads as omits.
var stanceStyles = map[news.Stance]stanceStyle{
	news.Asserts:       {"●", "asserts", "st-asserts"},
	news.Attributes:    {"◆", "attributes", "st-attributes"},
	news.Hedges:        {"◐", "hedges", "st-hedges"},
	news.Denies:        {"✕", "denies", "st-denies"},
	news.ReportsDenial: {"⊘", "reports denial", "st-reports_denial"},
	news.Omits:         {"·", "omits", "st-omits"},
}

// legendOrder is the legend's order of stances.
var legendOrder = []news.Stance{news.Asserts, news.Attributes, news.Hedges, news.Denies, news.ReportsDenial, news.Omits}

func styleOf(st news.Stance) stanceStyle {
	if s, ok := stanceStyles[st]; ok {
		return s
	}
	return stanceStyles[news.Omits]
}

// ref names one article of the story for links and labels.
type ref struct {
	ID, Outlet, Title string
}

// Label is what a link to the article reads: its outlet, else its id.
func (r ref) Label() string {
	if r.Outlet != "" {
		return r.Outlet
	}
	return r.ID
}

// storyView is the story page.
type storyView struct {
	layout
	Story   news.Story
	Brief   *news.Brief
	Origins string
	Legend  []stanceStyle
	Columns []column
	Rows    []matrixRow
	// Headlines are the articles' headlines side by side, with frames.
	Headlines []headlineRow
	Quotes    []quoteView
	Timeline  []timelineView
	Graph     *graph
	Sources   []sourceView
	Unique    []uniqueGroup
	Summary   []summaryView
	Omitted   []omittedView
	Copies    []copyView
	Articles  []ref
}

type column struct {
	ref
	Copy bool // a copy of another article of the story
}

type matrixRow struct {
	Claim  news.Claim
	Anchor string
	// Denied names the claim this one denies, when it does.
	Denied       *claimRef
	Cells        []cell
	Mentions     int
	Contradicted bool // some article denies or reports a denial
}

type claimRef struct{ Text, Anchor string }

type cell struct {
	stanceStyle
	Article  ref
	Evidence string
}

type headlineRow struct {
	ref
	Published  string
	FrameLabel string
	Supported  bool
	HasFrame   bool
	Claim      *claimRef
}

type quoteView struct {
	news.Quote
	Carriers []ref
	Variants []variantView
}

type variantView struct {
	Article ref
	Text    string
	Diff    string
}

type timelineView struct {
	Date          string
	Text          string
	Articles      []ref
	Disagreements []datedRef
}

type datedRef struct {
	Article ref
	Date    string
}

type sourceView struct {
	news.CitedSource
	Carriers []ref
}

type uniqueGroup struct {
	Article ref
	Details []news.UniqueDetail
}

type summaryView struct {
	news.SummarySentence
	Cites []ref
}

type omittedView struct {
	Article ref
	Claim   claimRef
}

type copyView struct {
	Copy, Original ref
	Kind           string
	Coverage       float64
	Confidence     float64
	Evidence       string
	CompareURL     string
}

func claimAnchor(id string) string { return "claim-" + id }

// storyPage shows one story's brief.
func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	sb, err := s.svc.Story(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if sb.Story.ID != id {
		// A merged story's id: show the live story at its own address.
		http.Redirect(w, r, "/stories/"+sb.Story.ID, http.StatusMovedPermanently)
		return
	}
	page, ok := s.rendered.get(sb)
	if !ok {
		html, err := s.renderBytes("story", newStoryView(sb))
		if err != nil {
			s.errorPage(w, r, http.StatusInternalServerError, err)
			return
		}
		page = newRenderedPage(sb, html)
		s.rendered.put(page)
	}
	w.Header().Add("Vary", "Accept-Encoding")
	if page.gz != nil && acceptsGzip(r) {
		w.Header().Set("Content-Encoding", "gzip")
		s.writeHTML(w, http.StatusOK, page.gz)
		return
	}
	s.writeHTML(w, http.StatusOK, page.html)
}

// acceptsGzip reports whether the client takes gzip-encoded answers.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// renderedPages keeps the rendered page of each cached brief: the
// service hands out the same *api.StoryBrief until the story changes, so
// the pointer identifies the page's content.
type renderedPages struct {
	mu    sync.Mutex
	pages map[string]*renderedPage // by story id
}

// renderedPage is one story page, plain and gzipped once (a large
// story's page shrinks tenfold, which phones on slow links feel).
type renderedPage struct {
	sb   *api.StoryBrief
	html []byte
	gz   []byte // nil when compressing did not pay
}

func newRenderedPage(sb *api.StoryBrief, html []byte) *renderedPage {
	p := &renderedPage{sb: sb, html: html}
	if len(html) < minGzipBytes {
		return p
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed) // valid level: no error
	if _, err := zw.Write(html); err == nil && zw.Close() == nil && buf.Len() < len(html)*9/10 {
		p.gz = buf.Bytes()
	}
	return p
}

// minGzipBytes is the least page worth compressing.
const minGzipBytes = 4 << 10

// maxRenderedPages bounds the pages kept (a page of a large story is a
// few hundred kilobytes).
const maxRenderedPages = 128

func (c *renderedPages) get(sb *api.StoryBrief) (*renderedPage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.pages[sb.Story.ID]
	if !ok || p.sb != sb {
		return nil, false
	}
	return p, true
}

func (c *renderedPages) put(p *renderedPage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pages == nil {
		c.pages = map[string]*renderedPage{}
	}
	id := p.sb.Story.ID
	if _, ok := c.pages[id]; !ok && len(c.pages) >= maxRenderedPages {
		for old := range c.pages { // any one: a cheap bound, not an LRU
			delete(c.pages, old)
			break
		}
	}
	c.pages[id] = p
}

// newStoryView lays a brief out for the page.
func newStoryView(sb *api.StoryBrief) storyView {
	b := sb.Brief
	v := storyView{Story: sb.Story, Brief: b}
	v.Title = b.Headline
	if v.Title == "" {
		v.Title = "Story " + sb.Story.ID
	}
	refOf := func(id string) ref {
		m, ok := sb.Articles[id]
		outlet := b.Outlets[id]
		if ok {
			if outlet == "" {
				outlet = m.Source
			}
			return ref{ID: id, Outlet: outlet, Title: m.Title}
		}
		return ref{ID: id, Outlet: outlet}
	}
	refsOf := func(ids []string) []ref {
		out := make([]ref, len(ids))
		for i, id := range ids {
			out[i] = refOf(id)
		}
		return out
	}
	if b.Origins != nil {
		v.Origins = b.Origins.Text
	}
	for _, st := range legendOrder {
		v.Legend = append(v.Legend, stanceStyles[st])
	}

	articles := b.Articles
	if len(articles) == 0 {
		articles = sb.Story.Articles
	}
	isCopy := map[string]bool{}
	for _, l := range sb.Links {
		isCopy[l.Copy] = true
	}
	for _, id := range articles {
		v.Columns = append(v.Columns, column{ref: refOf(id), Copy: isCopy[id]})
		v.Articles = append(v.Articles, refOf(id))
	}

	claims := map[string]*news.Claim{}
	for i := range b.Claims {
		claims[b.Claims[i].ID] = &b.Claims[i]
	}
	claimRefOf := func(id string) *claimRef {
		c, ok := claims[id]
		if !ok || id == "" {
			return nil
		}
		return &claimRef{Text: c.Text, Anchor: claimAnchor(id)}
	}
	for _, c := range b.Claims {
		row := matrixRow{Claim: c, Anchor: claimAnchor(c.ID), Denied: claimRefOf(c.Denies)}
		for _, col := range v.Columns {
			st := c.Stances[col.ID]
			if st == "" {
				st = news.Omits
			}
			if st != news.Omits {
				row.Mentions++
			}
			if st == news.Denies || st == news.ReportsDenial {
				row.Contradicted = true
			}
			row.Cells = append(row.Cells, cell{stanceStyle: styleOf(st), Article: col.ref, Evidence: c.Evidence[col.ID]})
		}
		v.Rows = append(v.Rows, row)
	}

	frames := map[string]news.Frame{}
	for _, f := range b.Frames {
		frames[f.Article] = f
	}
	for _, id := range articles {
		h := headlineRow{ref: refOf(id)}
		if m, ok := sb.Articles[id]; ok {
			h.Published = newsTime(m.Published)
		}
		if f, ok := frames[id]; ok {
			h.HasFrame, h.FrameLabel, h.Supported, h.Claim = true, f.Frame, f.Supported, claimRefOf(f.Claim)
		}
		v.Headlines = append(v.Headlines, h)
	}

	for _, q := range b.Quotes {
		qv := quoteView{Quote: q, Carriers: refsOf(q.Articles)}
		for _, va := range q.Variants {
			qv.Variants = append(qv.Variants, variantView{Article: refOf(va.Article), Text: va.Text, Diff: va.Diff})
		}
		v.Quotes = append(v.Quotes, qv)
	}
	for _, t := range b.Timeline {
		tv := timelineView{Date: t.Date, Text: t.Text, Articles: refsOf(t.Articles)}
		for _, d := range t.Disagreements {
			tv.Disagreements = append(tv.Disagreements, datedRef{Article: refOf(d.Article), Date: d.Date})
		}
		v.Timeline = append(v.Timeline, tv)
	}
	for _, cs := range b.CitedSources {
		v.Sources = append(v.Sources, sourceView{CitedSource: cs, Carriers: refsOf(cs.Articles)})
	}
	v.Graph = sourceGraph(b, refOf)

	byArticle := map[string][]news.UniqueDetail{}
	var order []string
	for _, u := range b.Unique {
		if _, ok := byArticle[u.Article]; !ok {
			order = append(order, u.Article)
		}
		byArticle[u.Article] = append(byArticle[u.Article], u)
	}
	for _, id := range order {
		v.Unique = append(v.Unique, uniqueGroup{Article: refOf(id), Details: byArticle[id]})
	}
	for _, ss := range b.Summary {
		v.Summary = append(v.Summary, summaryView{SummarySentence: ss, Cites: refsOf(ss.Articles)})
	}
	for _, od := range b.OmittedDenials {
		if c := claimRefOf(od.Claim); c != nil {
			v.Omitted = append(v.Omitted, omittedView{Article: refOf(od.Article), Claim: *c})
		}
	}
	// One line per copy: its link of highest coverage (sb.Links is sorted
	// so), as export's duplicate_of names one original. A wire story
	// copied fifty times has hundreds of links among its copies.
	shown := map[string]bool{}
	for _, l := range sb.Links {
		if shown[l.Copy] {
			continue
		}
		shown[l.Copy] = true
		v.Copies = append(v.Copies, copyView{
			Copy: refOf(l.Copy), Original: refOf(l.Original), Kind: string(l.Kind),
			Coverage: l.Coverage, Confidence: l.DirectionConfidence, Evidence: l.Evidence,
			CompareURL: compareURL(l.Original, l.Copy),
		})
	}
	sort.SliceStable(v.Copies, func(i, j int) bool { return v.Copies[i].Coverage > v.Copies[j].Coverage })
	return v
}
