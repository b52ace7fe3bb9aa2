package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the rules that need the title found first: appeals
// above it, captions beside a photo credit, and the masthead.

// Reasons of the rules below.
const (
	reasonCaption = "caption beside a photo credit"
)

// maxCaptionWords is the longest caption taken beside a photo credit: a
// longer line there is more likely the article's first paragraph.
const maxCaptionWords = 16

// appealImperatives are verbs a reader appeal starts a clause with:
// "Support independent news — become a member".
var appealImperatives = map[string]bool{
	"support": true, "subscribe": true, "donate": true, "become": true, "join": true,
	"give": true, "help": true, "keep": true, "back": true, "fund": true, "sign": true,
	"contribute": true, "consider": true, "please": true, "get": true, "start": true,
	"try": true, "register": true, "upgrade": true, "unlock": true,
}

// appealStems begin the words of what an appeal asks for: a subscription,
// support, a donation, a membership.
var appealStems = []string{"subscri", "support", "donat", "member", "contribut", "patron", "sponsor"}

// markHeadAppeals makes furniture of the lines above the title that speak
// to the reader and ask for something — an imperative opening a clause
// and a word of subscribing, supporting, donating or membership: "Support
// independent local news — become a subscriber today." Nothing above the
// title is the article yet, so an appeal there needs no cue list of its
// own. Without a title line, nothing is marked.
func markHeadAppeals(lines []tline) {
	title := -1
	for i := range lines {
		if l := &lines[i]; l.kind == kindMeta && l.reason == "title" {
			title = i
			break
		}
	}
	for i := 0; i < title; i++ {
		l := &lines[i]
		if l.blank || l.kind == kindMeta || l.kind == kindFurniture || l.kind == kindEnd {
			continue
		}
		if l.sh.words <= 30 && readerAppeal(l.text) {
			l.kind, l.reason = kindFurniture, reasonAppeal
		}
	}
}

// readerAppeal reports whether s opens a clause with an appeal imperative
// and holds an appeal word.
func readerAppeal(s string) bool {
	imperative, stem := false, false
	clauseStart := true
	for _, tok := range strings.Fields(s) {
		w := strings.ToLower(strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) }))
		if w == "" {
			// A dash or a bullet between clauses.
			clauseStart = true
			continue
		}
		if clauseStart && appealImperatives[w] {
			imperative = true
		}
		for _, p := range appealStems {
			if strings.HasPrefix(w, p) {
				stem = true
			}
		}
		last, _ := utf8.DecodeLastRuneInString(tok)
		clauseStart = strings.ContainsRune(".!?:;—–", last)
	}
	return imperative && stem
}

// photoWords open a photo credit line: "Photo: …", "Image credit: …",
// "Photograph by …".
var photoWords = map[string]bool{
	"photo": true, "photos": true, "photograph": true, "photographs": true, "image": true,
	"images": true, "picture": true, "pictures": true, "credit": true, "credits": true, "foto": true,
}

// finiteVerbs are the finite verbs and auxiliaries that make a short line
// a sentence of the article rather than a caption.
var finiteVerbs = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "am": true, "has": true, "have": true,
	"had": true, "do": true, "does": true, "did": true, "will": true, "would": true, "can": true,
	"could": true, "shall": true, "should": true, "may": true, "might": true, "must": true,
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true,
	"it's": true, "that's": true, "there's": true, "he's": true, "she's": true, "they're": true,
}

// markPhotoCaptions makes furniture of the caption beside a photo credit
// ("Photo: Some Paper / Jane Roe" then "The old bridge seen from the
// ferry terminal."): the line directly after or before the credit when
// it is short and has no finite verb, or has fewer than twelve words and
// no closing period.
func markPhotoCaptions(lines []tline) {
	for i := range lines {
		if !isPhotoCredit(&lines[i]) {
			continue
		}
		for _, j := range []int{adjacentLine(lines, i, -1), adjacentLine(lines, i, 1)} {
			if j >= 0 && captionLike(&lines[j]) {
				lines[j].kind, lines[j].reason = kindFurniture, reasonCaption
			}
		}
	}
}

// isPhotoCredit reports whether a line was dropped as a photo credit:
// one that opens with a photo word ("Photo: Some Paper / Jane Roe"), or a
// short agency credit ("REUTERS/Jane Roe"). A caption that ends with its
// credit does not count: the lines beside it are the article's.
func isPhotoCredit(l *tline) bool {
	if l.blank || l.kind != kindFurniture {
		return false
	}
	switch l.reason {
	case "caption or credit", "link label", reasonLabel:
	default:
		return false
	}
	first := strings.ToLower(strings.TrimFunc(firstWord(l.text), func(r rune) bool { return !unicode.IsLetter(r) }))
	if photoWords[first] {
		return true
	}
	return l.reason == "caption or credit" && l.sh.words <= 6 && strings.Contains(l.text, "/")
}

// firstWord returns the first blank-separated word of s.
func firstWord(s string) string {
	w, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	return w
}

// adjacentLine returns the next non-blank line from i in direction dir,
// or -1.
func adjacentLine(lines []tline, i, dir int) int {
	for j := i + dir; j >= 0 && j < len(lines); j += dir {
		if !lines[j].blank {
			return j
		}
	}
	return -1
}

