package extract

import (
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/dates"
	"github.com/parallax-news/parallax/internal/news"
)

// textMeta is what the lines of a scraped text say about the article.
type textMeta struct {
	title     string
	author    string
	url       string
	published news.Time
}

// headLines bounds how far from the top titles, bylines and dates are
// looked for, in non-blank lines.
const headLines = 40

// urlLabels name a line that gives the article's own address, on the same
// line or on one of the next two.
var urlLabels = map[string]bool{
	"original url": true, "original link": true, "original article": true, "original": true,
	"source url": true, "source link": true, "source": true, "url": true, "link": true,
	"canonical url": true, "canonical": true, "canonical link": true, "permalink": true,
	"article url": true, "story url": true, "article link": true, "article source": true,
	"originally published at": true, "originally published on": true, "originally published": true,
	"originally appeared at": true, "originally appeared on": true, "read the original": true,
	"read the original article": true, "read the original article at": true,
	"read the original here": true, "read more at": true, "via": true, "from": true,
}

// findMeta reads title, byline, date and URL from the lines, marking the
// lines it used as kindMeta. Hints win over what the lines say, but the
// lines that repeat a hinted title are still consumed.
func findMeta(lines []tline, h Hints) textMeta {
	var m textMeta
	m.url = findURLTrailer(lines)

	// The head: lines up to the first real paragraph and a few after it
	// (a byline may follow a standfirst), at most headLines.
	headEnd, seen, after := len(lines), 0, -1
	for i := range lines {
		l := &lines[i]
		if l.blank {
			continue
		}
		seen++
		if after < 0 && l.kind == kindBody && l.sh.words >= 12 {
			after = 0
		}
		if after >= 0 {
			after++
		}
		if seen > headLines || after > 6 {
			headEnd = i
			break
		}
	}

	var pub, upd news.Time
	for i := 0; i < headEnd; i++ {
		l := &lines[i]
		if l.blank || l.kind == kindMeta {
			continue
		}
		if m.author == "" {
			if a, rest, ok := parseByline(l.text); ok {
				m.author = a
				l.kind, l.reason = kindMeta, reasonByline
				if t, _, ok := dates.Find(rest); ok && pub.IsZero() {
					pub = t
				}
				continue
			}
		}
		if l.sh.words > 16 {
			continue // a paragraph, not a date line
		}
		if d, ok := dateLine(l.text); ok {
			l.kind, l.reason = kindMeta, reasonDate
			switch {
			case d.updated && upd.IsZero():
				upd = d.t
			case !d.updated && pub.IsZero():
				pub = d.t
			}
		}
	}
	m.published = pub
	if m.published.IsZero() {
		m.published = upd
	}
	if m.author == "" {
		m.author = tailCredits(lines)
	}

	m.title = findTitle(lines, h.Title)
	if m.title != "" {
		for i := range lines {
			l := &lines[i]
			if !l.blank && l.kind != kindMeta && sameTitle(l.text, m.title) {
				l.kind, l.reason = kindFurniture, "title repeated"
			}
		}
	}
	return m
}

// findURLTrailer finds "Original url: https://…" or a label line followed
// by the address, or a bare address among the last lines, and marks the
// lines it used.
func findURLTrailer(lines []tline) string {
	for i := range lines {
		l := &lines[i]
		if l.blank {
			continue
		}
		text := l.text
		if !strings.Contains(text, "http") {
			// no address on the line
		} else if k := strings.Index(text, "http://"); k < 0 {
			if k = strings.Index(text, "https://"); k >= 0 {
				if u, ok := labelledURL(text, k); ok {
					l.kind, l.reason = kindMeta, "url"
					return u
				}
			}
		} else if u, ok := labelledURL(text, k); ok {
			l.kind, l.reason = kindMeta, "url"
			return u
		}
		if len(text) > 60 || !urlLabels[strings.TrimSpace(cueText(text))] {
			continue
		}
		// The address on one of the next two non-blank lines.
		for j, n := i+1, 0; j < len(lines) && n < 2; j++ {
			if lines[j].blank {
				continue
			}
			n++
			if u := strings.TrimRight(lines[j].text, ".,;"); isURL(u) {
				l.kind, l.reason = kindMeta, "url"
				lines[j].kind, lines[j].reason = kindMeta, "url"
				return u
			}
		}
	}
	// A bare address among the last three lines is the article's own.
	for i, n := len(lines)-1, 0; i >= 0 && n < 3; i-- {
		if lines[i].blank {
			continue
		}
		n++
		if u := strings.TrimRight(lines[i].text, ".,;"); isURL(u) {
			lines[i].kind, lines[i].reason = kindMeta, "url"
			return u
		}
	}
	return ""
}

// labelledURL reads "Label: https://…" where the address starts at k.
func labelledURL(text string, k int) (string, bool) {
	u := strings.TrimRight(strings.TrimSpace(text[k:]), ".,;")
	if !isURL(u) {
		return "", false
	}
	label := strings.TrimSpace(cueText(text[:k]))
	return u, urlLabels[label]
}

