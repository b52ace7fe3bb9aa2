package reuse

import (
	"hash/fnv"
	"math"
	"strings"
)

// Banding of the lookup keys. Near duplicates: nearBands bands of two
// MinHash rows over word 3-shingles find pairs whose shingle Jaccard is
// 0.3 with probability 0.95 and unrelated texts almost never. Paraphrases:
// each sentence with at least minSentenceStems content stems gets
// sentenceBands bands of two MinHash rows over its stems, so two renderings
// of one sentence that keep half their content words collide in some band
// with probability ~0.75, and a rewrite of many sentences collides many
// times.
const (
	nearBands        = 16
	sentenceBands    = 3
	rows             = 2
	minSentenceStems = 4
)

// Key kinds, stored in the top byte of a key so that the kinds never
// collide.
const (
	kindExact    = 1
	kindNear     = 2
	kindSentence = 3
	// kindQuote keys are long quotations, verbatim: articles printing the
	// same words of someone are witnesses for the direction of a copy
	// that rewords them, though not copies themselves.
	kindQuote = 4
	// minQuoteWords is the length from which a quotation is indexed.
	minQuoteWords = 6
)

// Key is one lookup key of an article.
type Key uint64

func (k Key) kind() int { return int(k >> 56) }

func makeKey(kind int, h uint64) Key { return Key(uint64(kind)<<56 | h&(1<<56-1)) }

// KeysVersion changes whenever Keys would compute different keys for the
// same article, so stored keys from an older version are recomputed.
const KeysVersion = 2

// Keys returns d's lookup keys: the exact key first, then the near keys,
// then exactly sentenceBands keys for each sentence that has enough content
// stems, sentence by sentence (Index.Candidates counts matching sentences
// from that grouping), then one key per long quotation.
func Keys(d *Doc) []Key {
	keys := make([]Key, 0, 1+nearBands+sentenceBands*len(d.Sentences))
	keys = append(keys, makeKey(kindExact, d.Exact))
	if len(d.shingles) > 0 {
		mins := minhash(d.shingles, nearBands*rows, 0)
		for b := range nearBands {
			keys = append(keys, makeKey(kindNear, bandHash(b, mins[b*rows:(b+1)*rows])))
		}
	}
	for i := range d.Sentences {
		st := d.Sentences[i].Stems
		if len(st) < minSentenceStems {
			continue
		}
		mins := minhash(st, sentenceBands*rows, 1000)
		for b := range sentenceBands {
			keys = append(keys, makeKey(kindSentence, bandHash(b, mins[b*rows:(b+1)*rows])))
		}
	}
	for _, q := range d.quotes() {
		if strings.Count(q, " ")+1 >= minQuoteWords {
			h := fnv.New64a()
			h.Write([]byte(q))
			keys = append(keys, makeKey(kindQuote, h.Sum64()))
		}
	}
	return keys
}

// minhash returns n minimum hash values of set, one per hash function
// seed+0 … seed+n-1 (a multiply-xorshift mix of the element and seed).
func minhash(set []uint32, n int, seed uint64) []uint64 {
	out := make([]uint64, n)
	for f := range n {
		m := uint64(math.MaxUint64)
		s := mix(seed + uint64(f) + 1)
		for _, x := range set {
			if h := mix(uint64(x) ^ s); h < m {
				m = h
			}
		}
		out[f] = m
	}
	return out
}

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func bandHash(band int, vals []uint64) uint64 {
	h := fnv.New64a()
	var buf [8]byte
	buf[0] = byte(band)
	h.Write(buf[:1])
	for _, v := range vals {
		for i := range 8 {
			buf[i] = byte(v >> (8 * i))
		}
		h.Write(buf[:])
	}
	return h.Sum64()
}
