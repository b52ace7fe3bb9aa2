package attrib

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// quoteSeg is one quotation in a text: Outer includes the quotation
// marks, Inner does not. Open is false when the quotation runs to the end
// of its paragraph without a closing mark (the convention for quotes that
// continue in the next paragraph).
type quoteSeg struct {
	Outer, Inner news.Span
	Closed       bool
}

// findQuotes returns the quotations of text in order. Curly marks pair
// “ with ”; straight double quotes alternate, an opening one being
// recognised by what precedes it. Single quotation marks are only taken
// for quotes when they cannot be apostrophes: ‘ after a space or an
// opening bracket, closed by ’ before a space or punctuation. A
// quotation never crosses a paragraph break (blank line): an unclosed
// one ends with its paragraph.
func findQuotes(text string) []quoteSeg {
	var segs []quoteSeg
	open := -1    // byte offset of the opening mark, -1 outside a quote
	openLen := 0  // its length in bytes
	var want rune // closing mark expected
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' && open >= 0 && paragraphBreak(text, i) {
			segs = append(segs, quoteSeg{
				Outer: news.Span{Start: open, End: trimRightSpace(text, i)},
				Inner: news.Span{Start: open + openLen, End: trimRightSpace(text, i)},
			})
			open = -1
		}
		switch {
		case open < 0:
			switch r {
			case '“', '„', '«':
				open, openLen = i, size
				want = map[rune]rune{'“': '”', '„': '“', '«': '»'}[r]
			case '"':
				if opensQuote(text, i) {
					open, openLen, want = i, size, '"'
				}
			case '\'':
				// Two apostrophes stand for a double quotation mark in
				// some archives: ''Yes,'' she said.
				if i+1 < len(text) && text[i+1] == '\'' && opensQuote(text, i) {
					open, openLen, want = i, 2, '\''
					size = 2
				}
			case '‘':
				if opensQuote(text, i) {
					open, openLen, want = i, size, '’'
				}
			}
		case want == '\'' && r == '\'' && i+1 < len(text) && text[i+1] == '\'':
			segs = append(segs, quoteSeg{
				Outer:  news.Span{Start: open, End: i + 2},
				Inner:  news.Span{Start: open + openLen, End: i},
				Closed: true,
			})
			open = -1
			size = 2
		case want == '\'':
		case r == want || (want == '”' && r == '"') || (want == '"' && r == '”'):
			if want == '’' && !closesSingle(text, i+size) {
				break
			}
			if want == '“' && r == '"' {
				break
			}
			segs = append(segs, quoteSeg{
				Outer:  news.Span{Start: open, End: i + size},
				Inner:  news.Span{Start: open + openLen, End: i},
				Closed: true,
			})
			open = -1
		}
		i += size
	}
	if open >= 0 {
		end := trimRightSpace(text, len(text))
		segs = append(segs, quoteSeg{
			Outer: news.Span{Start: open, End: end},
			Inner: news.Span{Start: open + openLen, End: end},
		})
	}
	// Drop empty quotations ("" or “ ”).
	out := segs[:0]
	for _, s := range segs {
		if strings.TrimSpace(text[s.Inner.Start:max(s.Inner.Start, s.Inner.End)]) != "" {
			out = append(out, s)
		}
	}
	return out
}

// paragraphBreak reports whether the newline at i starts a blank line.
func paragraphBreak(text string, i int) bool {
	j := i + 1
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	return j >= len(text) || text[j] == '\n'
}

func trimRightSpace(text string, end int) int {
	for end > 0 && (text[end-1] == ' ' || text[end-1] == '\n' || text[end-1] == '\r' || text[end-1] == '\t') {
		end--
	}
	return end
}

// opensQuote reports whether the straight or single mark at i opens a
// quotation: it starts the text or follows white space or an opening
// bracket or dash, and is followed by a non-space.
func opensQuote(text string, i int) bool {
	if i > 0 {
		p, _ := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(p) && !strings.ContainsRune("([{—–-:/", p) {
			return false
		}
	}
	width := len("‘")
	switch {
	case text[i] == '"':
		width = 1
	case text[i] == '\'':
		width = 2
	}
	if i+width > len(text) {
		return false
	}
	n, _ := utf8.DecodeRuneInString(text[i+width:])
	return n != utf8.RuneError && !unicode.IsSpace(n)
}

