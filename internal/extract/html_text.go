package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// bodyText renders the extractor's content tree as plain text: one
// paragraph per block element, paragraphs separated by a blank line, a <br>
// kept as a single line break, runs of white space collapsed (kept inside
// <pre>), soft hyphens dropped, NFC-normalised. The trim rules then drop
// the page furniture the extractor kept; removed lists what they dropped.
func bodyText(root *html.Node, title string, trim htmlTrimRules) (text string, removed []string) {
	if root == nil {
		return "", nil
	}
	w := &htmlTextWriter{}
	w.walk(root, false)
	w.flush()
	blocks, removed := trim.apply(w.blocks, title)
	paras := make([]string, len(blocks))
	for i, b := range blocks {
		paras[i] = b.text
	}
	for i, r := range removed {
		removed[i] = norm.NFC.String(r)
	}
	return norm.NFC.String(strings.Join(paras, "\n\n")), removed
}

type htmlBlockKind uint8

const (
	blockPara htmlBlockKind = iota
	blockHeading
	blockItem // list item, table row, definition
)

type htmlBlock struct {
	text string
	kind htmlBlockKind
}

type htmlTextWriter struct {
	blocks       []htmlBlock
	cur          strings.Builder
	pendingSpace bool
	last         rune          // last rune written to cur
	kind         htmlBlockKind // of the block being written
	items        int           // depth of list items and table rows
}

// htmlBlockAtoms start a new paragraph.
var htmlBlockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Caption: true,
	atom.Figure: true, atom.Figcaption: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Main: true, atom.Details: true, atom.Summary: true, atom.Hr: true,
	atom.Address: true, atom.Body: true,
}

var htmlItemAtoms = map[atom.Atom]bool{
	atom.Li: true, atom.Tr: true, atom.Dt: true, atom.Dd: true,
}

var htmlHeadingAtoms = map[atom.Atom]bool{
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// htmlSkipAtoms hold no reader-visible text.
var htmlSkipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true,
}

func (w *htmlTextWriter) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, pre)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	a := n.DataAtom
	if a == 0 {
		// The extractor builds its output with elements that carry only
		// a tag name.
		a = atom.Lookup([]byte(n.Data))
	}
	if htmlSkipAtoms[a] {
		return
	}
	switch {
	case a == atom.Br:
		w.lineBreak()
		return
	case a == atom.Td || a == atom.Th:
		w.pendingSpace = w.cur.Len() > 0
	}
	isBlock := htmlBlockAtoms[a]
	isItem := htmlItemAtoms[a]
	if isBlock {
		w.flush()
	}
	if isItem {
		w.items++
	}
	if isBlock {
		switch {
		case htmlHeadingAtoms[a]:
			w.kind = blockHeading
		case w.items > 0:
			w.kind = blockItem
		default:
			w.kind = blockPara
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, pre || a == atom.Pre)
	}
	if isItem {
		w.items--
	}
	if isBlock {
		w.flush()
	}
}

func (w *htmlTextWriter) text(s string, pre bool) {
	if pre {
		s = strings.ReplaceAll(s, "\u00ad", "")
		if w.pendingSpace && w.cur.Len() > 0 {
			w.cur.WriteByte(' ')
		}
		w.pendingSpace = false
		w.cur.WriteString(s)
		w.last, _ = utf8.DecodeLastRuneInString(s)
		return
	}
	// The extractor trims the white space around inline elements
	// ("to <em>market</em> it" reaches us as "market" + "it"), so a space
	// is put back where a text node boundary would glue two words.
	boundary := w.cur.Len() > 0
	for _, r := range s {
		switch {
		case r == '\u00ad':
		case unicode.IsSpace(r):
			w.pendingSpace = true
		default:
			if w.cur.Len() > 0 && w.last != '\n' && (w.pendingSpace || boundary && gluesWords(w.last, r) && !w.dropCap()) {
				w.cur.WriteByte(' ')
			}
			boundary = false
			w.pendingSpace = false
			w.cur.WriteRune(r)
			w.last = r
		}
	}
}

// dropCap reports a paragraph that so far holds one capital letter: a
// decorative initial ("<span>W</span>hile") that belongs to the next word.
func (w *htmlTextWriter) dropCap() bool {
	s := w.cur.String()
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && unicode.IsUpper(r)
}

// gluesWords reports whether writing next right after prev, with no space,
// would join two words: a word character after a word character or after
// closing or sentence punctuation. Scripts written without spaces are left
// alone.
func gluesWords(prev, next rune) bool {
	if !isLetterDigit(next) || noSpaceScript(prev) || noSpaceScript(next) {
		return false
	}
	// Not after ’ or ': they are apostrophes as often as quotes ("it’<b>s</b>").
	return isLetterDigit(prev) || strings.ContainsRune(".,;:!?)]}”»", prev)
}

func isLetterDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

func noSpaceScript(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

func (w *htmlTextWriter) lineBreak() {
	if w.cur.Len() > 0 && w.last != '\n' {
		w.cur.WriteByte('\n')
		w.last = '\n'
	}
	w.pendingSpace = false
}

// flush ends the current paragraph.
func (w *htmlTextWriter) flush() {
	p := strings.TrimSpace(w.cur.String())
	w.cur.Reset()
	w.pendingSpace = false
	w.last = 0
	kind := w.kind
	w.kind = blockPara
	if w.items > 0 {
		w.kind = blockItem
	}
	if !strings.ContainsFunc(p, func(r rune) bool { return r == '_' || isLetterDigit(r) }) {
		// Separators left behind by removed bylines and icons: "·", "|".
		// Wire copy's "___" between items is kept as the section break
		// it is.
		return
	}
	w.blocks = append(w.blocks, htmlBlock{text: p, kind: kind})
}
