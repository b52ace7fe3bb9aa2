// Package quote builds the quotes section of a brief: the direct
// quotations of a story's articles with their speakers, the same quote
// grouped across articles, and how each article's wording differs.
//
// Quotations and their sources come from brief/attrib. A speaker written
// as a pronoun ("she said") or a short form ("Doe") is resolved to the
// full name used elsewhere in the story ("Finance spokeswoman Jane Doe"),
// keeping the role. Two quotations are the same quote when their
// speakers agree and they share most of their content words; the wording
// most articles use is the quote's text, and every other wording is a
// variant labelled by how it differs: editorial brackets ("[We] would
// prefer"), shortened, extended, reworded (a translation or a light edit:
// most words in the same order), or paraphrase (the same content words
// in another wording, presented as a quote).
package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/brief/attrib"
	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// Mention is one direct quotation in one article.
type Mention struct {
	Article string
	// Text is the quotation without its marks; the parts of a quotation
	// split by its attribution are joined by a space.
	Text string
	// Quotes are the spans of the quoted parts in the article text.
	Quotes   []news.Span
	Relation attrib.Relation
	// Speaker is the full name of the person quoted, or the source as
	// written when it names no person ("the ministry"); Role is the role
	// written beside the name anywhere in the story.
	Speaker, Role string
	// Person reports whether Speaker is a person's name.
	Person bool
	// Order is the mention's rank in its article.
	Order int
}

// story holds the relations and names of a set of articles.
type story struct {
	arts  []*news.Article
	rels  [][]attrib.Relation
	names *names
}

func analyse(arts []*news.Article) *story {
	s := &story{arts: arts, rels: make([][]attrib.Relation, len(arts)), names: newNames()}
	for i, a := range arts {
		sents := a.Sentences
		if len(sents) == 0 {
			sents = lang.Sentences(a.Text)
		}
		s.rels[i] = attrib.Find(a.Text, sents)
	}
	collectNames(s.names, s.rels, arts)
	return s
}

// mentions returns the direct quotations of article i in text order;
// with partial, also the relations whose content only holds a quoted
// fragment ("called it “a wrong report”").
func (s *story) mentions(i int, partial bool) []Mention {
	a := s.arts[i]
	rv := &resolver{text: a.Text, rels: s.rels[i], names: s.names}
	var out []Mention
	seen := map[news.Span]bool{}
	for k, r := range s.rels[i] {
		if !r.Direct && !partial || len(r.Quotes) == 0 || seen[r.Content] {
			continue
		}
		seen[r.Content] = true
		parts := make([]string, 0, len(r.Quotes))
		for _, q := range r.Quotes {
			parts = append(parts, strings.TrimSpace(a.Text[q.Start:q.End]))
		}
		text := joinQuoted(parts)
		if len(lang.Words(text)) == 0 {
			continue
		}
		speaker, role, person := rv.speakerAt(k)
		out = append(out, Mention{
			Article: a.ID, Text: text, Quotes: r.Quotes, Relation: r,
			Speaker: speaker, Role: role, Person: person, Order: len(out),
		})
	}
	return out
}

