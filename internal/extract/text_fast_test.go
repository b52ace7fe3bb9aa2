package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The reference implementations below are the straightforward rune-by-rune
// forms of LineKey, cueText and shapeOf that the optimised ones replaced;
// the fuzz tests hold the fast forms to them.

func refLineKey(line string) string {
	var b strings.Builder
	b.Grow(len(line))
	space, digit := false, false
	for _, r := range line {
		switch {
		case unicode.IsSpace(r):
			space, digit = b.Len() > 0, false
			continue
		case unicode.IsDigit(r):
			if digit {
				continue
			}
		case digit && (r == ',' || r == '.'):
			continue // "10,000", "4.5" stay one number
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		switch r {
		case '‘', '’', '‚', '‛', '′', '`':
			r = '\''
		case '“', '”', '„', '‟', '″', '«', '»':
			r = '"'
		case '‐', '‑', '‒', '–', '—', '―', '−':
			r = '-'
		default:
			if unicode.IsDigit(r) {
				b.WriteByte('0')
				digit = true
				continue
			}
			r = unicode.ToLower(r)
		}
		digit = false
		b.WriteRune(r)
	}
	return b.String()
}

func refCueText(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(' ')
	space := true
	digit := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
			space, digit = false, false
		case unicode.IsDigit(r):
			if !digit {
				b.WriteByte('0')
			}
			space, digit = false, true
		case r == '\'' || r == '’':
			b.WriteByte('\'')
			digit = false
		case r == '-' && !space:
			b.WriteByte('-')
			digit = false
		case r == ',' && digit:
			// "10,000" stays one number
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
			digit = false
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

func refShapeOf(s, ct string) shape {
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
	if !sh.addressed && refMentionsPronoun(ct) {
		sh.addressed = addressesReader(s)
	}
	return sh
}

func refMentionsPronoun(ct string) bool {
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

var fastPathSeeds = []string{
	"", "Subscribe to our newsletter", "Join 12,000 readers — it’s free!", "  two  spaces\tand tab ",
	"“Quoted” «words» and 4.5 digits 10,000", "İSTANBUL ve Kelvin K ſ", "東京都で新しい駅が開業した。", "- a bullet line |menu| » more",
	"By Jane Roe, Staff Writer", "\u00a0no-break\u2009thin", "We said you'd come. Share this.", "Read more: x", "ÅNGSTRÖM Ärger",
}

func FuzzLineKey(f *testing.F) {
	for _, s := range fastPathSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := LineKey(s), refLineKey(s); got != want {
			t.Errorf("LineKey(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzCueText(f *testing.F) {
	for _, s := range fastPathSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		buf, rc := appendCueText(nil, s)
		if got, want := string(buf), refCueText(s); got != want {
			t.Errorf("cueText(%q) = %q, want %q", s, got, want)
		}
		ct := string(buf)
		got := shapeOf(s, rc, cueMask(ct)&cuePronoun != 0)
		if want := refShapeOf(s, ct); got != want {
			t.Errorf("shapeOf(%q) = %+v, want %+v", s, got, want)
		}
	})
}
