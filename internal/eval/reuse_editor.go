package eval

import (
	"math/rand/v2"
	"strings"
	"unicode"
)

// editText makes a rewritten copy of text at edit rate r, imitating what a
// rewriting site does to an agency story: about r/3 of the paragraphs
// (lines) dropped, r/3 × n paragraphs of donor inserted, r/2 × n moved;
// every paragraph rewritten — synonyms from the harness's own table
// (unknown to the detector), some function words dropped, about r/2 of the
// other lower-case words replaced by the rewriter's own wording (words of
// donor), neighbouring words swapped — and with probability r a clause
// moved and the quotations reworded or cut to a fragment.
func editText(text, donor string, rate float64, rng *rand.Rand) string {
	paras := nonEmptyLines(text)
	n := len(paras)
	// Drop about rate/3 of the paragraphs, never all.
	for k := int(rate/3*float64(n) + 0.5); k > 0 && len(paras) > 1; k-- {
		i := rng.IntN(len(paras))
		paras = append(paras[:i], paras[i+1:]...)
	}
	donorWords := strings.Fields(donor)
	for i := range paras {
		paras[i] = rewrite(paras[i], donorWords, rate, rng)
	}
	// Move about rate/2 of them.
	for k := int(rate/2*float64(n) + 0.5); k > 0 && len(paras) > 1; k-- {
		i := rng.IntN(len(paras))
		p := paras[i]
		paras = append(paras[:i], paras[i+1:]...)
		j := rng.IntN(len(paras) + 1)
		paras = append(paras[:j], append([]string{p}, paras[j:]...)...)
	}
	// Insert about rate/3 × n paragraphs of the donor.
	if d := nonEmptyLines(donor); len(d) > 0 {
		for k := int(rate/3*float64(n) + 0.5); k > 0; k-- {
			p := d[rng.IntN(len(d))]
			j := rng.IntN(len(paras) + 1)
			paras = append(paras[:j], append([]string{p}, paras[j:]...)...)
		}
	}
	return strings.Join(paras, "\n\n")
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// rewrite swaps words for synonyms, drops some function words, replaces
// about rate/2 of the other lower-case words with words of the donor (the
// rewriter's own wording, which the detector cannot map back), swaps some
// neighbouring words, moves a leading or trailing clause, and rewords or
// cuts the quotations of one paragraph.
func rewrite(p string, donor []string, rate float64, rng *rand.Rand) string {
	restructure := rng.Float64() < rate
	if restructure {
		p = rewordQuotes(p, rng)
	}
	var words []string
	for _, w := range strings.Fields(p) {
		core, tail := splitPunct(w)
		lower := strings.ToLower(core)
		if syn, ok := synonyms[lower]; ok {
			if isCapitalized(core) {
				syn = strings.ToUpper(syn[:1]) + syn[1:]
			}
			w = syn + tail
		} else if droppable[lower] && tail == "" && rng.IntN(2) == 0 {
			continue
		} else if len(donor) > 0 && len(core) > 3 && !isCapitalized(core) && rng.Float64() < rate/2 {
			w = strings.ToLower(donor[rng.IntN(len(donor))]) + tail
		}
		words = append(words, w)
	}
	// Swap about one in six pairs of neighbouring words that carry no
	// punctuation.
	for i := 0; i+1 < len(words); i++ {
		a, ta := splitPunct(words[i])
		b, tb := splitPunct(words[i+1])
		if ta == "" && tb == "" && a != "" && b != "" && !isCapitalized(a) && !isCapitalized(b) && rng.IntN(6) == 0 {
			words[i], words[i+1] = words[i+1], words[i]
			i++
		}
	}
	// Move the clause after the first comma to the front when both parts
	// are long enough to stand alone and no quotation is cut.
	s := strings.Join(words, " ")
	if i := strings.Index(s, ", "); restructure && i > 20 && len(s)-i > 25 && !strings.ContainsAny(s, "\"“”") {
		head, rest := s[:i], strings.TrimSuffix(s[i+2:], ".")
		if rest != "" && head != "" {
			s = strings.ToUpper(rest[:1]) + rest[1:] + ", " + strings.ToLower(head[:1]) + head[1:] + "."
		}
	}
	return s
}

// rewordQuotes handles each "quotation": half the time its words get
// synonyms, half the time only its first half is kept inside the marks.
func rewordQuotes(p string, rng *rand.Rand) string {
	var b strings.Builder
	for {
		i := strings.IndexAny(p, "\"“")
		if i < 0 {
			b.WriteString(p)
			return b.String()
		}
		_, size := firstRune(p[i:])
		rest := p[i+size:]
		j := strings.IndexAny(rest, "\"”")
		if j < 0 {
			b.WriteString(p)
			return b.String()
		}
		_, csize := firstRune(rest[j:])
		quote := rest[:j]
		words := strings.Fields(quote)
		if rng.IntN(2) == 0 || len(words) < 6 {
			for k, w := range words {
				core, tail := splitPunct(w)
				if syn, ok := synonyms[strings.ToLower(core)]; ok {
					words[k] = syn + tail
				}
			}
			quote = strings.Join(words, " ")
			b.WriteString(p[:i] + "\"" + quote + "\"")
		} else {
			half := len(words) / 2
			b.WriteString(p[:i] + "\"" + strings.Join(words[:half], " ") + "\" " + strings.Join(words[half:], " "))
		}
		p = rest[j+csize:]
	}
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

func splitPunct(w string) (core, tail string) {
	i := len(w)
	for i > 0 && unicode.IsPunct(rune(w[i-1])) {
		i--
	}
	return w[:i], w[i:]
}

func isCapitalized(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// droppable are function words a rewriter may leave out.
var droppable = map[string]bool{"the": true, "a": true, "that": true, "also": true, "very": true, "just": true, "on": true, "has": true, "had": true, "been": true}

// synonyms is the harness's small table of news-register swaps.
var synonyms = map[string]string{
	"said": "stated", "says": "states", "told": "informed", "announced": "declared", "reported": "stated",
	"officials": "authorities", "official": "representative", "government": "administration",
	"president": "leader", "minister": "secretary", "police": "law enforcement", "killed": "slain",
	"attack": "assault", "attacks": "assaults", "war": "conflict", "talks": "negotiations",
	"agreement": "deal", "deal": "accord", "plan": "proposal", "began": "started", "start": "begin",
	"started": "began", "ended": "concluded", "end": "finish", "big": "large", "large": "big",
	"small": "little", "many": "numerous", "several": "a number of", "people": "individuals",
	"country": "nation", "city": "town", "area": "region", "help": "assist", "helped": "assisted",
	"show": "demonstrate", "showed": "demonstrated", "shows": "demonstrates", "wanted": "sought",
	"want": "seek", "need": "require", "needed": "required", "try": "attempt", "tried": "attempted",
	"used": "employed", "use": "employ", "buy": "purchase", "bought": "purchased", "sell": "offer",
	"rose": "climbed", "fell": "dropped", "increase": "rise", "decrease": "decline", "cut": "reduce",
	"important": "significant", "major": "key", "new": "fresh", "old": "former", "quickly": "rapidly",
	"later": "subsequently", "before": "prior to", "after": "following", "because": "since",
	"but": "however,", "also": "additionally", "about": "approximately", "nearly": "almost",
	"home": "house", "children": "kids", "job": "position", "jobs": "positions", "company": "firm",
	"companies": "firms", "leaders": "chiefs", "world": "globe", "problem": "issue", "problems": "issues",
	"meeting": "gathering", "asked": "requested", "received": "got", "called": "described",
	"decided": "chose", "despite": "in spite of", "while": "whereas", "among": "amongst",
	"support": "backing", "supported": "backed", "oppose": "resist", "opposed": "resisted",
	"warned": "cautioned", "claimed": "asserted", "denied": "rejected", "accused": "charged",
	"arrested": "detained", "hospital": "medical center", "died": "perished", "death": "passing",
	"storm": "tempest", "damage": "destruction", "hit": "struck", "struck": "hit", "build": "construct",
	"built": "constructed", "money": "funds", "percent": "per cent", "week": "seven days",
	"month": "four weeks", "today": "this day", "recently": "lately", "early": "initial",
}