// joinQuoted joins the quoted stretches of one quotation. A stretch
// closed by a comma only because the attribution followed ("…on the
// table," he said. "The bridge is safe.") ends its sentence when the next
// stretch opens a new one; one that goes on in lower case ("I think," he
// said, "we should go") keeps its comma.
func joinQuoted(parts []string) string {
	var b strings.Builder
	for i, p := range parts {
		if i+1 < len(parts) {
			next, _ := utf8.DecodeRuneInString(strings.TrimLeft(parts[i+1], "“‘\"'"))
			if unicode.IsUpper(next) {
				if q := strings.TrimRight(p, "”’\"'"); strings.HasSuffix(q, ",") {
					p = q[:len(q)-1] + "." + p[len(q):]
				}
			}
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}

// Find returns the quotations of one article with their speakers: the
// direct quotations (Relation.Direct) and the attributions whose content
// holds a quoted fragment, as annotated corpora count them. It also
// returns a function naming the speaker a source span of the article
// refers to (for scoring against annotated sources).
func Find(art *news.Article) ([]Mention, func(src news.Span) string) {
	s := analyse([]*news.Article{art})
	rv := &resolver{text: art.Text, rels: s.rels[0], names: s.names}
	resolve := func(src news.Span) string {
		if src.Start < 0 || src.End > len(art.Text) || src.Start >= src.End {
			return ""
		}
		before := sort.Search(len(rv.rels), func(k int) bool { return rv.rels[k].Source.Start >= src.Start })
		name, _, person := rv.resolve(src, art.Text[src.Start:src.End], before)
		if !person {
			return ""
		}
		return name
	}
	return s.mentions(0, true), resolve
}

// Extract returns the direct quotes of a story's articles, the same quote
// in several articles grouped into one with its variants. Quotes are
// ordered by the number of articles carrying them, then by first
// appearance.
func Extract(arts []*news.Article) []news.Quote {
	s := analyse(arts)
	var all []Mention
	for i := range arts {
		all = append(all, s.mentions(i, false)...)
	}
	groups := group(all)
	out := make([]news.Quote, 0, len(groups))
	for _, g := range groups {
		out = append(out, g.quote(arts))
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Articles) > len(out[j].Articles) })
	return out
}

// features are the words of a quotation used to compare it with others.
type features struct {
	words   []string        // all words, lower-cased, bracketed insertions removed
	content map[string]bool // stems of the content words
	norm    string          // words joined: equal norms are the same wording
}

func featuresOf(text string) features {
	words := lang.Words(stripBrackets(text))
	f := features{words: words, content: map[string]bool{}, norm: strings.Join(words, " ")}
	for _, w := range words {
		if !lang.IsStopWord(w) {
			f.content[lang.Stem(w)] = true
		}
	}
	return f
}

