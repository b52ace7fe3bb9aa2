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

// person is one name as written in a story, with the role written beside
// it ("Finance spokeswoman" before "Jane Doe", "a former adviser" after).
type person struct {
	Full string // "Jane Doe"
	Last string // "Doe", lower-cased key
	Role string
}

// names is the story-wide table that resolves short forms: each last
// name maps to the full names seen with it (counted), and each full
// name to the first role written beside it.
type names struct {
	byLast map[string]map[string]int // lower-cased last name → full name → mentions
	roles  map[string]string         // full name → role
}

func newNames() *names {
	return &names{byLast: map[string]map[string]int{}, roles: map[string]string{}}
}

// add records a person mention.
func (n *names) add(p person) {
	if p.Full == "" {
		return
	}
	m := n.byLast[p.Last]
	if m == nil {
		m = map[string]int{}
		n.byLast[p.Last] = m
	}
	m[p.Full]++
	if p.Role != "" && n.roles[p.Full] == "" {
		n.roles[p.Full] = p.Role
	}
}

// full returns the fullest form of a name and its role: among the names
// seen that end with its words, the one of more words, then of more
// mentions.
func (n *names) full(p person) (string, string) {
	full, best := p.Full, 0
	for _, f := range sortedKeys(n.byLast[p.Last]) {
		c := n.byLast[p.Last][f]
		if !hasSuffixWords(f, p.Full) || len(strings.Fields(f)) > 3 {
			continue
		}
		fw, cw := len(strings.Fields(f)), len(strings.Fields(full))
		if fw > cw || fw == cw && c > best {
			full, best = f, c
		}
	}
	role := p.Role
	if role == "" {
		role = n.roles[full]
	}
	if role == "" {
		role = n.roles[p.Full]
	}
	return full, role
}

// byRole finds the one person of the story whose role ends with the role
// a source names without a name ("the Foreign Secretary", "the
// spokeswoman"). ok is false when src names more than a role or when no
// person, or several, have it.
func (n *names) byRole(src string) (string, string, bool) {
	words := strings.Fields(strings.ToLower(src))
	// "the", "her", "Doe's": what comes before the role itself.
	for len(words) > 1 && (words[0] == "the" || words[0] == "a" || words[0] == "an" || words[0] == "her" || words[0] == "his" || words[0] == "their" || words[0] == "its" || trimPossessive(words[0]) != words[0]) {
		words = words[1:]
	}
	if len(words) == 0 || len(words) > 4 {
		return "", "", false
	}
	for _, w := range words {
		if !roleWords[w] && !titles[w] {
			return "", "", false
		}
	}
	want := strings.Join(words, " ")
	found := ""
	for _, full := range sortedRoles(n.roles) {
		role := strings.ToLower(n.roles[full])
		if role == want || strings.HasSuffix(role, " "+want) {
			if found != "" && found != full {
				return "", "", false
			}
			found = full
		}
	}
	if found == "" {
		return "", "", false
	}
	return found, n.roles[found], true
}

