package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/api"

	"github.com/parallax-news/parallax/internal/news"
)

// compareWidth is the default width of the side-by-side view.
const compareWidth = 110

func runCompare(ctx context.Context, args []string, env Env) error {
	fs := newFlags("compare", env)
	db := dbFlag(fs)
	format := fs.String("format", "text", "output: text (side by side), json or html")
	width := fs.Int("width", compareWidth, "width of the text view in columns")
	ids, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(ids) != 2 {
		return usagef("compare: give two article ids, A and B")
	}
	switch *format {
	case "text", "json", "html":
	default:
		return usagef("compare: --format %q: use text, json or html", *format)
	}
	st, err := openStore(ctx, *db, env)
	if err != nil {
		return err
	}
	defer st.Close()
	arts := make([]*news.Article, 2)
	for i, id := range ids {
		if arts[i], err = st.Article(ctx, id); err != nil {
			if errors.Is(err, news.ErrNotFound) {
				return fmt.Errorf("compare: no article %q in the store", id)
			}
			return fmt.Errorf("compare: %w", err)
		}
	}
	v := api.Compare(arts[0], arts[1])
	switch *format {
	case "json":
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(v)
	case "html":
		return compareHTML.Execute(env.Stdout, v)
	}
	return writeSideBySide(env.Stdout, v, max(*width, 40))
}

// writeSideBySide prints the verdict and the two articles in columns.
func writeSideBySide(w io.Writer, v api.Comparison, width int) error {
	col := (width - 7) / 2
	var b strings.Builder
	var head []string
	head = append(head, wrap(fmt.Sprintf("A  %s — %s", v.A.ID, describe(v.A)), width)...)
	head = append(head, wrap(fmt.Sprintf("B  %s — %s", v.B.ID, describe(v.B)), width)...)
	if v.Verdict == "independent" {
		head = append(head, wrap(fmt.Sprintf("verdict: independent (coverage A %.2f, B %.2f)", v.CoverageA, v.CoverageB), width)...)
	} else {
		head = append(head, wrap(fmt.Sprintf("verdict: %s — %s copies %s, coverage %.2f, direction confidence %.2f",
			v.Verdict, v.Copy, v.Original, v.Coverage, v.DirectionConfidence), width)...)
	}
	for _, l := range wrap(v.Evidence, width-2) {
		head = append(head, "  "+l)
	}
	for _, l := range head {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "%s\n", strings.Repeat("─", width))
	fmt.Fprintf(&b, "%-*s  sim  %s\n", col, "A", "B")
	for _, r := range v.Rows {
		left, right := wrap(r.A, col), wrap(r.B, col)
		sim := "     "
		if r.A != "" && r.B != "" {
			sim = fmt.Sprintf(" %.2f", r.Similarity)
		}
		for k := range max(len(left), len(right)) {
			l, rr := "", ""
			if k < len(left) {
				l = left[k]
			}
			if k < len(right) {
				rr = right[k]
			}
			mid := "     "
			if k == 0 {
				mid = sim
			}
			b.WriteString(strings.TrimRight(fmt.Sprintf("%s%s  %s", pad(l, col), mid, rr), " "))
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func describe(a api.ComparedArticle) string {
	parts := []string{}
	if a.Title != "" {
		parts = append(parts, a.Title)
	}
	if a.Source != "" {
		parts = append(parts, a.Source)
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.String())
	}
	return strings.Join(parts, " · ")
}

// wrap breaks s into lines of at most width runes at spaces.
func wrap(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	n := 0
	for _, word := range strings.Fields(s) {
		wl := utf8.RuneCountInString(word)
		if n > 0 && n+1+wl > width {
			lines = append(lines, cur.String())
			cur.Reset()
			n = 0
		}
		for wl > width { // a word longer than the column
			r := []rune(word)
			lines = append(lines, string(r[:width]))
			word = string(r[width:])
			wl -= width
		}
		if n > 0 {
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(word)
		n += wl
	}
	if n > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s)))
}

var compareHTML = template.Must(template.New("compare").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parallax — {{.A.ID}} vs {{.B.ID}}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222}
table{border-collapse:collapse;width:100%}td{vertical-align:top;padding:.4em .6em;border-top:1px solid #ddd;width:46%}
td.sim{width:8%;text-align:center;color:#666;font-variant-numeric:tabular-nums}
tr.pair td{background:#f4f8ff}.verdict{font-weight:600}
</style></head><body>
<h1>{{.A.ID}} <small>vs</small> {{.B.ID}}</h1>
<p class="verdict">{{if eq .Verdict "independent"}}Independent (coverage A {{printf "%.2f" .CoverageA}}, B {{printf "%.2f" .CoverageB}}){{else}}{{.Verdict}}: {{.Copy}} copies {{.Original}} — coverage {{printf "%.2f" .Coverage}}, direction confidence {{printf "%.2f" .DirectionConfidence}}{{end}}</p>
<p>{{.Evidence}}</p>
<table><thead><tr><th>A: {{.A.Title}} <small>{{.A.Source}} {{.A.Published}}</small></th><th></th><th>B: {{.B.Title}} <small>{{.B.Source}} {{.B.Published}}</small></th></tr></thead><tbody>
{{range .Rows}}<tr{{if and .A .B}} class="pair"{{end}}><td>{{.A}}</td><td class="sim">{{if and .A .B}}{{printf "%.2f" .Similarity}}{{end}}</td><td>{{.B}}</td></tr>
{{end}}</tbody></table></body></html>
`))
