package extract

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/news"
)

// TextOptions tunes Text. The zero value is ready to use.
type TextOptions struct {
	// Repeated, when set, returns in how many OTHER stored articles of the
	// same outlet a line occurs; LineIndex.Repeated provides one. A line
	// found in two or more is that outlet's furniture unless it is long
	// prose (about 25 words or more).
	Repeated func(line string) int
}

// Thresholds of the body/furniture decision, in words.
const (
	// minBodyBefore is how much prose must precede a furniture line before
	// it can end the article: a cookie banner or a "Trending" box above
	// the story never cuts it.
	minBodyBefore = 30
	// repeatedLongLine is the length from which a line repeated across an
	// outlet's articles is still taken as prose (a standard paragraph).
	repeatedLongLine = 25
	// inlineBoxResume is how much prose must follow a "Related" box for
	// it to sit inside the article rather than close it.
	inlineBoxResume = 60
)

// Text cleans plain text scraped from a news page — no markup left, at
// most Markdown — into an article body and its metadata.
//
// It works line by line with general rules, never with phrases of
// particular sites. Each line is measured: words, sentence ending,
// capitalisation, function-word density, whether it speaks to the reader
// ("you", "our", "Subscribe…"), and which furniture cues it carries
// (subscribe, newsletter, related, photo, share…). A cue makes a line
// furniture only together with a furniture shape — a short label, a
// caption, or a sentence addressed to the reader — so prose that mentions
// subscribers survives. Position then decides the rest: lines before the
// first paragraph are page head (title, byline and date are read from
// there), a block made mostly of furniture is furniture, and once the
// article has had its prose, a closing heading ("Related Posts",
// "Comments") or a furniture line followed by little prose ends it: the
// trailing block is dropped whole. Lines repeated within the article, or
// across the outlet's other articles (opts.Repeated), are furniture.
// Once the title is known, lines above it that ask the reader to
// subscribe, support, donate or join are furniture, and so is a short
// caption without a finite verb beside a photo credit. The outlet comes
// from the hints, the URL, an appeal or copyright line naming it, or
// else the masthead: a short capitalised name on the first line.
//
// Text returns an error wrapping news.ErrEmpty when raw holds no text, or
// when nothing is left of the body after cleaning; in the latter case the
// metadata found is still returned.
func Text(raw string, h Hints, opts TextOptions) (Result, error) {
	s := normalizeText(raw)
	if strings.TrimSpace(s) == "" {
		return Result{}, fmt.Errorf("clean text: %w", news.ErrEmpty)
	}
	lines := splitLines(s)
	classifyLines(lines)
	m := findMeta(lines, h)
	markHeadAppeals(lines)
	markPhotoCaptions(lines)
	markRepeats(lines, opts.Repeated)
	smoothBlocks(lines)
	start, end := bodyBounds(lines)
	body, removed := assemble(lines, start, end)

	res := Result{
		Title:     oneLine(m.title),
		Author:    oneLine(m.author),
		URL:       m.url,
		Published: m.published,
		Text:      body,
		Removed:   removed,
	}
	if h.Title != "" {
		res.Title = oneLine(h.Title)
	}
	if h.Author != "" {
		res.Author = oneLine(h.Author)
	}
	if h.URL != "" {
		res.URL = strings.TrimSpace(h.URL)
	}
	if !h.Published.IsZero() {
		res.Published = h.Published
	}
	switch {
	case h.Source != "":
		res.Source = oneLine(h.Source)
	case res.URL != "":
		res.Source = OutletFromURL(res.URL)
	}
	if res.Source == "" {
		res.Source = outletFromLines(appeals(lines))
	}
	if res.Source == "" {
		res.Source = mastheadOutlet(lines, res.Title)
	}
	if res.Text == "" {
		return res, fmt.Errorf("clean text: no body left: %w", news.ErrEmpty)
	}
	return res, nil
}

// appeals returns the lines dropped as calls to action or notices, where
// an outlet names itself ("Support the Acme Herald", "© 2024 Acme").
func appeals(lines []tline) []string {
	var out []string
	for i := range lines {
		if l := &lines[i]; l.kind == kindFurniture {
			switch l.reason {
			case reasonAppeal, reasonNotice, reasonLabel, reasonCueList, reasonBlock:
				out = append(out, l.text)
			}
		}
	}
	return out
}

// isProse reports whether a line counts as article prose.
func isProse(l *tline) bool { return l.kind == kindBody || l.kind == kindWeakBody }

