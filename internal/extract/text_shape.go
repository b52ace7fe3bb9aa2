package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// shape holds the statistics of one line that tell prose from page
// furniture: how long it is, whether it ends like a sentence, how many of
// its words are function words, how capitalised it is, and whether it
// talks to the reader.
type shape struct {
	words      int // tokens holding a letter or digit
	lower      int // words starting with a lower-case letter
	stop       int // function words ("the", "of", "and"…)
	content    int // words with a letter that are not function words
	capContent int // content words starting with a capital
	caps       bool
	terminal   bool // ends like a sentence: . ! ? … (quotes allowed after)
	colonEnd   bool // ends with a colon: a label
	quoted     bool // opens with a quotation mark
	addressed  bool // "you", "we", "our"… outside quotes, or an imperative
	seps       int  // menu separators: | • · » ›
	letters    int
	digits     int
}

// shapeOf measures s, given its character counts and whether its cue
// text holds a reader pronoun at all (cuePronoun), the quick test for
// addressesReader. It walks s word by word without allocating, with a
// fast path for ASCII, since it runs on every line of every article.
func shapeOf(s string, rc runeCounts, pronoun bool) shape {
	sh := shape{letters: rc.letters, digits: rc.digits, seps: rc.seps}
	sh.caps = rc.upper >= 2 && rc.lower == 0
	first := true
	for rest := s; ; {
		tok, ascii, next, ok := nextField(rest)
		if !ok {
			break
		}
		rest = next
		w := wordCore(tok, ascii)
		if w == "" {
			continue
		}
		sh.words++
		if !ascii {
			if n := ideographs(w); n > 3 {
				// Chinese and Japanese write no spaces: count about two
				// characters as a word.
				sh.words += n/2 - 1
				sh.lower += n/2 - 1
			}
		}
		var r rune
		if c := w[0]; c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, _ = utf8.DecodeRuneInString(w)
		}
		if !isLetter(r) {
			first = false
			continue
		}
		// A word of a script without case (Korean, Arabic, Hindi…) counts
		// as an ordinary lower-case word.
		upper := isUpper(r)
		if !upper && (r < utf8.RuneSelf || !unicode.IsTitle(r)) {
			sh.lower++
		}
		if isStopWord(w) {
			sh.stop++
		} else {
			sh.content++
			if upper {
				sh.capContent++
			}
		}
		if first && isImperative(w) {
			sh.addressed = true
		}
		// The next word starts a sentence too: "… icon. Subscribe now".
		c := tok[len(tok)-1]
		first = c == '.' || c == '!' || c == '?'
	}
	end := strings.TrimRight(s, "\"'”’»)]*_ 」』）")
	if end != "" {
		r, _ := utf8.DecodeLastRuneInString(end)
		sh.terminal = strings.ContainsRune(".!?…。！？।؟۔", r)
		sh.colonEnd = r == ':' || r == '：'
	}
	r, _ := utf8.DecodeRuneInString(s)
	sh.quoted = r == '"' || r == '“' || r == '«' || r == '„' || r == '‘'
	if !sh.addressed && pronoun {
		sh.addressed = addressesReader(s)
	}
	return sh
}

// nextField returns the first field of s as strings.Fields would cut it,
// whether it is all ASCII, and what follows it; ok is false when s holds
// no more fields.
func nextField(s string) (field string, ascii bool, rest string, ok bool) {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] == 0 {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	if i == len(s) {
		return "", false, "", false
	}
	start := i
	ascii = true
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] != 0 {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		ascii = false
		i += size
	}
	return s[start:i], ascii, s[i:], true
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// wordCore trims a token to its first and last letter or digit, as
// strings.TrimFunc with "not a letter or digit" would.
func wordCore(tok string, ascii bool) string {
	if ascii {
		i, j := 0, len(tok)
		for i < j && !isASCIIAlnum(tok[i]) {
			i++
		}
		for j > i && !isASCIIAlnum(tok[j-1]) {
			j--
		}
		return tok[i:j]
	}
	return strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isLetter, isUpper: unicode.IsLetter and unicode.IsUpper with an ASCII
// fast path.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

// isImperative reports whether w (any case) is one of the imperatives.
func isImperative(w string) bool {
	if len(w) <= 10 {
		var buf [10]byte
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				return imperatives[strings.ToLower(w)]
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		return imperatives[string(buf[:len(w)])]
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return imperatives[strings.ToLower(w)]
		}
	}
	return false // no imperative is that long
}

// ideographs counts the Han, Hiragana and Katakana characters of a word.
func ideographs(w string) int {
	n := 0
	for _, r := range w {
		// Below U+2E80 (CJK radicals) there are none.
		if r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			n++
		}
	}
	return n
}