func sortedRoles(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// hasSuffixWords reports whether the words of short end the words of
// long: "Doe" and "Jane Doe", "Jane Doe" and "Jane Doe".
func hasSuffixWords(long, short string) bool {
	lw, sw := strings.Fields(long), strings.Fields(short)
	if len(sw) > len(lw) {
		return false
	}
	for i := range sw {
		if !strings.EqualFold(lw[len(lw)-len(sw)+i], sw[i]) {
			return false
		}
	}
	return true
}

func lastKey(full string) string {
	f := strings.Fields(full)
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(f[len(f)-1])
}

// roleWords are the lower-case words a role before a name is made of.
var roleWords = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "minister": true, "president": true,
	"leader": true, "official": true, "chief": true, "head": true, "secretary": true, "director": true,
	"ambassador": true, "envoy": true, "adviser": true, "advisor": true, "aide": true, "senator": true,
	"governor": true, "mayor": true, "chairman": true, "chairwoman": true, "chair": true, "ceo": true,
	"analyst": true, "professor": true, "expert": true, "correspondent": true, "reporter": true,
	"editor": true, "commander": true, "general": true, "prime": true, "deputy": true, "foreign": true,
	"former": true, "top": true, "senior": true, "vice": true, "representative": true, "lawmaker": true,
	"congressman": true, "congresswoman": true, "candidate": true, "nominee": true, "attorney": true,
	"lawyer": true, "judge": true, "prosecutor": true, "economist": true, "strategist": true,
	"founder": true, "manager": true, "executive": true, "officer": true, "acting": true, "press": true,
	"campaign": true, "party": true, "state": true, "chancellor": true, "coach": true, "captain": true,
	"columnist": true, "host": true, "activist": true, "historian": true, "researcher": true,
	"scientist": true, "intelligence": true, "security": true, "national": true, "defense": true,
	"defence": true, "finance": true, "interior": true, "justice": true, "health": true, "council": true,
	"department": true, "ministry": true, "of": true, "for": true, "the": false, "and": true,
	"actor": true, "actress": true, "singer": true, "star": true, "rapper": true, "comedian": true,
	"author": true, "writer": true, "producer": true, "pastor": true, "player": true, "chef": true,
	"rep": true, "publicist": true, "agent": true, "friend": true,
	"member": true, "resident": true, "owner": true, "worker": true, "student": true, "teacher": true,
	"doctor": true, "detective": true, "sheriff": true, "police": true,
}

// titles are honorifics dropped from a name ("Mr.", "Dr.").
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "gov": true,
	"gen": true, "lt": true, "col": true, "prof": true, "sir": true, "dame": true, "lord": true,
	"president": true, "senator": true, "governor": true, "mayor": true, "minister": true,
	"secretary": true, "chancellor": true, "judge": true, "king": true, "queen": true, "pope": true,
	"prime": true, "chairman": true, "general": true, "ambassador": true, "premier": true,
}

// honorifics are titles of address, not roles.
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true, "dame": true, "lord": true, "lady": true}

// orgWords end or fill names of organisations and places, which are not
// persons: "White House", "New York Times".
var orgWords = map[string]bool{
	"house": true, "council": true, "ministry": true, "department": true, "times": true, "news": true,
	"post": true, "agency": true, "party": true, "union": true, "office": true, "committee": true,
	"court": true, "bank": true, "army": true, "force": true, "forces": true, "government": true,
	"state": true, "states": true, "nations": true, "press": true, "journal": true, "tribune": true,
	"herald": true, "guardian": true, "telegraph": true, "service": true, "network": true,
	"group": true, "company": true, "inc": true, "corp": true, "university": true, "institute": true,
	"foundation": true, "commission": true, "parliament": true, "congress": true, "senate": true,
	"administration": true, "police": true, "city": true, "county": true, "republic": true,
	"kingdom": true, "street": true, "square": true, "palace": true, "channel": true, "media": true,
	"daily": true, "weekly": true, "magazine": true, "review": true, "today": true, "wire": true,
	"television": true, "radio": true, "tv": true, "association": true, "organization": true,
	"organisation": true, "alliance": true, "federation": true, "club": true, "league": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true,
	"june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true,
}

