package store

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed web-search style query (see Store.Search), ready for a
// backend to render in its own full-text syntax. It is empty when nothing
// is left to search for.
type Query struct {
	// Groups must all match; a group matches when any of its terms does.
	// Each term is a word or a phrase, as the user wrote it.
	Groups [][]string
	// Exclude lists the terms no match may contain.
	Exclude []string
}

// Empty reports whether q has nothing to search for; an exclusion alone
// does not count.
func (q Query) Empty() bool { return len(q.Groups) == 0 }

// ParseQuery splits a web-search style query into words and "quoted
// phrases", joins terms around OR into groups and sets aside the ones
// written with a leading '-'. Terms without a letter or digit are dropped,
// as is a lone or leading OR. Control characters count as spaces: a NUL
// would end a string early inside a full-text parser.
func ParseQuery(query string) Query {
	var (
		q  Query
		or bool // the previous token was OR
	)
	for _, tok := range tokenize(query) {
		switch {
		case tok.text == "OR" && !tok.quoted && !tok.exclude:
			or = len(q.Groups) > 0
			continue
		case !searchable(tok.text):
		case tok.exclude:
			q.Exclude = append(q.Exclude, tok.text)
		case or:
			last := len(q.Groups) - 1
			q.Groups[last] = append(q.Groups[last], tok.text)
		default:
			q.Groups = append(q.Groups, []string{tok.text})
		}
		or = false
	}
	if len(q.Groups) == 0 {
		return Query{}
	}
	return q
}

// token is one whitespace-separated word or one quoted phrase of a query.
type token struct {
	text    string
	quoted  bool
	exclude bool // written with a leading '-'
}

// tokenize splits a query into words and "quoted phrases"; an unclosed
// quote runs to the end. Control characters count as spaces.
func tokenize(q string) []token {
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
	var toks []token
	for len(q) > 0 {
		r, n := utf8.DecodeRuneInString(q)
		if unicode.IsSpace(r) {
			q = q[n:]
			continue
		}
		var t token
		if q[0] == '-' && len(q) > 1 {
			t.exclude = true
			q = q[1:]
		}
		if q[0] == '"' {
			t.quoted = true
			q = q[1:]
			end := strings.IndexByte(q, '"')
			if end < 0 {
				end = len(q)
			}
			t.text = q[:end]
			q = q[min(end+1, len(q)):]
		} else {
			end := strings.IndexFunc(q, unicode.IsSpace)
			if end < 0 {
				end = len(q)
			}
			t.text = q[:end]
			q = q[end:]
		}
		toks = append(toks, t)
	}
	return toks
}

// searchable reports whether s has a letter or digit for a tokenizer to
// index; a phrase of punctuation alone would match nothing or everything.
func searchable(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}