// markRepeats makes furniture of lines the article repeats — short ones
// from their second occurrence on both places, a paragraph from its second
// copy — and of lines the outlet's other articles share.
//
// Lines with equal keys have as many letters, so only lines sharing their
// letter count with another line need a key: in most articles few do.
func markRepeats(lines []tline, repeated func(string) int) {
	letters := map[int]int{}
	for i := range lines {
		if l := &lines[i]; !l.blank && l.kind != kindMeta {
			letters[l.sh.letters]++
		}
	}
	counts := map[string]int{}
	for i := range lines {
		if l := &lines[i]; !l.blank && l.kind != kindMeta && letters[l.sh.letters] >= 2 {
			l.key = LineKey(l.text)
			counts[l.key]++
		}
	}
	seen := map[string]bool{}
	for i := range lines {
		l := &lines[i]
		if l.blank || l.kind == kindMeta || l.kind == kindFurniture || l.kind == kindEnd {
			continue
		}
		c := 1 // a letter count of its own: the only line with its key
		if l.key != "" {
			c = counts[l.key]
		}
		long := l.sh.words >= repeatedLongLine && l.sh.sentence()
		switch {
		case c >= 2 && (l.kind == kindShort || l.sh.words < 8):
			l.kind, l.reason = kindFurniture, "repeated in the article"
		case c >= 3 && !long:
			l.kind, l.reason = kindFurniture, "repeated in the article"
		case c >= 2 && seen[l.key]:
			l.kind, l.reason = kindFurniture, "duplicate paragraph"
		case repeated != nil && !long && len(l.orig) <= maxIndexedLine && repeated(l.orig) >= 2:
			l.kind, l.reason = kindFurniture, "repeated across the outlet"
		}
		if l.key != "" {
			seen[l.key] = true
		}
	}
}

// smoothBlocks makes furniture of the weak lines of a block (a run of
// lines without a blank between them) that is mostly furniture: the
// sentences of a membership appeal go with the "Become a member" button
// beside them.
func smoothBlocks(lines []tline) {
	for i := 0; i < len(lines); {
		if lines[i].blank {
			i++
			continue
		}
		j := i
		n, f := 0, 0
		for ; j < len(lines) && !lines[j].blank; j++ {
			switch lines[j].kind {
			case kindMeta:
				continue
			case kindFurniture, kindEnd:
				f++
			}
			n++
		}
		if f >= 2 && 2*f >= n {
			for k := i; k < j; k++ {
				if l := &lines[k]; l.kind == kindShort || l.kind == kindWeakBody {
					l.kind, l.reason = kindFurniture, reasonBlock
				}
			}
		}
		i = j
	}
}

// bodyBounds returns the first prose line and the line the article ends
// before. The end is the first closing heading with at least
// minBodyBefore words of prose above it and less prose below it than
// above; or, before that, the first furniture line that is not directly
// followed by prose and after which at most a fifth of the words are
// prose, or after which only a feed of other stories follows (feedTail).
// start is -1 when there is no prose.
func bodyBounds(lines []tline) (start, end int) {
	n := len(lines)
	start = -1
	for i := range lines {
		if isProse(&lines[i]) {
			start = i
			break
		}
	}
	if start < 0 {
		return -1, n
	}
	// prose[i] and all[i]: words of prose and of all non-metadata lines in
	// lines[i:].
	prose := make([]int, n+1)
	all := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		prose[i], all[i] = prose[i+1], all[i+1]
		l := &lines[i]
		if l.blank || l.kind == kindMeta {
			continue
		}
		all[i] += l.sh.words
		if isProse(l) {
			prose[i] += l.sh.words
		}
	}
	end = n
	before := 0
	for i := start; i < n; i++ {
		l := &lines[i]
		if isProse(l) {
			before += l.sh.words
			continue
		}
		if l.kind == kindEnd && before >= minBodyBefore {
			if resume := inlineBox(lines, i); resume > 0 {
				// "Related" and a few links, then the article goes on.
				for j := i; j < resume; j++ {
					if l := &lines[j]; !l.blank && l.kind != kindMeta {
						l.kind, l.reason = kindFurniture, "inline box"
					}
				}
				i = resume - 1
				continue
			}
			after, total := prose[i+1], all[i+1]
			if 2*after <= before || after <= 60 || after*10 <= total*3 {
				end = i
				break
			}
		}
	}
	before = 0
	for i := start; i < end; i++ {
		l := &lines[i]
		if isProse(l) {
			before += l.sh.words
			continue
		}
		if l.kind != kindFurniture || before < minBodyBefore {
			continue
		}
		next := i + 1
		for next < end && (lines[next].blank || lines[next].kind == kindMeta) {
			next++
		}
		after, total := prose[i+1]-prose[end], all[i+1]-all[end]
		if (next == end || !isProse(&lines[next])) && after*5 <= total || feedTail(lines, i, end) {
			return start, i
		}
	}
	return start, end
}