// parseSource splits a source as written into a person (name and role)
// when it names one: "Finance spokeswoman Jane Doe" gives "Jane Doe",
// role "Finance spokeswoman"; "Jane Doe, a former adviser" gives role
// "former adviser"; "Doe's office" gives "Doe". ok is false when the
// source names no person ("the ministry", "two officials", "he").
func parseSource(src string) (p person, ok bool) {
	head, appos := src, ""
	if i := strings.Index(src, ","); i >= 0 {
		head, appos = src[:i], strings.TrimSpace(src[i+1:])
		// "the company's chief executive, Jane Doe": the name follows
		// its role.
		if seg := strings.TrimSpace(strings.Split(appos, ",")[0]); allNameWords(seg) && !allNameWords(head) {
			if p, ok := parseSource(seg); ok && len(strings.Fields(p.Full)) >= 2 {
				p.Role = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(head, "the "), "The "))
				return p, true
			}
		}
	}
	words := strings.Fields(head)
	// The name: the last run of capitalised words in the head before any
	// preposition ("officials close to Jane Doe" names nobody as source).
	end := len(words)
	for i, w := range words {
		if i > 0 && isLowerFunction(w) && w != "of" {
			end = i
			break
		}
	}
	words = words[:end]
	// "Doe's spokesman": the name qualifies the person who speaks.
	if n := len(words); n >= 2 && roleWords[strings.ToLower(words[n-1])] && trimPossessive(words[n-2]) != words[n-2] {
		return person{}, false
	}
	runEnd, runStart := -1, -1
	for i := len(words) - 1; i >= 0; i-- {
		w := trimPossessive(words[i])
		if isNameWord(w) {
			if runEnd < 0 {
				runEnd = i + 1
			}
			runStart = i
			continue
		}
		if runEnd >= 0 {
			break
		}
	}
	if runEnd < 0 {
		return person{}, false
	}
	name := make([]string, 0, runEnd-runStart)
	for _, w := range words[runStart:runEnd] {
		name = append(name, trimPossessive(w))
	}
	// Honorifics and capitalised titles ("President", "Sen.") belong to
	// the role, not the name.
	roleLead := append([]string(nil), words[:runStart]...)
	for t := len(name) - 2; t >= 0; t-- {
		if low := strings.ToLower(strings.TrimSuffix(name[t], ".")); titles[low] || roleWords[low] && low != "of" && low != "and" && low != "for" {
			roleLead = append(roleLead, name[:t+1]...)
			name = name[t+1:]
			break
		}
	}
	if !isPersonName(name) || onlyRoleWords(name) {
		return person{}, false
	}
	p.Full = strings.Join(name, " ")
	p.Last = strings.ToLower(name[len(name)-1])
	for len(roleLead) > 0 && honorifics[strings.ToLower(strings.TrimSuffix(roleLead[len(roleLead)-1], "."))] {
		roleLead = roleLead[:len(roleLead)-1]
	}
	role := roleFrom(roleLead)
	if role == "" && appos != "" && !strings.HasPrefix(appos, "who ") && !strings.HasPrefix(appos, "which ") && !strings.HasPrefix(appos, "whose ") {
		role = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(appos, "a "), "an "))
		role = strings.TrimPrefix(role, "the ")
	}
	p.Role = role
	return p, true
}

