package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/dates"
	"github.com/parallax-news/parallax/internal/news"
)

// tkind is what a line of scraped text turned out to be.
type tkind uint8

const (
	kindShort     tkind = iota // not prose: a heading, a label, a time stamp
	kindBody                   // prose
	kindWeakBody               // prose that talks to the reader or names furniture: kept only among prose
	kindFurniture              // page furniture
	kindEnd                    // a heading that closes the article: "Related Posts", "Comments"
	kindMeta                   // consumed as metadata: title, byline, date, URL
)

// Reasons for dropping or consuming a line that later rules look at.
const (
	reasonLabel   = "label"           // a short line with a furniture word
	reasonAppeal  = "call to action"  // a sentence to the reader with appeal words
	reasonNotice  = "notice"          // a line with a strong furniture phrase
	reasonCueList = "furniture words" // a long run of furniture words
	reasonBlock   = "in a block of furniture"
	reasonByline  = "byline"
	reasonDate    = "date"
)

// furnitureCues is the general vocabulary of page furniture: navigation,
// calls to action, sharing, comments, pictures, legal notices. A cue alone
// never condemns a line; it must come with a furniture shape (a short
// label, or a sentence addressed to the reader), so prose that mentions
// members or subscribers survives.
var furnitureCues = []string{
	"subscribe", "subscribed", "subscription", "subscriptions", "unsubscribe",
	"newsletter", "newsletters", "sign up", "signing up", "sign in", "log in", "login",
	"register", "member", "members", "membership", "memberships", "donate", "donation",
	"donations", "contribution", "contributions", "contribute", "supporter", "supporters",
	"support us", "support our", "our readers", "readers like you", "fund our",
	"advertisement", "advertising", "sponsored", "cookie", "cookies", "terms of use",
	"terms of service", "related", "read more", "read also", "also read", "read next",
	"see also", "more news", "latest news", "news feed", "top stories", "most read",
	"most popular", "trending", "editors' picks", "editor's picks", "recommended",
	"you may also like", "you might also like", "share", "shares", "tweet", "whatsapp",
	"facebook", "twitter", "linkedin", "instagram", "youtube", "telegram", "tiktok",
	"comment", "comments", "reply", "replies", "email", "e-mail", "email address", "required", "menu",
	"navigation", "skip to", "search", "photo", "photos", "image", "images", "gallery",
	"credit", "getty images", "shutterstock", "all rights reserved", "copyright",
	"follow us", "audio", "listen", "podcast", "video", "watch", "download", "app",
	"notifications", "alerts", "click", "tap", "load more", "show more", "tags", "topics",
	"filed under", "print", "edit", "back to top", "min read", "reading time",
	"paywall", "premium", "free trial", "gift", "inbox", "browser", "javascript",
	"ad blocker", "adblock", "cart", "checkout", "account", "password", "feedback",
	"contact us", "about us", "advertise", "careers", "sitemap",
}

// appealCues are the furniture words of appeals, forms and notices. A
// sentence spoken to the reader needs one of them to be furniture: an
// explainer's "you need to register on the city website" is prose.
var appealCues = []string{
	"subscribe", "subscribed", "subscription", "subscriptions", "unsubscribe",
	"newsletter", "newsletters", "sign up", "signing up", "member", "members", "membership",
	"memberships", "donate", "donation", "donations", "contribution", "contributions",
	"contribute", "supporter", "supporters", "support us", "support our", "our readers",
	"readers like you", "fund our", "advertisement", "sponsored", "cookie", "cookies",
	"follow us", "share", "comment", "comments", "paywall", "free trial", "inbox", "email address",
	"ad blocker", "adblock", "notifications", "gift", "premium", "log in", "sign in",
}

// strongCues are phrases that body prose practically never contains; a
// line of up to forty words holding one is furniture whatever its shape.
var strongCues = []string{
	"all rights reserved", "required fields", "skip to content", "skip to main content",
	"accept cookies", "accept all cookies", "cookie policy", "cookie settings",
	"use of cookies", "uses cookies", "privacy policy", "terms of use", "terms of service",
	"enable javascript", "your browser", "ad blocker", "sign up for our", "subscribe to our",
	"sign up to our", "in your inbox", "to your inbox", "support our journalism",
	"support independent journalism", "become a member", "listen to this article",
	"min read", "min listen", "reading time", "leave a comment", "leave a reply",
	"post a comment", "log in to comment", "reproduction in whole or in part",
	"click here", "tap here",
}

