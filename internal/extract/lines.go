package extract

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// DefaultLinesPerOutlet is the LineIndex capacity NewLineIndex uses when
// given zero or less.
const DefaultLinesPerOutlet = 20000

// maxIndexedLine is the longest line, in bytes, a LineIndex keeps: page
// furniture is short, and long lines are article text.
const maxIndexedLine = 200

// LineIndex counts, per outlet, in how many articles each short line
// occurs. A line that many articles of one outlet share — a newsletter
// form, a membership appeal, a menu — is that outlet's page furniture.
// It is safe for concurrent use. Memory is bounded: each outlet keeps at
// most the configured number of distinct lines, and when it overflows the
// least-counted (then least recently seen) lines are forgotten.
type LineIndex struct {
	mu      sync.RWMutex
	max     int
	seq     uint64
	outlets map[string]map[uint64]lineCount // keyed by the hash of LineKey
	seen    map[string]uint64               // Observe call that last saw each outlet
}

// maxOutlets bounds the outlets a LineIndex remembers; past it the outlets
// not seen for longest are forgotten. Outlet names taken from article text
// can be many, and memory must stay flat however long a stream runs.
const maxOutlets = 2048

type lineCount struct {
	n    int
	last uint64 // Observe call that last saw the line
}

// NewLineIndex returns an empty index keeping at most maxLinesPerOutlet
// distinct lines per outlet (DefaultLinesPerOutlet when ≤ 0).
func NewLineIndex(maxLinesPerOutlet int) *LineIndex {
	if maxLinesPerOutlet <= 0 {
		maxLinesPerOutlet = DefaultLinesPerOutlet
	}
	return &LineIndex{max: maxLinesPerOutlet, outlets: map[string]map[uint64]lineCount{}, seen: map[string]uint64{}}
}

// Observe records the lines of one article's raw text for an outlet, each
// distinct line once however often the article repeats it. Call it after
// cleaning the article, so that its own lines do not count as "other
// articles" for it.
func (x *LineIndex) Observe(outlet, text string) {
	outlet = outletKey(outlet)
	if outlet == "" {
		return
	}
	keys := map[uint64]bool{}
	var buf []byte
	for line := range strings.SplitSeq(normalizeText(text), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || len(line) > maxIndexedLine {
			continue
		}
		if buf = appendLineKey(buf[:0], line); len(buf) > 0 {
			keys[lineHash(buf)] = true
		}
	}
	if len(keys) == 0 {
		return
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	x.seq++
	lines := x.outlets[outlet]
	if lines == nil {
		if len(x.outlets) >= maxOutlets {
			x.forgetOutlets()
		}
		lines = map[uint64]lineCount{}
		x.outlets[outlet] = lines
	}
	x.seen[outlet] = x.seq
	for k := range keys {
		c := lines[k]
		c.n++
		c.last = x.seq
		lines[k] = c
	}
	if len(lines) > x.max {
		x.evict(lines)
	}
}

// forgetOutlets drops the quarter of the outlets seen least recently.
func (x *LineIndex) forgetOutlets() {
	type entry struct {
		name string
		last uint64
	}
	all := make([]entry, 0, len(x.seen))
	for n, last := range x.seen {
		all = append(all, entry{n, last})
	}
	slices.SortFunc(all, func(a, b entry) int { return cmp.Compare(a.last, b.last) })
	for _, e := range all[:len(all)/4+1] {
		delete(x.outlets, e.name)
		delete(x.seen, e.name)
	}
}

// evict forgets the least-counted, least recently seen lines of one outlet
// until a quarter of the capacity is free, so eviction runs rarely.
func (x *LineIndex) evict(lines map[uint64]lineCount) {
	type entry struct {
		key uint64
		c   lineCount
	}
	all := make([]entry, 0, len(lines))
	for k, c := range lines {
		all = append(all, entry{k, c})
	}
	slices.SortFunc(all, func(a, b entry) int {
		if a.c.n != b.c.n {
			return a.c.n - b.c.n
		}
		if a.c.last != b.c.last {
			if a.c.last < b.c.last {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.key, b.key)
	})
	keep := x.max * 3 / 4
	for _, e := range all[:len(all)-keep] {
		delete(lines, e.key)
	}
}

// Count returns in how many observed articles of the outlet the line
// occurs (compared by LineKey).
func (x *LineIndex) Count(outlet, line string) int {
	outlet = outletKey(outlet)
	k := lineHash(appendLineKey(nil, line))
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.outlets[outlet][k].n
}

// Len returns how many distinct lines the index keeps for an outlet.
func (x *LineIndex) Len(outlet string) int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.outlets[outletKey(outlet)])
}

// Repeated returns a function for TextOptions.Repeated that counts lines
// among the outlet's observed articles.
func (x *LineIndex) Repeated(outlet string) func(line string) int {
	outlet = outletKey(outlet)
	return func(line string) int {
		k := lineHash(appendLineKey(nil, line))
		x.mu.RLock()
		defer x.mu.RUnlock()
		return x.outlets[outlet][k].n
	}
}

// lineHash is the 64-bit FNV-1a hash of a line key: the index keeps hashes,
// not the lines, so an outlet's entries cost a few dozen bytes each. A
// collision between two different short lines of one outlet is too rare
// to matter for a furniture count.
func lineHash(key []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range key {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func outletKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// LineKey normalises a line for comparison across articles: lower case,
// one space between words, curly quotes and dashes folded to their ASCII
// forms, and every run of digits folded to a single 0, so "Join 12,000
// readers" and "Join 13,500 readers" — or two time stamps — compare equal.
func LineKey(line string) string {
	return string(appendLineKey(make([]byte, 0, len(line)), line))
}

// appendLineKey appends the LineKey of line to buf.
func appendLineKey(buf []byte, line string) []byte {
	start := len(buf)
	space, digit := false, false
	for i := 0; i < len(line); {
		c := line[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(line[i:])
			i += size
			buf, space, digit = lineKeyRune(buf, start, r, space, digit)
			continue
		}
		i++
		switch {
		case asciiSpace[c] != 0:
			space, digit = len(buf) > start, false
			continue
		case '0' <= c && c <= '9':
			if digit {
				continue
			}
			if space {
				buf = append(buf, ' ')
				space = false
			}
			buf = append(buf, '0')
			digit = true
			continue
		case digit && (c == ',' || c == '.'):
			continue // "10,000", "4.5" stay one number
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		switch {
		case c == '`':
			c = '\''
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		digit = false
		buf = append(buf, c)
	}
	return buf
}

// lineKeyRune appends the key form of one non-ASCII rune.
func lineKeyRune(buf []byte, start int, r rune, space, digit bool) ([]byte, bool, bool) {
	switch {
	case unicode.IsSpace(r):
		return buf, len(buf) > start, false
	case unicode.IsDigit(r):
		if digit {
			return buf, space, digit
		}
	}
	if space {
		buf = append(buf, ' ')
	}
	switch r {
	case '‘', '’', '‚', '‛', '′':
		r = '\''
	case '“', '”', '„', '‟', '″', '«', '»':
		r = '"'
	case '‐', '‑', '‒', '–', '—', '―', '−':
		r = '-'
	default:
		if unicode.IsDigit(r) {
			return append(buf, '0'), false, true
		}
		r = unicode.ToLower(r)
	}
	return utf8.AppendRune(buf, r), false, false
}
