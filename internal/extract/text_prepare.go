package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// tline is one input line of scraped text on its way through Text.
type tline struct {
	orig    string // the trimmed input line, for Removed
	text    string // the line as the body would show it: Markdown reduced
	blank   bool
	block   int  // index of the run of non-blank lines it belongs to
	heading int  // Markdown heading level, 0 when none
	bullet  bool // a list item; text keeps a "- " marker
	links   int  // Markdown links reduced in the line
	// linkOnly: nothing but links (and bullets or separators) — a list of
	// links to other pages.
	linkOnly bool
	image    bool // the line held a Markdown image

	sh     shape
	cues   int // furniture cue phrases in the line
	kind   tkind
	reason string // why the line was dropped, for tests and --explain
	key    string // LineKey(text), for repetition; set only where needed
}

// normalizeText makes raw text uniform before it is split into lines:
// valid UTF-8, NFC, no BOM, "\n" line ends, ordinary spaces for the
// no-break and thin ones, no zero-width characters or soft hyphens.
func normalizeText(raw string) string {
	s := raw
	if plainASCII(s) {
		return s // valid, NFC, and nothing to replace
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.TrimPrefix(s, "\uFEFF")
	s = norm.NFC.String(s)
	if plainText(s) {
		return s // the common case: nothing to replace
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case '\u2028', '\u2029', '\u0085', '\f', '\v':
			b.WriteByte('\n')
		case '\t', '\u00a0', '\u2007', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000', '\u2002', '\u2003':
			b.WriteByte(' ')
		case '\u200b', '\u200e', '\u200f', '\u00ad', '\uFEFF', '\u2060':
			// zero-width space, direction marks, soft hyphen, stray BOM
		default:
			if r < ' ' && r != '\n' {
				continue // other control characters
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plainASCII reports whether s is ASCII without carriage returns or
// other control characters but newlines.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c < ' ' && c != '\n' {
			return false
		}
	}
	return true
}

// plainText reports whether normalizeText's loop would leave s as it is:
// no carriage returns, control characters or the spaces and invisible
// characters it replaces.
func plainText(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '\u2028', '\u2029', '\u0085', '\u00a0', '\u2007', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000', '\u2002', '\u2003',
			'\u200b', '\u200e', '\u200f', '\u00ad', '\uFEFF', '\u2060':
			return false
		}
	}
	return true
}

// splitLines cuts normalised text into tlines, reducing Markdown: headings
// ("# T" and setext underlines), links and images, emphasis markers,
// block quotes and list bullets.
func splitLines(s string) []tline {
	raw := strings.Split(s, "\n")
	lines := make([]tline, 0, len(raw))
	block := 0
	for _, r := range raw {
		orig := collapseSpaces(r)
		if orig == "" {
			if n := len(lines); n > 0 && !lines[n-1].blank {
				block++
			}
			lines = append(lines, tline{blank: true, block: block})
			continue
		}
		// A setext underline makes the line above a heading; a lone rule
		// of dashes or stars is a separator.
		if isRule(orig) {
			if n := len(lines); n > 0 && !lines[n-1].blank && (orig[0] == '=' || orig[0] == '-') && lines[n-1].heading == 0 && !lines[n-1].bullet {
				lines[n-1].heading = 1
				if orig[0] == '-' {
					lines[n-1].heading = 2
				}
			}
			if n := len(lines); n > 0 && !lines[n-1].blank {
				block++
			}
			lines = append(lines, tline{blank: true, block: block})
			continue
		}
		l := tline{orig: orig, block: block}
		l.text = reduceMarkdown(&l, orig)
		if l.text == "" {
			// An image or an empty link: nothing left to read.
			l.kind, l.reason = kindFurniture, "image or empty link"
			l.text = orig
		}
		lines = append(lines, l)
	}
	return joinWrapped(lines)
}

// joinWrapped rejoins paragraphs that were wrapped at a fixed width: a
// block of three or more lines of nearly equal length (at most 100
// characters) whose lines mostly stop mid-sentence is one paragraph; and
// elsewhere a line that stops mid-sentence continues on the next when
// that one starts in lower case. A line that is a byline or a date is
// never joined to the one above.
func joinWrapped(lines []tline) []tline {
	out := lines[:0]
	for i := 0; i < len(lines); {
		if lines[i].blank {
			out = append(out, lines[i])
			i++
			continue
		}
		j := i
		for j < len(lines) && !lines[j].blank {
			j++
		}
		block := lines[i:j]
		if wrappedBlock(block) {
			out = append(out, mergeLines(block))
		} else {
			start := 0
			for k := 1; k <= len(block); k++ {
				if k < len(block) && wrapsInto(&block[k-1], &block[k]) {
					continue
				}
				out = append(out, mergeLines(block[start:k]))
				start = k
			}
		}
		i = j
	}
	return out
}

// wrappedBlock reports whether a block looks hard-wrapped.
func wrappedBlock(block []tline) bool {
	if len(block) < 3 {
		return false
	}
	width := 0
	for _, l := range block {
		if l.heading > 0 || l.bullet || l.kind != kindShort {
			return false
		}
		width = max(width, utf8.RuneCountInString(l.text))
	}
	if width < 50 || width > 100 {
		return false
	}
	open := 0
	for _, l := range block[:len(block)-1] {
		if utf8.RuneCountInString(l.text)*10 < width*6 {
			return false
		}
		if !endsSentence(l.text) {
			open++
		}
	}
	return open*2 >= len(block)-1
}