// nameParticles may stand lower-case inside a personal name.
var nameParticles = map[string]bool{
	"de": true, "da": true, "van": true, "von": true, "der": true, "den": true, "del": true,
	"la": true, "le": true, "bin": true, "al": true, "dos": true, "du": true, "ter": true, "di": true,
}

// roleWords end the names in a byline: "By Jane Roe, Staff Writer".
var roleWords = map[string]bool{
	"staff": true, "writer": true, "writers": true, "reporter": true, "reporters": true,
	"correspondent": true, "editor": true, "editors": true, "contributor": true,
	"columnist": true, "desk": true, "bureau": true, "team": true, "newsroom": true,
	"updated": true, "published": true, "posted": true, "photo": true, "photos": true,
	"video": true, "in": true, "for": true, "with": true, "on": true, "at": true,
}

// outletWords mark a name after a byline's comma as an outlet's.
var outletWords = map[string]bool{
	"press": true, "news": true, "times": true, "post": true, "agency": true,
	"reuters": true, "afp": true, "ap": true, "dpa": true, "efe": true, "journal": true,
	"herald": true, "tribune": true, "daily": true, "gazette": true, "observer": true,
	"independent": true, "magazine": true, "network": true, "media": true, "radio": true,
	"tv": true, "service": true, "wire": true, "online": true, "chronicle": true,
}

// bylineLeads may precede "by": "Written by", "Reporting by".
var bylineLeads = map[string]bool{
	"written": true, "words": true, "story": true, "text": true, "reporting": true,
	"posted": true, "published": true, "article": true, "report": true, "compiled": true,
}

// parseByline reads "By Jane Roe", "Written by Jane Roe", "by Jane Roe and
// John Doe January 26, 2024 2:41 PM 2 min read", "Author: Jane Roe". It
// returns the names and the text after them.
func parseByline(s string) (author, rest string, ok bool) {
	// Most lines are not bylines: look at the first word before cutting
	// the line into words.
	first, _, _, ok := nextField(s)
	if !ok || len(first) > 24 {
		return "", "", false
	}
	switch lf := strings.ToLower(first); lf {
	case "by", "by:", "author:", "authors:", "byline:":
	default:
		if !bylineLeads[lf] {
			return "", "", false
		}
	}
	toks := strings.Fields(s)
	i := 0
	if len(toks) > 1 && bylineLeads[strings.ToLower(toks[0])] && strings.EqualFold(strings.TrimSuffix(toks[1], ":"), "by") {
		i = 1
	}
	if i >= len(toks) {
		return "", "", false
	}
	switch strings.ToLower(toks[i]) {
	case "by", "by:", "author:", "authors:", "byline:":
		i++
	default:
		return "", "", false
	}
	var names []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			names = append(names, strings.Join(cur, " "))
			cur = nil
		}
	}
loop:
	for ; i < len(toks); i++ {
		t := toks[i]
		core := strings.TrimRight(t, ",;|")
		switch {
		case nameToken(core) || (len(cur) > 0 && nameParticles[core]):
			cur = append(cur, core)
		case (core == "and" || core == "&") && len(cur) > 0:
			flush()
			continue
		default:
			break loop
		}
		if len(cur) > 5 {
			return "", "", false
		}
		if core != t {
			flush()
			if !strings.HasSuffix(t, ",") {
				i++
				break loop
			}
			// After a comma, go on only for another full name, not an
			// outlet or a role: "By Jane Roe, John Doe" but "By Jane Roe,
			// Reuters" or "By Jane Roe, Associated Press".
			n := 0
			for j := i + 1; j < len(toks) && nameToken(strings.TrimRight(toks[j], ",;|")); j++ {
				if outletWords[strings.ToLower(strings.TrimRight(toks[j], ",;|"))] {
					n = 0
					break
				}
				n++
			}
			if n < 2 {
				i++
				break loop
			}
		}
	}
	flush()
	if len(names) == 0 || len(names) > 6 {
		return "", "", false
	}
	rest = strings.Join(toks[i:], " ")
	if !bylineRest(rest) {
		return "", "", false
	}
	switch len(names) {
	case 1:
		author = names[0]
	default:
		author = strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	return author, rest, true
}

// nameToken reports whether a token can be part of a personal name:
// capitalised, letters with apostrophes, hyphens or initials' periods, and
// not a month, weekday or role.
func nameToken(t string) bool {
	if t == "" || len(t) > 30 {
		return false
	}
	r := firstRune(t)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range t {
		if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' && r != '.' {
			return false
		}
	}
	return !dates.IsMonthName(t) && !dates.IsWeekdayName(t) && !roleWords[strings.ToLower(t)]
}

