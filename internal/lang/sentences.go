package lang

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"

	"github.com/parallax-news/parallax/internal/news"
)

// The Punkt model behind Sentences is decoded from JSON embedded in the
// english package, which takes a few milliseconds, so it is loaded once on
// first use. After loading it is only read, so one tokenizer serves every
// goroutine.
var (
	punktOnce sync.Once
	punkt     *sentences.DefaultSentenceTokenizer
	punktErr  error
)

func punktModel() *sentences.DefaultSentenceTokenizer {
	punktOnce.Do(func() {
		punkt, punktErr = english.NewSentenceTokenizer(nil)
	})
	if punktErr != nil {
		// The model is compiled into the binary; failing to decode it is a
		// build defect, not a runtime condition callers could handle.
		panic("lang: load embedded sentence model: " + punktErr.Error())
	}
	return punkt
}

// Sentences splits English text into sentences and returns them as byte
// ranges into text, in order, each trimmed of surrounding white space and
// never overlapping.
//
// A paragraph break (a blank line) always ends a sentence. Inside a
// paragraph, rules written for news prose decide where they can and the
// Punkt model of github.com/neurosnap/sentences, with its list of known
// abbreviations, settles the rest. Bare Punkt misses many boundaries in
// news copy and costs about ten times more. The rules: titles ("Mr.", "Gen.", "Sen.") never end a
// sentence, nor do "No." or a month abbreviation before a number ("No. 5",
// "Jan. 26"), initials and initialisms ("J. R. R.", "U.S.") end one only
// before a capitalised function word ("U.S. The…" but not "U.S. Army"), a
// sentence never starts with a lower-case word, and a year or number ending
// a sentence before a capitalised word does end it. Closing quotation marks
// and brackets after the final punctuation stay with their sentence.
//
// Inside a paragraph a line break also ends a sentence when the line ends
// without a joining mark and the next line does not start in lower case
// (headings, datelines, list items), unless the paragraph looks like prose
// hard-wrapped at a fixed width.
//
// Single-line paragraphs with no sentence-final punctuation before their
// last word are returned whole without consulting the model.
func Sentences(text string) []news.Span {
	var spans []news.Span
	for start := 0; start < len(text); {
		end, next := paragraphEnd(text, start)
		spans = appendParagraph(spans, text, start, end)
		start = next
	}
	return spans
}

// paragraphEnd finds the blank line ending the paragraph that begins at
// start. It returns the end of the paragraph and where the next one begins.
func paragraphEnd(text string, start int) (end, next int) {
	for i := start; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			return i, j + 1
		}
	}
	return len(text), len(text)
}

// appendParagraph appends the sentences of text[start:end].
func appendParagraph(spans []news.Span, text string, start, end int) []news.Span {
	para := text[start:end]
	words := splitWords(para)
	if len(words) == 0 {
		return spans
	}
	add := func(from, to int) {
		if from < to {
			spans = append(spans, news.Span{Start: start + from, End: start + to})
		}
	}
	if !hasInnerBoundary(para, words) {
		add(words[0].start, words[len(words)-1].end)
		return spans
	}

	model := punktModel()
	wrapped := isHardWrapped(para)
	from := words[0].start
	for i := 0; i < len(words)-1; i++ {
		cur, next := para[words[i].start:words[i].end], para[words[i+1].start:words[i+1].end]
		lineStart := words[i].start == 0 || para[words[i].start-1] == '\n'
		brk := endsSentence(model, cur, next, lineStart)
		if !brk && !wrapped && strings.IndexByte(para[words[i].end:words[i+1].start], '\n') >= 0 {
			brk = endsLine(cur, next)
		}
		if brk {
			add(from, words[i].end)
			from = words[i+1].start
		}
	}
	add(from, words[len(words)-1].end)
	return spans
}

// endsLine decides whether a line break inside a paragraph that is not
// hard-wrapped prose ends a sentence: headings, datelines and list items
// put one per line end without punctuation. The line continues the
// sentence when it ends in a joining mark or the next starts in lower case.
func endsLine(last, next string) bool {
	r, _ := utf8.DecodeLastRuneInString(last)
	switch r {
	case ',', ';', ':', '-', '–', '—', '(', '&', '/':
		return false
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(next, isOpener))
	return !unicode.IsLower(first)
}

