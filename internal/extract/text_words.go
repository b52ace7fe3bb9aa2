package extract

// wordTable is a small read-only set of lower-case words, each with a few
// flag bits. It replaces a map on the hottest path of Text — a look-up per
// word of every line — where hashing the whole string with the map's
// general-purpose hash costs more than the rest of the work on the word.
type wordTable struct {
	mask  uint32
	words []string
	flags []uint8
	// lens marks the word lengths present, so most words that cannot be
	// in the table are rejected before hashing.
	lens uint64
}

// newWordTable builds a table from words and their flags; flags of a word
// given twice are merged.
func newWordTable(entries map[string]uint8) *wordTable {
	size := uint32(16)
	for int(size) < 4*len(entries) {
		size *= 2
	}
	t := &wordTable{mask: size - 1, words: make([]string, size), flags: make([]uint8, size)}
	for w, f := range entries {
		if w == "" {
			continue
		}
		i := hashWord(w) & t.mask
		for t.words[i] != "" && t.words[i] != w {
			i = (i + 1) & t.mask
		}
		t.words[i] = w
		t.flags[i] |= f
		t.lens |= 1 << min(len(w), 63)
	}
	return t
}

// hashWord is FNV-1a over the bytes of a short word.
func hashWord[T string | []byte](w T) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// lookupWord returns the flags of w, 0 when the table lacks it.
func lookupWord[T string | []byte](t *wordTable, w T) uint8 {
	if t.lens&(1<<min(len(w), 63)) == 0 {
		return 0
	}
	for i := hashWord(w) & t.mask; t.words[i] != ""; i = (i + 1) & t.mask {
		if t.words[i] == string(w) {
			return t.flags[i]
		}
	}
	return 0
}