// inlineBox reports whether the closing heading at i only opens a box of
// links inside the article ("Related" and a few headlines) after which
// the article's prose resumes: at most ten short lines, then paragraphs of
// at least inlineBoxResume words, the first a real one. It returns the
// line where the prose resumes, or 0.
func inlineBox(lines []tline, i int) int {
	run, j := 0, i+1
	for ; j < len(lines); j++ {
		l := &lines[j]
		if l.blank || l.kind == kindMeta {
			continue
		}
		if isProse(l) {
			break
		}
		if run++; run > 10 || l.sh.words > 20 {
			return 0
		}
	}
	if j == len(lines) || lines[j].sh.words < 20 {
		return 0
	}
	words := 0
	for k := j; k < len(lines); k++ {
		l := &lines[k]
		if l.blank || l.kind == kindMeta {
			continue
		}
		if !isProse(l) {
			break
		}
		words += l.sh.words
	}
	if words < inlineBoxResume {
		return 0
	}
	return j
}

// feedTail reports whether the lines after the furniture line i read as a
// feed of other stories: no real paragraph, and each short prose line (a
// headline) right after a furniture line such as a time stamp. Two such
// items, or one after a leading furniture line, make a feed; a short
// closing paragraph after an advertisement does not.
func feedTail(lines []tline, i, end int) bool {
	items := 0
	prevFurniture, firstFurniture, first := true, false, true
	for j := i + 1; j < end; j++ {
		l := &lines[j]
		if l.blank || l.kind == kindMeta {
			continue
		}
		furniture := l.kind == kindFurniture || l.kind == kindEnd
		if first {
			firstFurniture, first = furniture, false
		}
		if isProse(l) {
			if l.sh.words >= 20 || !prevFurniture {
				return false
			}
			items++
		}
		prevFurniture = furniture
	}
	return items >= 2 || items == 1 && firstFurniture
}

// assemble joins the kept lines into paragraphs and lists the dropped ones.
func assemble(lines []tline, start, end int) (string, []string) {
	var paras []string
	var removed []string
	list := false // inside a list introduced by a line ending with a colon
	for i := range lines {
		l := &lines[i]
		if l.blank || l.kind == kindMeta {
			continue
		}
		keep := false
		switch {
		case start < 0:
			// No prose at all: keep what reads as text rather than labels.
			keep = l.kind == kindShort && l.sh.words >= 3
		case i < start || i >= end:
		case isProse(l):
			keep = true
		case l.kind == kindShort:
			keep = list || subheading(lines, i, end) || unterminatedProse(l)
		}
		if !keep {
			list = false
			removed = append(removed, l.orig)
			continue
		}
		list = l.sh.colonEnd || list && l.kind == kindShort
		paras = append(paras, l.text)
	}
	return strings.Join(paras, "\n\n"), removed
}

// unterminatedProse reports whether a short line inside the body is prose
// that lacks its final period: lower-case words, not capitalised like a
// headline.
func unterminatedProse(l *tline) bool {
	return l.sh.words >= 8 && l.sh.lower >= 4 && !l.sh.headline() && l.cues == 0
}

// subheading reports whether a short line inside the body is a heading of
// the article's own — a Markdown heading, or a short capitalised line
// between two paragraphs — rather than a stray label.
func subheading(lines []tline, i, end int) bool {
	l := &lines[i]
	if l.heading > 0 {
		return true
	}
	if r := firstRune(l.text); l.sh.words < 2 || l.sh.words > 15 || unicode.IsLower(r) || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	prev, next := false, false
	for j := i - 1; j >= 0; j-- {
		if p := &lines[j]; !p.blank && p.kind != kindMeta {
			prev = isProse(p)
			break
		}
	}
	for j := i + 1; j < end; j++ {
		if q := &lines[j]; !q.blank && q.kind != kindMeta {
			next = isProse(q)
			break
		}
	}
	return prev && next
}

// oneLine collapses the blanks of a metadata value.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
