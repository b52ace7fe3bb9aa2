package reuse

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

// synthVocab is a vocabulary of pronounceable invented words; synthetic
// articles draw from it with a Zipf distribution, as news text draws from
// English, so that common words are shared by many articles and rare ones
// by few.
var synthVocab = sync.OnceValue(func() []string {
	rng := rand.New(rand.NewPCG(1, 2))
	cons, vows := "bcdfghjklmnprstvwz", "aeiou"
	words := make([]string, 50000)
	for i := range words {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteByte(cons[rng.IntN(len(cons))])
			b.WriteByte(vows[rng.IntN(len(vows))])
		}
		words[i] = b.String()
	}
	return words
})

func synthID(i int) string { return fmt.Sprintf("syn%06d", i) }

// synthText is a deterministic article of 15 to 35 sentences of 12 to 28
// words.
func synthText(i int) string {
	rng := rand.New(rand.NewPCG(uint64(i), 7))
	vocab := synthVocab()
	zipf := rand.NewZipf(rng, 1.1, 3, uint64(len(vocab)-1))
	var b strings.Builder
	for s := range 15 + rng.IntN(21) {
		if s > 0 {
			b.WriteString(" ")
			if s%3 == 0 {
				b.WriteString("\n\n")
			}
		}
		n := 12 + rng.IntN(17)
		for w := range n {
			word := vocab[zipf.Uint64()]
			if w == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(word)
		}
		b.WriteByte('.')
	}
	return b.String()
}

// archiveSize is the archive of the candidate benchmark.
const archiveSize = 100_000

var benchArchive = sync.OnceValues(func() (*Archive, uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ar := NewArchive()
	// Only the index is measured: the prepared documents are what a store
	// holds, so they are kept outside the archive's index for the memory
	// figure and loaded on demand like the ingest stage does.
	for i := range archiveSize {
		d := Prepare(&news.Article{ID: synthID(i), Text: synthText(i)})
		ar.idx.Add(d.ID, Keys(d))
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	return ar, after.HeapAlloc - before.HeapAlloc
})

// BenchmarkArchive_Check measures candidate generation and verification of
// one new article against an archive of 100,000 synthetic articles: every
// tenth query is a rewrite of an archived article (sentences dropped and
// words changed), the others are new. Verification reads candidates'
// texts from a map, as ingest reads them from the store.
//
//	go test -run '^$' -bench Archive_Check -benchtime 2000x ./internal/reuse
func BenchmarkArchive_Check(b *testing.B) {
	ar, heap := benchArchive()
	texts := func(id string) *Doc {
		var i int
		fmt.Sscanf(id, "syn%06d", &i)
		return Prepare(&news.Article{ID: id, Text: synthText(i)})
	}
	queries := make([]*Doc, 500)
	for q := range queries {
		var text string
		if q%10 == 0 {
			text = rewriteSynth(synthText(q*37), q)
		} else {
			text = synthText(archiveSize + q)
		}
		queries[q] = Prepare(&news.Article{ID: fmt.Sprintf("q%d", q), Text: text})
	}
	found, cands := 0, 0
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for range b.N {
		d := queries[n%len(queries)]
		n++
		c := ar.idx.Candidates(d.ID, Keys(d), MaxCandidates)
		cands += len(c)
		docs := make([]*Doc, len(c))
		for i := range c {
			docs[i] = texts(c[i].ID)
		}
		found += len(Verify(d, docs))
	}
	b.ReportMetric(float64(heap)/archiveSize, "index-B/article")
	b.ReportMetric(float64(cands)/float64(b.N), "candidates/op")
	b.ReportMetric(float64(found)/float64(b.N), "links/op")
}

// rewriteSynth drops every fourth sentence and changes every seventh word.
func rewriteSynth(text string, seed int) string {
	sents := strings.Split(text, ". ")
	var out []string
	vocab := synthVocab()
	for i, s := range sents {
		if i%4 == 3 {
			continue
		}
		words := strings.Fields(s)
		for j := range words {
			if (j+seed)%7 == 0 {
				w := vocab[(j*131+i)%len(vocab)]
				if j == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				words[j] = w
			}
		}
		out = append(out, strings.Join(words, " "))
	}
	return strings.Join(out, ". ")
}

func BenchmarkPrepareKeys(b *testing.B) {
	text := synthText(1)
	b.ReportAllocs()
	for range b.N {
		d := Prepare(&news.Article{ID: "x", Text: text})
		Keys(d)
	}
}