// sentence reports whether the line reads as prose: a sentence of some
// length with ordinary lower-case words, or a long run of words.
func (sh shape) sentence() bool {
	if sh.words >= 20 && sh.lower >= 5 {
		return true
	}
	if sh.colonEnd && sh.words >= 6 && sh.lower >= 3 && !sh.headline() {
		return true // a sentence introducing a list or a quote
	}
	return sh.terminal && sh.words >= 4 && (sh.lower >= 2 || sh.quoted && sh.words >= 3) && !sh.headline()
}

// headline reports whether the line is capitalised like a title: nearly
// every content word starts with a capital ("Council Approves New Bridge Budget").
func (sh shape) headline() bool {
	if sh.caps {
		return true
	}
	return sh.words <= 20 && sh.content >= 3 && sh.capContent*5 >= sh.content*4
}

// short reports whether the line is a label rather than prose: few words
// and no sentence ending.
func (sh shape) short() bool {
	return sh.words <= 12 && !sh.terminal
}

// imperatives are verbs a call to action starts with.
var imperatives = map[string]bool{
	"subscribe": true, "sign": true, "join": true, "follow": true, "share": true,
	"click": true, "tap": true, "download": true, "donate": true, "become": true,
	"enter": true, "please": true, "consider": true, "register": true, "log": true,
	"unlock": true, "upgrade": true, "contribute": true, "gift": true,
	"listen": true, "watch": true, "read": true,
}

// readerPronouns address the reader or speak for the publication.
var readerPronouns = map[string]bool{
	"you": true, "your": true, "yours": true, "yourself": true, "you're": true,
	"you've": true, "you'll": true, "you'd": true, "we": true, "our": true,
	"ours": true, "us": true, "we're": true, "we've": true, "we'll": true,
	"we'd": true, "let's": true,
}

// addressesReader reports whether s speaks to the reader — "you", "we",
// "our" — outside quotation marks, where journalism rarely does. A line
// with unbalanced quotation marks continues or opens a quotation from
// another line, so who speaks in it cannot be told: it does not count.
func addressesReader(s string) bool {
	s, ok := withoutQuotes(s)
	if !ok {
		return false
	}
	for rest := s; ; {
		tok, ascii, next, ok := nextField(rest)
		if !ok {
			return false
		}
		rest = next
		if ascii {
			// The common case, without allocating: trim to letters and
			// apostrophes, lower-case into a buffer.
			i, j := 0, len(tok)
			for i < j && !isASCIILetterOrQuote(tok[i]) {
				i++
			}
			for j > i && !isASCIILetterOrQuote(tok[j-1]) {
				j--
			}
			w := tok[i:j]
			if w == "US" || w == "WE" || len(w) > 8 {
				continue // "US": the United States; no pronoun is longer
			}
			var buf [8]byte
			for k := 0; k < len(w); k++ {
				c := w[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[k] = c
			}
			if readerPronouns[string(buf[:len(w)])] {
				return true
			}
			continue
		}
		w := strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
		w = strings.ReplaceAll(w, "’", "'")
		if w == "US" || w == "WE" {
			continue // the United States, not "us"
		}
		if readerPronouns[strings.ToLower(w)] {
			return true
		}
	}
}

func isASCIILetterOrQuote(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '\''
}

// withoutQuotes drops text inside double quotation marks, so the words of
// a quoted speaker do not count as the outlet's own. ok is false when the
// marks do not pair up.
func withoutQuotes(s string) (string, bool) {
	if !strings.ContainsAny(s, "\"“”«»„") {
		return s, true
	}
	var b strings.Builder
	depth := 0
	straight := false
	balanced := true
	for _, r := range s {
		switch r {
		case '“', '«', '„':
			depth++
			continue
		case '”', '»':
			if depth > 0 {
				depth--
			} else {
				balanced = false
			}
			continue
		case '"':
			straight = !straight
			continue
		}
		if depth == 0 && !straight {
			b.WriteRune(r)
		}
	}
	return b.String(), balanced && depth == 0 && !straight
}

// isStopWord reports whether w (any case) is an English function word.
func isStopWord(w string) bool {
	if len(w) > 10 {
		return false
	}
	var buf [10]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return lookupWord(stopWordTable, buf[:len(w)]) != 0
}

// stopWordTable holds stopWords for isStopWord.
var stopWordTable = func() *wordTable {
	m := map[string]uint8{}
	for w := range stopWords {
		m[w] = 1
	}
	return newWordTable(m)
}()

// stopWords are common English function words.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be
	because been before being below between both but by can could did do does doing down during each
	few for from further had has have having he her here hers him his how i if in into is it its itself
	just me more most my no nor not now of off on once only or other our out over own said same she should
	so some such than that the their theirs them then there these they this those through to too under
	until up very was we were what when where which while who whom why will with would you your yet
	may might must shall since upon per via among amid despite without within whether however would
	told says say according`) {
		m[w] = true
	}
	return m
}()