// isHardWrapped reports whether para looks like prose wrapped at a fixed
// width (three or more lines of similar length, none a list item), where a
// line break is just a space.
func isHardWrapped(para string) bool {
	lines := strings.Split(para, "\n")
	if len(lines) < 3 {
		return false
	}
	shortest, longest := 1<<30, 0
	for _, l := range lines[:len(lines)-1] {
		l = strings.TrimSpace(l)
		if l == "" || strings.ContainsRune("-*•–—>#", []rune(l)[0]) || unicode.IsDigit([]rune(l)[0]) && strings.ContainsAny(l[:min(len(l), 4)], ".)") {
			return false
		}
		n := utf8.RuneCountInString(l)
		shortest, longest = min(shortest, n), max(longest, n)
	}
	return shortest >= 40 && longest <= 100 && longest-shortest <= 30
}

// word is one white-space separated token of a paragraph.
type word struct{ start, end int }

// splitWords splits para at white space, and also after a CJK full stop,
// question or exclamation mark, which are written without a following
// space.
func splitWords(para string) []word {
	words := make([]word, 0, len(para)/5)
	start := -1
	for i, r := range para {
		if unicode.IsSpace(r) {
			if start >= 0 {
				words = append(words, word{start, i})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
		if isCJKTerminal(r) {
			end := i + utf8.RuneLen(r)
			// Keep a closing bracket or quotation mark with the sentence.
			for end < len(para) {
				c, size := utf8.DecodeRuneInString(para[end:])
				if !isCloser(c) {
					break
				}
				end += size
			}
			if end < len(para) {
				c, _ := utf8.DecodeRuneInString(para[end:])
				if !unicode.IsSpace(c) {
					words = append(words, word{start, end})
					start = -1
				}
			}
		}
	}
	if start >= 0 {
		words = append(words, word{start, len(para)})
	}
	// A CJK split can leave the range loop positioned inside a run of
	// closers already consumed; drop the empty or overlapping leftovers.
	out := words[:0]
	last := 0
	for _, w := range words {
		if w.start < last {
			w.start = last
		}
		if w.start < w.end {
			out = append(out, w)
			last = w.end
		}
	}
	return out
}

// hasInnerBoundary reports whether any word but the last ends in
// sentence-final punctuation or a line, i.e. whether the paragraph might
// hold more than one sentence.
func hasInnerBoundary(para string, words []word) bool {
	if strings.IndexByte(para[:words[len(words)-1].start], '\n') >= 0 {
		return true
	}
	for _, w := range words[:len(words)-1] {
		if isCandidate(para[w.start:w.end]) {
			return true
		}
	}
	return false
}

// isCandidate reports whether tok ends in sentence-final punctuation,
// possibly followed by closing quotation marks or brackets.
func isCandidate(tok string) bool {
	_, mark := finalMark(tok)
	return mark != 0
}

// finalMark strips closing quotation marks and brackets from the end of a
// token and returns the rest and its last rune when that is sentence-final
// punctuation, or 0.
func finalMark(tok string) (core string, mark rune) {
	core = strings.TrimRightFunc(tok, isCloser)
	r, _ := utf8.DecodeLastRuneInString(core)
	switch r {
	case '.', '?', '!', '…', '。', '？', '！', '‼', '⁇', '⁈', '⁉':
		return core, r
	}
	return core, 0
}

// endsSentence decides whether a sentence ends after the word cur, the
// next word being next; lineStart says cur opens a line. The rules
// described on Sentences decide first; the Punkt model is consulted only
// for what they leave open, which spares most of its per-token regular
// expressions (they dominate its cost).
func endsSentence(model *sentences.DefaultSentenceTokenizer, cur, next string, lineStart bool) bool {
	core, mark := finalMark(cur)
	if mark == 0 {
		return false
	}
	nextCore := strings.TrimLeftFunc(next, isOpener)
	first, _ := utf8.DecodeRuneInString(nextCore)
	upper := unicode.IsUpper(first)
	switch {
	case unicode.IsLower(first):
		return false // "…in the U.S. and…", "“Why?” he asked."
	case isCJKTerminal(mark):
		return true
	case mark != '.' && mark != '…':
		return upper || nextCore != next || punktBreak(model, cur, next)
	}

	stem := strings.ToLower(strings.TrimRight(core, ".…"))
	if i := strings.LastIndexAny(stem, "-–—/(\"'“‘"); i >= 0 {
		stem = stem[i+1:]
	}
	switch {
	case strings.HasSuffix(core, "..") || mark == '…':
		// An ellipsis before a capitalised word ends a sentence: "…rose
		// by a third… Local shops say"; before a lower-case one it was
		// ruled out above.
		return upper
	case titles[stem]:
		return false
	case unicode.IsDigit(first) && numberAbbrevs[stem]:
		return false
	case isNumber(stem):
		// Punkt rarely ends a sentence after a number ("…in 2023. In
		// 2024…"); a list number opening a line is the exception.
		return upper && !lineStart
	case isInitialism(stem) || model.AbbrevTypes.Has(stem) && !abbrevWords[stem]:
		return startsSentence(model, nextCore)
	case upper:
		// An ordinary word, then a capital, quoted or not. Punkt misses
		// the quoted case: “…over.” “Next…”.
		return true
	}
	return punktBreak(model, cur, next)
}

// punktBreak returns the Punkt model's verdict on a sentence break after
// cur. Each of its annotations looks only at a word and its successor, so
// annotating the pair alone gives the verdict the whole paragraph would.
func punktBreak(model *sentences.DefaultSentenceTokenizer, cur, next string) bool {
	a, b := sentences.NewToken(cur), sentences.NewToken(next)
	a.Position, b.Position = len(cur), len(cur)+1+len(next)
	model.AnnotateTokens([]*sentences.Token{a, b}, model.Annotations...)
	return a.SentBreak
}

// startsSentence reports whether w is a capitalised function word ("The",
// "He", "But"): after an abbreviation that could end a sentence, such a
// word means it did, where a capitalised name ("Army", "Smith") means it
// did not.
func startsSentence(model *sentences.DefaultSentenceTokenizer, w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) {
		return false
	}
	end := strings.IndexFunc(w, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '’'
	})
	if end >= 0 {
		w = w[:end]
	}
	w = strings.ReplaceAll(strings.ToLower(w), "’", "'")
	return w != "i" && (IsStopWord(w) || model.SentStarters.Has(w))
}