// wrapsInto reports whether line a continues on line b.
func wrapsInto(a, b *tline) bool {
	if a.heading > 0 || b.heading > 0 || b.bullet || a.kind != kindShort || b.kind != kindShort {
		return false
	}
	if utf8.RuneCountInString(a.text) < 40 || endsSentence(a.text) || strings.HasSuffix(a.text, ":") {
		return false
	}
	if !unicode.IsLower(firstRune(b.text)) {
		return false
	}
	if _, _, ok := parseByline(b.text); ok {
		return false
	}
	return !isDateLine(b.text)
}

// mergeLines joins the lines of one wrapped paragraph.
func mergeLines(ls []tline) tline {
	if len(ls) == 1 {
		return ls[0]
	}
	m := ls[0]
	for _, l := range ls[1:] {
		m.orig += " " + l.orig
		m.text += " " + l.text
		m.links += l.links
		m.image = m.image || l.image
		m.linkOnly = m.linkOnly && l.linkOnly
	}
	return m
}

// endsSentence reports whether s ends with sentence punctuation, closing
// quotes and brackets allowed after it.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)] ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…。！？।؟۔", r)
}

// isRule reports whether s is a Markdown rule or setext underline.
func isRule(s string) bool {
	if len(s) < 3 {
		return false
	}
	c := s[0]
	if c != '-' && c != '=' && c != '*' && c != '_' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != c && s[i] != ' ' {
			return false
		}
	}
	return true
}

// reduceMarkdown returns the readable text of one line and records what it
// held on l.
func reduceMarkdown(l *tline, s string) string {
	// Block quote markers.
	for strings.HasPrefix(s, ">") {
		s = strings.TrimSpace(s[1:])
	}
	// ATX heading: "## Title ##".
	if n := headingLevel(s); n > 0 {
		l.heading = n
		s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s[n:]), "#"))
	}
	// List bullets. "* required field" is a bullet too, which is fine:
	// the words after it are judged on their own.
	if rest, ok := cutBullet(s); ok {
		l.bullet = true
		s = rest
	}
	s, l.links, l.image = reduceLinks(s)
	s = stripEmphasis(s)
	s = collapseSpaces(s)
	if l.links > 0 {
		l.linkOnly = linkOnly(l.orig)
	}
	if l.bullet && s != "" {
		return "- " + s
	}
	return s
}

// headingLevel returns the number of leading '#' of an ATX heading.
func headingLevel(s string) int {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n >= len(s) || s[n] != ' ' {
		return 0
	}
	return n
}

// cutBullet strips a list marker: "- ", "* ", "+ ", "• ", "1. ".
func cutBullet(s string) (string, bool) {
	for _, p := range []string{"- ", "* ", "+ ", "• ", "· ", "– "} {
		if strings.HasPrefix(s, p) {
			return strings.TrimSpace(s[len(p):]), true
		}
	}
	return s, false
}

// reduceLinks replaces Markdown links "[text](url)" with their text,
// drops images "![alt](src)" and unwraps autolinks "<https://…>".
func reduceLinks(s string) (out string, links int, image bool) {
	if !containsByte(s, '[', '<') {
		return s, 0, false
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c == '<' {
			if j := strings.IndexByte(s[i:], '>'); j > 0 && isURL(s[i+1:i+j]) {
				b.WriteString(s[i+1 : i+j])
				links++
				i += j + 1
				continue
			}
		}
		if c == '[' || (c == '!' && i+1 < len(s) && s[i+1] == '[') {
			img := c == '!'
			open := i
			if img {
				open++
			}
			if text, end, ok := mdLink(s, open); ok {
				if img {
					image = true
				} else {
					b.WriteString(text)
					links++
				}
				i = end
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String(), links, image
}

// mdLink parses "[text](target)" at s[i] == '['. It returns the text and
// the index just past the closing parenthesis.
func mdLink(s string, i int) (string, int, bool) {
	depth := 0
	j := i
	for ; j < len(s); j++ {
		switch s[j] {
		case '[':
			depth++
		case ']':
			depth--
		}
		if depth == 0 {
			break
		}
	}
	if j >= len(s) || j+1 >= len(s) || s[j+1] != '(' {
		return "", 0, false
	}
	k := strings.IndexByte(s[j+1:], ')')
	if k < 0 {
		return "", 0, false
	}
	// A target is one token, optionally with a quoted title:
	// (https://x "Title"). Anything else is prose in brackets.
	target := strings.TrimSpace(s[j+2 : j+1+k])
	if strings.Contains(target, " ") && !strings.Contains(target, "\"") {
		return "", 0, false
	}
	return strings.TrimSpace(s[i+1 : j]), j + 2 + k, true
}

// linkOnly reports whether a line is made of Markdown links and
// separators only.
func linkOnly(s string) bool {
	for i := 0; i < len(s); {
		if s[i] == '[' || (s[i] == '!' && i+1 < len(s) && s[i+1] == '[') {
			open := i
			if s[i] == '!' {
				open++
			}
			if _, end, ok := mdLink(s, open); ok {
				i = end
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
		i += size
	}
	return true
}

// stripEmphasis removes Markdown's ** and __ markers.
func stripEmphasis(s string) string {
	if strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "")
	}
	if strings.Contains(s, "__") {
		s = strings.ReplaceAll(s, "__", "")
	}
	return s
}

// collapseSpaces trims s and turns runs of blanks into one space.
func collapseSpaces(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isURL reports whether s is a bare http(s) URL.
func isURL(s string) bool {
	return (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) && len(s) > 10 && !strings.ContainsAny(s, " \t<>\"")
}