// endHeadings are short headings after which an article's own text is over:
// lists of other stories, comments, tags. They are compared with the
// line's cue text (lower case, punctuation dropped, digits folded to 0).
var endHeadings = map[string]bool{
	"related": true, "related posts": true, "related articles": true, "related stories": true,
	"related news": true, "related content": true, "related coverage": true, "related topics": true,
	"related reading": true, "read more": true, "read next": true, "read also": true, "also read": true,
	"more news": true, "more stories": true, "more from": true, "more on this story": true,
	"more on this topic": true, "latest": true, "latest news": true, "latest stories": true,
	"latest articles": true, "news feed": true, "newsfeed": true, "most read": true, "most popular": true,
	"most viewed": true, "popular": true, "popular now": true, "trending": true, "trending now": true,
	"trending stories": true, "editors' picks": true, "editor's picks": true, "editors picks": true,
	"recommended": true, "recommended for you": true, "recommended stories": true,
	"you may also like": true, "you might also like": true, "you may have missed": true,
	"top stories": true, "comments": true, "0 comments": true, "comment": true,
	"leave a reply": true, "leave a comment": true, "join the conversation": true,
	"discussion": true, "tags": true, "topics": true, "share this article": true,
	"share this story": true, "share this": true, "about the author": true, "subscribe": true,
	"sign up for our newsletter": true, "newsletter": true, "don't miss": true, "must read": true,
	"what to read next": true, "further reading": true, "see also": true, "in other news": true,
}

// labelPrefixes start a line that points elsewhere: "Read more: …",
// "Related article: …", "Photo: …".
var labelPrefixes = []string{
	"related", "related article", "related story", "related stories", "related news",
	"related content", "related reading", "read more", "read also", "also read", "read next",
	"see also", "more on this", "more", "watch", "listen", "recommended", "don't miss",
	"must read", "trending", "latest", "photo", "photos", "image", "picture", "video",
	"credit", "credits", "photo credit", "image credit", "photograph", "illustration",
	"source", "sources", "tags", "topics", "filed under", "share", "follow", "advertisement",
	"sponsored", "editor's note", "editors' note", "lead image", "main image", "cover image",
	"top image", "featured image", "header image",
}

// creditWords mark a parenthetical or trailing credit on a caption.
var creditWords = []string{
	"photo", "getty", "afp", "reuters", "ap", "epa", "shutterstock", "courtesy", "pool",
	"file", "image", "credit", "anadolu", "sputnik", "tass", "xinhua", "dpa", "efe", "ansa",
	"alamy", "istock", "unsplash", "wikimedia", "handout", "via", "photographer", "imago",
	"picture alliance", "nurphoto", "sipa", "contributor",
}

// paymentNames appear together under donation forms.
var paymentNames = []string{"visa", "mastercard", "american express", "amex", "paypal", "apple pay", "google pay", "maestro", "discover"}

var (
	clockOnly = regexp.MustCompile(`^(?i)(?:updated:?\s*)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$`)
	agoOnly   = regexp.MustCompile(`^(?i)(?:updated:?\s*|posted:?\s*)?(?:\d+|an?|one)\s*(?:s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?)\s+ago$|^(?i)(?:just now|yesterday|today)$`)
	readTime  = regexp.MustCompile(`(?i)\b\d+\s*(?:-\s*)?(?:min|mins|minutes?)\s*(?:read|listen|watch)\b|\breading time:?\s*\d+\s*(?:min|mins|minutes?)\b`)
	hostToken = regexp.MustCompile(`^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,12}$`)
)

// cueText is the form cue phrases are looked up in: lower case, words
// separated by single spaces, apostrophes straightened, other punctuation
// dropped, digit runs folded to 0, padded with spaces.
func cueText(s string) string {
	buf, _ := appendCueText(make([]byte, 0, len(s)+2), s)
	return string(buf)
}

// runeCounts are the character counts of a line that shapeOf needs,
// gathered while its cue text is built.
type runeCounts struct {
	letters, upper, lower, digits int
	seps                          int // menu separators: | • · » ›
}