// isNumber reports whether s, a token without its final period, is a
// number such as "2023", "18%" or "1,000".
func isNumber(s string) bool {
	s = strings.TrimRight(s, "%")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != ',' && s[i] != '.' {
			return false
		}
	}
	return s[0] >= '0' && s[0] <= '9'
}

// isInitialism reports whether s, a token without its final period, is a
// single letter ("j") or letters separated by periods ("u.s", "p.m").
func isInitialism(s string) bool {
	letters := 0
	for i, r := range s {
		if i%2 == 1 {
			if r != '.' {
				return false
			}
			continue
		}
		if r >= utf8.RuneSelf || !unicode.IsLetter(r) {
			return false
		}
		letters++
	}
	return letters > 0
}

func isCJKTerminal(r rune) bool { return r == '。' || r == '？' || r == '！' }

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›', '」', '』', '）', '*', '_':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '„', '「', '『', '（', '*', '_', '¿', '¡':
		return true
	}
	return false
}

// titles are abbreviations written before a name; they never end a
// sentence.
var titles = setOf(`mr mrs ms messrs mmes mme mlle dr prof gen lt col sgt capt cpt maj adm cmdr
cdr cpl pvt brig gov sen rep reps rev fr hon pres supt insp det amb atty rt msgr`)

// abbrevWords are abbreviations in the Punkt model's list that are more
// often ordinary English words ending a sentence: "He fell ill."
var abbrevWords = setOf(`ill ok ore wash wed cos`)

// numberAbbrevs are abbreviations written before a number: "No. 5",
// "Jan. 26", "Art. 5", "p. 12".
var numberAbbrevs = setOf(`no nos jan feb mar apr jun jul aug sep sept oct nov dec
art arts vol vols p pp fig figs ch chap sec para approx ca c nr op ed est tel ex`)

func setOf(list string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}