// roleFrom keeps the role words before a name: "Harbour Authority spokeswoman",
// "US National Security Council spokeswoman"; a leading article is
// dropped.
func roleFrom(words []string) string {
	for len(words) > 0 {
		w := strings.ToLower(words[0])
		if w == "the" || w == "a" || w == "an" || w == "but" || w == "and" {
			words = words[1:]
			continue
		}
		break
	}
	// Keep only the tail that looks like a role: capitalised modifiers
	// and role words.
	start := len(words)
	for i := len(words) - 1; i >= 0; i-- {
		w := words[i]
		if roleWords[strings.ToLower(w)] || isCapitalized(w) {
			start = i
			continue
		}
		break
	}
	words = words[start:]
	// Joiners belong inside a role ("Secretary of State"), not at its ends.
	for len(words) > 0 && joiners[strings.ToLower(words[0])] {
		words = words[1:]
	}
	for len(words) > 0 && joiners[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

var joiners = map[string]bool{"of": true, "for": true, "and": true, "the": true}

// isPersonName reports whether a run of capitalised words reads as a
// person's name: no organisation or calendar word, and either two or
// more words or one that is not an all-capital acronym.
func isPersonName(name []string) bool {
	if len(name) == 0 {
		return false
	}
	for _, w := range name {
		if orgWords[strings.ToLower(strings.TrimSuffix(w, "."))] {
			return false
		}
	}
	if strings.EqualFold(name[0], "the") {
		return false
	}
	if len(name) == 1 {
		w := name[0]
		if strings.ToUpper(w) == w || strings.Contains(w, ".") {
			return false // "NATO", "U.S."
		}
	}
	return true
}

// onlyRoleWords reports whether a capitalised run is a title without a
// name: "Foreign Secretary", "President".
func onlyRoleWords(name []string) bool {
	for _, w := range name {
		low := strings.ToLower(strings.TrimSuffix(w, "."))
		if !roleWords[low] && !titles[low] {
			return false
		}
	}
	return true
}

func isNameWord(w string) bool {
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	// "He", "The", "But": capitalised function words name nobody.
	low := strings.ToLower(strings.TrimRight(w, ".,;:"))
	return !lang.IsStopWord(low) || titles[low]
}

func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// allNameWords reports whether s is two to four name words.
func allNameWords(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 4 {
		return false
	}
	for _, w := range f {
		if !isNameWord(w) {
			return false
		}
	}
	return true
}

func trimPossessive(w string) string {
	for _, s := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(w, s) {
			return strings.TrimSuffix(w, s)
		}
	}
	return w
}

// isLowerFunction reports whether w is a lower-case preposition or
// relative word that ends the head of a source.
func isLowerFunction(w string) bool {
	switch w {
	case "to", "with", "from", "in", "at", "on", "by", "for", "close", "familiar", "who", "near", "linked", "approached", "inside", "within":
		return true
	}
	return false
}

// groupPronouns refer to a group or body named before.
var groupPronouns = map[string]bool{"they": true, "it": true, "we": true, "them": true}

// pronouns a source may be that refer to a person named before.
var pronouns = map[string]bool{"he": true, "she": true, "him": true, "her": true}

// resolver names the speakers of one article's relations, in text order.
type resolver struct {
	text  string
	rels  []attrib.Relation
	names *names
}

// speakerAt returns the speaker and role of relation k: the full name
// when its source names a person or is a pronoun that refers to one (the
// nearest earlier relation whose source names a person, else the last
// person named before it outside quotations), else the source as
// written.
func (rv *resolver) speakerAt(k int) (speaker, role string, isPerson bool) {
	r := rv.rels[k]
	return rv.resolve(r.Source, r.SourceText, k)
}

// resolve names the source src written at span s; before is the number
// of relations before it.
func (rv *resolver) resolve(s news.Span, src string, before int) (string, string, bool) {
	src = strings.TrimSpace(src)
	if p, ok := parseSource(src); ok {
		full, role := rv.names.full(p)
		return full, role, true
	}
	if full, role, ok := rv.names.byRole(src); ok {
		// "the foreign secretary" named elsewhere in the story.
		return full, role, true
	}
	if pronouns[strings.ToLower(src)] {
		for j := before - 1; j >= 0; j-- {
			prev := rv.rels[j]
			if prev.Source.Start >= s.Start {
				continue
			}
			if p, ok := parseSource(prev.SourceText); ok {
				full, role := rv.names.full(p)
				return full, role, true
			}
			if roleHead(prev.SourceText) {
				// "her publicist confirmed … he said": an unnamed person.
				if full, role, ok := rv.names.byRole(prev.SourceText); ok {
					return full, role, true
				}
				return prev.SourceText, "", false
			}
		}
		if p, ok := lastNameBefore(rv.text, s.Start); ok {
			full, role := rv.names.full(p)
			return full, role, true
		}
	}
	if groupPronouns[strings.ToLower(src)] {
		// "they said", "it said": the group or body quoted just before.
		for j := before - 1; j >= 0; j-- {
			prev := rv.rels[j]
			if prev.Source.Start >= s.Start || groupPronouns[strings.ToLower(prev.SourceText)] || pronouns[strings.ToLower(prev.SourceText)] {
				continue
			}
			name, role, person := rv.resolve(prev.Source, prev.SourceText, j)
			return name, role, person
		}
		return "", "", false
	}
	return src, "", false
}

// roleHead reports whether a source is a person named by a role ("her
// publicist", "the party's spokesman", "a senior aide").
func roleHead(src string) bool {
	head := src
	if i := strings.Index(head, ","); i >= 0 {
		head = head[:i]
	}
	words := strings.Fields(head)
	for i, w := range words {
		if i > 0 && isLowerFunction(w) {
			words = words[:i]
			break
		}
	}
	return len(words) > 0 && roleWords[strings.ToLower(words[len(words)-1])] && !joiners[strings.ToLower(words[len(words)-1])]
}

// lookback bounds how far before a pronoun lastNameBefore looks, in
// bytes.
const lookback = 2000

// lastNameBefore finds the last capitalised name of a person written
// before pos outside quotation marks, skipping sentence-initial words.
func lastNameBefore(text string, pos int) (person, bool) {
	// Look back a few paragraphs at most: a pronoun refers to someone
	// named recently.
	from := max(0, pos-lookback)
	for from > 0 && from < pos && !utf8.RuneStart(text[from]) {
		from++
	}
	prefix := text[from:pos]
	// Blank out quotations.
	var b strings.Builder
	in := false
	for _, r := range prefix {
		switch r {
		case '“', '”', '"':
			in = r == '“' || (r == '"' && !in)
			b.WriteRune(' ')
			continue
		}
		if in {
			b.WriteRune(' ')
		} else {
			b.WriteRune(r)
		}
	}
	words := strings.Fields(b.String())
	for i := len(words) - 1; i >= 1; i-- {
		w := strings.TrimRight(words[i], ".,;:!?)")
		if !isNameWord(w) || strings.HasSuffix(words[i-1], ".") && !titles[strings.ToLower(strings.TrimSuffix(words[i-1], "."))] {
			continue
		}
		j := i
		for j > 0 && isNameWord(strings.TrimRight(words[j-1], ",")) && !strings.HasSuffix(words[j-1], ",") && !strings.HasSuffix(words[j-1], ".") {
			j--
		}
		if p, ok := parseSource(strings.Join(words[j:i], " ") + " " + w); ok {
			return p, true
		}
	}
	return person{}, false
}

// collectNames records every person named as a source in the story's
// relations, then every name of two or more words in its texts, so that
// short forms resolve across articles ("Doe" to "Jane Doe"). Roles
// written beside sources come first.
func collectNames(n *names, rels [][]attrib.Relation, arts []*news.Article) {
	for _, rs := range rels {
		for _, r := range rs {
			if p, ok := parseSource(r.SourceText); ok {
				n.add(p)
			}
		}
	}
	for _, a := range arts {
		for _, p := range textNames(a.Text) {
			n.add(p)
		}
	}
}

// textNames returns the names of persons of two or more words written in
// text, with the role words before them ("Finance spokeswoman Jane
// Doe"). Headline-like lines, mostly capitalised, are skipped.
func textNames(text string) []person {
	var out []person
	for _, line := range strings.Split(text, "\n") {
		words := strings.Fields(line)
		caps := 0
		for _, w := range words {
			if isNameWord(w) {
				caps++
			}
		}
		if len(words) == 0 || caps*3 > len(words)*2 {
			continue
		}
		for i := 0; i < len(words); i++ {
			if !isNameWord(words[i]) {
				continue
			}
			j := i
			for j < len(words) && isNameWord(words[j]) {
				j++
				if strings.ContainsAny(words[j-1], ",;:.!?)") && !strings.HasSuffix(words[j-1], ".") || strings.HasSuffix(words[j-1], ".") && len(words[j-1]) > 3 {
					break
				}
			}
			if j-i >= 2 {
				from := i
				for from > 0 && from > i-3 && roleWords[strings.ToLower(words[from-1])] {
					from--
				}
				src := strings.TrimRight(strings.Join(words[from:j], " "), ",;:.!?)'’")
				if p, ok := parseSource(src); ok && len(strings.Fields(p.Full)) >= 2 {
					out = append(out, p)
				}
			}
			i = j
		}
	}
	return out
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