// closesSingle reports whether a ’ ending at j closes a single-quoted
// quotation rather than being an apostrophe: what follows is not a letter.
func closesSingle(text string, j int) bool {
	if j >= len(text) {
		return true
	}
	n, _ := utf8.DecodeRuneInString(text[j:])
	return !unicode.IsLetter(n) && !unicode.IsDigit(n)
}

// tokKind classifies a token of a unit.
type tokKind uint8

const (
	tWord  tokKind = iota // a word
	tPunct                // one punctuation mark
	tQuote                // a whole quotation, marks included
)

// token is one word, punctuation mark or quotation of a unit.
type token struct {
	Span news.Span
	Kind tokKind
	Text string // the word or mark; for a quotation, its inner text
	Low  string // Text lower-cased (words only)
	Seg  int    // index into the quotations for tQuote, else -1
}

// titleAbbrevs keep their period inside a word token.
var titleAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "lt": true, "col": true, "st": true, "jr": true, "sr": true, "prof": true,
	"sgt": true, "capt": true, "maj": true, "adm": true, "rev": true, "pres": true,
}

// tokenize splits text[span] into tokens, taking each quotation of segs
// lying inside span as one token.
func tokenize(text string, span news.Span, segs []quoteSeg) []token {
	var toks []token
	// Quotations are in order and do not overlap: find the first one
	// ending after the span starts.
	si := sort.Search(len(segs), func(k int) bool { return segs[k].Outer.End > span.Start })
	for i := span.Start; i < span.End; {
		if si < len(segs) && segs[si].Outer.Start <= i {
			s := segs[si]
			if s.Outer.Start >= span.Start {
				end := min(s.Outer.End, span.End)
				toks = append(toks, token{
					Span: news.Span{Start: s.Outer.Start, End: end},
					Kind: tQuote, Text: text[s.Inner.Start:min(s.Inner.End, end)], Seg: si,
				})
				i = max(i, end)
			}
			si++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			end := wordEnd(text, i, span.End)
			w := text[i:end]
			toks = append(toks, token{Span: news.Span{Start: i, End: end}, Kind: tWord, Text: w, Low: strings.ToLower(w), Seg: -1})
			i = end
		default:
			toks = append(toks, token{Span: news.Span{Start: i, End: i + size}, Kind: tPunct, Text: text[i : i+size], Seg: -1})
			i += size
		}
	}
	return toks
}

// wordEnd returns the end of the word starting at i: letters, digits and
// marks, with apostrophes, hyphens, and periods or commas between digits
// kept inside, and the period of an initialism ("U.S.") or a title
// ("Gen.").
func wordEnd(text string, i, limit int) int {
	j := i
	for j < limit {
		r, size := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += size
			continue
		}
		if strings.ContainsRune("'’-.,", r) && j > i && j+size < limit {
			p, _ := utf8.DecodeLastRuneInString(text[:j])
			n, _ := utf8.DecodeRuneInString(text[j+size:])
			switch {
			case (r == '\'' || r == '’') && unicode.IsLetter(p) && (unicode.IsLetter(n) || unicode.IsDigit(n)),
				r == '-' && (unicode.IsLetter(p) || unicode.IsDigit(p)) && (unicode.IsLetter(n) || unicode.IsDigit(n)):
				j += size
				continue
			case (r == '.' || r == ',') && unicode.IsDigit(p) && unicode.IsDigit(n):
				j += size
				continue
			case r == '.' && unicode.IsLetter(n) && isInitialismSoFar(text[i:j]):
				j += size
				continue
			}
		}
		break
	}
	// A trailing period of an initialism or title stays with the word.
	if j < limit && text[j] == '.' {
		w := text[i:j]
		if strings.Contains(w, ".") && isInitialismSoFar(w) || titleAbbrevs[strings.ToLower(w)] || utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
			j++
		}
	}
	return j
}

// isInitialismSoFar reports whether w is single letters joined by periods
// ("U", "U.S", "D.C").
func isInitialismSoFar(w string) bool {
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

// isCapitalized reports whether a word starts with an upper-case letter.
func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
