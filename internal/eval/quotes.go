package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/evaldata"
	"github.com/parallax-news/parallax/internal/news"
)

// FoundAttribution is one attribution a system found in an article, as
// byte spans into its text.
type FoundAttribution struct {
	Source, Content news.Span
	// Speaker is the source resolved to a name ("Jane Doe" for "she"),
	// "" when the system resolves nothing.
	Speaker string
	// Entire marks content that is a quotation and nothing else.
	Entire bool
}

// AttributionFinder finds attributions in one article. resolve, which may
// be nil, names the speaker a source span of the article refers to, so
// that a gold source "he" can be compared with a found "Jane Doe".
type AttributionFinder func(art *news.Article) (found []FoundAttribution, resolve func(src news.Span) string)

// SpanScores are precision, recall and F1 of one kind of span under
// three matchings: exact (the same first and last word), partial (at
// least one word in common; each gold and each found span counted once)
// and token-level (the words inside all gold spans against the words
// inside all found spans, per article, summed).
type SpanScores struct {
	Gold  int `json:"gold"`
	Found int `json:"found"`

	ExactP  float64 `json:"exact_precision"`
	ExactR  float64 `json:"exact_recall"`
	ExactF1 float64 `json:"exact_f1"`

	PartialP  float64 `json:"partial_precision"`
	PartialR  float64 `json:"partial_recall"`
	PartialF1 float64 `json:"partial_f1"`

	TokenP  float64 `json:"token_precision"`
	TokenR  float64 `json:"token_recall"`
	TokenF1 float64 `json:"token_f1"`
}

// AttributionReport scores attribution extraction on a set in the
// PolNeAR layout (gold/attributions.jsonl).
type AttributionReport struct {
	Set      string `json:"set"`
	Articles int    `json:"articles"`
	// Direct scores the content of direct quotations: gold attributions
	// marked direct (content holding quotation marks; PolNeAR's flag
	// misses the '' marks of its New York Times articles, which are
	// counted too) against the found ones whose content holds a
	// quotation.
	Direct SpanScores `json:"direct_content"`
	// Entire scores whole quotations only: gold direct content that
	// opens and closes with a quotation mark against found content that
	// is entirely quoted.
	Entire SpanScores `json:"entire_quote_content"`
	// SpeakerAccuracy is, over gold direct attributions with a source
	// whose content a found one matches partially, the share whose found
	// source overlaps the gold source or resolves to the same name.
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	SpeakerMatched  int     `json:"speaker_matched"`
	// SpeakerEndToEnd is the same count over all gold direct
	// attributions with a source: found, and with the right speaker.
	SpeakerEndToEnd float64 `json:"speaker_end_to_end"`
	// All scores every attribution, direct and indirect.
	All SpanScores `json:"all_content"`
	// SourceP and SourceR score sources of all attributions: a found
	// source is right when its content matches a gold content partially
	// and the two sources share a word.
	SourceP  float64 `json:"source_precision"`
	SourceR  float64 `json:"source_recall"`
	SourceF1 float64 `json:"source_f1"`

	Reference []PublishedAttribution `json:"reference"`
	Elapsed   time.Duration          `json:"elapsed_ns"`
}

// PublishedAttribution is a published figure printed beside ours.
type PublishedAttribution struct {
	What   string `json:"what"`
	Figure string `json:"figure"`
	Source string `json:"source"`
}

// PublishedAttributions are reference points for attribution extraction.
// None is a system run on PolNeAR's own split: the PolNeAR repository
// publishes annotator agreement only.
var PublishedAttributions = []PublishedAttribution{
	{What: "PolNeAR annotator agreement, token-wise Krippendorff alpha", Figure: "75.4%",
		Source: "github.com/networkdynamics/PolNeAR README (Newell, Margolin & Ruths, LREC 2018)"},
	{What: "PolNeAR annotator agreement, attribution-wise", Figure: "92.3%",
		Source: "github.com/networkdynamics/PolNeAR README"},
	{What: "spaCy tagger trained on PARC 3.0, quotes in news (own test set, overlap ≥ 0.3)", Figure: "P 82.7% R 75.4% F1 78.9%, speaker 79.8%",
		Source: "github.com/Annie-AA/Quote_Extraction_for_News README"},
	{What: "same, overlap ≥ 0.8", Figure: "P 80.0% R 72.9% F1 76.3%, speaker 80.7%",
		Source: "github.com/Annie-AA/Quote_Extraction_for_News README"},
	{What: "CofeNet, BERT-CRF taggers trained on PolNeAR (its own token split)", Figure: "in the paper; not published in the repository",
		Source: "Wang et al., COLING 2022, aclanthology.org/2022.coling-1.215; github.com/cofe-ai/CofeNet"},
}

// goldAttribution is one line of gold/attributions.jsonl; offsets count
// characters (runes) of the article text.
type goldAttribution struct {
	Article string    `json:"article"`
	Source  *goldSpan `json:"source"`
	Cue     *goldSpan `json:"cue"`
	Content *goldSpan `json:"content"`
	Direct  bool      `json:"direct"`
}

type goldSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Attributions scores the attributions direct and all find against a set
// in the PolNeAR layout. Article texts are used as written (the gold
// offsets point into them), not normalised.
func Attributions(ctx context.Context, dir string, direct, all AttributionFinder, progress func(done, total int)) (AttributionReport, error) {
	start := time.Now()
	rep := AttributionReport{Set: filepath.Base(dir), Reference: PublishedAttributions}
	records, err := evaldata.ReadArticles(filepath.Join(dir, "articles.jsonl"))
	if err != nil {
		return rep, fmt.Errorf("read articles: %w", err)
	}
	gold, err := readGoldAttributions(filepath.Join(dir, "gold", "attributions.jsonl"))
	if err != nil {
		return rep, err
	}
	var dAcc, eAcc, aAcc spanAcc
	var srcTP, srcFound, srcGold int
	var spkRight, spkMatched, spkGold int
	done := 0
	for _, rec := range records {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		g, ok := gold[rec.ID]
		if !ok {
			continue
		}
		art := &news.Article{ID: rec.ID, Source: rec.Source, Title: rec.Title, URL: rec.URL, Text: rec.Text}
		toBytes := runeOffsets(rec.Text)
		words := attrWordSpans(rec.Text)
		var goldAll, goldDirect, goldEntire []goldSpans
		for _, ga := range g {
			if ga.Content == nil {
				continue
			}
			gs := goldSpans{content: goldByteSpan(toBytes, ga.Content)}
			if ga.Source != nil {
				gs.source = goldByteSpan(toBytes, ga.Source)
				gs.hasSource = true
			}
			goldAll = append(goldAll, gs)
			if ga.Direct || strings.Contains(ga.Content.Text, "''") {
				// PolNeAR's flag looks for " and “”; the New York Times
				// archive's '' marks count as quotation marks too.
				goldDirect = append(goldDirect, gs)
				if entireQuote(ga.Content.Text) {
					goldEntire = append(goldEntire, gs)
				}
			}
		}
		foundDirect, resolve := direct(art)
		foundAll, _ := all(art)
		dm := dAcc.add(words, goldDirect, foundDirect)
		var foundEntire []FoundAttribution
		for _, f := range foundDirect {
			if f.Entire {
				foundEntire = append(foundEntire, f)
			}
		}
		eAcc.add(words, goldEntire, foundEntire)
		am := aAcc.add(words, goldAll, foundAll)

		// Speakers of direct quotes.
		for gi, gs := range goldDirect {
			if !gs.hasSource {
				continue
			}
			spkGold++
			fi := dm[gi]
			if fi < 0 {
				continue
			}
			spkMatched++
			f := foundDirect[fi]
			if attrOverlap(words, f.Source, gs.source) > 0 || attrSameSpeaker(rec.Text, gs.source, f.Speaker, resolve) {
				spkRight++
			}
		}
		// Sources of all attributions.
		for _, f := range foundAll {
			if f.Source.End > f.Source.Start {
				srcFound++
			}
		}
		for gi, gs := range goldAll {
			if !gs.hasSource {
				continue
			}
			srcGold++
			if fi := am[gi]; fi >= 0 && attrOverlap(words, foundAll[fi].Source, gs.source) > 0 {
				srcTP++
			}
		}
		rep.Articles++
		done++
		if progress != nil {
			progress(done, len(gold))
		}
	}
	rep.Direct = dAcc.scores()
	rep.Entire = eAcc.scores()
	rep.All = aAcc.scores()
	rep.SpeakerMatched = spkMatched
	rep.SpeakerAccuracy = ratio(spkRight, spkMatched)
	rep.SpeakerEndToEnd = ratio(spkRight, spkGold)
	rep.SourceP, rep.SourceR = ratio(srcTP, srcFound), ratio(srcTP, srcGold)
	rep.SourceF1 = harmonicF1(rep.SourceP, rep.SourceR)
	rep.Elapsed = time.Since(start)
	return rep, nil
}

// attrSameSpeaker reports whether the gold source names the found speaker:
// its last name occurs in the gold source as written, or the gold source
// resolves to the same name.
func attrSameSpeaker(text string, goldSrc news.Span, speaker string, resolve func(news.Span) string) bool {
	if speaker == "" {
		return false
	}
	last := attrLastWord(speaker)
	if last == "" {
		return false
	}
	for _, w := range strings.FieldsFunc(text[goldSrc.Start:goldSrc.End], func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if strings.EqualFold(strings.TrimSuffix(w, "s"), last) || strings.EqualFold(w, last) {
			return true
		}
	}
	if resolve != nil {
		if g := resolve(goldSrc); g != "" && strings.EqualFold(attrLastWord(g), last) {
			return true
		}
	}
	return false
}

