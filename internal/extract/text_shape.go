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

// shapeOf measures s; ct is its cueText.
func shapeOf(s, ct string) shape {
	var sh shape
	upperLetters, lowerLetters := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			sh.letters++
			if unicode.IsUpper(r) {
				upperLetters++
			} else if unicode.IsLower(r) {
				lowerLetters++
			}
		case unicode.IsDigit(r):
			sh.digits++
		case r == '|' || r == '•' || r == '·' || r == '»' || r == '›':
			sh.seps++
		}
	}
	sh.caps = upperLetters >= 2 && lowerLetters == 0
	first := true
	for _, tok := range strings.Fields(s) {
		w := strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" {
			continue
		}
		sh.words++
		if n := ideographs(w); n > 3 {
			// Chinese and Japanese write no spaces: count about two
			// characters as a word.
			sh.words += n/2 - 1
			sh.lower += n/2 - 1
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			first = false
			continue
		}
		// A word of a script without case (Korean, Arabic, Hindi…) counts
		// as an ordinary lower-case word.
		if !unicode.IsUpper(r) && !unicode.IsTitle(r) {
			sh.lower++
		}
		if isStopWord(w) {
			sh.stop++
		} else {
			sh.content++
			if unicode.IsUpper(r) {
				sh.capContent++
			}
		}
		if first && imperatives[strings.ToLower(w)] {
			sh.addressed = true
		}
		// The next word starts a sentence too: "… icon. Subscribe now".
		first = strings.ContainsAny(tok[len(tok)-1:], ".!?")
	}
	end := strings.TrimRight(s, "\"'”’»)]*_ 」』）")
	if end != "" {
		r, _ := utf8.DecodeLastRuneInString(end)
		sh.terminal = strings.ContainsRune(".!?…。！？।؟۔", r)
		sh.colonEnd = r == ':' || r == '：'
	}
	r, _ := utf8.DecodeRuneInString(s)
	sh.quoted = r == '"' || r == '“' || r == '«' || r == '„' || r == '‘'
	if !sh.addressed && mentionsPronoun(ct) {
		sh.addressed = addressesReader(s)
	}
	return sh
}

// ideographs counts the Han, Hiragana and Katakana characters of a word.
func ideographs(w string) int {
	n := 0
	for _, r := range w {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
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

// mentionsPronoun is a quick test for addressesReader: whether the cue
// text holds any reader pronoun at all.
func mentionsPronoun(ct string) bool {
	for i := 1; i < len(ct); {
		j := strings.IndexByte(ct[i:], ' ')
		if j < 0 {
			break
		}
		if readerPronouns[ct[i:i+j]] {
			return true
		}
		i += j + 1
	}
	return false
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
	for _, tok := range strings.Fields(s) {
		w := strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
		w = strings.ReplaceAll(w, "’", "'")
		if w == "US" || w == "WE" {
			continue // the United States, not "us"
		}
		if readerPronouns[strings.ToLower(w)] {
			return true
		}
	}
	return false
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
	return stopWords[string(buf[:len(w)])]
}

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