// captionLike reports whether a line reads as a photo caption rather than
// a sentence of the article.
func captionLike(l *tline) bool {
	switch {
	case l.kind != kindBody && l.kind != kindWeakBody && l.kind != kindShort:
		return false
	case l.heading > 0 || l.bullet || l.sh.quoted:
		return false
	case l.sh.words < 3 || l.sh.words > maxCaptionWords || l.sh.colonEnd:
		return false
	}
	if !l.sh.terminal && l.sh.words < 12 {
		return true
	}
	return !hasFiniteVerb(l.text)
}

// hasFiniteVerb reports whether s holds an auxiliary, a verb of saying,
// a negated verb ("won't") or a past tense in -ed after its first word —
// unless a determiner or preposition comes before it, as before an
// adjective: "after the cancelled crossing".
func hasFiniteVerb(s string) bool {
	prev := ""
	for k, tok := range strings.Fields(s) {
		w := strings.ToLower(strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }))
		w = strings.ReplaceAll(w, "’", "'")
		switch {
		case finiteVerbs[w], strings.HasSuffix(w, "n't"):
			return true
		case k > 0 && len(w) >= 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") &&
			unicode.IsLower(firstRune(tok)) && !adjectiveLeads[prev]:
			return true
		}
		prev = w
	}
	return false
}

// adjectiveLeads come before a participle used as an adjective.
var adjectiveLeads = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true,
	"of": true, "in": true, "on": true, "at": true, "after": true, "before": true, "from": true,
	"with": true, "by": true, "for": true, "to": true, "newly": true, "recently": true, "and": true,
}

// sectionWords are the words section labels and menus are made of; a
// line of nothing else is no masthead.
var sectionWords = map[string]bool{
	"news": true, "world": true, "opinion": true, "politics": true, "business": true,
	"sport": true, "sports": true, "home": true, "menu": true, "search": true, "latest": true,
	"top": true, "stories": true, "local": true, "national": true, "breaking": true,
	"live": true, "culture": true, "science": true, "tech": true, "technology": true,
	"health": true, "economy": true, "markets": true, "video": true, "videos": true,
	"photos": true, "analysis": true, "features": true, "editorial": true, "editorials": true,
	"lifestyle": true, "travel": true, "entertainment": true, "weather": true, "region": true,
	"regional": true, "international": true, "europe": true, "africa": true, "asia": true,
	"americas": true, "us": true, "uk": true, "the": true, "and": true, "&": true, "more": true,
	"subscribe": true, "sign": true, "in": true, "log": true, "login": true, "account": true,
	"sections": true, "section": true, "navigation": true, "accessibility": true, "skip": true,
	"main": true, "content": true, "toggle": true, "close": true, "open": true, "edition": true,
	"newsletter": true, "newsletters": true, "share": true, "print": true, "topics": true,
}

// navWords make the line after a masthead a navigation line.
var navWords = []string{"menu", "navigation", "skip to", "search", "sections", "subscribe", "sign in", "log in"}

// mastheadOutlet returns the outlet named by the masthead: the first line
// of the text when it is a short capitalised name — not the title, not a
// date or byline, not a section label — and looks like a masthead: all
// capitals, a word news names are made of ("Post", "Herald"), or a
// navigation line ("Menu") right after it. A name in capitals is
// title-cased: "THE HIGHLAND POST" → "The Highland Post".
func mastheadOutlet(lines []tline, title string) string {
	first := adjacentLine(lines, -1, 1)
	if first < 0 {
		return ""
	}
	l := &lines[first]
	if l.kind == kindMeta || isProse(l) || l.heading > 0 || l.bullet || l.linkOnly {
		return ""
	}
	if l.sh.words < 1 || l.sh.words > 5 || l.sh.digits > 0 || l.sh.terminal || l.sh.colonEnd || l.sh.seps > 0 {
		return ""
	}
	if title != "" && sameTitle(l.text, title) {
		return ""
	}
	words := strings.Fields(l.text)
	generic, named := true, false
	for k, w := range words {
		r := firstRune(w)
		lw := strings.ToLower(w)
		if !sectionWords[lw] {
			generic = false
		}
		if outletWords[lw] || slices.Contains(nameWords, lw) {
			named = true
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && !strings.ContainsRune("&'’-.", c) {
				return ""
			}
		}
		if !unicode.IsUpper(r) && !(k > 0 && nameParticle(lw)) {
			return ""
		}
	}
	if generic {
		return ""
	}
	nav := false
	if next := adjacentLine(lines, first, 1); next >= 0 && lines[next].sh.words <= 8 {
		ct := cueText(lines[next].text)
		for _, w := range navWords {
			if hasPhrase(ct, w) {
				nav = true
			}
		}
	}
	caps := l.sh.caps && len(words) >= 2
	switch {
	case len(words) == 1 && !named:
		return "" // one word needs a news word: "Sections" is no name
	case !caps && !named && !nav:
		return ""
	}
	if l.sh.caps {
		return titleCase(words)
	}
	return strings.Join(words, " ")
}

// nameParticle reports small words that stay lower-case inside a name:
// "The Times of Northville".
func nameParticle(w string) bool {
	switch w {
	case "of", "and", "the", "for", "on", "in", "at", "de", "la", "le", "del", "&":
		return true
	}
	return false
}

// titleCase writes the words of a name in capitals as a title: "THE TIMES
// OF NORTHVILLE" → "The Times of Northville".
func titleCase(words []string) string {
	out := make([]string, len(words))
	for k, w := range words {
		lw := strings.ToLower(w)
		if k > 0 && nameParticle(lw) {
			out[k] = lw
			continue
		}
		r, size := utf8.DecodeRuneInString(lw)
		out[k] = string(unicode.ToUpper(r)) + lw[size:]
	}
	return strings.Join(out, " ")
}
