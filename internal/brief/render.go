package brief

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// Symbols of the stances in the matrix, with a word each for the legend.
// The symbols differ in shape, not only in colour, so the matrix reads in
// a terminal, in Markdown and for colour-blind readers.
var stanceSymbols = []struct {
	Stance news.Stance
	Symbol string
	Word   string
}{
	{news.Asserts, "●", "asserts"},
	{news.Attributes, "◐", "attributes"},
	{news.Hedges, "◌", "hedges"},
	{news.Denies, "✖", "denies"},
	{news.ReportsDenial, "⊘", "reports denial"},
	{news.Omits, "·", "omits"},
}

// Symbol returns the matrix symbol of a stance ("?" for an unknown one).
func Symbol(s news.Stance) string {
	for _, x := range stanceSymbols {
		if x.Stance == s {
			return x.Symbol
		}
	}
	return "?"
}

// Legend is the one-line key to the matrix symbols.
func Legend() string {
	parts := make([]string, 0, len(stanceSymbols))
	for _, x := range stanceSymbols {
		parts = append(parts, x.Symbol+" "+x.Word)
	}
	return strings.Join(parts, "  ")
}

// Format is how a brief is written for people.
type Format int

// The formats of WriteBrief.
const (
	Text Format = iota
	Markdown
)

// Column is the short label of an article in the matrix: its outlet, else
// its id, cut to a readable width.
func Column(b *news.Brief, id string) string {
	label := b.Outlets[id]
	if label == "" {
		label = id
	}
	return clip(label, 18)
}

// WriteBrief writes b as readable text or Markdown: the headline, what the
// story rests on, the claims × outlets matrix, denials left out, frames,
// cited sources, unique details, quotes, timeline and summary. Sections
// with nothing to show are left out.
func WriteBrief(w io.Writer, b *news.Brief, f Format) error {
	bw := bufio.NewWriter(w)
	p := printer{w: bw, md: f == Markdown}
	p.heading(1, b.Headline+" ["+b.Story+"]")
	p.line(fmt.Sprintf("%s, %s.", lang.Count(len(b.Articles), "article"), lang.Count(b.IndependentOrigins, "independent origin")))
	if b.Origins != nil && b.Origins.Text != "" {
		p.line("Rests on: " + b.Origins.Text)
	}
	p.blank()
	p.articles(b)
	p.matrix(b)
	p.omitted(b)
	p.frames(b)
	p.sources(b)
	p.unique(b)
	p.quotes(b)
	p.timeline(b)
	p.summary(b)
	if p.err != nil {
		return p.err
	}
	return bw.Flush()
}

// printer writes one brief, remembering the first write error.
type printer struct {
	w   *bufio.Writer
	md  bool
	err error
}

func (p *printer) line(s string) {
	if p.err == nil {
		_, p.err = p.w.WriteString(s + "\n")
	}
}

func (p *printer) blank() { p.line("") }

func (p *printer) heading(level int, s string) {
	if p.md {
		p.line(strings.Repeat("#", level) + " " + s)
		return
	}
	if level == 1 {
		p.line(s)
		p.line(strings.Repeat("=", min(utf8.RuneCountInString(s), 78)))
		return
	}
	p.line(s)
	p.line(strings.Repeat("-", min(utf8.RuneCountInString(s), 78)))
}

func (p *printer) item(s string) {
	if p.md {
		p.line("- " + s)
		return
	}
	p.line("  • " + s)
}

func (p *printer) articles(b *news.Brief) {
	p.heading(2, "Articles")
	for i, id := range b.Articles {
		p.item(fmt.Sprintf("%s %s (%s)", colKey(i), id, orDash(b.Outlets[id])))
	}
	p.blank()
}

// colKey names matrix column i: A, B, … Z, AA, AB, …
func colKey(i int) string {
	s := ""
	for i >= 0 {
		s = string(rune('A'+i%26)) + s
		i = i/26 - 1
	}
	return s
}

func (p *printer) matrix(b *news.Brief) {
	if len(b.Claims) == 0 {
		return
	}
	p.heading(2, "Claims × outlets")
	p.line(Legend())
	p.blank()
	cols := make([]string, len(b.Articles))
	for i := range b.Articles {
		cols[i] = colKey(i)
	}
	if p.md {
		p.line("| claim | " + strings.Join(cols, " | ") + " |")
		p.line("|---|" + strings.Repeat(":-:|", len(cols)))
	} else {
		p.line(fmt.Sprintf("%-4s %s  %s", "", strings.Join(pad(cols, 2), " "), "claim"))
	}
	for _, c := range b.Claims {
		cells := make([]string, len(b.Articles))
		for i, id := range b.Articles {
			cells[i] = Symbol(stanceOr(c.Stances[id]))
		}
		text := c.Text
		if c.Origin != "" {
			text += " — " + c.Origin
		}
		if c.Denies != "" {
			text += " (denies " + c.Denies + ")"
		}
		if p.md {
			p.line("| **" + c.ID + "** " + mdCell(text) + " | " + strings.Join(cells, " | ") + " |")
		} else {
			p.line(fmt.Sprintf("%-4s %s  %s", c.ID, strings.Join(pad(cells, 2), " "), clip(text, 100)))
		}
	}
	p.blank()
}

