package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

const (
	// languageSample bounds how much text Language looks at: trigram
	// profiles settle within a couple of hundred words, and whatlanggo's
	// cost grows faster than linearly with the number of distinct trigrams
	// (about 2.4 ms for a 2.6 KB article, 0.9 ms for its first 1 KB).
	languageSample = 1 << 10
	// trigramSample is what the trigram model is given first, in
	// characters, when the English fast path does not decide: about
	// sixty words settle the language of most news prose, at half the
	// cost of a kilobyte or less. When the guess on them is not reliable
	// (closely related languages: Russian and Serbian in Cyrillic), the
	// whole languageSample is looked at.
	trigramSample = 400
	// minLanguageLetters is the least number of letters Language needs
	// before it trusts a guess; below it, short headlines in one Latin
	// language are too often taken for another.
	minLanguageLetters = 40
)

// Language returns the ISO 639-1 code of the language text is written in
// ("en", "de", "ru"…), or "" when the text is too short, the guess is not
// reliable, or the language has no two-letter code. Only the first few
// kilobytes are examined, so the cost is bounded on long texts.
func Language(text string) string {
	text = prefix(text, languageSample)
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if letters >= minLanguageLetters {
				break
			}
		}
	}
	if letters < minLanguageLetters {
		return ""
	}
	if isClearlyEnglish(text) {
		return "en"
	}
	sample := prefix(text, runeOffset(text, trigramSample))
	info := whatlanggo.Detect(sample)
	if (info.Lang < 0 || !info.IsReliable()) && len(sample) < len(text) {
		// Too close to call on the sample: look at all of it.
		info = whatlanggo.Detect(text)
	}
	if info.Lang < 0 || !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}

// runeOffset returns the byte offset of the n-th character of text, or
// len(text) when it has fewer.
func runeOffset(text string, n int) int {
	for i := range text {
		if n == 0 {
			return i
		}
		n--
	}
	return len(text)
}

// prefix returns about the first n bytes of text, ending on a word
// boundary so that no trigram is made up.
func prefix(text string, n int) string {
	if len(text) <= n {
		return text
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	if sp := strings.LastIndexAny(text[:cut], " \n"); sp > cut/2 {
		cut = sp
	}
	return text[:cut]
}

// englishMarkers are function words frequent in English and rare as words
// in other languages written in Latin script.
var englishMarkers = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "that": true, "is": true, "was": true,
	"for": true, "with": true, "said": true, "it": true, "by": true, "from": true, "have": true,
	"has": true, "he": true, "she": true, "they": true, "are": true, "were": true, "be": true,
	"at": true, "this": true, "which": true, "on": true, "its": true, "their": true, "would": true,
}

// isClearlyEnglish is the fast path of Language, which most news takes:
// among the first 200 words (at least 30), "the" occurs three times and
// a seventh of the words are English function words, or "the" occurs
// twice and a fifth are. "the" is what no other language written in
// Latin script uses as a word, so the trigram model would only agree, at
// a hundred times the cost: it compares every text with every language's
// profile, about 0.4 ms whatever the length. (With the old rule — "the"
// three times and a fifth — one English article in six of the shared
// evaluation sets went to the model; now one in twenty.) Typographic
// punctuation — curly quotes, dashes, ellipses — is not counted as
// foreign.
func isClearlyEnglish(text string) bool {
	words, markers, the, nonASCII, scanned := 0, 0, 0, 0, 0
	start := -1
	for i := 0; i <= len(text) && words < 200; i++ {
		scanned++
		var c byte = ' '
		if i < len(text) {
			c = text[i]
		}
		skip := 0
		if c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 {
			skip, c = 2, ' ' // general punctuation: a separator like a space
		} else if c >= 0x80 {
			nonASCII++
		}
		isLetter := c|0x20 >= 'a' && c|0x20 <= 'z'
		if isLetter {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && c != '\'' {
			words++
			if w := text[start:i]; len(w) <= 5 {
				// Only ASCII letters: lower-case them in place.
				var buf [5]byte
				for k := 0; k < len(w); k++ {
					buf[k] = w[k] | 0x20
				}
				if englishMarkers[string(buf[:len(w)])] {
					markers++
					if string(buf[:len(w)]) == "the" {
						the++
					}
				}
			}
			start = -1
		}
		i += skip
	}
	if words < 30 || nonASCII*20 >= scanned {
		return false
	}
	return the >= 3 && markers*7 >= words || the >= 2 && markers*5 >= words
}
