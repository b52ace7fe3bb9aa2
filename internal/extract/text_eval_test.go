package extract

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/evaldata"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/parallax-news/parallax/internal/eval"
)

// TestText_ScrapedPages measures Text as the cleaner of scraped pages: each
// page of the shared extraction benchmark is flattened to all of its
// visible text — what a scraper without an extractor captures, menus and
// footers included — and cleaned; the body is scored against the gold
// article with the benchmark's shingle F1. Cleaning must beat keeping
// all the text (the benchmark's "html-text" baseline).
func TestText_ScrapedPages(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 181 pages")
	}
	dir := evaldata.Dir(t, "extraction-aeb")
	b, err := os.ReadFile(filepath.Join(dir, "gold", "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold map[string]struct {
		Body string `json:"articleBody"`
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	var raw, cleaned []eval.Counts
	var rawExact, cleanExact []bool
	for id, g := range gold {
		page, err := readGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		all := visibleText(page)
		res, _ := Text(all, Hints{}, TextOptions{})
		body := strings.TrimSpace(res.Title + "\n\n" + res.Text)
		raw = append(raw, eval.Match(g.Body, all))
		rawExact = append(rawExact, eval.Exact(g.Body, all))
		cleaned = append(cleaned, eval.Match(g.Body, body))
		cleanExact = append(cleanExact, eval.Exact(g.Body, body))
	}
	all, clean := eval.Summarise(raw, rawExact), eval.Summarise(cleaned, cleanExact)
	t.Logf("%d pages: all text P %.3f R %.3f F1 %.3f; Text P %.3f R %.3f F1 %.3f",
		len(gold), all.Precision, all.Recall, all.F1, clean.Precision, clean.Recall, clean.F1)
	if clean.F1 <= all.F1 {
		t.Errorf("cleaned F1 %.3f does not beat all-text F1 %.3f", clean.F1, all.F1)
	}
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// visibleText flattens a page to the text a browser shows, one block per
// line, as a scraper copying the page would.
func visibleText(page []byte) string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return ""
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(strings.Join(strings.Fields(n.Data), " "))
			if strings.HasSuffix(n.Data, " ") || strings.HasSuffix(n.Data, "\n") {
				b.WriteByte(' ')
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Svg, atom.Template, atom.Head, atom.Iframe:
				return
			case atom.Br:
				b.WriteByte('\n')
				return
			}
		}
		block := n.Type == html.ElementNode && isBlockAtom(n.DataAtom)
		if block {
			b.WriteString("\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteString("\n")
		}
	}
	walk(doc)
	return b.String()
}

func isBlockAtom(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Header, atom.Footer, atom.Nav, atom.Aside,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol, atom.Table,
		atom.Tr, atom.Td, atom.Th, atom.Blockquote, atom.Figure, atom.Figcaption, atom.Form, atom.Main,
		atom.Pre, atom.Dl, atom.Dt, atom.Dd, atom.Hr, atom.Button, atom.Label, atom.Select, atom.Option:
		return true
	}
	return false
}