// appendCueText appends the cue text of s to buf and counts the
// characters of s, in one pass with a fast path for ASCII.
func appendCueText(buf []byte, s string) ([]byte, runeCounts) {
	var rc runeCounts
	buf = append(buf, ' ')
	space := true
	digit := false
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z':
				// A run of lower-case letters is copied whole.
				j := i
				for j < len(s) && 'a' <= s[j] && s[j] <= 'z' {
					j++
				}
				rc.letters += j - i + 1
				rc.lower += j - i + 1
				buf = append(buf, s[i-1:j]...)
				i = j
				space, digit = false, false
				continue
			case 'A' <= c && c <= 'Z':
				rc.letters++
				rc.upper++
				buf = append(buf, c+'a'-'A')
				space, digit = false, false
				continue
			case '0' <= c && c <= '9':
				rc.digits++
				if !digit {
					buf = append(buf, '0')
				}
				space, digit = false, true
				continue
			case c == '|':
				rc.seps++
			}
			r = rune(c)
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
		}
		switch {
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			rc.letters++
			if unicode.IsUpper(r) {
				rc.upper++
			} else if unicode.IsLower(r) {
				rc.lower++
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			space, digit = false, false
		case r >= utf8.RuneSelf && unicode.IsDigit(r):
			rc.digits++
			if !digit {
				buf = append(buf, '0')
			}
			space, digit = false, true
		case r == '\'' || r == '’':
			buf = append(buf, '\'')
			digit = false
		case r == '-' && !space:
			buf = append(buf, '-')
			digit = false
		case r == ',' && digit:
			// "10,000" stays one number
		default:
			if r == '•' || r == '·' || r == '»' || r == '›' {
				rc.seps++
			}
			if !space {
				buf = append(buf, ' ')
				space = true
			}
			digit = false
		}
	}
	if !space {
		buf = append(buf, ' ')
	}
	return buf, rc
}

// cueSet indexes cue phrases by their first word, so a line is matched
// against only the phrases its own words can start.
type cueSet map[string][]string

func newCueSet(phrases []string) cueSet {
	set := cueSet{}
	for _, p := range phrases {
		first, _, _ := strings.Cut(p, " ")
		set[first] = append(set[first], p)
	}
	return set
}

var (
	furnitureCueSet = newCueSet(furnitureCues)
	creditCueSet    = newCueSet(creditWords)
	paymentCueSet   = newCueSet(paymentNames)
	appealCueSet    = newCueSet(appealCues)
	// cueStarts maps every word a cue phrase starts with to the sets
	// (cueStrong…) holding such phrases, so one pass over a line tells
	// which sets need a closer look; most lines need none. Strong cues are
	// keyed by their longest word instead ("inbox" for "in your inbox"):
	// their first words are as common as "in" and "to".
	cueStarts = func() *wordTable {
		m := map[string]uint8{}
		for w := range strongCueKeys {
			m[w] |= cueStrong
		}
		for bit, set := range []cueSet{furnitureCueSet, appealCueSet, paymentCueSet} {
			for w := range set {
				m[w] |= cueFurniture << bit
			}
		}
		for w := range readerPronouns {
			m[w] |= cuePronoun
		}
		return newWordTable(m)
	}()
	strongCueKeys = func() cueSet {
		set := cueSet{}
		for _, p := range strongCues {
			key := ""
			for w := range strings.SplitSeq(p, " ") {
				if len(w) > len(key) {
					key = w
				}
			}
			set[key] = append(set[key], p)
		}
		return set
	}()
)

// Bits of cueStarts.
const (
	cueStrong uint8 = 1 << iota
	cueFurniture
	cueAppeal
	cuePayment
	cuePronoun // a reader pronoun: "you", "our"…
)

// cueMask returns the cueStarts bits of the words of a cue text.
func cueMask(ct string) uint8 {
	var mask uint8
	// Words are short: a plain scan for the next space beats IndexByte.
	start := 1
	for i := 1; i < len(ct); i++ {
		if ct[i] == ' ' {
			mask |= lookupWord(cueStarts, ct[start:i])
			start = i + 1
		}
	}
	return mask
}

