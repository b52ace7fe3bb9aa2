// Package lang provides the text primitives every later stage shares:
// Unicode normalisation (Normalize) and its comparable folded form (Fold),
// language identification (Language), English sentence splitting with byte
// offsets (Sentences), and word tokens, stems and stop words (Words, Stem,
// IsStopWord).
//
// Everything here is pure and safe for concurrent use. The sentence model is
// loaded once, on first use.
package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in the canonical form Parallax stores article text in:
//
//   - Unicode NFC;
//   - CRLF and CR line ends become LF; U+2028 becomes LF and U+2029 a
//     paragraph break;
//   - the byte-order mark, zero-width characters, soft hyphens, bidi
//     controls and other control characters are removed, except LF, and a
//     tab becomes a space;
//   - non-breaking and other Unicode spaces become an ASCII space;
//   - runs of spaces inside a line collapse to one, and lines are trimmed;
//   - at most one blank line separates paragraphs, and the text neither
//     starts nor ends with a blank line.
//
// Quotation marks and dashes are kept as written; Fold is the form that
// erases them. Invalid UTF-8 bytes are replaced by U+FFFD, so the result is
// always valid UTF-8. Normalize is idempotent.
func Normalize(s string) string {
	buf := make([]byte, 0, len(s))
	// newlines counts line breaks seen since the last text written; space
	// records a pending space inside the current line. Both are flushed
	// lazily so that trailing spaces and excess blank lines never reach buf.
	newlines, space := 0, false
	separate := func() {
		if len(buf) > 0 {
			switch {
			case newlines >= 2:
				buf = append(buf, "\n\n"...)
			case newlines == 1:
				buf = append(buf, '\n')
			case space:
				buf = append(buf, ' ')
			}
		}
		newlines, space = 0, false
	}
	for i := 0; i < len(s); {
		if c := s[i]; c > ' ' && c < 0x7F {
			// A run of printable ASCII is copied as is.
			j := i + 1
			for j < len(s) && s[j] > ' ' && s[j] < 0x7F {
				j++
			}
			separate()
			buf = append(buf, s[i:j]...)
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			newlines, space = newlines+1, false
		case r == '\n' || r == '\u0085' || r == '\u2028':
			newlines, space = newlines+1, false
		case r == '\u2029':
			newlines, space = newlines+2, false
		case r == ' ' || r == '\t' || unicode.Is(unicode.Zs, r):
			space = true
		case dropped(r):
		default:
			separate()
			buf = utf8.AppendRune(buf, r) // U+FFFD for an invalid byte
		}
	}
	out := string(buf)
	if !norm.NFC.IsNormalString(out) {
		// Composition runs last because removing a zero-width or control
		// character can bring a base letter and its combining mark together.
		out = norm.NFC.String(out)
	}
	return out
}

// dropped reports whether r is removed outright by Normalize: control and
// invisible formatting characters that carry no text.
func dropped(r rune) bool {
	switch r {
	case '\uFEFF', // byte-order mark, zero-width no-break space
		'\u200B', '\u200C', '\u200D', '\u2060', // zero-width space, (non-)joiner, word joiner
		'\u00AD',                     // soft hyphen
		'\u200E', '\u200F', '\u061C', // directional marks
		'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', // bidi embeddings and overrides
		'\u2066', '\u2067', '\u2068', '\u2069', // bidi isolates
		'\u180E': // Mongolian vowel separator, once a space
		return true
	}
	return unicode.IsControl(r)
}

// Fold returns the comparable form of s used for matching and hashing:
// Normalize, then lower case, curly and angle quotation marks replaced by '
// or ", every dash and hyphen by '-', and the ellipsis character by "...".
// Diacritics are kept. Two texts differing only in quote or dash style, case
// or spacing fold to the same string.
func Fold(s string) string {
	s = strings.ToLower(Normalize(s))
	if !hasFoldable(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '\u2018', '\u2019', '\u201A', '\u201B', '\u2039', '\u203A', '\u2032', '\uFF07', '\u02BC':
			b.WriteByte('\'')
		case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033', '\uFF02', '\u301D', '\u301E':
			b.WriteByte('"')
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D':
			b.WriteByte('-')
		case '\u2026':
			b.WriteString("...")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hasFoldable reports whether s holds any rune Fold rewrites; all of them
// are outside ASCII.
func hasFoldable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
