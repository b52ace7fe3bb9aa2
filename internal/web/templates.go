package web

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// pageNames are the pages; each is templates/NAME.html defining "content"
// on top of templates/layout.html.
var pageNames = []string{"stories", "story", "article", "compare", "add", "added", "error"}

// parsePages parses the layout with each page, once.
func parsePages() (map[string]*template.Template, error) {
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	pages := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parse page %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

var funcs = template.FuncMap{
	"day":      day,
	"newsTime": newsTime,
	"pct":      func(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) },
	"snippet":  snippet,
	"storyURL": func(id string) string { return "/stories/" + url.PathEscape(id) },
	"articleURL": func(id string) string {
		return "/articles/" + url.PathEscape(id)
	},
	"compareURL": compareURL,
	"join":       strings.Join,
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %s", n, many)
	},
	"add": func(a, b int) int { return a + b },
	// quoted drops the comma a quotation ends with when its sentence
	// goes on ("…the inside," one of the engineers said).
	"quoted": func(s string) string { return strings.TrimRight(strings.TrimSpace(s), ",") },
	"deref": func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	},
}

func compareURL(a, b string) string {
	return "/compare?" + url.Values{"a": {a}, "b": {b}}.Encode()
}

// day formats a time as a short date, "" when zero.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 Jan 2006")
}

// newsTime formats an article time at its precision, "" when unknown.
func newsTime(t news.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.String()
}

// snippet renders a search snippet: the text is escaped, then the store's
// highlight marks become <mark> elements.
func snippet(s string) template.HTML {
	esc := template.HTMLEscapeString(s)
	esc = strings.ReplaceAll(esc, store.HighlightStart, "<mark>")
	esc = strings.ReplaceAll(esc, store.HighlightEnd, "</mark>")
	// Balance marks a truncated snippet may have cut.
	if d := strings.Count(esc, "<mark>") - strings.Count(esc, "</mark>"); d > 0 {
		esc += strings.Repeat("</mark>", d)
	}
	return template.HTML(esc) // #nosec: escaped above, only <mark> added
}