func stanceOr(s news.Stance) news.Stance {
	if s == "" {
		return news.Omits
	}
	return s
}

func (p *printer) omitted(b *news.Brief) {
	if len(b.OmittedDenials) == 0 {
		return
	}
	p.heading(2, "Denials left out")
	for _, o := range b.OmittedDenials {
		p.item(fmt.Sprintf("%s (%s) leaves out %s, public when it was published", o.Article, orDash(b.Outlets[o.Article]), o.Claim))
	}
	p.blank()
}

func (p *printer) frames(b *news.Brief) {
	if len(b.Frames) == 0 {
		return
	}
	p.heading(2, "Headline frames")
	for _, f := range b.Frames {
		support := "body supports it"
		if !f.Supported {
			support = "body does NOT support it"
		}
		p.item(fmt.Sprintf("%s (%s): %s-led, %s", f.Article, orDash(b.Outlets[f.Article]), f.Frame, support))
	}
	p.blank()
}

func (p *printer) sources(b *news.Brief) {
	if len(b.CitedSources) == 0 {
		return
	}
	p.heading(2, "Cited sources")
	for _, s := range b.CitedSources {
		name := s.Name
		if s.Kind != "" {
			name += " (" + s.Kind + ")"
		}
		if s.Via != "" {
			name += " via " + s.Via
		}
		p.item(fmt.Sprintf("%s — %s: %s", name, lang.Count(len(s.Articles), "article"), strings.Join(s.Articles, ", ")))
	}
	p.blank()
}

func (p *printer) unique(b *news.Brief) {
	if len(b.Unique) == 0 {
		return
	}
	p.heading(2, "Only one outlet reports")
	for _, u := range b.Unique {
		flag := ""
		if u.Unconfirmable {
			flag = " [outlet's own, unconfirmable]"
		}
		p.item(fmt.Sprintf("%s: %s%s", orDash(b.Outlets[u.Article]), clip(u.Text, 200), flag))
	}
	p.blank()
}

func (p *printer) quotes(b *news.Brief) {
	if len(b.Quotes) == 0 {
		return
	}
	p.heading(2, "Quotes")
	for _, q := range b.Quotes {
		who := orDash(q.Speaker)
		if q.Role != "" {
			who += ", " + q.Role
		}
		p.item(fmt.Sprintf("%s: “%s” — %s", who, clip(q.Text, 240), strings.Join(q.Articles, ", ")))
		for _, v := range q.Variants {
			if v.Diff == "" {
				continue
			}
			p.line(fmt.Sprintf("      %s (%s): “%s”", v.Article, v.Diff, clip(v.Text, 200)))
		}
	}
	p.blank()
}

func (p *printer) timeline(b *news.Brief) {
	if len(b.Timeline) == 0 {
		return
	}
	p.heading(2, "Timeline")
	for _, t := range b.Timeline {
		s := fmt.Sprintf("%-10s %s (%s)", t.Date, clip(t.Text, 160), lang.Count(len(t.Articles), "article"))
		for _, d := range t.Disagreements {
			s += fmt.Sprintf("; %s dates it %s", d.Article, d.Date)
		}
		p.item(s)
	}
	p.blank()
}

func (p *printer) summary(b *news.Brief) {
	if len(b.Summary) == 0 {
		return
	}
	p.heading(2, "Summary")
	for _, s := range b.Summary {
		var marks []string
		if s.Denied {
			marks = append(marks, "DENIED")
		}
		if s.SingleSource {
			marks = append(marks, "single source")
		}
		tag := ""
		if len(marks) > 0 {
			tag = " [" + strings.Join(marks, ", ") + "]"
		}
		p.item(fmt.Sprintf("%s (%s)%s", s.Text, strings.Join(outletsOf(b, s), ", "), tag))
	}
	p.blank()
}

// outletsOf names the outlets of a summary sentence, falling back to the
// article ids when outlets are unknown.
func outletsOf(b *news.Brief, s news.SummarySentence) []string {
	if len(s.Outlets) > 0 {
		return s.Outlets
	}
	out := make([]string, 0, len(s.Articles))
	for _, id := range s.Articles {
		out = append(out, Column(b, id))
	}
	return out
}

func pad(cells []string, w int) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = c + strings.Repeat(" ", max(0, w-utf8.RuneCountInString(c)))
	}
	return out
}

func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