// stripBrackets removes editorial insertions in square brackets.
func stripBrackets(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '[':
			depth++
		case r == ']' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Grouping thresholds: two quotations are one quote when they share at
// least minShared content words making up at least minOverlap of the
// shorter one's content words (the overlap coefficient), so a shortened
// quote joins its full form while two quotes on one topic stay apart.
const (
	minShared  = 3
	minOverlap = 0.5
	// minOverlapUnnamed is the overlap needed when one speaker is not a
	// named person, so that speakers cannot confirm the match.
	minOverlapUnnamed = 0.7
)

// overlap returns the number of content words a and b share and the
// overlap coefficient.
func overlap(a, b features) (int, float64) {
	n := 0
	for w := range a.content {
		if b.content[w] {
			n++
		}
	}
	small := min(len(a.content), len(b.content))
	if small == 0 {
		return n, 0
	}
	return n, float64(n) / float64(small)
}

// quoteGroup is one quote: its mentions across articles.
type quoteGroup struct {
	mentions []Mention
	feats    []features
	// keys are the mentions' lastKey of their speaker ("" when not a
	// person); persons the distinct keys of the persons the group names.
	keys    []string
	persons map[string]bool
}

// compatible reports whether two mentions may have the same speaker; ka
// and kb are their speakers' lastKey.
func compatible(a, b Mention, ka, kb string) (same, unknown bool) {
	if a.Person && b.Person {
		return ka == kb, false
	}
	if strings.EqualFold(a.Speaker, b.Speaker) {
		return true, false
	}
	return false, true
}

// conflicts reports whether m, whose speaker's lastKey is key, names a
// person other than one the group already names: unnamed mentions must
// not bridge two speakers.
func conflicts(m Mention, key string, g *quoteGroup) bool {
	if !m.Person {
		return false
	}
	return len(g.persons) > 1 || len(g.persons) == 1 && !g.persons[key]
}

// group gathers mentions into quotes greedily, in order: each joins the
// group holding its best match, or starts one. Only the groups sharing a
// content word or the whole wording with a mention can match it, so an
// index of those finds the candidates: a story of thousands of
// quotations is grouped in time near linear, not quadratic.
func group(ms []Mention) []*quoteGroup {
	var groups []*quoteGroup
	byStem := map[string][]int{} // content stem → groups holding it (may repeat)
	byNorm := map[string][]int{} // wording → groups holding it (may repeat)
	note := func(index map[string][]int, k string, g int) {
		if l := index[k]; len(l) == 0 || l[len(l)-1] != g {
			index[k] = append(l, g)
		}
	}
	for _, m := range ms {
		f := featuresOf(m.Text)
		key := ""
		if m.Person {
			key = lastKey(m.Speaker)
		}
		cand := map[int]bool{}
		for w := range f.content {
			for _, g := range byStem[w] {
				cand[g] = true
			}
		}
		for _, g := range byNorm[f.norm] {
			cand[g] = true
		}
		order := make([]int, 0, len(cand))
		for g := range cand {
			order = append(order, g)
		}
		sort.Ints(order)
		best := -1
		bestScore := 0.0
		for _, gi := range order {
			g := groups[gi]
			if conflicts(m, key, g) {
				continue
			}
			score := 0.0
			for k, o := range g.mentions {
				same, unknown := compatible(m, o, key, g.keys[k])
				if !same && !unknown {
					continue
				}
				of := g.feats[k]
				if of.norm == f.norm {
					score = 2 // the most any member can give
					break
				}
				if o.Article == m.Article {
					continue // two different quotes of one article stay apart
				}
				n, c := overlap(f, of)
				need := minOverlap
				if unknown {
					need = minOverlapUnnamed
				}
				if n >= minShared && c >= need {
					score = max(score, c)
				}
			}
			if score > bestScore {
				best, bestScore = gi, score
			}
		}
		if best < 0 {
			best = len(groups)
			groups = append(groups, &quoteGroup{persons: map[string]bool{}})
		}
		g := groups[best]
		g.mentions = append(g.mentions, m)
		g.feats = append(g.feats, f)
		g.keys = append(g.keys, key)
		if m.Person {
			g.persons[key] = true
		}
		for w := range f.content {
			note(byStem, w, best)
		}
		note(byNorm, f.norm, best)
	}
	return groups
}

// quote turns a group into a news.Quote: the most common wording (see
// canonical) is the text; each article's wording is a variant.
func (g *quoteGroup) quote(arts []*news.Article) news.Quote {
	count := map[string]int{}
	for _, f := range g.feats {
		count[f.norm]++
	}
	canon := g.canonical(count)
	q := news.Quote{Text: g.mentions[canon].Text}
	// The speaker: the fullest person name among the mentions.
	speakers := map[string]int{}
	for _, m := range g.mentions {
		if m.Person {
			speakers[m.Speaker]++
		}
	}
	for _, name := range sortedKeys(speakers) {
		if q.Speaker == "" || speakers[name] > speakers[q.Speaker] ||
			speakers[name] == speakers[q.Speaker] && len(strings.Fields(name)) > len(strings.Fields(q.Speaker)) {
			q.Speaker = name
		}
	}
	if q.Speaker == "" {
		q.Speaker = g.mentions[canon].Speaker
	}
	for _, m := range g.mentions {
		if m.Role != "" && (m.Speaker == q.Speaker || lastKey(m.Speaker) == lastKey(q.Speaker)) {
			q.Role = m.Role
			break
		}
	}
	order := map[string]int{}
	for i, a := range arts {
		order[a.ID] = i
	}
	seenArt := map[string]bool{}
	for _, m := range g.mentions {
		if !seenArt[m.Article] {
			seenArt[m.Article] = true
			q.Articles = append(q.Articles, m.Article)
		}
	}
	sort.SliceStable(q.Articles, func(i, j int) bool { return order[q.Articles[i]] < order[q.Articles[j]] })
	if len(g.mentions) < 2 {
		return q
	}
	seen := map[string]bool{}
	for k, m := range g.mentions {
		key := m.Article + "\x00" + g.feats[k].norm
		if seen[key] {
			continue
		}
		seen[key] = true
		q.Variants = append(q.Variants, news.QuoteVariant{
			Article: m.Article, Text: m.Text, Diff: diff(m.Text, g.feats[k], q.Text, g.feats[canon]),
		})
	}
	sort.SliceStable(q.Variants, func(i, j int) bool { return order[q.Variants[i].Article] < order[q.Variants[j].Article] })
	return q
}

// canonical returns the index of the wording that stands for the group:
// the most common one; on a tie one without editorial brackets, then the
// one closest to all others (the largest summed common subsequence),
// then the longest.
func (g *quoteGroup) canonical(count map[string]int) int {
	type score struct{ count, clean, central, length int }
	// central: the summed common subsequence with every other wording,
	// computed once per distinct wording (a wording's common subsequence
	// with itself is all its words).
	var distinct []int
	first := map[string]bool{}
	for k, f := range g.feats {
		if !first[f.norm] {
			first[f.norm] = true
			distinct = append(distinct, k)
		}
	}
	central := make(map[string]int, len(distinct))
	for _, k := range distinct {
		f := g.feats[k]
		c := -len(f.words)
		for _, o := range distinct {
			of := g.feats[o]
			if o == k {
				c += count[of.norm] * len(f.words)
			} else {
				c += count[of.norm] * lcs(f.words, of.words)
			}
		}
		central[f.norm] = c
	}
	scores := make([]score, len(g.feats))
	for k, f := range g.feats {
		s := score{count: count[f.norm], length: len(f.words)}
		if !strings.Contains(g.mentions[k].Text, "[") {
			s.clean = 1
		}
		s.central = central[f.norm]
		scores[k] = s
	}
	best := 0
	for k, s := range scores {
		b := scores[best]
		if s.count != b.count {
			if s.count > b.count {
				best = k
			}
			continue
		}
		if s.clean != b.clean {
			if s.clean > b.clean {
				best = k
			}
			continue
		}
		if s.central != b.central {
			if s.central > b.central {
				best = k
			}
			continue
		}
		if s.length > b.length {
			best = k
		}
	}
	return best
}

// diff says how a variant differs from the quote's text: "" when the
// words are the same; otherwise "brackets" when it inserts editorial
// brackets, and one of "shortened" (its words are the text's, fewer),
// "extended" (the text's words and more), "reworded" (at least half the
// words of the longer in the same order) or "paraphrase".
func diff(text string, f features, canonText string, c features) string {
	var tags []string
	if strings.Contains(text, "[") && !strings.Contains(canonText, "[") {
		tags = append(tags, "brackets")
	}
	if f.norm != c.norm {
		l := lcs(f.words, c.words)
		switch {
		case l == len(f.words) && len(f.words) < len(c.words):
			tags = append(tags, "shortened")
		case l == len(c.words) && len(f.words) > len(c.words):
			tags = append(tags, "extended")
		case 2*l >= max(len(f.words), len(c.words)):
			tags = append(tags, "reworded")
		default:
			tags = append(tags, "paraphrase")
		}
	}
	return strings.Join(tags, ", ")
}

// lcs returns the length of the longest common subsequence of a and b.
// A common head and tail are counted first, so that two long wordings of
// one speech differing in a few words cost time linear in their length.
func lcs(a, b []string) int {
	same := 0
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b, same = a[1:], b[1:], same+1
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b, same = a[:len(a)-1], b[:len(b)-1], same+1
	}
	if len(a) == 0 || len(b) == 0 {
		return same
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return same + prev[len(b)]
}