// bylineRest reports whether what follows the names in a byline is the
// kind of thing bylines carry — dates, reading times, a role or outlet —
// and not the rest of a sentence ("By Christmas, the army had …").
func bylineRest(rest string) bool {
	for {
		_, sp, ok := dates.Find(rest)
		if !ok {
			break
		}
		rest = rest[:sp.Start] + " " + rest[sp.End:]
	}
	rest = readTime.ReplaceAllString(rest, " ")
	words, lower := 0, 0
	for _, f := range strings.Fields(rest) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" {
			continue
		}
		words++
		if unicode.IsLower(firstRune(w)) && !dateLabels[strings.ToLower(w)] {
			lower++
		}
	}
	return words <= 10 && lower <= 2
}

// tailCredits reads the reporters from a closing credit line such as
// "Reporting by Jane Roe; Editing by John Doe" and marks the line.
func tailCredits(lines []tline) string {
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-12; i-- {
		l := &lines[i]
		if l.blank || l.kind == kindMeta {
			continue
		}
		for _, lead := range []string{"reporting by ", "additional reporting by ", "writing by "} {
			if !lowerHasPrefix(l.text, lead) {
				continue
			}
			part := l.text[len(lead)-3:] // keep "by "
			if k := strings.IndexAny(part, ";"); k > 0 {
				part = part[:k]
			}
			if a, _, ok := parseByline(part); ok {
				l.kind, l.reason = kindMeta, "credits"
				return a
			}
		}
	}
	return ""
}

// findTitle picks the article's title: the first title-shaped line before
// the first real paragraph, a Markdown heading preferred. With a hinted
// title it only consumes the line that repeats it.
func findTitle(lines []tline, hint string) string {
	end := len(lines)
	seen := 0
	for i := range lines {
		l := &lines[i]
		if l.blank {
			continue
		}
		seen++
		if (l.kind == kindBody || l.kind == kindWeakBody) && l.sh.words >= 12 || seen > headLines {
			end = i
			break
		}
	}
	if hint != "" {
		for i := 0; i < end; i++ {
			if l := &lines[i]; !l.blank && l.kind != kindMeta && sameTitle(l.text, hint) {
				l.kind, l.reason = kindMeta, "title"
				break
			}
		}
		return hint
	}
	// Score the candidates: a title sits just above the byline or date,
	// is often repeated on the next line, and is longer than a masthead
	// or a section name. Ties go to the earlier line.
	pick, best := -1, 0.0
	for i := 0; i < end; i++ {
		l := &lines[i]
		if l.blank || !titleShaped(l) {
			continue
		}
		score := float64(min(l.sh.words, 12)) / 12
		if l.heading == 1 {
			score += 3
		} else if l.heading > 0 {
			score += 1
		}
		for j, n := i+1, 0; j < len(lines) && n < 3; j++ {
			if lines[j].blank {
				continue
			}
			n++
			if r := lines[j].reason; lines[j].kind == kindMeta && (r == reasonByline || r == reasonDate) {
				score += 2
				break
			}
			if sameTitle(lines[j].text, l.text) {
				score++
			}
		}
		if pick < 0 || score > best {
			pick, best = i, score
		}
	}
	// The first line of the body may be the title when nothing else is:
	// "Why did the bank raise rates again?" followed by a blank line.
	if pick < 0 && end < len(lines) {
		l := &lines[end]
		if titleShaped(l) && !strings.HasSuffix(l.text, ".") && l.sh.words <= 20 && end+1 < len(lines) && lines[end+1].blank {
			pick = end
		}
	}
	if pick < 0 {
		return ""
	}
	l := &lines[pick]
	l.kind, l.reason = kindMeta, "title"
	return l.text
}

// titleShaped reports whether a line can be a headline.
func titleShaped(l *tline) bool {
	sh := l.sh
	switch {
	case l.kind == kindFurniture && l.reason == reasonLabel && l.cues == 1 && sh.words >= 3 && sh.lower >= 1:
		// A headline may hold one furniture word: "Union members vote …".
	case l.kind == kindMeta || l.kind == kindFurniture || l.kind == kindEnd:
		return false
	case l.bullet || l.linkOnly || sh.colonEnd || sh.seps >= 2:
		return false
	case sh.words < 2 || sh.words > 30 || len(l.text) > 300:
		return false
	case sh.words == 2 && l.heading == 0:
		return false
	}
	r := firstRune(l.text)
	if unicode.IsLower(r) || !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"'“‘«「『", r) {
		return false
	}
	// A title rarely ends with a period, unless it is capitalised like one.
	if strings.HasSuffix(l.text, ".") && !sh.headline() {
		return false
	}
	return sh.lower > 0 || sh.caps || sh.content >= 2
}

// sameTitle reports whether two lines are the same title but for dashes,
// quotes and punctuation.
func sameTitle(a, b string) bool {
	if d := len(a) - len(b); d > 8 || d < -8 {
		return false
	}
	return titleKey(a) == titleKey(b)
}

// titleKey folds a line for comparison with the title: lower-case letters
// and digits only, so dashes, quotes and punctuation do not matter.
func titleKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			space = true
		}
	}
	return b.String()
}