// count returns how many distinct phrases of the set the cue text holds.
func (set cueSet) count(ct string) int {
	n := 0
	var buf [8]string
	found := buf[:0]
	for i := 1; i < len(ct); {
		j := strings.IndexByte(ct[i:], ' ')
		if j < 0 {
			break
		}
		word := ct[i : i+j]
		for _, p := range set[word] {
			if (len(p) == len(word) || strings.HasPrefix(ct[i:], p+" ")) && !slices.Contains(found, p) {
				found = append(found, p)
				n++
			}
		}
		i += j + 1
	}
	return n
}

// hasStrongCue reports whether the cue text holds a strong cue phrase.
func hasStrongCue(ct string) bool {
	for i := 1; i < len(ct); {
		j := strings.IndexByte(ct[i:], ' ')
		if j < 0 {
			break
		}
		for _, p := range strongCueKeys[ct[i:i+j]] {
			if hasPhrase(ct, p) {
				return true
			}
		}
		i += j + 1
	}
	return false
}

// hasPhrase reports whether the cue text holds phrase as whole words.
func hasPhrase(ct, phrase string) bool {
	i := strings.Index(ct, phrase)
	for i >= 0 {
		if ct[i-1] == ' ' && i+len(phrase) < len(ct) && ct[i+len(phrase)] == ' ' {
			return true
		}
		j := strings.Index(ct[i+1:], phrase)
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// classifyLines classifies the non-blank lines. Their cue texts are
// built into one shared buffer first, so that a line costs no allocation
// of its own.
func classifyLines(lines []tline) {
	size := 0
	for i := range lines {
		size += len(lines[i].text) + 2
	}
	cts := make([]byte, 0, size)
	type span struct {
		end int // where the line's cue text ends
		rc  runeCounts
	}
	spans := make([]span, len(lines))
	for i := range lines {
		if l := &lines[i]; !l.blank {
			cts, spans[i].rc = appendCueText(cts, strings.TrimPrefix(l.text, "- "))
		}
		spans[i].end = len(cts)
	}
	all := string(cts)
	start := 0
	for i := range lines {
		sp := &spans[i]
		if l := &lines[i]; !l.blank {
			classify(l, all[start:sp.end], sp.rc)
		}
		start = sp.end
	}
}

// classify sets the kind of a line from its own text, its cue text ct
// and character counts rc: shape and cues. Context — position,
// repetition, neighbours — is applied afterwards.
func classify(l *tline, ct string, rc runeCounts) {
	content := strings.TrimPrefix(l.text, "- ")
	mask := cueMask(ct)
	l.sh = shapeOf(content, rc, mask&cuePronoun != 0)
	if l.kind == kindFurniture {
		return // an image line, decided while splitting
	}
	sh := l.sh
	trimmed := strings.TrimSpace(ct)
	set := func(k tkind, reason string) { l.kind, l.reason = k, reason }
	switch {
	case sh.words <= 6 && !sh.terminal && endHeadings[strings.TrimSuffix(trimmed, " 0")]:
		set(kindEnd, "closing heading")
		return
	case sh.words <= 40 && mask&cueStrong != 0 && hasStrongCue(ct):
		set(kindFurniture, reasonNotice)
		return
	case isLabelLine(content, ct, sh):
		set(kindFurniture, "link label")
		return
	case isCaption(content, ct, sh):
		set(kindFurniture, "caption or credit")
		return
	case sh.words <= 6 && (clockOnly.MatchString(content) || agoOnly.MatchString(content)) || sh.digits > 0 && isReadTime(content, ct):
		set(kindFurniture, "time stamp")
		return
	case sh.words <= 12 && sh.digits > 0 && isDateLine(content):
		set(kindFurniture, reasonDate)
		return
	case l.linkOnly && sh.words <= 30:
		set(kindFurniture, "links")
		return
	case isURL(content) || (sh.words <= 2 && hostToken.MatchString(strings.ToLower(content))):
		set(kindFurniture, "address")
		return
	case sh.seps >= 2 && !sh.terminal && sh.words <= 30:
		set(kindFurniture, "menu")
		return
	case sh.words <= 8 && mask&cuePayment != 0 && paymentCueSet.count(ct) >= 2:
		set(kindFurniture, "payment methods")
		return
	}
	n := 0
	if mask&cueFurniture != 0 {
		n = furnitureCueSet.count(ct)
	}
	l.cues = n
	switch {
	case n > 0 && (sh.short() || sh.words <= 5 && !sh.sentence()):
		set(kindFurniture, reasonLabel)
	case sh.addressed && n > 0 && mask&cueAppeal != 0 && appealCueSet.count(ct) > 0 && (sh.words <= 30 || n >= 2 && sh.words <= 60 || n >= 3):
		// Spoken to the reader with furniture words: an appeal or a
		// form. An op-ed's long "we" sentence with one cue survives.
		set(kindFurniture, reasonAppeal)
	case n >= 3 && !sh.terminal && sh.words <= 40:
		// A long list of furniture words: share buttons, a footer.
		set(kindFurniture, reasonCueList)
	case sh.sentence() && (n > 0 || sh.addressed):
		set(kindWeakBody, "")
	case sh.sentence():
		set(kindBody, "")
	default:
		set(kindShort, "")
	}
}

// isLabelLine reports "Read more: …", "Related article: …", "Photo: …"
// and the like: a pointer to other content, not prose.
func isLabelLine(s, ct string, sh shape) bool {
	if sh.words > 30 {
		return false
	}
	i := labelMark(s)
	if i <= 0 || i > 40 {
		return false
	}
	label := strings.TrimSpace(cueText(s[:i]))
	for _, p := range labelPrefixes {
		if label == p {
			return true
		}
	}
	return false
}

// labelMark returns the index of the first ':', '|', '»' or '›' of s when
// it is within the first 41 bytes, else -1: only a mark there can end a
// label.
func labelMark(s string) int {
	for i := 0; i < len(s) && i <= 40; i++ {
		switch s[i] {
		case ':', '|':
			return i
		case 0xC2: // '»' is C2 BB
			if i+1 < len(s) && s[i+1] == 0xBB {
				return i
			}
		case 0xE2: // '›' is E2 80 BA
			if strings.HasPrefix(s[i+1:], "\x80\xba") {
				return i
			}
		}
	}
	return -1
}

// isCaption reports photo captions and credits: "Photo: X", "(Jane Roe /
// AFP via Getty Images)" closing a caption, "Name. example.org", "REUTERS/
// Jane Roe".
func isCaption(s, ct string, sh shape) bool {
	if sh.words > 80 || !containsByte(s, '.', '(', '/', ':') && !hasPhrase(ct, "photo") && !hasPhrase(ct, "image") && !hasPhrase(ct, "picture") {
		return false
	}
	for _, p := range []string{"photo by ", "photograph by ", "image by ", "picture by ", "(photo", "(image", "(picture", "(credit", "photo credit", "image credit", "image source"} {
		if lowerHasPrefix(s, p) {
			return true
		}
	}
	// A closing parenthetical that names a photographer or an agency.
	trim := strings.TrimRight(s, " .")
	if strings.HasSuffix(trim, ")") {
		if open := strings.LastIndexByte(trim, '('); open >= 0 {
			inner := trim[open+1 : len(trim)-1]
			ict := cueText(inner)
			if len(strings.Fields(inner)) <= 14 && (strings.Contains(inner, "/") && creditCueSet.count(ict) > 0 || hasPhrase(ict, "via") && creditCueSet.count(ict) > 1 || hasPhrase(ict, "photo") || hasPhrase(ict, "getty images")) {
				return true
			}
		}
	}
	// "… Photo: Jane Roe" or "… | Photo: Agency" closing a caption.
	// Each marker holds one of these words, whose letters the cue text
	// keeps in order, lower-cased; all but "photo by" end with a colon.
	if strings.Contains(ct, "photo") || strings.IndexByte(s, ':') >= 0 && (strings.Contains(ct, "image") ||
		strings.Contains(ct, "credit") || strings.Contains(ct, "picture") || strings.Contains(ct, "foto")) {
		lower := strings.ToLower(s)
		for _, p := range []string{"photo:", "photo by", "photograph:", "image:", "credit:", "picture:", "foto:"} {
			if i := strings.LastIndex(lower, p); i > 0 && len(strings.Fields(s[i+len(p):])) <= 6 {
				return true
			}
		}
	}
	// "Agency/Photographer" credit lines: "REUTERS/Jane Roe".
	if sh.words <= 6 && strings.Contains(s, "/") && creditCueSet.count(ct) > 0 && !sh.terminal {
		return true
	}
	// A short line ending with a bare host name: "Minister Jane Roe. example.org".
	if sh.words <= 15 && !sh.terminal {
		f := strings.Fields(s)
		last := strings.ToLower(f[len(f)-1])
		if hostToken.MatchString(last) && strings.ContainsRune(last, '.') && len(f) >= 1 && !isStopWord(last) {
			return true
		}
	}
	return false
}

// containsByte reports whether s holds any of the ASCII bytes, searching
// for each in turn, which is quicker than strings.ContainsAny when the
// first is common.
func containsByte(s string, bytes ...byte) bool {
	for _, c := range bytes {
		if strings.IndexByte(s, c) >= 0 {
			return true
		}
	}
	return false
}

// lowerHasPrefix reports whether strings.ToLower(s) starts with the
// lower-case ASCII prefix p, lower-casing only what it must.
func lowerHasPrefix(s, p string) bool {
	for i := 0; i < len(p); i++ {
		if i >= len(s) {
			return false
		}
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.HasPrefix(strings.ToLower(lineHead(s, 3*len(p)+4)), p)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// lineHead returns about the first n bytes of s, cut at a rune boundary:
// enough to lower-case when only a prefix of a third of that is tested,
// since lower-casing maps rune by rune and no rune shrinks to less than a
// third of its bytes.
func lineHead(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// isReadTime reports a line that only gives a reading time.
func isReadTime(s, ct string) bool {
	if !strings.Contains(ct, " min") && !hasPhrase(ct, "reading time") || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	// The pattern needs "read", "watch" or "listen" ("liſten" folds to
	// it too, hence only "ten").
	if !strings.Contains(ct, "read") && !strings.Contains(ct, "watch") && !strings.Contains(ct, "ten") {
		return false
	}
	loc := readTime.FindStringIndex(s)
	if loc == nil {
		return false
	}
	rest := s[:loc[0]] + s[loc[1]:]
	return wordCount(rest) <= 1
}

// dateLine reports whether a line is a date and little else ("January 26,
// 2024", "Published: 26.01.2024 14:14", "Updated Jan 26, 2024 | 3 min
// read") and returns the first date. updated is true when the line labels
// it an update rather than the publication.
func dateLine(s string) (t dateFound, ok bool) {
	if !strings.ContainsAny(s, "0123456789") {
		return dateFound{}, false // no year, no date
	}
	tm, span, found := dates.Find(s)
	if !found || tm.Precision < news.PrecisionMonth {
		return dateFound{}, false
	}
	rest := s[:span.Start] + " " + s[span.End:]
	// Further dates on the line ("Published … Updated …") do not count.
	for {
		_, sp, more := dates.Find(rest)
		if !more {
			break
		}
		rest = rest[:sp.Start] + " " + rest[sp.End:]
	}
	rest = readTime.ReplaceAllString(rest, " ")
	left := 0
	for _, w := range strings.Fields(cueText(rest)) {
		if !dateLabels[w] {
			left++
		}
	}
	if left > 1 {
		return dateFound{}, false
	}
	lower := strings.ToLower(s[:span.Start])
	return dateFound{t: tm, updated: strings.Contains(lower, "updat") || strings.Contains(lower, "modif")}, true
}

// isDateLine reports whether a line is only a date.
func isDateLine(s string) bool {
	_, ok := dateLine(s)
	return ok
}

// dateFound is a date read from a date line.
type dateFound struct {
	t       news.Time
	updated bool
}

// dateLabels are the words allowed beside a date on a date line.
var dateLabels = map[string]bool{
	"published": true, "posted": true, "updated": true, "last": true, "on": true, "at": true,
	"date": true, "modified": true, "first": true, "created": true, "am": true,
	"pm": true, "0": true, "-": true, "time": true, "local": true, "issued": true,
}

// wordCount counts tokens holding a letter or digit.
func wordCount(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		for _, r := range f {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
				break
			}
		}
	}
	return n
}

// firstRune returns the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
