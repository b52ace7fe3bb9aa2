package lang

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Words splits s into lower-cased word tokens: maximal runs of letters,
// combining marks and digits. An apostrophe (' or ’) between two letters
// stays inside the word, written as ', so "Don’t" gives "don't"; a period
// or comma between two digits stays inside the number, so "1,000" and
// "3.5" are one token each. Everything else separates words.
func Words(s string) []string {
	words := make([]string, 0, len(s)/6)
	start := -1     // start of the current word, -1 between words
	prev := rune(0) // the last rune of the current word
	curly := false  // the current word holds a ’
	flush := func(end int) {
		if start >= 0 {
			// Substrings of s need no copy unless they change.
			w := s[start:end]
			if curly {
				w = strings.ReplaceAll(w, "’", "'")
			}
			words = append(words, strings.ToLower(w))
		}
		start, prev, curly = -1, 0, false
	}
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		inWord := false
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'):
			inWord = true
		case r < utf8.RuneSelf && r != '\'' && r != '.' && r != ',':
		case unicode.IsLetter(r) || unicode.IsDigit(r) || (prev != 0 && unicode.In(r, unicode.Mn, unicode.Mc)):
			inWord = r != utf8.RuneError
		case prev != 0 && (r == '\'' || r == '’'):
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			inWord = unicode.IsLetter(prev) && unicode.IsLetter(next)
			curly = curly || inWord && r == '’'
		case prev != 0 && (r == '.' || r == ','):
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			inWord = unicode.IsDigit(prev) && unicode.IsDigit(next)
		}
		if inWord {
			if start < 0 {
				start = i
			}
			prev = r
		} else {
			flush(i)
		}
		i += size
	}
	flush(len(s))
	return words
}

// Stem returns the English Snowball (Porter 2) stem of word, lower-cased:
// "reported", "reports" and "reporting" all give "report". Stop words and
// words of two letters or fewer are returned lower-cased but unstemmed.
func Stem(word string) string {
	return english.Stem(word, false)
}

// IsStopWord reports whether w, a lower-case word as Words returns it, is
// an English function word carrying little topic: articles, pronouns,
// auxiliaries, common prepositions and conjunctions. Negations ("not",
// "no", "never") are on the list, so stages that detect denials must not
// drop stop words first.
func IsStopWord(w string) bool {
	_, ok := stopWords[w]
	return ok
}

// stopWords is an English stop-word list: the Snowball list plus common
// contractions and a few high-frequency adverbs and auxiliaries.
var stopWords = func() map[string]struct{} {
	const list = `a about above after again against all also am an and any are aren't as at
be because been before being below between both but by
can can't cannot could couldn't
did didn't do does doesn't doing don't down during
each either few for from further
had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's
i i'd i'll i'm i've if in into is isn't it it's its itself
just let's may me might more most must mustn't my myself
neither never no nor not now
of off on once only or other ought our ours ourselves out over own
same shan't she she'd she'll she's should shouldn't so some such
than that that's the their theirs them themselves then there there's these they they'd they'll they're they've this those through to too
under until up upon us
very
was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's will with won't would wouldn't
yet you you'd you'll you're you've your yours yourself yourselves`
	m := make(map[string]struct{}, 220)
	for _, w := range strings.Fields(list) {
		m[w] = struct{}{}
	}
	return m
}()

// Count writes n and the noun: "1 article", "3 articles". The plural is
// the regular English one, the noun and an s.
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