func attrLastWord(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// entireQuote reports whether annotated content opens and closes with a
// quotation mark.
func entireQuote(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "''") && strings.HasSuffix(s, "''") && len(s) > 4 {
		return true
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("\"“", first) && strings.ContainsRune("\"”", last)
}

// goldSpans is one gold attribution as byte spans.
type goldSpans struct {
	content, source news.Span
	hasSource       bool
}

// spanAcc accumulates the counts behind SpanScores.
type spanAcc struct {
	gold, found                int
	exactGold, exactFound      int
	partialGold, partialFound  int
	tokBoth, tokGold, tokFound int
}

// add scores one article and returns, for each gold span, the index of
// the found attribution matching it best (most words in common), -1 for
// none.
func (a *spanAcc) add(words []news.Span, gold []goldSpans, found []FoundAttribution) []int {
	a.gold += len(gold)
	a.found += len(found)
	match := make([]int, len(gold))
	foundHit := make([]bool, len(found))
	foundExact := make([]bool, len(found))
	for gi, g := range gold {
		best, bestN := -1, 0
		exact := false
		gf, gl := attrWordRange(words, g.content)
		for fi, f := range found {
			n := attrOverlap(words, g.content, f.Content)
			if n == 0 {
				continue
			}
			foundHit[fi] = true
			ff, fl := attrWordRange(words, f.Content)
			if ff == gf && fl == gl && gf >= 0 {
				exact = true
				foundExact[fi] = true
			}
			if n > bestN {
				best, bestN = fi, n
			}
		}
		match[gi] = best
		if best >= 0 {
			a.partialGold++
		}
		if exact {
			a.exactGold++
		}
	}
	for fi := range found {
		if foundHit[fi] {
			a.partialFound++
		}
		if foundExact[fi] {
			a.exactFound++
		}
	}
	// Token level: word positions inside any gold / any found span.
	inGold := make([]bool, len(words))
	inFound := make([]bool, len(words))
	for _, g := range gold {
		attrMark(words, g.content, inGold)
	}
	for _, f := range found {
		attrMark(words, f.Content, inFound)
	}
	for i := range words {
		switch {
		case inGold[i] && inFound[i]:
			a.tokBoth++
			a.tokGold++
			a.tokFound++
		case inGold[i]:
			a.tokGold++
		case inFound[i]:
			a.tokFound++
		}
	}
	return match
}

func (a *spanAcc) scores() SpanScores {
	s := SpanScores{Gold: a.gold, Found: a.found}
	s.ExactP, s.ExactR = ratio(a.exactFound, a.found), ratio(a.exactGold, a.gold)
	s.PartialP, s.PartialR = ratio(a.partialFound, a.found), ratio(a.partialGold, a.gold)
	s.TokenP, s.TokenR = ratio(a.tokBoth, a.tokFound), ratio(a.tokBoth, a.tokGold)
	s.ExactF1, s.PartialF1, s.TokenF1 = harmonicF1(s.ExactP, s.ExactR), harmonicF1(s.PartialP, s.PartialR), harmonicF1(s.TokenP, s.TokenR)
	return s
}

func harmonicF1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// attrWordSpans returns the byte spans of the words (runs of letters and
// digits) of text.
func attrWordSpans(text string) []news.Span {
	var out []news.Span
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, news.Span{Start: start, End: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, news.Span{Start: start, End: len(text)})
	}
	return out
}

// attrWordRange returns the indices of the first and last word inside s, or
// -1s.
func attrWordRange(words []news.Span, s news.Span) (int, int) {
	first := sort.Search(len(words), func(i int) bool { return words[i].Start >= s.Start })
	last := first - 1
	for k := first; k < len(words) && words[k].End <= s.End; k++ {
		last = k
	}
	if last < first {
		return -1, -1
	}
	return first, last
}

// attrOverlap counts the words inside both a and b.
func attrOverlap(words []news.Span, a, b news.Span) int {
	s := news.Span{Start: max(a.Start, b.Start), End: min(a.End, b.End)}
	if s.End <= s.Start {
		return 0
	}
	f, l := attrWordRange(words, s)
	if f < 0 {
		return 0
	}
	return l - f + 1
}

func attrMark(words []news.Span, s news.Span, mark []bool) {
	f, l := attrWordRange(words, s)
	for k := f; k >= 0 && k <= l; k++ {
		mark[k] = true
	}
}

// runeOffsets returns the byte offset of every rune index of text, and
// len(text) for the index one past the end.
func runeOffsets(text string) []int {
	offs := make([]int, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	return append(offs, len(text))
}

func goldByteSpan(offs []int, g *goldSpan) news.Span {
	at := func(i int) int { return offs[max(0, min(i, len(offs)-1))] }
	return news.Span{Start: at(g.Start), End: at(g.End)}
}

// readGoldAttributions reads gold/attributions.jsonl, grouped by article.
func readGoldAttributions(path string) (map[string][]goldAttribution, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read gold attributions: %w", err)
	}
	defer f.Close()
	out := map[string][]goldAttribution{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		var g goldAttribution
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("read gold attributions %s:%d: %w", path, line, err)
		}
		out[g.Article] = append(out[g.Article], g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gold attributions %s: %w", path, err)
	}
	return out, nil
}
